"""Single sign-on with the organisation's identity provider (OpenID Connect, mozilla-django-oidc).

Configured entirely by environment variables (vs_portal/settings.py, the README says how for Entra ID and Keycloak):
- users are matched on one stable claim (OIDC_USERNAME_CLAIM, default ``sub``), kept in ``User.oidc_subject``; an
  administrator can link an existing account by filling that in. E-mail addresses are never used to match: they
  change and can be reused.
- a new user gets an account without a role (they see only their own account page until an administrator gives
  one), unless OIDC_ROLE_CLAIM and OIDC_ROLE_MAP map a claim value to a role; the mapping then sets the role on
  every login (the provider is the source). A DVO secretary needs a DVO, so that role is never mapped.
- whether the provider did multi-factor authentication (the ``amr`` or ``acr`` claim) is kept in the session;
  accounts/second_factor.py then asks for no local second factor (OIDC_MFA_EXEMPTS).
- an invited account (a municipal contact, made by staff without a password) can be linked to the provider by the
  person themselves: the invitation's link leads to ``LinkView``, which remembers the account in the session
  (``remember_account_to_link``); the first single sign-on of that session then links the provider's stable claim
  to that account instead of making a new one. The link works once (Django's token generator: the first login
  spends it), and never for an account already linked or with a password.
- endpoints not set one by one come from the discovery document, fetched when first needed and cached.
"""

import logging
import secrets
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .models import Role, User

logger = logging.getLogger(__name__)

DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
MAPPABLE_ROLES = {Role.STAFF, Role.BBG_MEMBER, Role.ADMINISTRATOR}
LINK_SESSION_KEY = "oidc_link_user"


def linkable_account(uidb64: str, token: str) -> User | None:
    """The account an invitation link names, when it may still be linked: active, no password, not linked yet,
    and the token valid (it is spent by the account's first login)."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.http import urlsafe_base64_decode

    from core.limits import parse_id

    try:
        pk = parse_id(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk or 0, is_active=True, oidc_subject__isnull=True).first()
    if user is None or user.has_usable_password() or not default_token_generator.check_token(user, token):
        return None
    return user


def remember_account_to_link(request, user: User) -> None:
    request.session[LINK_SESSION_KEY] = user.pk


def discovery() -> dict:
    """The provider's /.well-known/openid-configuration, cached for an hour."""
    url = settings.OIDC_OP_DISCOVERY_ENDPOINT
    key = f"oidc:discovery:{url}"
    document = cache.get(key)
    if document is None:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
        cache.set(key, document, 60 * 60)
    return document


def oidc_setting(attr: str, *args):
    """A setting for mozilla-django-oidc; an endpoint left empty is taken from the discovery document."""
    value = getattr(settings, attr, None)
    if not value and attr in DISCOVERED and settings.OIDC_OP_DISCOVERY_ENDPOINT:
        value = discovery().get(DISCOVERED[attr])
    if value:
        return value
    return import_from_settings(attr, *args)


def provider_did_mfa(claims: dict) -> bool:
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if set(amr) & set(settings.OIDC_MFA_AMR_VALUES):
        return True
    return bool(settings.OIDC_MFA_ACR_VALUES and claims.get("acr") in settings.OIDC_MFA_ACR_VALUES)


def mapped_role(claims: dict) -> str | None:
    """The role that OIDC_ROLE_MAP gives for the OIDC_ROLE_CLAIM's value(s), or None when nothing maps."""
    if not settings.OIDC_ROLE_CLAIM or not settings.OIDC_ROLE_MAP:
        return None
    values = claims.get(settings.OIDC_ROLE_CLAIM) or []
    if isinstance(values, str):
        values = [values]
    # The first role in the order of Role that any value maps to: administrator wins over staff over BBG member.
    found = {settings.OIDC_ROLE_MAP.get(str(value)) for value in values} & {str(role) for role in MAPPABLE_ROLES}
    for role in (Role.ADMINISTRATOR, Role.STAFF, Role.BBG_MEMBER):
        if role in found:
            return role
    return None


