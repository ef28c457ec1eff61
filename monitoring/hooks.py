"""Where higher apps follow the monitoring (core.hooks): they register in their AppConfig.ready()."""

from core.hooks import Hook

REPORT_ADOPTED = Hook(
    "monitoring.report_adopted",
    "What follows when the Bestuurscollege adopts a year's progress report (monitoring.services.report_transition), "
    "inside its transaction: functions (report, user) -> None. The reviews app makes it a source of the scan of "
    "every process that follows (copied before the report was adopted).",
)
