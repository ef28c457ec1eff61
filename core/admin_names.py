"""Dutch names in the admin for the apps and models of packages that name them only in English (django-axes,
django-otp). Their translatable words are in locale/nl; these are the names without gettext. Set once, from
CoreConfig.ready(), on the apps' and models' own options: nothing else reads them."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

APP_NAMES = {
    "axes": _("Inlogpogingen"),
    "otp_static": _("Tweede factor: reservecodes"),
    "otp_totp": _("Tweede factor: authenticator-app"),
}
MODEL_NAMES = {
    ("otp_static", "staticdevice"): (_("reservecodeset"), _("reservecodesets")),
    ("otp_static", "statictoken"): (_("reservecode"), _("reservecodes")),
    ("otp_totp", "totpdevice"): (_("authenticator-app"), _("authenticator-apps")),
}


def name_third_party_apps_in_dutch() -> None:
    for label, name in APP_NAMES.items():
        if apps.is_installed(label) or label in apps.app_configs:
            apps.get_app_config(label).verbose_name = name
    for (label, model), (singular, plural) in MODEL_NAMES.items():
        if label in apps.app_configs:
            options = apps.get_model(label, model)._meta
            options.verbose_name, options.verbose_name_plural = singular, plural
