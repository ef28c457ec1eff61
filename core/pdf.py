"""PDF rendering with WeasyPrint, and the only way WeasyPrint reaches for a resource while it renders: the
document and its versions (documents/rendering/) and the result of a round (voting/exports.py) both use it.

Rendered content includes text that staff typed (sanitised, but still theirs), so the renderer must never become
a way to read the server's files or to reach the network (SSRF: ``file:///etc/passwd``, the cloud metadata
address ``http://169.254.169.254/``, an internal host). The fetcher below serves the project's own static files
and nothing else:

- Our templates point at ``STATIC_ORIGIN`` (a reserved ``.invalid`` host that never resolves); relative URLs in
  our stylesheets resolve against it. Such a URL is mapped to a file through the staticfiles finders (or
  STATIC_ROOT), with ``..`` refused and the resolved path checked to stay inside a static folder.
- ``data:`` URLs are served only for raster images (PNG, JPEG, GIF).
- Anything else (http, https to another host, file, ftp, data of another type) raises ``RefusedURL``. WeasyPrint
  logs the failure and leaves the resource out; the rendering goes on.

The fetcher inherits ``weasyprint.URLFetcher`` (WeasyPrint 70) with redirects off and no protocol allowed for its
own opener, and never calls the inherited ``fetch``: no socket is ever opened. WeasyPrint 68 made HTTP redirects
go through the custom fetcher (CVE-2025-68616) and 70 uses the document's own fetcher for stylesheets and
metadata passed as Python arguments (GHSA-r543-q48m-4c9j); we rely on neither, but run on a release with both.
"""

import base64
import binascii
import gc
import logging
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse

logger = logging.getLogger(__name__)

# The base URL of our own static files inside a rendering. ".invalid" is reserved (RFC 2606): even if a URL with
# it escaped this module, it could not resolve.
STATIC_ORIGIN = "https://vs-portaal.invalid/static/"

# What a static file may be: stylesheets, fonts and images. No HTML, no scripts, nothing else.
STATIC_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
}
# Only raster images inline: an inline SVG or stylesheet could carry references of its own.
DATA_TYPES = {"image/png", "image/jpeg", "image/gif"}
MAX_DATA_BYTES = 2 * 1024 * 1024


class RefusedURL(ValueError):
    """The URL is not one of ours; WeasyPrint leaves the resource out."""


class StaticFilesFetcher(URLFetcher):
    """Serves the project's static files and inline raster images; refuses every other URL.

    ``requested`` and ``refused`` list the URLs seen, for logging and for the tests that prove the refusal.
    """

    def __init__(self):
        # No protocol for the inherited opener and no redirects: should anything ever reach it, it refuses.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False, timeout=1)
        self.requested: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        self.requested.append(url)
        try:
            if url.startswith(STATIC_ORIGIN):
                return self._static(url)
            if url[:5].lower() == "data:":
                return self._data(url)
            raise RefusedURL("only the project's own static files can be used in a document")
        except RefusedURL as refusal:
            self.refused.append(url)
            logger.warning("Refused URL in a rendering: %.200s (%s)", url, refusal)
            raise

    def _static(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.query or parts.fragment:
            url = url.split("?", 1)[0].split("#", 1)[0]
        relative = unquote(url[len(STATIC_ORIGIN) :])
        path = static_path(relative)
        content_type = STATIC_TYPES[path.suffix.lower()]
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    def _data(self, url: str) -> URLFetcherResponse:
        header, comma, payload = url[5:].partition(",")
        if not comma:
            raise RefusedURL("malformed data URL")
        params = [part.strip().lower() for part in header.split(";")]
        mime_type = params[0]
        if mime_type not in DATA_TYPES or "base64" not in params[1:]:
            raise RefusedURL(f"data URL of type {mime_type or 'text/plain'!r}")
        try:
            body = base64.b64decode(unquote(payload), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise RefusedURL("data URL that is not valid base64") from exc
        if len(body) > MAX_DATA_BYTES:
            raise RefusedURL("data URL too large")
        return URLFetcherResponse("data:", body, {"Content-Type": mime_type})


def static_roots() -> list[Path]:
    """The folders our static files may come from: the app and project static folders, and STATIC_ROOT."""
    roots = [Path(location) for location in _finder_locations()]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


def _finder_locations():
    for finder in finders.get_finders():
        storages = getattr(finder, "storages", {})
        for storage in storages.values():
            location = getattr(storage, "location", None)
            if location:
                yield location


def static_path(relative: str) -> Path:
    """The file of a static path such as ``fonts/DejaVuSans.ttf``, or RefusedURL.

    Refuses traversal (``..``, absolute paths, backslashes, NUL), unknown file types, and any path that resolves
    (through symlinks too) outside the static folders.
    """
    segments = relative.split("/")
    if (
        not relative
        or relative.startswith("/")
        or "\\" in relative
        or "\x00" in relative
        or any(segment in ("", ".", "..") for segment in segments)
    ):
        raise RefusedURL("not a plain static path")
    if Path(relative).suffix.lower() not in STATIC_TYPES:
        raise RefusedURL("not a stylesheet, font or image")
    found = finders.find(relative)
    if not found and settings.STATIC_ROOT:
        candidate = Path(settings.STATIC_ROOT) / relative
        found = str(candidate) if candidate.is_file() else None
    if not found:
        raise RefusedURL("no such static file")
    path = Path(os.path.realpath(found))
    if not path.is_file() or not any(path.is_relative_to(root) for root in static_roots()):
        raise RefusedURL("outside the static folders")
    return path


def static_url(relative: str) -> str:
    """The URL of one of our static files inside a rendering."""
    return STATIC_ORIGIN + relative


# How many renderings in this process have the collector paused, and whether it was running before the first.
_pause_lock = threading.Lock()
_pauses = 0
_collector_was_enabled = False


@contextmanager
def collector_paused():
    """Run a rendering without Python's cyclic garbage collector, and collect its garbage once at the end.

    WeasyPrint allocates some million short-lived objects for the demo document (boxes, styles, PDF objects); each
    200th gen-0 collection and the full ones that follow walk every object of the process, Django's included.
    Measured on the demo document (bench/pdf_render.py): 15-30 % of a rendering's time was the collector, more with
    PDF/UA (its tags are another few hundred thousand objects). Nothing a rendering makes outlives it, so one
    generation-0 collection afterwards (everything made meanwhile is still in generation 0) frees its cycles: a few
    milliseconds. Reference counting frees everything else as it goes, so memory grows only by the cycles of one
    rendering.

    Safe with threads and nested use: the collector runs again when the last rendering in the process is done,
    and only if it was running before the first.
    """
    global _pauses, _collector_was_enabled
    with _pause_lock:
        if _pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            last = _pauses == 0
            if last and _collector_was_enabled:
                gc.enable()
        if last:
            gc.collect(0)


def html_to_pdf(html: str) -> bytes:
    """Render our own HTML to PDF, with the static-files fetcher as the only way to reach a resource.

    Stylesheets and images in ``html`` point at ``static_url(...)``; relative URLs resolve against
    ``STATIC_ORIGIN``.
    """
    from weasyprint import HTML

    with collector_paused():
        return HTML(string=html, base_url=STATIC_ORIGIN, url_fetcher=StaticFilesFetcher()).write_pdf()
