"""{% load history_labels %}: {{ change.field|history_field_label:record }}, a changed field's own (translated) name
on simple-history's history page in the admin, instead of its attribute name."""

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

register = template.Library()


@register.filter
def history_field_label(name, record):
    """'starts_on' of a historical milestone -> 'Begindatum'; the name itself when the model has no such field."""
    model = getattr(record, "instance_type", None)
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except (AttributeError, FieldDoesNotExist):
        return name
