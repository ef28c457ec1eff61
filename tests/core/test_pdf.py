"""The renderer's URL fetcher serves our own static files and nothing else: no file on the server, no address on
the network (SSRF), no traversal out of the static folders, no inline data of an unexpected type."""

import base64
import dataclasses
import io
import logging
import socket

import pypdf
import pytest

from core.pdf import STATIC_ORIGIN, RefusedURL, StaticFilesFetcher, html_to_pdf
from demo.rendering import demo_content
from documents.content import Section
from documents.rendering import Kind
from documents.rendering.pdf import TimedFetcher, render_pdf

# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def fetcher():
    return StaticFilesFetcher()


def test_it_serves_our_stylesheet_and_fonts(fetcher):
    response = fetcher.fetch(STATIC_ORIGIN + "documents/pdf.css")
    assert response.content_type == "text/css"
    assert b"@font-face" in response.read()
    font = fetcher.fetch(STATIC_ORIGIN + "fonts/DejaVuSans.ttf")
    assert font.content_type == "font/ttf"
    assert font.read(4) == b"\x00\x01\x00\x00"
    assert fetcher.refused == []


def test_it_serves_an_inline_png(fetcher):
    response = fetcher.fetch("data:image/png;base64," + base64.b64encode(PNG).decode())
    assert response.read() == PNG
    assert response.content_type == "image/png"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/x.png",
        "http://localhost:8000/beheer/",
        "ftp://example.org/file.css",
        "gopher://127.0.0.1:6379/_INFO",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
        "data:text/css,body{background:url(file:///etc/passwd)}",
        "data:image/png,not-base64",
        STATIC_ORIGIN + "../../etc/passwd",
        STATIC_ORIGIN + "%2e%2e/%2e%2e/etc/passwd",
        STATIC_ORIGIN + "fonts/..%2f..%2f..%2fetc/passwd",
        STATIC_ORIGIN + "%2fetc/passwd",
        STATIC_ORIGIN + "fonts\\..\\..\\settings.py",
        STATIC_ORIGIN + "fonts/LICENSE-DejaVu.txt",  # ours, but not a type a rendering needs
        STATIC_ORIGIN + "fonts/missing.ttf",
        "https://vs-portaal.invalid/etc/passwd",
        "https://vs-portaal.invalid.example.org/static/documents/pdf.css",
    ],
)
def test_it_refuses_everything_else(fetcher, url):
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_it_refuses_a_symlink_out_of_the_static_folders(fetcher, settings, tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "leak.css").symlink_to("/etc/passwd")
    settings.STATICFILES_DIRS = [static]
    with pytest.raises(RefusedURL, match="outside the static folders"):
        fetcher.fetch(STATIC_ORIGIN + "leak.css")


def test_it_never_opens_the_inherited_url_opener(fetcher):
    """Redirects are off and no protocol is allowed for WeasyPrint's own opener, should anything reach it."""
    from urllib.request import HTTPRedirectHandler

    assert not any(isinstance(handler, HTTPRedirectHandler) for handler in fetcher.handlers)
    with pytest.raises(ValueError, match="http"):
        super(StaticFilesFetcher, fetcher).fetch("http://169.254.169.254/")


HOSTILE_HTML = """
<p>Voor de aanval.</p>
<img src="file:///etc/passwd" alt="">
<img src="https://example.org/x.png" alt="">
<link rel="stylesheet" href="http://169.254.169.254/latest/meta-data/">
<link rel="attachment" href="file:///etc/passwd">
<object data="file:///etc/passwd"></object>
<p style="background: url(file:///etc/passwd)">Na de aanval.</p>
<style>@import url("http://169.254.169.254/latest/meta-data/"); body { background: url(file:///etc/passwd) }</style>
<style>@font-face { font-family: Leak; src: url(file:///etc/passwd), local("DejaVu Sans") }
p { font-family: Leak }</style>
<svg width="10" height="10"><image href="file:///etc/passwd" width="10" height="10"/></svg>
<iframe src="file:///etc/passwd"></iframe>
<a href="file:///etc/passwd">een link is geen fetch</a>
"""


@pytest.fixture(scope="module")
def hostile_render():
    """Render content full of outside references, with every socket refusing to connect."""
    attempts = []

    def no_network(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("a rendering tried to reach the network")

    patch = pytest.MonkeyPatch()
    patch.setattr(socket, "create_connection", no_network)
    patch.setattr(socket.socket, "connect", no_network)
    patch.setattr(socket.socket, "connect_ex", no_network)
    patch.setattr(socket, "getaddrinfo", no_network)
    fetchers = []

    class Recording(TimedFetcher):
        def __init__(self):
            super().__init__()
            fetchers.append(self)

    patch.setattr("documents.rendering.pdf.TimedFetcher", Recording)
    content = dataclasses.replace(
        demo_content(),
        sections=[Section("intro", "Inleiding", HOSTILE_HTML, generated=True)],
        capacity=[],
        letter_html=HOSTILE_HTML,
    )
    try:
        pdf = render_pdf(content, Kind.DOCUMENT)
    finally:
        patch.undo()
    return {"pdf": pdf, "fetcher": fetchers[0], "attempts": attempts}


def test_hostile_content_renders_without_its_outside_references(hostile_render):
    reader = pypdf.PdfReader(io.BytesIO(hostile_render["pdf"]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Voor de aanval." in text
    assert "Na de aanval." in text
    assert "root:x:" not in text
    assert b"root:x:" not in hostile_render["pdf"]
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))


def test_the_fetcher_was_asked_and_refused_each_outside_url(hostile_render):
    refused = hostile_render["fetcher"].refused
    assert "file:///etc/passwd" in refused
    assert "http://169.254.169.254/latest/meta-data/" in refused
    assert "https://example.org/x.png" in refused
    # Only our own static files were served.
    served = set(hostile_render["fetcher"].requested) - set(refused)
    assert served
    assert all(url.startswith(STATIC_ORIGIN) for url in served)


def test_no_network_connection_was_attempted(hostile_render):
    assert hostile_render["attempts"] == []


def test_a_refusal_is_logged(fetcher, caplog):
    with caplog.at_level(logging.WARNING, logger="core.pdf"), pytest.raises(RefusedURL):
        fetcher.fetch("file:///etc/passwd")
    assert "Refused URL" in caplog.text


def test_html_to_pdf_renders_our_html_and_refuses_every_outside_url(caplog):
    """The result of a round is rendered through html_to_pdf: the same fetcher, the same refusals."""
    with caplog.at_level(logging.WARNING, logger="core.pdf"):
        pdf = html_to_pdf(f"<html><body>{HOSTILE_HTML}</body></html>")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Voor de aanval." in text
    assert "Na de aanval." in text
    assert b"root:x:" not in pdf
    assert "Refused URL in a rendering: file:///etc/passwd" in caplog.text
    assert "http://169.254.169.254/latest/meta-data/" in caplog.text
