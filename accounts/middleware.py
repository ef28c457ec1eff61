"""Middleware of the login: the idle timeout, the second factor before anything else, and no caching of pages
that show what a logged-in user may see."""

import time

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .second_factor import Step, next_step

# The session's expiry is pushed forward at most this often (seconds), so that a busy user does not write the
# session on every request; the idle timeout is therefore between SESSION_IDLE_TIMEOUT minus this and itself.
RENEW_EVERY = 5 * 60
SESSION_LAST_SEEN = "vs_last_seen"


def start_idle_clock(request) -> None:
    request.session[SESSION_LAST_SEEN] = int(time.time())


class IdleTimeoutMiddleware:
    """Ends a session after SESSION_IDLE_TIMEOUT seconds without a request.

    The session's expiry date is SESSION_COOKIE_AGE (= the idle timeout) after its last save; saving it again every
    few minutes while the user is active keeps it alive. The database (or cache) expiry itself ends it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(SESSION_LAST_SEEN, 0)
            if now - last >= min(RENEW_EVERY, settings.SESSION_IDLE_TIMEOUT // 10 or 1):
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)


# Pages an unverified user may still reach: the second-factor pages themselves, logging out, the language switch,
# the accessibility statement, health probes and static files.
ALLOWED_URL_NAMES = {
    "logout",
    "second_factor",
    "two_factor:setup",
    "two_factor:qr",
    "two_factor:setup_complete",
    "two_factor:backup_tokens",
    "set_language",
    "accessibility",
}
ALLOWED_PREFIXES = ("/static/", "/_healthz/")


class SecondFactorMiddleware:
    """Sends a logged-in user who still has to verify or enrol a second factor to that page, for every URL,
    /beheer/ and the API included (accounts/second_factor.py says who)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = next_step(request)
        if step is not Step.NONE and not self._allowed(request):
            target = reverse("second_factor" if step is Step.VERIFY else "two_factor:setup")
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "code": "second_factor_required",
                        "detail": _("Rond eerst de tweede stap van het inloggen af (tweestapsverificatie)."),
                    },
                    status=403,
                )
            return redirect(f"{target}?next={request.get_full_path()}" if request.method == "GET" else target)
        return self.get_response(request)

    @staticmethod
    def _allowed(request) -> bool:
        if request.path.startswith(ALLOWED_PREFIXES):
            return True
        match = getattr(request, "resolver_match", None)
        if match is None:
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
            except Resolver404:
                return False
        return match.view_name in ALLOWED_URL_NAMES


class NoStoreWhenLoggedInMiddleware:
    """Cache-Control: no-store on every response to a logged-in user (pages, downloads, API): a shared or back-button
    cache must not keep what only they may see."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
