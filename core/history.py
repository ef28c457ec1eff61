"""Version lists for the history pages: who changed what, when, field by field.

Built on django-simple-history's ``diff_against``. Foreign keys come from ``select_related`` on the historical
records and many-to-many snapshots from one query, so a page costs the same number of queries however many
versions or milestones there are.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import DeletedObject
from simple_history.utils import get_m2m_reverse_field_name

from .dates import format_date, format_when

EMPTY = "—"

HISTORY_TYPE_LABELS = {
    "+": gettext_lazy("aangemaakt"),
    "~": gettext_lazy("gewijzigd"),
    "-": gettext_lazy("verwijderd"),
}

# Milestone dates are stored as three columns but read as one "date or period".
WHEN_FIELDS = ("starts_on", "ends_on", "precision")


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Version:
    record: models.Model
    changed_at: datetime.datetime
    user: str
    action: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def is_creation(self) -> bool:
        return self.record.history_type == "+"


def _display(model_field, value) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, DeletedObject):
        return _("(verwijderd)")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return str(value)


def _m2m_snapshots(records, m2m_field: str) -> dict[int, set[int]]:
    """For every historical record, the ids its many-to-many field pointed at then (one query)."""
    history_model = type(records[0])
    through_history = getattr(history_model, m2m_field).model
    original_field = history_model.instance_type._meta.get_field(m2m_field)
    target_name = f"{get_m2m_reverse_field_name(original_field)}_id"
    snapshots = defaultdict(set)
    rows = through_history.objects.filter(history_id__in=[r.history_id for r in records]).values(
        "history_id", target_name
    )
    for row in rows:
        snapshots[row["history_id"]].add(row[target_name])
    return snapshots


def history_versions(
    history_queryset,
    *,
    select_related: tuple[str, ...] = (),
    m2m_fields: tuple[str, ...] = (),
    exclude: tuple[str, ...] = ("process",),
    combine_when: bool = False,
) -> list[Version]:
    """Every version of one object, newest first, each with its changes against the version before.

    ``combine_when`` shows a milestone's starts_on/ends_on/precision as one "Datum of periode" change.
    """
    records = list(history_queryset.select_related("history_user", *select_related).order_by("history_id"))
    if not records:
        return []
    model = records[0].instance_type
    snapshots = {name: _m2m_snapshots(records, name) for name in m2m_fields}
    target_titles = {}
    for name in m2m_fields:
        ids = set().union(*snapshots[name].values()) if snapshots[name] else set()
        related_model = model._meta.get_field(name).related_model
        target_titles[name] = {obj.pk: str(obj) for obj in related_model._default_manager.filter(pk__in=ids)}

    versions = []
    previous = None
    for record in records:
        changes: list[FieldChange] = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=[*m2m_fields, *exclude], foreign_keys_are_objs=True)
            changed = {change.field: change for change in delta.changes}
            if combine_when and changed.keys() & set(WHEN_FIELDS):
                changes.append(
                    FieldChange(
                        _("Datum of periode"),
                        format_when(previous.starts_on, previous.ends_on, previous.precision),
                        format_when(record.starts_on, record.ends_on, record.precision),
                    )
                )
                for name in WHEN_FIELDS:
                    changed.pop(name, None)
            field_order = [f.name for f in model._meta.fields]
            for name, change in sorted(changed.items(), key=lambda item: field_order.index(item[0])):
                model_field = model._meta.get_field(name)
                changes.append(
                    FieldChange(
                        str(model_field.verbose_name).capitalize(),
                        _display(model_field, change.old),
                        _display(model_field, change.new),
                    )
                )
        for name in m2m_fields:
            old_ids = snapshots[name].get(previous.history_id, set()) if previous is not None else set()
            new_ids = snapshots[name].get(record.history_id, set())
            if old_ids != new_ids:
                titles = target_titles[name]

                def names(ids, titles=titles):
                    return "; ".join(sorted(titles.get(pk, _("(verwijderd)")) for pk in ids)) or EMPTY

                changes.append(
                    FieldChange(
                        str(model._meta.get_field(name).verbose_name).capitalize(), names(old_ids), names(new_ids)
                    )
                )
        versions.append(
            Version(
                record=record,
                changed_at=record.history_date,
                user=str(record.history_user) if record.history_user_id else _("onbekend (systeem)"),
                action=str(HISTORY_TYPE_LABELS.get(record.history_type, record.history_type)),
                changes=changes,
            )
        )
        previous = record
    versions.reverse()
    return versions
