"""bench/pdf_render.py's functions on a tiny document: both sides of the comparison render a PDF with our
stylesheet and fonts, and the cached download is measured through the view, 200 and then 304. No timing is
asserted (the figures are the bench's, not a test's)."""

import importlib.util
import io
from pathlib import Path

import pypdf
import pytest

from core.pdf import STATIC_ORIGIN
from documents.rendering import Kind
from documents.rendering.pdf import render_html
from tests.documents.test_rendering import make_version, private_storage, tiny_content  # noqa: F401

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "pdf_render.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("pdf_render", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_weasyprint_alone_gets_our_html_with_the_static_folder_and_uses_our_fonts(bench):
    html, base = bench.weasyprint_html(render_html(tiny_content(), Kind.DOCUMENT))
    assert STATIC_ORIGIN not in html
    assert base.startswith("file:///")
    assert base.endswith("/")
    assert f'href="{base}documents/pdf.css"' in html
    plain = pypdf.PdfReader(io.BytesIO(bench.weasyprint_alone(html, base)))
    # The shipped fonts, read from disk by WeasyPrint's own fetcher through our stylesheet's @font-face.
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in plain.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }
    assert "VS-Sans-Bold" in fonts  # our @font-face family over DejaVu Sans Bold
    assert "/StructTreeRoot" not in plain.trailer["/Root"]  # untagged: the plain write_pdf() of the issue
    tagged = pypdf.PdfReader(io.BytesIO(bench.weasyprint_alone(html, base, pdf_variant="pdf/ua-1")))
    assert "/StructTreeRoot" in tagged.trailer["/Root"]


def test_compare_times_both_sides_on_the_same_content(bench):
    row = bench.compare("tiny", tiny_content(), Kind.DOCUMENT, repeat=1)
    assert row.pages >= 1
    for side in (row.ours, row.weasyprint, row.weasyprint_ua):
        assert len(side.wall) == len(side.cpu) == 1
    assert row.ratio > 0
    assert row.cpu_ratio > 0
    assert row.ua_ratio > 0
    table = bench.markdown([row], None, 1)
    assert f"| tiny | {row.pages} |" in table
    assert "goal ≤ 1.1" in table


def test_cached_downloads_are_served_and_revalidated(bench, client, bbg_member, process, private_storage, settings):  # noqa: F811
    settings.CELERY_TASK_ALWAYS_EAGER = True
    version = make_version(process, tiny_content())
    client.force_login(bbg_member)
    downloads = bench.cached_downloads(client, bench.version_pdf_url(version), 2)
    assert len(downloads.full) == len(downloads.not_modified) == 2
    assert downloads.size > 1000
    assert downloads.median_ms > 0
    assert downloads.not_modified_ms > 0
    assert "revalidated with its ETag (304)" in bench.download_lines(downloads)[0]


def test_compare_report_times_the_progress_report(bench, db, process):
    from monitoring.models import ProgressReport

    ProgressReport.objects.create(process=process, year=2019, summary_html="<p>Een goed eerste jaar.</p>")
    row = bench.compare_report("report", process, 2019, repeat=1)
    assert row.pages >= 1
    assert len(row.ours.wall) == len(row.weasyprint.wall) == len(row.weasyprint_ua.wall) == 1
    assert row.ratio > 0
