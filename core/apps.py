from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Helpers that several apps share. Core imports no app of the project (tests/test_layers.py)."""

    name = "core"
    verbose_name = _("Gedeelde onderdelen")

    def ready(self):
        from django.contrib import admin

        from . import admin_names, fragments, lookups

        lookups.register()
        fragments.connect_content()
        # After django.contrib.admin's ready() (it comes first in INSTALLED_APPS): every ModelAdmin is registered.
        admin_names.name_third_party_apps_in_dutch()
        admin_names.name_third_party_fields_in_dutch()
        admin_names.dutch_third_party_admins(admin.site)
