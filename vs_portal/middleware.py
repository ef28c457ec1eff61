import gzip
import secrets

from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers

from core.deflated import gzip_with_pieces, text_with_pieces


class DutchFirstMiddleware:
    """The UI is Dutch unless the user chooses English with the language switch (the language cookie).

    Browsers send their own language (often English on government desktops); LocaleMiddleware would follow it.
    Dropping the header leaves the cookie or LANGUAGE_CODE ('nl') to decide.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, with its random padding against BREACH, for text only: pages, JSON, CSV, the
    calendar feed. PDFs, spreadsheets, .docx files and uploads are compressed formats already; compressing them
    again would cost the worker CPU for nothing, so they pass as they are."""

    def process_response(self, request, response):
        if getattr(response, "deflated_pieces", None):
            return self.with_pieces(request, response)
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if content_type.startswith("text/") or content_type.endswith(("json", "xml", "javascript")):
            return super().process_response(request, response)
        return response

    def with_pieces(self, request, response):
        """A page with pieces compressed in advance (core.deflated): only the rest is compressed now, or, for a
        client without gzip, the pieces' text goes in their place."""
        pieces, response.deflated_pieces = response.deflated_pieces, None
        patch_vary_headers(response, ("Accept-Encoding",))
        if response.has_header("Content-Encoding") or not re_accepts_gzip.search(
            request.META.get("HTTP_ACCEPT_ENCODING", "")
        ):
            response.content = text_with_pieces(response.content, pieces)
        else:
            response.content = gzip_with_pieces(response.content, pieces, header=self.gzip_header())
            response.headers["Content-Encoding"] = "gzip"
            etag = response.get("ETag")
            if etag and etag.startswith('"'):
                response.headers["ETag"] = "W/" + etag
        response.headers["Content-Length"] = str(len(response.content))
        return response

    def gzip_header(self) -> bytes:
        """gzip's header with a file name of random length, the padding against BREACH that Django's own
        compression adds (django.utils.text.compress_string)."""
        header = bytearray(gzip.compress(b"", mtime=0)[:10])
        header[3] = gzip.FNAME
        return bytes(header) + b"a" * secrets.randbelow(self.max_random_bytes) + b"\x00"
