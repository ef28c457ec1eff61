"""Our PDF rendering against WeasyPrint alone on the same HTML, and the cached download (issue 13, "The PDF").

    .venv/bin/python bench/pdf_render.py [--repeat 5] [--downloads 30] [--scale 10] [--readme]

**The render.** For each document, ``--repeat`` rounds (after one warm-up of each side), one after the other in
the same process, each round running both sides back to back; medians reported, of wall time and of the process's
CPU time (the machine may be shared: CPU time is what the process itself spent, wall time includes waiting for
the cores):

- *ours*: ``documents.rendering.pdf.render_pdf(content, kind)`` as the Celery task runs it: the Django templates,
  WeasyPrint with our static-only fetcher (``core.pdf.StaticFilesFetcher``) serving documents/pdf.css and the four
  shipped DejaVu fonts, our font configuration, the garbage collector paused (``core.pdf.collector_paused``) and
  the PDF tagged PDF/UA-1 (PDF/A-3b for the archive copy), with the progress reporting.
- *WeasyPrint*: ``weasyprint.HTML(string=html, base_url=static).write_pdf()`` on the exact HTML ``render_html``
  produces for that content, with our reserved static origin replaced by the ``file://`` URL of the static folder,
  so that WeasyPrint's own default fetcher reads the same stylesheet and fonts from disk: same HTML, same CSS, same
  fonts, an untagged PDF, the process's garbage collector as it is. This is the ceiling of the issue: ours at
  most 1.1 times this.
- *WeasyPrint + UA*: the same with ``pdf_variant="pdf/ua-1"`` (and for the archive copy ``pdf/a-3b`` with tags),
  i.e. the same output as ours: shows what our own code adds beyond WeasyPrint's own tagging.

**The cached download.** A scratch database with the demo (bench/data.py, dropped and made again), the demo
document's last version downloaded once (rendered into a temporary private storage), then ``--downloads`` more
downloads of the same PDF through Django's test client as the demo staff user, every middleware included; the
median and p95 of the view's time (request in, last byte read), and the same for a conditional GET that
revalidates with the ETag (304). The goal: under 20 ms.

``--readme`` writes the table into the README's Quality section (between the bench/pdf_render.py markers).
"""

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if __name__ == "__main__":
    # Only as a script: the scratch database, renders inline (no worker), and a private storage of our own.
    import data  # noqa: F401  (first: points DATABASE_URL at the scratch database before Django starts)

    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
    os.environ["PRIVATE_MEDIA_ROOT"] = tempfile.mkdtemp(prefix="vs-bench-private-")
    os.environ.pop("AWS_STORAGE_BUCKET_NAME", None)
else:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vs_portal.settings")

GOAL_RATIO = 1.1  # ours at most 1.1 times WeasyPrint's own time
GOAL_DOWNLOAD_MS = 20.0
README_START = "<!-- bench/pdf_render.py: start -->"
README_END = "<!-- bench/pdf_render.py: end -->"


@dataclass
class Side:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def wall_ms(self) -> float:
        return statistics.median(self.wall) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000


@dataclass
class Comparison:
    name: str
    pages: int
    ours: Side
    weasyprint: Side
    weasyprint_ua: Side

    @property
    def ratio(self) -> float:
        return self.ours.wall_ms / self.weasyprint.wall_ms

    @property
    def cpu_ratio(self) -> float:
        return self.ours.cpu_ms / self.weasyprint.cpu_ms

    @property
    def ua_ratio(self) -> float:
        return self.ours.wall_ms / self.weasyprint_ua.wall_ms


def static_base() -> str:
    """The file:// URL of the folder our PDF stylesheet and fonts are in, for WeasyPrint's own fetcher."""
    from core.pdf import static_path
    from documents.rendering.fonts import SHIPPED_FONTS

    stylesheet = "documents/pdf.css"
    root = Path(str(static_path(stylesheet))[: -len(stylesheet)])
    for relative in SHIPPED_FONTS:
        if not static_path(relative).is_relative_to(root):
            raise SystemExit(f"{relative} is not next to {stylesheet}; WeasyPrint alone would miss it.")
    return root.as_uri() + "/"


def weasyprint_html(html: str) -> tuple[str, str]:
    """Our HTML with our static origin replaced by the static folder's file:// URL, and that URL as base."""
    from core.pdf import STATIC_ORIGIN

    base = static_base()
    return html.replace(STATIC_ORIGIN, base), base


def ours(content, kind) -> bytes:
    from documents.rendering.pdf import render_pdf

    return render_pdf(content, kind)


