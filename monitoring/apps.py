from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring van de doelstellingen")

    def ready(self):
        from notifications.sources import REMINDER_SOURCES
        from planning.hooks import COPY_SKIPS_MILESTONES

        from .reminders import MEASUREMENT_SOURCE
        from .selectors import report_milestone_ids

        REMINDER_SOURCES.register(MEASUREMENT_SOURCE)
        COPY_SKIPS_MILESTONES.register(report_milestone_ids)
