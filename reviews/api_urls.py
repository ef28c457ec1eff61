"""The reviews' API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("reviews", api.ReviewViewSet, basename="review")

urlpatterns = router.urls
