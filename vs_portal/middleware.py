from django.middleware.gzip import GZipMiddleware


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
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if content_type.startswith("text/") or content_type.endswith(("json", "xml", "javascript")):
            return super().process_response(request, response)
        return response
