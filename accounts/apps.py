from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Gebruikers en rollen")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the deployment checks)

        user_logged_in.connect(_on_login, dispatch_uid="accounts.on_login")

        from django_structlog.signals import bind_extra_request_metadata

        bind_extra_request_metadata.connect(_bind_client_address, dispatch_uid="accounts.log_address")


def _bind_client_address(sender, request, logger, log_kwargs, **kwargs):
    import structlog

    from .client_address import client_address

    structlog.contextvars.bind_contextvars(ip=client_address(request))


def _on_login(sender, request, user, **kwargs):
    from .middleware import start_idle_clock
    from .second_factor import settle_at_login

    if request is not None and hasattr(request, "session"):
        settle_at_login(request, user)
        start_idle_clock(request)
