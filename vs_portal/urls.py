from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

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
    path("account/", include("accounts.urls")),
    path("meldingen/", include("notifications.urls")),
    path("api/", include("vs_portal.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("toegankelijkheid", AccessibilityStatementView.as_view(), name="accessibility"),
]
