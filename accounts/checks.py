"""Deployment checks of the login settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def login_settings(app_configs, **kwargs):
    messages = []
    if not settings.TWO_FACTOR_REQUIRED:
        messages.append(
            Warning(
                "TWO_FACTOR_REQUIRED is off: programme staff and administrators log in with a password only.",
                hint="Remove TWO_FACTOR_REQUIRED=false; it is meant for the demo (make run).",
                id="vs_portal.W001",
            )
        )
    if settings.USE_X_FORWARDED_PROTO and settings.TRUSTED_PROXY_COUNT == 0:
        messages.append(
            Warning(
                "Behind a reverse proxy (USE_X_FORWARDED_PROTO) but TRUSTED_PROXY_COUNT is 0: every client has the "
                "proxy's address, so the lock-out of one user name locks it for everyone.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For.",
                id="vs_portal.W002",
            )
        )
    if settings.OIDC_ENABLED and not (
        settings.OIDC_OP_DISCOVERY_ENDPOINT
        or (
            settings.OIDC_OP_AUTHORIZATION_ENDPOINT
            and settings.OIDC_OP_TOKEN_ENDPOINT
            and settings.OIDC_OP_JWKS_ENDPOINT
        )
    ):
        messages.append(
            Error(
                "Single sign-on is on (OIDC_RP_CLIENT_ID) but the provider's endpoints are not configured.",
                hint="Set OIDC_OP_DISCOVERY_ENDPOINT, or OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT, "
                "OIDC_OP_USER_ENDPOINT and OIDC_OP_JWKS_ENDPOINT.",
                id="vs_portal.E001",
            )
        )
    return messages
