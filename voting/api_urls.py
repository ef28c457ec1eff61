"""The DVO choice's API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("ballots", api.BallotViewSet, basename="ballot")
router.register("rounds", api.RoundViewSet, basename="round")
router.register("results", api.ResultViewSet, basename="result")

urlpatterns = router.urls
