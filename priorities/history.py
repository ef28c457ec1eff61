"""The history of a priority beyond its own fields: its partners' roles, its criteria, and for users who may not see
confidential sources, the changes of the sources they may see.

Each list costs one query however long the history is.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.history import EMPTY, HISTORY_TYPE_LABELS, FieldChange, Version
from scan.models import Source

from .models import CriterionAssessment, PartnerRole, Priority


@dataclass
class RelatedVersion:
    changed_at: datetime.datetime
    user: str
    action: str
    subject: str
    detail: str


def _user(record) -> str:
    return str(record.history_user) if record.history_user_id else _("onbekend (systeem)")


def partner_role_versions(priority: Priority) -> list[RelatedVersion]:
    records = PartnerRole.history.filter(priority_id=priority.pk).select_related("history_user").order_by("-history_id")
    versions = []
    for record in records:
        role = record.instance
        versions.append(
            RelatedVersion(
                changed_at=record.history_date,
                user=_user(record),
                action=str(HISTORY_TYPE_LABELS.get(record.history_type, record.history_type)),
                subject=role.partner_display,
                detail=str(role.get_role_display()),
            )
        )
    return versions


def assessment_versions(priority: Priority) -> list[RelatedVersion]:
    records = (
        CriterionAssessment.history.filter(priority_id=priority.pk)
        .select_related("history_user")
        .order_by("-history_id")
    )
    versions = []
    for record in records:
        assessment = record.instance
        versions.append(
            RelatedVersion(
                changed_at=record.history_date,
                user=_user(record),
                action=str(HISTORY_TYPE_LABELS.get(record.history_type, record.history_type)),
                subject=str(assessment.get_criterion_display()),
                detail=f"{assessment.get_outcome_display()}: {assessment.justification}",
            )
        )
    return versions


def source_changes_for(versions: list[Version], *, visible_ids: set[int]) -> None:
    """Add to each version the change in the sources the user may see (confidential ones left out entirely)."""
    if not versions:
        return
    records = [version.record for version in versions]
    through = type(records[0]).sources.model
    snapshots: dict[int, set[int]] = {}
    for row in through.objects.filter(history_id__in=[r.history_id for r in records]).values("history_id", "source"):
        if row["source"] in visible_ids:
            snapshots.setdefault(row["history_id"], set()).add(row["source"])
    ids = set().union(*snapshots.values()) if snapshots else set()
    titles = dict(Source.objects.filter(pk__in=ids).values_list("pk", "title"))

    def names(source_ids):
        return "; ".join(sorted(titles.get(pk, _("(verwijderd)")) for pk in source_ids)) or EMPTY

    # versions run newest first; compare each with the one before it in time.
    chronological = list(reversed(versions))
    previous = None
    for version in chronological:
        old = snapshots.get(previous.record.history_id, set()) if previous else set()
        new = snapshots.get(version.record.history_id, set())
        if old != new:
            version.changes.append(FieldChange(_("Bronnen"), names(old), names(new)))
        previous = version
