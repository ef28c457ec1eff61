"""The planning's API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("processes", api.ProcessViewSet, basename="process")
router.register("milestones", api.MilestoneViewSet, basename="milestone")
router.register("actions", api.ActionViewSet, basename="action")
router.register("districts", api.DistrictViewSet, basename="district")
router.register("municipalities", api.MunicipalityViewSet, basename="municipality")

urlpatterns = router.urls
