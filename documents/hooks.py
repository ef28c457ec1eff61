"""What higher apps may contribute to the document.

``DOCUMENT_CHAPTERS``: functions ``(document) -> list[documents.content.Section]`` that add generated chapters at
the end of the document (the councils' consultation, ...). They are part of the content, so a new version keeps
them in its snapshot exactly as they read then. Each function costs a fixed number of queries.
"""

from core.hooks import Hook

DOCUMENT_CHAPTERS = Hook(
    "documents.DOCUMENT_CHAPTERS", "Generated chapters that higher apps add at the end of the VS/MJB document."
)

GOAL_LIST_COLUMNS = Hook(
    "documents.GOAL_LIST_COLUMNS",
    "Columns of the goals' table: functions (user, objects) -> core.panels.Column | None, each a fixed number of "
    "queries whatever the number of goals (comments: the open threads per goal).",
)

GOAL_PANELS = Hook(
    "documents.GOAL_PANELS",
    "Panels on a goal's page: functions (goal, user) -> core.panels.Panel | None (comments: its threads).",
)
