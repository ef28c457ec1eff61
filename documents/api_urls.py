"""The goals' and the document's API routes, included under /api/ by vs_portal/api_urls.py."""

from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("goals", api.GoalViewSet, basename="goal")
router.register("documents", api.DocumentViewSet, basename="document")

urlpatterns = router.urls
