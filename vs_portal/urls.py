from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts import oidc
from sitesettings import views as sitesettings_views
from vs_portal.health import LivenessView, ReadinessView
from vs_portal.views import AccessibilityStatementView

admin.site.site_header = _("VS-portaal beheer")
admin.site.site_title = _("VS-portaal beheer")

urlpatterns = [
    path("", include("planning.urls")),
    path("", include("scan.urls")),
    path("", include("priorities.urls")),
    path("", include("voting.urls")),
    path("", include("decisions.urls")),
    path("", include("documents.urls")),
    path("", include("monitoring.urls")),
    path("", include("reviews.urls")),
    path("", include("consultation.urls")),
    path("", include("proposal.urls")),
    path("account/", include("accounts.urls")),
    # Single sign-on (OpenID Connect): 404 while it is not configured (accounts/oidc.py).
    path("oidc/authenticate/", oidc.AuthenticateView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", oidc.CallbackView.as_view(), name="oidc_authentication_callback"),
    path("oidc/koppelen/<uidb64>/<token>/", oidc.LinkView.as_view(), name="oidc_link"),
    path("_healthz/livez", LivenessView.as_view(), name="livez"),
    path("_healthz/readyz", ReadinessView.as_view(), name="readyz"),
    path("meldingen/", include("notifications.urls")),
    path("zoeken/", include("search.urls")),
    path("", include("partners.urls")),
    path("", include("comments.urls")),
    path("api/", include("vs_portal.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("toegankelijkheid", AccessibilityStatementView.as_view(), name="accessibility"),
    path("huisstijl/logo", sitesettings_views.logo, name="site_logo"),
]