def weasyprint_alone(html: str, base: str, **options) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html, base_url=base).write_pdf(**options)


def _timed(side: Side, function) -> bytes:
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    side.cpu.append(time.process_time() - cpu)
    side.wall.append(time.perf_counter() - wall)
    return result


def compare(name: str, content, kind, repeat: int) -> Comparison:
    """Both sides on the same content, ``repeat`` rounds after a warm-up of each."""
    from documents.rendering.pdf import PDF_OPTIONS, Timings, render_html, render_pdf

    html, base = weasyprint_html(render_html(content, kind))
    variant = dict(PDF_OPTIONS[kind])
    timings = Timings()
    render_pdf(content, kind, timings=timings)
    weasyprint_alone(html, base)
    weasyprint_alone(html, base, **variant)
    result = Comparison(name, timings.pages, Side(), Side(), Side())
    for _ in range(repeat):
        gc.collect()  # each round starts from the same heap
        _timed(result.ours, lambda: ours(content, kind))
        _timed(result.weasyprint, lambda: weasyprint_alone(html, base))
        _timed(result.weasyprint_ua, lambda: weasyprint_alone(html, base, **variant))
    return result


def compare_report(name: str, process, year: int, repeat: int) -> Comparison:
    """The monitoring's annual progress report (issue 14) the same way: our render (monitoring.report.render_pdf,
    PDF/UA-1) against WeasyPrint alone on the same HTML, untagged and tagged."""
    import io

    import pypdf

    from monitoring.report import render_pdf as render_report_pdf
    from monitoring.report import report_html

    ours_html = report_html(process, year)
    html, base = weasyprint_html(ours_html)
    pages = len(pypdf.PdfReader(io.BytesIO(render_report_pdf(ours_html))).pages)  # also the warm-up
    weasyprint_alone(html, base)
    result = Comparison(name, pages, Side(), Side(), Side())
    for _ in range(repeat):
        gc.collect()
        _timed(result.ours, lambda: render_report_pdf(ours_html))
        _timed(result.weasyprint, lambda: weasyprint_alone(html, base))
        _timed(result.weasyprint_ua, lambda: weasyprint_alone(html, base, pdf_variant="pdf/ua-1"))
    return result


@dataclass
class Downloads:
    label: str
    size: int
    full: list[float]
    not_modified: list[float]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.full) * 1000

    @property
    def p95_ms(self) -> float:
        return _p95(self.full) * 1000

    @property
    def not_modified_ms(self) -> float:
        return statistics.median(self.not_modified) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def cached_downloads(client, url: str, count: int) -> Downloads:
    """The view's time for ``count`` downloads of a PDF that is already in the render cache, and for as many
    conditional GETs with its ETag (304). The first download (which may render) is not counted."""
    first = client.get(url)
    if first.status_code != 200:
        raise SystemExit(f"{url} answered {first.status_code}, not the PDF.")
    body = b"".join(first.streaming_content)
    etag = first["ETag"]
    full, not_modified = [], []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(url)
        data = b"".join(response.streaming_content)
        full.append(time.perf_counter() - started)
        if response.status_code != 200 or data != body:
            raise SystemExit(f"A cached download of {url} answered {response.status_code} or other bytes.")
        started = time.perf_counter()
        response = client.get(url, headers={"If-None-Match": etag})
        not_modified.append(time.perf_counter() - started)
        if response.status_code != 304:
            raise SystemExit(f"A conditional GET of {url} answered {response.status_code}, not 304.")
    return Downloads(url, len(body), full, not_modified)


def demo_version():
    """The demo document's last version (bench/data.py's 1x)."""
    from documents.models import DocumentVersion

    return DocumentVersion.objects.select_related("document__process").order_by("-major", "-minor").first()


def version_pdf_url(version) -> str:
    from django.urls import reverse

    return reverse("documents:version_pdf", kwargs={"slug": version.document.process.slug, "label": version.label})


def render_lines(rows: list[Comparison], repeat: int) -> list[str]:
    header = (
        f"{'document':<16} {'pages':>5} {'ours ms':>8} {'WeasyPrint ms':>14} {'ratio':>6} {'cpu ratio':>9} "
        f"{'WP+UA ms':>9} {'x WP+UA':>8} {'goal 1.1':>9}"
    )
    lines = [f"PDF render, medians of {repeat} rounds (wall ms; the ratios of wall and of CPU time)", header]
    lines.append("-" * len(header))
    for row in rows:
        lines.append(
            f"{row.name:<16} {row.pages:>5} {row.ours.wall_ms:>8.0f} {row.weasyprint.wall_ms:>14.0f} "
            f"{row.ratio:>6.2f} {row.cpu_ratio:>9.2f} {row.weasyprint_ua.wall_ms:>9.0f} {row.ua_ratio:>8.2f} "
            f"{'met' if row.ratio <= GOAL_RATIO else 'missed':>9}"
        )
    return lines


