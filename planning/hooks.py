"""Where higher apps contribute to the planning's pages (core.hooks): they register in their AppConfig.ready()."""

from core.hooks import Hook

DASHBOARD_PANELS = Hook(
    "planning.dashboard_panels",
    "Panels under the phases on a process's dashboard: functions (process, user) -> core.panels.Panel | None, "
    "each a fixed number of queries.",
)

TODOS = Hook(
    "planning.todos",
    "What a user should do now, on the start page and a process's dashboard: functions (user, processes, now) -> "
    "list of planning.todo.Todo, each a fixed number of queries whatever the number of processes.",
)

COPY_SKIPS_MILESTONES = Hook(
    "planning.copy_skips_milestones",
    "Milestones that belong to the source process alone and are not copied into the next one (the monitoring's "
    "'Voortgangsrapportage <jaar> vastgesteld': the new process plans its own): functions (source) -> ids.",
)