def _lazy(name: str, *default):
    return property(lambda self: oidc_setting(name, *default))


class RoleMappingOIDCBackend(OIDCAuthenticationBackend):
    """Finds or creates the user by the stable claim; names and e-mail follow the provider.

    It only authenticates: permissions come from accounts.rules (RuleBackend). Django builds every backend anew for
    each permission check, so building this one reads nothing and asks the provider nothing; the endpoints are read
    (from the discovery document if need be) only during a login.
    """

    get_settings = staticmethod(oidc_setting)

    OIDC_OP_TOKEN_ENDPOINT = _lazy("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = _lazy("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = _lazy("OIDC_OP_JWKS_ENDPOINT", None)
    OIDC_RP_CLIENT_ID = _lazy("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = _lazy("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = _lazy("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_IDP_SIGN_KEY = _lazy("OIDC_RP_IDP_SIGN_KEY", None)

    def __init__(self, *args, **kwargs):
        self.UserModel = User

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    get_user_permissions = get_group_permissions = get_all_permissions

    def retrieve_matching_jwk(self, token):
        """The provider's signing key for this token: the one whose ``kid`` the token names; a token without a
        ``kid`` is accepted only when the provider publishes exactly one key for its algorithm."""
        import jwt

        header = jwt.get_unverified_header(token)
        if "kid" in header:
            return super().retrieve_matching_jwk(token)
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        keys = [
            key for key in response.json().get("keys", []) if key.get("alg", header.get("alg")) == header.get("alg")
        ]
        if len(keys) != 1:
            raise SuspiciousOperation("Token zonder kid en geen eenduidige sleutel bij de provider.")
        return jwt.PyJWK(keys[0])

    def verify_claims(self, claims):
        return bool(claims.get(settings.OIDC_USERNAME_CLAIM))

    def filter_users_by_claims(self, claims):
        subject = str(claims[settings.OIDC_USERNAME_CLAIM])
        users = User.objects.filter(oidc_subject=subject)
        pending = self.request.session.pop(LINK_SESSION_KEY, None) if self.request is not None else None
        if pending is not None and not users.exists():
            self._link(pending, subject)
        return users

    @staticmethod
    def _link(pk: int, subject: str) -> None:
        """The invited account remembered by LinkView takes the provider's stable claim (if still unlinked)."""
        user = User.objects.filter(pk=pk, is_active=True, oidc_subject__isnull=True).first()
        if user is None or user.has_usable_password():
            return
        user.oidc_subject = subject[: User._meta.get_field("oidc_subject").max_length]
        user._change_reason = "Gekoppeld aan single sign-on via de uitnodiging"
        user.save(update_fields=["oidc_subject"])

    def describe_user_by_claims(self, claims):
        return f"{settings.OIDC_USERNAME_CLAIM} {claims.get(settings.OIDC_USERNAME_CLAIM)}"

    def get_or_create_user(self, access_token, id_token, payload):
        # The ID token's claims (amr/acr live there) and the userinfo's, together.
        self.request.vs_provider_mfa = provider_did_mfa(payload)
        return super().get_or_create_user(access_token, id_token, payload)

    def get_userinfo(self, access_token, id_token, payload):
        info = super().get_userinfo(access_token, id_token, payload)
        if provider_did_mfa(info):
            self.request.vs_provider_mfa = True
        return info

    @transaction.atomic
    def create_user(self, claims):
        base = str(claims.get("preferred_username") or claims.get("email") or claims[settings.OIDC_USERNAME_CLAIM])
        base = base[:140]
        username = base
        while User.objects.filter(username=username).exists():
            username = f"{base}-{secrets.token_hex(3)}"
        user = User(username=username, oidc_subject=str(claims[settings.OIDC_USERNAME_CLAIM]), role="")
        user.set_unusable_password()
        self._apply_claims(user, claims)
        user._change_reason = "Aangemaakt bij eerste inlog via single sign-on"
        user.save()
        return user

    def update_user(self, user, claims):
        before = (user.first_name, user.last_name, user.email, user.role, user.is_staff)
        self._apply_claims(user, claims)
        if (user.first_name, user.last_name, user.email, user.role, user.is_staff) != before:
            user._change_reason = "Bijgewerkt uit de gegevens van de identity provider"
            user.save()
        return user

    @staticmethod
    def _apply_claims(user: User, claims: dict) -> None:
        user.first_name = str(claims.get("given_name") or user.first_name)[:150]
        user.last_name = str(claims.get("family_name") or user.last_name)[:150]
        user.email = str(claims.get("email") or user.email)[:254]
        role = mapped_role(claims)
        if role is not None and user.role != Role.DVO_SECRETARY:
            user.role = role
            user.district = None
            user.is_staff = role == Role.ADMINISTRATOR or user.is_superuser


class AuthenticateView(OIDCAuthenticationRequestView):
    """Sends the user to the identity provider (404 while single sign-on is not configured). When the provider
    cannot be reached, back to the login page with a Dutch message instead of an error page."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        View.__init__(self, *args, **kwargs)  # the endpoints are read in get(), where a failure can be answered

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
            self.OIDC_RP_CLIENT_ID = oidc_setting("OIDC_RP_CLIENT_ID")
        except (requests.RequestException, ImproperlyConfigured, ValueError) as exc:
            logger.warning("Identity provider onbereikbaar: %s", exc)
            return HttpResponseRedirect(settings.LOGIN_REDIRECT_URL_FAILURE)
        return super().get(request)


class LinkView(View):
    """From an invitation: "log in through your organisation" links this account to the provider on the way.
    GET shows what will happen; POST remembers the account and goes to the provider. 404 without single sign-on;
    an invalid or spent link says so."""

    template_name = "registration/sso_link.html"

    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        self.account = linkable_account(kwargs["uidb64"], kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        from django.shortcuts import render

        return render(request, self.template_name, {"account": self.account, "validlink": self.account is not None})

    def post(self, request, *args, **kwargs):
        if self.account is None:
            return self.get(request, *args, **kwargs)
        remember_account_to_link(request, self.account)
        return HttpResponseRedirect(reverse("oidc_authentication_init"))


class CallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: a refused state or nonce, a denied login or a provider error all end on the login
    page with a Dutch message, never a 500; a good one logs the user in and notes how."""

    get_settings = staticmethod(oidc_setting)

    def get(self, request):
        if not settings.OIDC_ENABLED:
            raise Http404
        request.vs_login_method = "oidc"
        try:
            return super().get(request)
        except (SuspiciousOperation, requests.RequestException, ImproperlyConfigured, KeyError, ValueError) as exc:
            logger.warning("Single sign-on geweigerd: %s", exc)
            from django.contrib.auth.signals import user_login_failed

            user_login_failed.send(
                sender=type(self), credentials={"method": "oidc", "reason": type(exc).__name__}, request=request
            )
            return self.login_failure()

    # login_success logs the user in; the user_logged_in signal (accounts.second_factor.settle_at_login) notes
    # the method ("oidc", set on the request above) and whether the provider did MFA (set by the backend).


def provider_logout_url(request) -> str | None:
    """The provider's end-session address for this session (RP-initiated logout), or None."""
    try:
        endpoint = oidc_setting("OIDC_OP_LOGOUT_ENDPOINT", "")
    except requests.RequestException:
        return None
    if not endpoint:
        return None
    params = {"post_logout_redirect_uri": settings.SITE_URL + reverse("login"), "client_id": settings.OIDC_RP_CLIENT_ID}
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    return f"{endpoint}?{urlencode(params)}"
