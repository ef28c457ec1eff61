"""The toets's API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("check-requests", api.CheckRequestViewSet, basename="check-request")

urlpatterns = router.urls
