"""Find-or-update by natural key, for the demo's rows that no service governs (reference-like rows: phases,
people and their seats, absences, milestones, actions, sources)."""

from django.db import models


def upsert(result, label: str, model, lookup: dict, values: dict):
    """Get by natural key and update only the fields that differ, or create. Counts what it did."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        result.count(label, created=True)
        return obj
    changed = [name for name, value in values.items() if _current(obj, name) != _comparable(value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
        result.count(label, created=False)
    return obj


def _current(obj, name: str):
    # Compare foreign keys by id, so that checking for changes does not load every related row.
    return getattr(obj, obj._meta.get_field(name).attname)


def _comparable(value):
    return value.pk if isinstance(value, models.Model) else value
