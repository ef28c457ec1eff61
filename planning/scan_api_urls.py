"""API of the scan: themes, municipal plans and sources."""

from rest_framework.routers import SimpleRouter

from . import scan_api

router = SimpleRouter()
router.register("themes", scan_api.ThemeViewSet, basename="theme")
router.register("municipal-plans", scan_api.MunicipalPlanViewSet, basename="municipalplan")
router.register("plan-themes", scan_api.PlanThemeViewSet, basename="plantheme")
router.register("sources", scan_api.SourceViewSet, basename="source")
router.register("scan-shares", scan_api.ScanShareViewSet, basename="scan-share")

urlpatterns = router.urls
