"""A large piece of a page compressed once, when it is cached, instead of on every request.

The scan matrix at ten times the demo's data is 1.6 MB of HTML that is the same for every reader; compressing it
for each response cost more than building the rest of the page. A ``DeflatedHTML`` holds such a piece as a raw
deflate stream of its own (no reference to what comes before or after it, ended by a sync flush, not final), with
the CRC-32 and length of its text. The page puts a placeholder where the piece goes
(``DeflatedHTML.placeholder(response_pieces)``); ``vs_portal.middleware.TextGZipMiddleware`` then compresses only the
rest of the page and splices the pieces in (``gzip_with_pieces``): a gzip stream is a series of deflate blocks, and
one started afresh is as valid after any other that ends on a byte boundary. A client that does not accept gzip
gets the pieces' text in their place (``text_with_pieces``), so no placeholder ever leaves the server.

The cache keeps only the compressed piece (a twentieth of the text), so reading it is cheaper too. Each dynamic part
around the pieces (with the CSRF token) is compressed by itself, never together with a piece: BREACH's guess of a
secret cannot use the piece's text, and Django's random padding of the gzip header is kept.
"""

import re
import secrets
import struct
import zlib
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

_LEVEL = 6  # as Django's GZipMiddleware
# The placeholder names the piece by its number in the response; the token, new for each worker, keeps a page's own
# text (escaped anyway, and comments are stripped from rich text) from ever looking like one.
_TOKEN = secrets.token_hex(8)
_PLACEHOLDER = "<!--vs-deflated-" + _TOKEN + "-{}-->"
_PLACEHOLDER_RE = re.compile(rb"<!--vs-deflated-" + _TOKEN.encode() + rb"-(\d+)-->")


@dataclass(frozen=True)
class DeflatedHTML:
    deflated: bytes  # raw deflate (no header), ends with a sync flush, no final block
    crc: int  # CRC-32 of the UTF-8 text
    size: int  # length of the UTF-8 text

    @classmethod
    def of(cls, html: str) -> "DeflatedHTML":
        data = html.encode()
        compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
        return cls(compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH), zlib.crc32(data), len(data))

    def data(self) -> bytes:
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(self.deflated)

    def placeholder(self, pieces: list["DeflatedHTML"]) -> SafeString:
        """The text that stands for this piece in the page; ``pieces`` is the response's list of them."""
        pieces.append(self)
        return mark_safe(_PLACEHOLDER.format(len(pieces) - 1))  # noqa: S308 - a comment of our own


def text_with_pieces(content: bytes, pieces: list[DeflatedHTML]) -> bytes:
    """The page with each placeholder replaced by its piece's text."""
    return _PLACEHOLDER_RE.sub(lambda match: pieces[int(match.group(1))].data(), content)


def gzip_with_pieces(content: bytes, pieces: list[DeflatedHTML], *, header: bytes) -> bytes:
    """The page as one gzip stream: ``header`` (gzip's, with Django's random padding), the text between the
    placeholders compressed part by part, the pieces as they are, and the CRC-32 and length of the whole."""
    out, crc, size = [header], 0, 0
    position = 0
    for match in _PLACEHOLDER_RE.finditer(content):
        before = content[position : match.start()]
        out.append(_deflate(before, final=False))
        crc, size = zlib.crc32(before, crc), size + len(before)
        piece = pieces[int(match.group(1))]
        out.append(piece.deflated)
        crc, size = crc32_combine(crc, piece.crc, piece.size), size + piece.size
        position = match.end()
    rest = content[position:]
    out.append(_deflate(rest, final=True))
    crc, size = zlib.crc32(rest, crc), size + len(rest)
    out.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
    return b"".join(out)


def _deflate(data: bytes, *, final: bool) -> bytes:
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if final else zlib.Z_SYNC_FLUSH)


# CRC-32 of two texts joined, from the CRC-32 of each and the second's length: zlib's crc32_combine (as in zlib
# 1.2.12's crc32.c: multiplication modulo the CRC polynomial), which Python's zlib module does not offer.
_POLY = 0xEDB88320


def _multmodp(a: int, b: int) -> int:
    m, p = 1 << 31, 0
    while True:
        if a & m:
            p ^= b
            if (a & (m - 1)) == 0:
                break
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1
    return p


def _x2n_table() -> list[int]:
    table, p = [], 1 << 30  # x^1
    for _ in range(32):
        table.append(p)
        p = _multmodp(p, p)
    return table


_X2N = _x2n_table()


def _x2nmodp(n: int, k: int) -> int:
    p = 1 << 31  # x^0 == 1
    while n:
        if n & 1:
            p = _multmodp(_X2N[k & 31], p)
        n >>= 1
        k += 1
    return p


def crc32_combine(crc1: int, crc2: int, length2: int) -> int:
    """zlib.crc32(a + b) from zlib.crc32(a), zlib.crc32(b) and len(b)."""
    if length2 == 0:
        return crc1
    return _multmodp(_x2nmodp(length2, 3), crc1) ^ (crc2 & 0xFFFFFFFF)


class DeflatedPiecesMixin:
    """For a TemplateView: ``self.deflated(piece)`` in get_context_data gives the piece's placeholder for the
    template; the response carries the pieces for TextGZipMiddleware, which always replaces the placeholders."""

    def deflated(self, piece: DeflatedHTML) -> SafeString:
        if not hasattr(self, "_deflated_pieces"):
            self._deflated_pieces = []
        return piece.placeholder(self._deflated_pieces)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response.deflated_pieces = getattr(self, "_deflated_pieces", [])
        return response
