from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScanConfig(AppConfig):
    """The scan of the municipal safety plans and the other sources (layer 3, above planning)."""

    name = "scan"
    verbose_name = _("Scan")

    def ready(self):
        from . import fragments

        fragments.connect()
