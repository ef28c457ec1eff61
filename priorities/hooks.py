"""Where higher apps contribute to the long list (core.hooks): they register in their AppConfig.ready()."""

from core.hooks import Hook

REOPEN_WARNINGS = Hook(
    "priorities.reopen_warnings",
    "Warnings when staff reopen a frozen long list (e.g. DVOs already chose from it): functions (process) -> a "
    "Dutch message, or '' when there is nothing to say. Called by priorities.services.longlist_reopen.",
)

LONGLIST_PANELS = Hook(
    "priorities.longlist_panels",
    "Panels under the long list's table: functions (process, priorities, user) -> core.panels.Panel | None, each "
    "a fixed number of queries whatever the number of priorities (``priorities`` come with their themes). The "
    "reviews app shows per candidate priority how the corresponding goal did in the previous period.",
)

PRIORITY_LIST_COLUMNS = Hook(
    "priorities.list_columns",
    "Columns of the long list's table: functions (user, objects) -> core.panels.Column | None, each a fixed number "
    "of queries whatever the number of priorities (comments: the open threads per priority).",
)

PRIORITY_PANELS = Hook(
    "priorities.priority_panels",
    "Panels on a priority's page: functions (priority, user) -> core.panels.Panel | None (comments: its threads).",
)
