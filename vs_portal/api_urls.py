"""The REST API under /api/: each app's router, the OpenAPI schema and its offline docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

urlpatterns = [
    path("", include("planning.api_urls")),
    path("", include("planning.scan_api_urls")),
    path("", include("priorities.api_urls")),
    path("", include("voting.api_urls")),
    path("", include("documents.api_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]
