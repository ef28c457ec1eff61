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
