"""The render cache and the render task: a rendering is kept by content and kind, so the second request for the
same content does not call WeasyPrint again; the task is safe to run twice."""

import dataclasses
import json
import time

import pytest
import weasyprint

from demo.rendering import demo_content
from documents.models import Document, DocumentVersion
from documents.rendering import Kind
from documents.rendering import cache as render_cache
from documents.selectors import snapshot_of
from documents.tasks import render_document


def tiny_content(**changes):
    content = demo_content()
    content = dataclasses.replace(content, sections=content.sections[:1], capacity=[], goals=content.goals[:1])
    return dataclasses.replace(content, **changes)


@pytest.fixture
def private_storage(settings, tmp_path):
    root = tmp_path / "private"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root


@pytest.fixture
def layout_calls(monkeypatch):
    """How often WeasyPrint lays out a document: a wrapper around the real HTML.render."""
    calls = []
    original = weasyprint.HTML.render

    def counting_render(self, *args, **kwargs):
        calls.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", counting_render)
    return calls


def make_version(process, content, *, major=0, minor=3, status="concept"):
    document, _ = Document.objects.get_or_create(process=process, defaults={"title": content.document_title})
    return DocumentVersion.objects.create(
        document=document,
        major=major,
        minor=minor,
        status=status,
        snapshot=snapshot_of(content),
        fingerprint=content.fingerprint(),
    )


def test_the_second_rendering_of_the_same_content_comes_from_the_cache(private_storage, layout_calls):
    content = tiny_content()
    first = render_cache.rendered_file(content, Kind.DOCUMENT)
    started = time.perf_counter()
    second = render_cache.rendered_file(content, Kind.DOCUMENT)
    assert time.perf_counter() - started < 0.5
    assert first == second == f"renders/{content.fingerprint()}-document.pdf"
    assert len(layout_calls) == 1
    assert (private_storage / first).read_bytes().startswith(b"%PDF-")
    assert render_cache.render_status(content.fingerprint(), Kind.DOCUMENT) == {"status": "done", "progress": 100}


def test_changed_content_or_another_kind_is_rendered_anew(private_storage, layout_calls):
    content = tiny_content()
    render_cache.rendered_file(content, Kind.DOCUMENT)
    render_cache.rendered_file(tiny_content(version_label="0.4"), Kind.DOCUMENT)
    render_cache.rendered_file(content, Kind.LETTER)
    assert len(layout_calls) == 3
    assert len(list((private_storage / "renders").glob("*.pdf"))) == 3


def test_the_docx_is_cached_too(private_storage):
    content = tiny_content()
    name = render_cache.rendered_file(content, Kind.DOCX)
    assert name == f"renders/{content.fingerprint()}-docx.docx"
    assert (private_storage / name).read_bytes().startswith(b"PK")


def test_a_failed_rendering_says_failed_and_leaves_no_file(private_storage):
    content = tiny_content()

    def broken(*args, **kwargs):
        raise RuntimeError("layout blew up")

    with pytest.raises(RuntimeError):
        render_cache.rendered_file(content, Kind.DOCUMENT, renderer=broken)
    assert render_cache.render_status(content.fingerprint(), Kind.DOCUMENT)["status"] == "failed"
    assert render_cache.cached_file(content.fingerprint(), Kind.DOCUMENT) is None


def test_progress_is_reported_while_rendering(private_storage):
    content = tiny_content()
    seen = []

    def slow(content, kind, progress):
        for percent in (10, 40, 80):
            progress(percent)
            seen.append(render_cache.render_status(content.fingerprint(), kind))
        return b"%PDF-1.7 fake"

    render_cache.rendered_file(content, Kind.DOCUMENT, renderer=slow)
    assert seen == [
        {"status": "rendering", "progress": 10},
        {"status": "rendering", "progress": 40},
        {"status": "rendering", "progress": 80},
    ]


def test_unknown_rendering_is_pending_and_a_stale_one_failed(private_storage):
    fingerprint = tiny_content().fingerprint()
    assert render_cache.render_status(fingerprint, Kind.DOCUMENT) == {"status": "pending", "progress": 0}
    assert not render_cache.is_underway(fingerprint, Kind.DOCUMENT)
    render_cache.set_status(fingerprint, Kind.DOCUMENT, render_cache.Status.RENDERING, 40)
    assert render_cache.is_underway(fingerprint, Kind.DOCUMENT)
    status_file = private_storage / f"renders/{fingerprint}-document.pdf.status.json"
    stale = {"status": "rendering", "progress": 40, "updated": time.time() - render_cache.STALE_AFTER - 1}
    status_file.write_text(json.dumps(stale))
    assert render_cache.render_status(fingerprint, Kind.DOCUMENT) == {"status": "failed", "progress": 40}
    assert not render_cache.is_underway(fingerprint, Kind.DOCUMENT)


def test_render_task_renders_once_and_then_does_nothing(process, private_storage, layout_calls):
    content = tiny_content()
    version = make_version(process, content)
    name = render_document(version.pk, "document")
    assert render_document(version.pk, "document") == name
    assert len(layout_calls) == 1
    assert name == f"renders/{content.fingerprint()}-document.pdf"


def test_render_task_makes_no_pdfa_of_a_concept(process, private_storage, layout_calls):
    version = make_version(process, tiny_content())
    assert render_document(version.pk, "pdfa") is None
    assert layout_calls == []


def test_render_task_for_a_deleted_version_does_nothing(db, private_storage, layout_calls):
    assert render_document(987654, "document") is None
    assert layout_calls == []


def test_render_task_is_acks_late():
    assert render_document.acks_late is True


def test_prerendering_fills_the_cache_once(private_storage, document, staff, django_capture_on_commit_callbacks):
    from documents.services import version_create
    from documents.tasks import prerender_versions

    version = version_create(document=document, user=staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert prerender_versions([version]) == 1  # queued on commit; tasks run eagerly in the tests
    from documents.selectors import build_document_content

    assert render_cache.cached_file(build_document_content(version).fingerprint(), Kind.DOCUMENT)
    assert prerender_versions([version]) == 0  # already in the cache
