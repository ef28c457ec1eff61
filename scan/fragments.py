"""The version of the scan's data for cached fragments (core.fragments): moved on by every save and delete of
what the scan matrix shows (themes, plans, plan themes, municipalities and districts), whatever made it (services,
forms, the admin, the demo, the import). Bulk writes that bypass ``save()`` call ``scan_changed()`` themselves."""

from django.db.models.signals import post_delete, post_save

from core.fragments import bump

SCAN_AREA = "scan"


def scan_changed(**_kwargs) -> None:
    bump(SCAN_AREA)


def connect() -> None:
    """Called once from ScanConfig.ready()."""
    from planning.models import District, Municipality

    from .models import MunicipalPlan, PlanTheme, Theme

    for model in (Theme, MunicipalPlan, PlanTheme, Municipality, District):
        post_save.connect(scan_changed, sender=model, dispatch_uid=f"scan-fragments-save-{model.__name__}")
        post_delete.connect(scan_changed, sender=model, dispatch_uid=f"scan-fragments-delete-{model.__name__}")
