"""Cached page fragments, keyed on a version of the data they show and on who may see them.

A fragment (the scan matrix's tables, the dashboard's conflicts, ...) is rendered once per data version, language
and audience and then served from the shared cache (Redis in production, so every web replica sees the same
versions). Each kind of data has a version number in the cache (``data_version(area)``); every write to that data
moves it on (``bump(area)``), after the transaction commits, so a fragment is never served for data older than
the last committed write:

- a request reads the version *before* it reads the data, so a fragment rendered from data that a concurrent
  write then changed is stored under the old version, which no later request asks for;
- a version missing from the cache (evicted, flushed) starts again at the current time in nanoseconds, never at a
  number an older fragment may still be stored under.

The apps that own the data call ``bump`` where they write (their model signals catch the services, the forms,
the admin and the demo alike; bulk writes that bypass ``save()`` call it themselves).

**Audience.** A fragment is stored per ``audience``: a string that names everything about the user that the
fragment's content depends on (the role, the DVO, "every reader" when nothing). The caller states it; a fragment
with staff-only content must have an audience that no other role shares. Tests per fragment show that one made
for staff is never served to a secretary.

**Content.** The area ``content`` is the version of all the data the pages show: every save and delete of a model
of the project's apps (``CONTENT_APPS``: all but the notifications, the audit log and the search index, which no
fragment shows) moves it on, and so does every ``bump`` of another area (the bulk writes that call
``planning_changed`` or ``scan_changed``). A fragment that draws on many apps (the document's preview, the long
list's look at the previous period) is cached under it: any write anywhere renders it afresh, so it cannot miss a
dependency; reading far outnumbers writing, so it is still served from the cache nearly always.

A cache that does not answer (Redis down) costs the fragment's rendering, never the page.

**Names.** A fragment whose stored form changes (HTML to compressed pieces, say) gets a new name: the versions do
not move on a deploy, so the old release's entries stay in the cache under the old name, and a replica of either
release must never read the other's.

**Within one request** a version is read from the cache once (a page with two fragments of the same area asks
once); a ``bump`` in the request drops what it read. Outside a request (a task, the shell) every read asks.
"""

import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .layers import LAYERS

logger = logging.getLogger(__name__)

# A fragment is kept at most this long (seconds); its version makes it stale long before that.
FRAGMENT_TIMEOUT = 60 * 60


def _version_key(area: str) -> str:
    return f"fragments:version:{area}"


# The highest version this process has read or set: a version started afresh begins above it, so that a row kept
# by core.rows under an earlier number is never taken for the new data, even when the clock has not moved on.
_highest_seen = 0
_highest_lock = threading.Lock()


def _seen(value: int) -> int:
    global _highest_seen
    if value > _highest_seen:
        with _highest_lock:
            _highest_seen = max(_highest_seen, value)
    return value


def _fresh_version() -> int:
    """A version for an area missing from the cache: the current time in nanoseconds plus up to a millisecond at
    random (two processes starting one under a stopped clock), and above every version this process has seen, so
    that this worker's own memo (core.rows) never takes a row kept under an old number for the new data."""
    return _seen(max(time.time_ns() + secrets.randbelow(1_000_000), _highest_seen + 1))


# The versions read in the current request (this thread's), or None outside a request.
_request = threading.local()


def _request_versions() -> dict | None:
    return getattr(_request, "versions", None)


def _start_request(**_kwargs) -> None:
    _request.versions = {}


def _end_request(**_kwargs) -> None:
    _request.versions = None


def data_version(area: str) -> int:
    """The current version of ``area``'s data (created at the current time in nanoseconds when missing); read once
    per request."""
    versions = _request_versions()
    if versions is not None and area in versions:
        return versions[area]
    key = _version_key(area)
    value = cache.get(key)
    if value is None:
        cache.add(key, _fresh_version(), timeout=None)
        value = cache.get(key)
    value = _seen(int(value))
    if versions is not None:
        versions[area] = value
    return value


def _bump_now(areas: Iterable[str]) -> None:
    versions = _request_versions()
    for area in areas:
        if versions is not None:
            versions.pop(area, None)
        key = _version_key(area)
        try:
            _seen(cache.incr(key))
        except ValueError:  # not in the cache: start afresh, above every number it may have had
            cache.set(key, _fresh_version(), timeout=None)
        except Exception:  # the cache is down; its fragments went with it or are as old as its versions
            logger.warning("fragments: could not move the version of %s on", area, exc_info=True)


CONTENT_AREA = "content"
# The apps whose data a page shows: every app of the project but those no fragment draws on.
CONTENT_APPS = frozenset(LAYERS) - {"core", "audit", "notifications", "search", "archive", "demo"}


def bump(*areas: str) -> None:
    """Move the version of each area (and of ``content``) on now and again once the current transaction commits
    (once, outside one).

    The second move is the one that matters: a request that rendered the data between the write and the commit
    saw the old rows and stored them under the version of the first move. The first one serves the writer's own
    connection (a page rendered later in the same transaction, as in the tests)."""
    areas = tuple(dict.fromkeys([*areas, CONTENT_AREA]))
    _bump_now(areas)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump_now(areas))


