from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Gebruikers en rollen")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the deployment checks)

        user_logged_in.connect(_on_login, dispatch_uid="accounts.on_login")


def _on_login(sender, request, user, **kwargs):
    from .middleware import start_idle_clock
    from .second_factor import settle_at_login

    if request is not None and hasattr(request, "session"):
        settle_at_login(request, user)
        start_idle_clock(request)
