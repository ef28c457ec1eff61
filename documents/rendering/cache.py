"""Renderings kept by content: ``renders/<fingerprint>-<kind>.<ext>`` in the private storage (never under a public
URL; the download views check permissions and serve them), so a second download of the same version is immediate.

Equal content gives an equal fingerprint (DocumentContent.fingerprint), so the name is the cache key: there is
nothing to invalidate, a changed document is a new version with new content. After a change to the layout itself
(templates, pdf.css), clear ``renders/`` to have the old files made again.

Next to a rendering in progress lies ``<name>.status.json`` ({"status", "progress", "updated"}): it is shared by
the web process and a Celery worker without any other service. Files are written to a temporary name and moved
into place, so a reader never sees half a PDF.
"""

import json
import logging
import os
import time
import uuid
from collections.abc import Callable
from enum import StrEnum

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from documents.content import DocumentContent

from . import Kind, render

logger = logging.getLogger(__name__)

FOLDER = "renders"
# A rendering that has not reported progress for this long is taken to be lost (a worker that died): the next
# download starts it again.
STALE_AFTER = 10 * 60


class Status(StrEnum):
    PENDING = "pending"
    RENDERING = "rendering"
    DONE = "done"
    FAILED = "failed"


def storage():
    return storages["private"]


def file_name(fingerprint: str, kind: Kind) -> str:
    kind = Kind(kind)
    return f"{FOLDER}/{fingerprint}-{kind.value}.{kind.extension}"


def _status_name(fingerprint: str, kind: Kind) -> str:
    return f"{file_name(fingerprint, kind)}.status.json"


def cached_file(fingerprint: str, kind: Kind) -> str | None:
    """The storage name of the finished rendering, or None."""
    name = file_name(fingerprint, kind)
    return name if storage().exists(name) else None


def rendered_file(content: DocumentContent, kind: Kind, *, renderer: Callable | None = None) -> str:
    """The storage name of the rendering of ``content``, made now when it is not there yet. Safe to run twice at
    once: both write the same bytes, and the last move wins."""
    kind = Kind(kind)
    fingerprint = content.fingerprint()
    name = file_name(fingerprint, kind)
    if storage().exists(name):
        return name
    renderer = renderer or render
    set_status(fingerprint, kind, Status.RENDERING, 5)
    try:
        data = renderer(
            content, kind, progress=lambda percent: set_status(fingerprint, kind, Status.RENDERING, percent)
        )
    except Exception:
        set_status(fingerprint, kind, Status.FAILED, 0)
        raise
    _write(name, data)
    set_status(fingerprint, kind, Status.DONE, 100)
    return name


def render_status(fingerprint: str, kind: Kind) -> dict:
    """{"status": pending/rendering/done/failed, "progress": 0-100} of a rendering."""
    if cached_file(fingerprint, kind):
        return {"status": Status.DONE.value, "progress": 100}
    data = _read_status(fingerprint, kind)
    if data is None:
        return {"status": Status.PENDING.value, "progress": 0}
    status, progress = data.get("status"), int(data.get("progress", 0))
    if status in (Status.PENDING, Status.RENDERING) and time.time() - data.get("updated", 0) > STALE_AFTER:
        return {"status": Status.FAILED.value, "progress": progress}
    if status == Status.DONE:
        # The status says done but the file is gone (cleared): it has to be made again.
        return {"status": Status.PENDING.value, "progress": 0}
    if status not in Status.__members__.values():
        status = Status.PENDING.value
    return {"status": status, "progress": max(0, min(progress, 100))}


def is_underway(fingerprint: str, kind: Kind) -> bool:
    """A render of this content was asked for or is running, and has not gone stale."""
    data = _read_status(fingerprint, kind)
    return bool(
        data
        and data.get("status") in (Status.PENDING, Status.RENDERING)
        and time.time() - data.get("updated", 0) <= STALE_AFTER
    )


def set_status(fingerprint: str, kind: Kind, status: Status, progress: int = 0) -> None:
    payload = {"status": Status(status).value, "progress": int(progress), "updated": time.time()}
    _write(_status_name(fingerprint, kind), json.dumps(payload).encode())


def clear_status(fingerprint: str, kind: Kind) -> None:
    storage().delete(_status_name(fingerprint, kind))


def _read_status(fingerprint: str, kind: Kind) -> dict | None:
    name = _status_name(fingerprint, kind)
    try:
        with storage().open(name, "rb") as handle:
            return json.loads(handle.read())
    except (FileNotFoundError, ValueError):
        return None


def _write(name: str, data: bytes) -> None:
    """Put ``data`` under ``name``, replacing what is there, without a moment where half of it is visible."""
    target = storage()
    try:
        path = target.path(name)
    except NotImplementedError:
        # A storage without local paths (S3 and the like) writes objects whole anyway. With overwriting on (our S3
        # settings) a PUT replaces the object in one step; deleting it first would leave a moment without a status
        # file, in which another web replica takes the render for not started and asks for a second one.
        if not getattr(target, "file_overwrite", False) and target.exists(name):
            target.delete(name)
        target.save(name, ContentFile(data))
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{uuid.uuid4().hex}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)
