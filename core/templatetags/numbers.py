"""{% load numbers %}: {{ value|number }}, {{ amount|amount }} and {{ share|percent }} in the reader's language."""

from django import template

from core import numbers

register = template.Library()


@register.filter
def number(value, decimal_places=None):
    """{{ 10000|number }} -> '10.000'; empty for None."""
    if value is None or value == "":
        return ""
    return numbers.format_number(value, decimal_places)


@register.filter
def amount(value):
    """{{ goal.financing_amount|amount }} -> '€ 50.000,00'; empty for None."""
    if value is None or value == "":
        return ""
    return numbers.format_amount(value)


@register.filter
def percent(value, places=1):
    if value is None or value == "":
        return ""
    return numbers.format_percent(value, places)
