from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Midterm en endterm reviews")

    def ready(self):
        from monitoring.hooks import REPORT_ADOPTED
        from planning.hooks import PROCESS_COPIED
        from priorities.hooks import LONGLIST_PANELS

        from .feed import on_process_copied, on_report_adopted
        from .panels import previous_period_panel

        PROCESS_COPIED.register(on_process_copied)
        REPORT_ADOPTED.register(on_report_adopted)
        LONGLIST_PANELS.register(previous_period_panel)
