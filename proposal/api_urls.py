"""The proposal's API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("proposals", api.ProposalViewSet, basename="proposal")
router.register("goal-plans", api.GoalPlanViewSet, basename="plan")

urlpatterns = router.urls
