"""The monitoring's API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("monitoring/moments", api.MomentViewSet, basename="moment")
router.register("monitoring/indicators", api.IndicatorViewSet, basename="indicator")
router.register("monitoring/measurements", api.MeasurementViewSet, basename="measurement")
router.register("monitoring/progress", api.ProgressViewSet, basename="progress")
router.register("monitoring/reports", api.ProgressReportViewSet, basename="report")

urlpatterns = router.urls
