"""The main navigation's links: one tag per link, so that the current page is marked (aria-current="page") in one
place, a filter that tells a menu group it holds the current page, and the process's menu and the account menu
rendered once per combination of what they depend on (``process_nav``, ``account_nav``)."""

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

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


# The process's menu (includes/nav/process.html) is a pure function of what this key holds: the template and the
# URLconf (fixed while the process runs), the process (its slug), the role flags and the secretary's district code, the
# current page, the language and the script prefix. So each worker renders each combination once and keeps it; no
# data is in it, so no write can make it stale, and a role or a district never gets another's menu.
_PROCESS_NAV: dict[tuple, str] = {}
_PROCESS_NAV_LIMIT = 4096


@register.simple_tag(takes_context=True)
def process_nav(context):
    process = context.get("process")
    user = context.get("user")
    secretary = bool(context.get("user_is_secretary"))
    key = (
        getattr(process, "slug", None),
        bool(context.get("user_is_staff")),
        secretary,
        user.district.code if secretary else None,  # read anyway for the account menu's badge
        _current(context),
        translation.get_language(),
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
    )
    html = _PROCESS_NAV.get(key)
    if html is None:
        # A rendered template is a SafeString already: the tag returns it unescaped.
        html = context.template.engine.get_template("includes/nav/process.html").render(context)
        if len(_PROCESS_NAV) >= _PROCESS_NAV_LIMIT:
            _PROCESS_NAV.clear()
        _PROCESS_NAV[key] = html
    return html


# The account menu (includes/nav/account.html) is, like the process's menu, rendered once per combination of what it
# shows: who the user is (name, role, DVO, admin flag), the number of unread notifications, the language and the
# URLconf. The three parts that differ per request are put in afterwards, escaped as the template would: the CSRF
# token, the current address (where the language form returns to) and the search box's text.
_ACCOUNT_NAV: dict[tuple, str] = {}
_ACCOUNT_NAV_LIMIT = 4096
_CSRF, _NEXT, _SEARCH = "__vs_csrf_token__", "__vs_language_next__", "__vs_search_query__"


@register.simple_tag(takes_context=True)
def account_nav(context):
    request, user = context.get("request"), context.get("user")
    template = context.template.engine.get_template("includes/nav/account.html")
    token = context.get("csrf_token")
    if request is None or user is None or not token or str(token) == "NOTPROVIDED":
        with context.push(language_next=request.get_full_path() if request else ""):
            return template.render(context)
    authenticated = user.is_authenticated
    # The context processor's count is lazy (SimpleLazyObject, which passes on str() but not int()).
    count = int(str(context.get("unread_notification_count") or 0)) if authenticated else 0
    key = (
        authenticated and user.pk,
        authenticated and (str(user), user.role, user.is_staff, user.is_municipal_contact, user.is_superuser),
        authenticated and user.district_id and user.district.code,
        bool(context.get("user_has_role")),
        count,
        translation.get_language(),
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
    )
    html = _ACCOUNT_NAV.get(key)
    if html is None:
        placeholders = {"csrf_token": _CSRF, "language_next": _NEXT, "search_query": _SEARCH}
        with context.push(unread_notification_count=count, **placeholders):
            html = template.render(context)
        if len(_ACCOUNT_NAV) >= _ACCOUNT_NAV_LIMIT:
            _ACCOUNT_NAV.clear()
        _ACCOUNT_NAV[key] = html
    return mark_safe(  # noqa: S308 - our template's output; what is put in is escaped here
        html.replace(_CSRF, escape(str(token)))
        .replace(_NEXT, escape(request.get_full_path()))
        .replace(_SEARCH, escape(context.get("search_query") or ""))
    )
