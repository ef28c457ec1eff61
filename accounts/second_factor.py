"""Who needs a second factor, in one place (django-otp devices: TOTP and backup codes).

- A user with a confirmed device always verifies it at login.
- Programme staff, administrators and users of /beheer/ (is_staff, superusers) who log in with a local password
  must enrol one (TWO_FACTOR_REQUIRED, default on); everyone else may.
- A user who logged in through the organisation's identity provider, which says it did MFA (the amr/acr claims,
  accounts/oidc.py), is not asked again while OIDC_MFA_EXEMPTS is on.
"""

from enum import Enum

from django.conf import settings
from django_otp import user_has_device

# Session keys: how the user logged in, and whether the provider did multi-factor authentication.
SESSION_LOGIN_METHOD = "vs_login_method"
SESSION_PROVIDER_MFA = "vs_provider_mfa"
# Set once the middleware found that this session needs nothing more, so later requests need no query.
SESSION_SETTLED = "vs_second_factor_settled"


class Step(Enum):
    NONE = "none"
    VERIFY = "verify"
    ENROL = "enrol"


def must_enrol(user) -> bool:
    """Whether this user's role requires a second factor when they log in with a local password."""
    return bool(
        settings.TWO_FACTOR_REQUIRED
        and user.is_active
        and (user.is_programme_staff or user.is_staff or user.is_superuser)
    )


def provider_did_mfa(session) -> bool:
    return bool(
        settings.OIDC_MFA_EXEMPTS and session.get(SESSION_LOGIN_METHOD) == "oidc" and session.get(SESSION_PROVIDER_MFA)
    )


def _step_for(user, session) -> Step:
    if getattr(user, "is_verified", lambda: False)() or provider_did_mfa(session):
        return Step.NONE
    if user_has_device(user, confirmed=True):
        return Step.VERIFY
    if must_enrol(user):
        return Step.ENROL
    return Step.NONE


def settle_at_login(request, user) -> None:
    """At login (the user_logged_in signal, while the session is written anyway): note how the user logged in and
    whether anything is left to do, so that the requests after it cost no query when nothing is."""
    session = request.session
    session[SESSION_LOGIN_METHOD] = getattr(request, "vs_login_method", "password")
    session[SESSION_PROVIDER_MFA] = bool(getattr(request, "vs_provider_mfa", False))
    session[SESSION_SETTLED] = _step_for(user, session) is Step.NONE


def next_step(request) -> Step:
    """What this request's user still has to do before reaching anything but the second-factor pages."""
    user = request.user
    if not user.is_authenticated or request.session.get(SESSION_SETTLED, False):
        return Step.NONE
    step = _step_for(user, request.session)
    if step is Step.NONE:
        request.session[SESSION_SETTLED] = True
    return step
