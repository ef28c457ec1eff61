from celery import shared_task

from . import services


@shared_task(bind=True, ignore_result=True)
def prune_old_records(self) -> dict[str, int]:
    """Remove audit events, notifications and absences past their retention (beat, nightly). Safe to run twice:
    a second run finds nothing more to delete."""
    return services.records_prune()
