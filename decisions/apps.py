from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    """The BBG's top five (layer 6, above voting): it decides on the round's result."""

    name = "decisions"
    verbose_name = _("Besluit BBG")

    def ready(self):
        # The lower apps' pages and services learn about the decision through the hooks they own.
        from planning.hooks import DASHBOARD_PANELS, TODOS
        from voting.hooks import RESULT_PANELS, ROUND_REOPEN_REFUSALS, ROUND_RESET

        from . import panels, services, todos

        DASHBOARD_PANELS.register(panels.dashboard_top_five)
        TODOS.register(todos.decision_todos)
        RESULT_PANELS.register(panels.result_decision)
        ROUND_REOPEN_REFUSALS.register(services.round_reopen_refusal)
        ROUND_RESET.register(services.decision_delete_on_reset)
