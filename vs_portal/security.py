"""Security headers that Django 5.2 does not set itself (the Content Security Policy and the Permissions Policy), the
login lock-out page and the password length rule.

Django's SecurityMiddleware already sends HSTS (with DEBUG off), X-Content-Type-Options, Referrer-Policy and
Cross-Origin-Opener-Policy; XFrameOptionsMiddleware sends X-Frame-Options. See the "Security" block in settings.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth import password_validation
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext

# No inline scripts and no eval: every script is a file under /static/ (the templates hold no <script> without
# src, which tests/test_security.py checks). Styles do allow 'unsafe-inline' for now, because the timeline
# positions its bars with style attributes (and htmx adds a small <style> for its indicators); moving those to
# classes or CSS variables set from a static script would let this become style-src 'self'.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)

# The API reference (Redoc, /api/redoc/) builds its search index in a Web Worker that it starts from a blob: URL;
# only that page may do so. Everything else stays as strict as the rest of the site.
REDOC_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY + "; worker-src 'self' blob:"

# The portal uses none of these browser features; deny them to every frame, our own included.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"


class SecurityHeadersMiddleware:
    """Adds the CSP and Permissions-Policy to every response, unless a view set its own (see `csp_override`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def csp_override(policy: str):
    """Give one view its own Content Security Policy instead of the site-wide one.

    For a third-party page that cannot work under the strict policy: only Redoc, which needs a blob: worker (see
    REDOC_CONTENT_SECURITY_POLICY). Swagger UI needs nothing: the API docs use drf-spectacular's split view, which
    loads its start-up code as a file instead of an inline script.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response.headers["Content-Security-Policy"] = policy
            return response

        return wrapped

    return decorator


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The page django-axes shows once a user name is locked out from an address (AXES_LOCKOUT_CALLABLE).

    A page of our own rather than axes' template, so it can say in Dutch how many minutes the lock-out lasts."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=429)


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's minimum length, with an error message that reads Dutch.

    Django 5.2 changed this message's English text and its Dutch catalogue has not caught up, so a short password
    got an English error on the Dutch site. The help text is still translated by Django and is kept."""

    def get_error_message(self) -> str:
        return ngettext(
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d teken bevatten.",
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d tekens bevatten.",
            self.min_length,
        ) % {"min_length": self.min_length}
