"""The one way views and the API reach a goal, the document and a version: 404 for what is not this process's,
403 for a user who may read but asks to write (or may not read at all)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.fragments import CONTENT_AREA
from core.rows import cached_row
from planning.models import StrategyProcess

from .models import Document, DocumentVersion, Goal
from .selectors import version_by_label


def _check(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def get_goal_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Goal:
    perm = "documents.change_goal" if write else "documents.view_goal"
    _check(user, perm)
    goal = get_object_or_404(Goal.objects.select_related("process", "priority"), process=process, pk=pk)
    _check(user, perm, goal)
    return goal


def get_document_for_user(user, process: StrategyProcess, *, write: bool = False, request=None) -> Document | None:
    """The process's document, or None when it has not been started yet. With the page's ``request``, a GET reads
    it from the worker's memo (core.rows; every save of a document moves the content's version on)."""
    perm = "documents.change_document" if write else "documents.view_document"
    _check(user, perm)

    def fetch():
        return Document.objects.filter(process=process).first()

    document = cached_row(request, "document", area=CONTENT_AREA, lookup={"process": process.pk}, fetch=fetch)
    if document is not None:
        document.process = process  # the page's own (no query to read it back)
        _check(user, perm, document)
    return document


def get_version_for_user(user, process: StrategyProcess, label: str) -> DocumentVersion:
    """A stored version by its label ('0.3', '1.0'), for reading and downloading."""
    _check(user, "documents.view_document")
    document = Document.objects.filter(process=process).select_related("process").first()
    version = version_by_label(document, label) if document is not None else None
    if version is None:
        raise Http404
    _check(user, "documents.view_document", version)
    return version
