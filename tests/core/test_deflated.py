"""core.deflated: pieces compressed once and spliced into a page's gzip stream."""

import gzip
import os
import zlib

from core.deflated import DeflatedHTML, crc32_combine, gzip_with_pieces, text_with_pieces


def test_crc32_combine_is_zlibs():
    lengths = [0, 1, 3, 4, 31, 32, 33, 255, 256, 1000, 4096, 65537]
    for m in lengths:
        for n in lengths:
            a, b = os.urandom(m), os.urandom(n)
            assert crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


def test_a_page_with_pieces_is_one_valid_gzip_stream_of_the_whole_text():
    big = "<td class='named' title='Cybercrime: digitaal'>✓</td>" * 20000
    small = "<p>één stuk</p>"
    pieces: list[DeflatedHTML] = []
    page = f"<html><p>kop</p>{DeflatedHTML.of(big).placeholder(pieces)}<p>midden</p>"
    page += f"{DeflatedHTML.of(small).placeholder(pieces)}<p>staart</p></html>"
    whole = f"<html><p>kop</p>{big}<p>midden</p>{small}<p>staart</p></html>".encode()
    header = gzip.compress(b"", mtime=0)[:10]
    packed = gzip_with_pieces(page.encode(), pieces, header=header)
    assert gzip.decompress(packed) == whole  # gzip checks the CRC-32 and the length
    assert text_with_pieces(page.encode(), pieces) == whole
    assert len(packed) < len(whole) / 20


def test_a_page_without_placeholders_is_compressed_as_a_whole():
    header = gzip.compress(b"", mtime=0)[:10]
    assert gzip.decompress(gzip_with_pieces(b"<p>gewoon</p>", [], header=header)) == b"<p>gewoon</p>"
