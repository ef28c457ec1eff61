"""The main navigation's links: one tag per link, so that the current page is marked (aria-current="page") in one
place, and a filter that tells a menu group it holds the current page."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


def _current(context) -> str:
    match = getattr(context.get("request"), "resolver_match", None)
    return match.view_name if match else ""


@register.simple_tag(takes_context=True)
def nav_link(context, view_name, label, *, dropdown=False, slug=None, also=""):
    """<li><a> to ``view_name`` (with the process's ``slug`` when given); marked current on that page or on one of
    the space-separated view names in ``also`` (the pages under it)."""
    url = reverse(view_name, kwargs={"slug": slug} if slug else None)
    current = _current(context) in {view_name, *also.split()}
    item = "" if dropdown else ' class="nav-item"'
    link = "dropdown-item" if dropdown else "nav-link"
    if current:
        return format_html(
            '<li{}><a class="{} active" href="{}" aria-current="page">{}</a></li>', item, link, url, label
        )
    return format_html('<li{}><a class="{}" href="{}">{}</a></li>', item, link, url, label)


@register.simple_tag(takes_context=True)
def nav_group_active(context, *prefixes) -> str:
    """The class "active" when the current view name starts with one of ``prefixes`` ("planning:milestone")."""
    current = _current(context)
    return "active" if current and any(current.startswith(prefix) for prefix in prefixes) else ""
