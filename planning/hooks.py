"""Where higher apps contribute to the planning's pages (core.hooks): they register in their AppConfig.ready()."""

from core.hooks import Hook

DASHBOARD_PANELS = Hook(
    "planning.dashboard_panels",
    "Panels under the phases on a process's dashboard: functions (process, user) -> core.panels.Panel | None, "
    "each a fixed number of queries.",
)
