from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from .selectors import site_settings

# An SVG opened on its own could run scripts on our domain: the logo is answered with a policy that allows none.
LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


@require_GET
def logo(request):
    """The network's logo (site settings), public: it is in the header of the login page too."""
    settings = site_settings()
    if not settings.logo:
        raise Http404
    name = settings.logo.name
    content_type = "image/svg+xml" if name.lower().endswith(".svg") else "image/png"
    response = FileResponse(settings.logo.open("rb"), content_type=content_type)
    response["Content-Security-Policy"] = LOGO_POLICY
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
