"""Render the demo VS/MJB document to PDF and report where the time goes.

    .venv/bin/python bench/pdf_render.py [--repeat 3] [--scale 10]

Two documents: the demo size (5 priorities, 5 goals, the 78 municipalities, prose sections) and a long variant
(prose and goals times --scale). For each: pages, seconds per page, and the share of the time spent outside
WeasyPrint's layout, i.e. our templating, the fetcher serving stylesheet and fonts, HTML parsing and PDF writing
(Document.write_pdf) against HTML.render() minus the fetching. The best of --repeat runs counts, after one warm-up
render (the first render in a process pays for loading WeasyPrint's own stylesheets and fonts).
"""

import argparse
import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vs_portal.settings")

import django

django.setup()
# WeasyPrint logs every step at INFO; the bench reports its own numbers.
logging.getLogger("weasyprint").setLevel(logging.ERROR)

from demo.rendering import demo_content  # noqa: E402
from documents.rendering import Kind  # noqa: E402
from documents.rendering.docx import render_docx  # noqa: E402
from documents.rendering.pdf import Timings, render_pdf  # noqa: E402


def measure(content, kind: Kind, repeat: int) -> Timings:
    best = None
    for _ in range(repeat):
        timings = Timings()
        render_pdf(content, kind, timings=timings)
        if best is None or timings.total < best.total:
            best = timings
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per document; the fastest counts (default 3)")
    parser.add_argument("--scale", type=int, default=10, help="how much longer the long variant is (default 10)")
    args = parser.parse_args()

    variants = [
        ("demo", demo_content(), Kind.DOCUMENT),
        ("demo, letter", demo_content(), Kind.LETTER),
        ("demo, PDF/A", demo_content(adopted=True), Kind.ARCHIVE),
        (f"{args.scale}x long", demo_content(scale=args.scale), Kind.DOCUMENT),
    ]
    render_pdf(variants[0][1], Kind.DOCUMENT)  # warm-up

    header = (
        f"{'document':<14} {'pages':>5} {'total s':>8} {'s/page':>7} {'templ s':>8} {'parse s':>8} "
        f"{'layout s':>9} {'fetch s':>8} {'write s':>8} {'outside layout':>15}"
    )
    print(header)
    print("-" * len(header))
    for name, content, kind in variants:
        t = measure(content, kind, args.repeat)
        layout_only = t.layout - t.fetch
        outside = t.template + t.parse + t.fetch + t.write
        print(
            f"{name:<14} {t.pages:>5} {t.total:>8.2f} {t.total / t.pages:>7.3f} {t.template:>8.3f} {t.parse:>8.3f} "
            f"{layout_only:>9.3f} {t.fetch:>8.3f} {t.write:>8.3f} {outside / t.total:>14.0%}"
        )

    started = time.perf_counter()
    render_docx(demo_content())
    print(f"\n.docx of the demo document: {time.perf_counter() - started:.2f} s")
    print(
        "outside layout = our templating + HTML parsing + the fetcher (stylesheet, fonts) + PDF writing "
        "(font subsetting, tags, metadata), as a share of the total."
    )


if __name__ == "__main__":
    main()