def download_lines(downloads: Downloads) -> list[str]:
    return [
        f"Cached download of {downloads.label} ({downloads.size:,} bytes), {len(downloads.full)} times: median "
        f"{downloads.median_ms:.1f} ms, p95 {downloads.p95_ms:.1f} ms "
        f"({'met' if downloads.median_ms < GOAL_DOWNLOAD_MS else 'missed'}: goal < {GOAL_DOWNLOAD_MS:.0f} ms); "
        f"revalidated with its ETag (304): median {downloads.not_modified_ms:.1f} ms"
    ]


def markdown(rows: list[Comparison], downloads: Downloads | None, repeat: int) -> str:
    load = os.getloadavg()[0]
    lines = [
        f"Medians of {repeat} rounds in one process, load average {load:.1f} on {os.cpu_count()} cores. Ours: our "
        "templates, static-only fetcher, fonts and PDF/UA-1 (PDF/A-3b for the archive). WeasyPrint: "
        "`HTML(string=html, base_url=static).write_pdf()` on the same HTML, stylesheet and fonts (untagged). "
        "WeasyPrint + UA: the same with our PDF variant.",
        "",
        "| document | pages | ours | WeasyPrint | ratio (goal ≤ 1.1) | CPU ratio | WeasyPrint + UA | ours / WP + UA |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.pages} | {row.ours.wall_ms:.0f} ms | {row.weasyprint.wall_ms:.0f} ms | "
            f"{row.ratio:.2f} | {row.cpu_ratio:.2f} | {row.weasyprint_ua.wall_ms:.0f} ms | {row.ua_ratio:.2f} |"
        )
    if downloads is not None:
        lines += [
            "",
            f"Cached download of the demo document's PDF (test client, staff, every middleware, "
            f"{len(downloads.full)} times): median {downloads.median_ms:.1f} ms, p95 {downloads.p95_ms:.1f} ms "
            f"(goal < 20 ms); a conditional GET with its ETag (304): median {downloads.not_modified_ms:.1f} ms.",
        ]
    return "\n".join(lines)


def write_readme(table: str) -> None:
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        print(f"README.md has no {README_START} ... {README_END} block; not written.")
        return
    head, rest = text.split(README_START, 1)
    _old, tail = rest.split(README_END, 1)
    readme.write_text(f"{head}{README_START}\n{table}\n{README_END}{tail}", encoding="utf-8")
    print("Written to README.md (Quality).")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds per document; medians count (default 5)")
    parser.add_argument("--downloads", type=int, default=30, help="cached downloads measured (default 30)")
    parser.add_argument("--scale", type=int, default=10, help="how much longer the long variant is (default 10)")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md's Quality section")
    args = parser.parse_args()

    import data

    data.setup_django()
    data.fresh_database()

    from django.contrib.auth import get_user_model
    from django.test import Client

    from demo.rendering import demo_content
    from documents.rendering import Kind
    from documents.selectors import build_document_content

    data.load_1x()
    version = demo_version()
    demo = build_document_content(version)
    variants = [
        (f"demo {version.label}", demo, Kind.DOCUMENT),
        ("demo, letter", demo, Kind.LETTER),
        ("demo, PDF/A", demo_content(adopted=True), Kind.ARCHIVE),
        (f"{args.scale}x long", demo_content(scale=args.scale), Kind.DOCUMENT),
    ]
    rows = [compare(name, content, kind, args.repeat) for name, content, kind in variants]
    # The monitoring's report of 2021 (five goals, four years of values; issue 14).
    rows.append(compare_report("progress report 2021", version.document.process, 2021, args.repeat))
    print("\n".join(render_lines(rows, args.repeat)))

    client = Client()
    client.force_login(get_user_model().objects.get(username=data.STAFF_USERNAME))
    downloads = cached_downloads(client, version_pdf_url(version), args.downloads)
    print("\n".join(download_lines(downloads)))

    table = markdown(rows, downloads, args.repeat)
    print("\n" + table)
    if args.readme:
        write_readme(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
