from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The partners' own part (issue 16): municipal contacts answer their ambtelijke toets in the portal, staff
    process the proposals."""

    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from notifications.sources import REMINDER_SOURCES

        from .reminders import CHECK_REQUEST_SOURCE

        REMINDER_SOURCES.register(CHECK_REQUEST_SOURCE)
