"""The REST API under /api/: each app's router, the OpenAPI schema and its offline docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from vs_portal.security import REDOC_CONTENT_SECURITY_POLICY, csp_override

urlpatterns = [
    path("", include("planning.api_urls")),
    path("", include("scan.api_urls")),
    path("", include("priorities.api_urls")),
    path("", include("voting.api_urls")),
    path("", include("decisions.api_urls")),
    path("", include("documents.api_urls")),
    path("", include("monitoring.api_urls")),
    path("", include("reviews.api_urls")),
    path("", include("search.api_urls")),
    path("", include("comments.api_urls")),
    path("", include("consultation.api_urls")),
    path("", include("proposal.api_urls")),
    path("", include("partners.api_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up code as a file (?script), not as an inline script: the site's
    # Content Security Policy allows no inline scripts.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    # Redoc starts its search in a blob: worker, which only this page's policy allows.
    path(
        "redoc/",
        csp_override(REDOC_CONTENT_SECURITY_POLICY)(SpectacularRedocView.as_view(url_name="api-schema")),
        name="api-redoc",
    ),
]
