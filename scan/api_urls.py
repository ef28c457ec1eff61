"""API of the scan: themes, municipal plans and sources."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("themes", api.ThemeViewSet, basename="theme")
router.register("municipal-plans", api.MunicipalPlanViewSet, basename="municipalplan")
router.register("plan-themes", api.PlanThemeViewSet, basename="plantheme")
router.register("sources", api.SourceViewSet, basename="source")
router.register("scan-shares", api.ScanShareViewSet, basename="scan-share")

urlpatterns = router.urls
