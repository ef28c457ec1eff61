"""The consultation's API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("consultation-rounds", api.ConsultationRoundViewSet, basename="consultation-round")
router.register("council-entries", api.CouncilEntryViewSet, basename="council-entry")

urlpatterns = router.urls