def content_changed(**_kwargs) -> None:
    """Move the content's version on (a bulk write that bypasses ``save()`` calls it itself)."""
    bump(CONTENT_AREA)


# Saves that change nothing a page shows: a login stamps the user's last login.
_UNSHOWN_UPDATES = (frozenset({"last_login"}),)


def _model_changed(sender, update_fields=None, **_kwargs) -> None:
    # A history record (django-simple-history's model has ``instance_type``) follows a save of its own model, which
    # moves the version on already; a login's history record of the last login moves nothing a page shows.
    if hasattr(sender, "instance_type") or sender._meta.app_label not in CONTENT_APPS:
        return
    if frozenset(update_fields or ()) not in _UNSHOWN_UPDATES:
        bump(CONTENT_AREA)


def _relation_changed(sender, action: str, **_kwargs) -> None:
    if action.startswith("post_") and sender._meta.app_label in CONTENT_APPS:
        bump(CONTENT_AREA)


def connect_content() -> None:
    """Called once from CoreConfig.ready(): every model's saves and deletes, and every many-to-many change, of the
    content's apps move its version on; a request's start and end open and close its memo of versions."""
    request_started.connect(_start_request, dispatch_uid="fragments-request-started")
    request_finished.connect(_end_request, dispatch_uid="fragments-request-finished")
    post_save.connect(_model_changed, dispatch_uid="fragments-content-save")
    post_delete.connect(_model_changed, dispatch_uid="fragments-content-delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="fragments-content-m2m")


def fragment_key(name: str, *, areas: Iterable[str], audience: str, parts: Iterable[object] = ()) -> str:
    """The cache key of the fragment ``name`` for ``parts``, ``audience`` and the active language at the current
    versions of ``areas`` (tests use it to show that another audience or language never reads it)."""
    versions = ".".join(str(data_version(area)) for area in areas)
    return ":".join(["fragments", name, audience, get_language() or "", ".".join(str(p) for p in parts), versions])


def cached_fragment(
    name: str,
    *,
    areas: Iterable[str],
    audience: str,
    parts: Iterable[object] = (),
    render: Callable[[], object],
):
    """The fragment ``name`` for ``parts`` (e.g. the process and the sort order), ``audience`` and the active
    language at the current versions of ``areas``: from the cache, or ``render()`` (any picklable value, usually
    a string of HTML) stored there."""
    try:
        key = fragment_key(name, areas=areas, audience=audience, parts=parts)
        value = cache.get(key)
    except Exception:
        logger.warning("fragments: cache unavailable, rendering %s", name, exc_info=True)
        return render()
    if value is None:
        value = render()
        try:
            cache.set(key, value, timeout=FRAGMENT_TIMEOUT)
        except Exception:
            logger.warning("fragments: could not store %s", name, exc_info=True)
    return value


def cached_html(
    name: str,
    *,
    areas: Iterable[str],
    audience: str,
    parts: Iterable[object] = (),
    render: Callable[[], str],
) -> SafeString:
    """``cached_fragment`` for a piece of HTML that our own templates rendered (and escaped): marked safe for the
    page that shows it."""
    html = cached_fragment(name, areas=areas, audience=audience, parts=parts, render=render)
    return mark_safe(html)  # noqa: S308 - rendered by our templates, escaped there


# A cached part of a page with a form in it: rendered with this in place of the CSRF token, which each request then
# puts in (its own token, escaped as the template would). The rest of the part is the same for every reader.
CSRF_PLACEHOLDER = "__vs_csrf_token__"


def cached_form_pieces(
    name: str,
    *,
    request,
    deflated: Callable,
    areas: Iterable[str],
    audience: str,
    parts: Iterable[object] = (),
    render: Callable[[dict], str],
) -> SafeString:
    """``cached_fragment`` for a part with forms, kept compressed (core.deflated): ``render(extra)`` renders it
    with ``extra`` (the placeholder as ``csrf_token``) added to its context; the part is cut at each placeholder
    into pieces compressed once, and each request's own token goes between them, compressed with the rest of the
    page, never together with a piece. ``deflated`` is the view's ``DeflatedPiecesMixin.deflated``."""
    from django.middleware.csrf import get_token
    from django.utils.html import escape

    from .deflated import DeflatedHTML

    def pieces() -> list[DeflatedHTML]:
        html = render({"csrf_token": CSRF_PLACEHOLDER})
        return [DeflatedHTML.of(text) for text in html.split(CSRF_PLACEHOLDER)]

    kept = cached_fragment(name, areas=areas, audience=audience, parts=parts, render=pieces)
    token = escape(get_token(request))
    return mark_safe(token.join(deflated(piece) for piece in kept))  # noqa: S308 - ours, escaped
