"""Template filters of the long list."""

from django import template
from django.utils.formats import number_format

from core.dates import format_date

register = template.Library()


@register.filter
def dutch_date(value) -> str:
    """'4 april 2018'."""
    return format_date(value) if value else ""


@register.filter
def percent(value, decimals=1) -> str:
    """45.5 -> '45,5%'; ``|percent:2`` for a threshold such as 66,67%."""
    return f"{number_format(value, int(decimals))}%" if value is not None else ""
