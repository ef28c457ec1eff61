from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Planning")

    def ready(self):
        from audit import retention

        from . import retention as planning_retention

        retention.register("planning", planning_retention.prune)

        from . import fragments

        fragments.connect()
