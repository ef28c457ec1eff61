from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring van de doelstellingen")

    def ready(self):
        from notifications.sources import REMINDER_SOURCES

        from .reminders import MEASUREMENT_SOURCE

        REMINDER_SOURCES.register(MEASUREMENT_SOURCE)
