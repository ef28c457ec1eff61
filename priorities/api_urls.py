"""The long list's API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("priorities", api.PriorityViewSet, basename="priority")
router.register("long-lists", api.LongListViewSet, basename="long-list")

urlpatterns = router.urls
