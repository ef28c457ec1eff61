from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Helpers that several apps share. Core imports no app of the project (tests/test_layers.py)."""

    name = "core"
    verbose_name = _("Gedeelde onderdelen")

    def ready(self):
        from . import lookups
        from .admin_names import name_third_party_apps_in_dutch

        lookups.register()
        name_third_party_apps_in_dutch()
