from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSettingsConfig(AppConfig):
    name = "sitesettings"
    verbose_name = _("Site-instellingen")
