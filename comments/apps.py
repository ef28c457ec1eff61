from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Comments on the long list's priorities and on draft goals (issue 16): threads, mentions that notify, history,
    resolved or open per thread. It contributes the counts and the panels to the long list's and the goals' pages
    through their hooks, and the mentions to the notifications through a reminder source of its own."""

    name = "comments"
    verbose_name = _("Reacties")

    def ready(self):
        from documents.hooks import GOAL_LIST_COLUMNS, GOAL_PANELS
        from notifications.sources import REMINDER_SOURCES
        from priorities.hooks import PRIORITY_LIST_COLUMNS, PRIORITY_PANELS

        from . import panels
        from .mentions import MENTION_SOURCE

        REMINDER_SOURCES.register(MENTION_SOURCE)
        PRIORITY_LIST_COLUMNS.register(panels.priority_column)
        PRIORITY_PANELS.register(panels.priority_panel)
        GOAL_LIST_COLUMNS.register(panels.goal_column)
        GOAL_PANELS.register(panels.goal_panel)
