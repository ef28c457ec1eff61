from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "voting"
    verbose_name = _("DVO-keuze")

    def ready(self):
        # Voting builds on the long list; the long list learns what reopening means for the DVOs through its hook.
        from planning.hooks import TODOS
        from priorities.hooks import REOPEN_WARNINGS

        from .selectors import longlist_reopen_warning
        from .todos import voting_todos

        REOPEN_WARNINGS.register(longlist_reopen_warning)
        TODOS.register(voting_todos)
