"""Dutch names in the admin for the apps, models and fields of packages that name them only in English
(django-axes, django-otp). Their translatable words (axes, simple-history, DRF's tokens) are in locale/nl; these
are the names without gettext. Set once, from CoreConfig.ready() (after the admin has loaded every admin module),
on the apps' and models' own options and on the packages' registered ModelAdmins: nothing else reads them.
simple-history's history page is templates/simple_history/object_history_list.html (field labels, no "None")."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

APP_NAMES = {
    "axes": _("Inlogpogingen"),
    "otp_static": _("Tweede factor: back-upcodes"),
    "otp_totp": _("Tweede factor: authenticator-app"),
}
MODEL_NAMES = {
    ("otp_static", "staticdevice"): (_("back-upcodeset"), _("back-upcodesets")),
    ("otp_static", "statictoken"): (_("back-upcode"), _("back-upcodes")),
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


# django-otp's field names, help texts and fieldset titles are plain English strings (no gettext). The names are
# set on the fields' verbose_name (which migrations do not read: they keep the field's own argument); the help
# texts and fieldset titles only in the admin's forms, so that the packages' migrations stay as they are.
DEVICE_FIELDS = {
    "user": (_("gebruiker"), _("De gebruiker van wie dit apparaat is.")),
    "name": (_("naam"), _("Een naam waaraan de gebruiker het apparaat herkent.")),
    "confirmed": (_("bevestigd"), _("Is het apparaat klaar voor gebruik?")),
    "created_at": (_("aangemaakt op"), _("Wanneer het apparaat is toegevoegd.")),
    "last_used_at": (_("laatst gebruikt op"), _("Wanneer het apparaat het laatst is gebruikt.")),
    "throttling_failure_timestamp": (
        _("laatste mislukte poging"),
        _("Tijdstip van de laatste mislukte poging; leeg als er geen mislukte pogingen zijn."),
    ),
    "throttling_failure_count": (_("mislukte pogingen"), _("Het aantal mislukte pogingen achter elkaar.")),
}
TOTP_FIELDS = {
    "key": (_("geheime sleutel"), _("Een geheime sleutel in hexadecimale notatie, van hoogstens 40 bytes.")),
    "step": (_("tijdstap"), _("De tijdstap in seconden.")),
    "t0": (_("begintijd (T0)"), _("Het Unix-tijdstip vanaf wanneer de tijdstappen worden geteld.")),
    "digits": (_("aantal cijfers"), _("Het aantal cijfers van een code.")),
    "tolerance": (_("speling"), _("Het aantal tijdstappen ervoor of erna dat nog wordt geaccepteerd.")),
    "drift": (_("afwijking"), _("Het aantal tijdstappen dat de klok van het apparaat bekend afwijkt van de onze.")),
    "last_t": (_("laatste tijdstap"), _("De tijdstap van de laatst geaccepteerde code; de volgende moet later zijn.")),
}
FIELD_NAMES = {
    ("otp_static", "staticdevice"): DEVICE_FIELDS,
    ("otp_static", "statictoken"): {"device": (_("back-upcodeset"), ""), "token": (_("back-upcode"), "")},
    ("otp_totp", "totpdevice"): DEVICE_FIELDS | TOTP_FIELDS,
}
FIELDSET_NAMES = {
    "Identity": _("Apparaat"),
    "Timestamps": _("Tijdstippen"),
    "Configuration": _("Instellingen"),
    "State": _("Toestand"),
    "Throttling": _("Mislukte pogingen"),
}
SEARCH_HELP_TEXT = _("Zoek op de gebruikersnaam of het e-mailadres van de gebruiker.")
QR_CODE = _("QR-code")


def name_third_party_fields_in_dutch() -> None:
    for (label, model), fields in FIELD_NAMES.items():
        if label not in apps.app_configs:
            continue
        options = apps.get_model(label, model)._meta
        for name, (verbose_name, _help_text) in fields.items():
            options.get_field(name).verbose_name = verbose_name
    if "otp_static" in apps.app_configs:
        # An inline row is titled with the token's str(), "StaticToken object (1)" by default.
        apps.get_model("otp_static", "statictoken").__str__ = lambda token: str(_("back-upcode"))


def dutch_third_party_admins(site) -> None:
    """django-otp's ModelAdmins, as registered: Dutch fieldset titles, help texts, search hint and QR-code column."""
    for (label, model), fields in FIELD_NAMES.items():
        if label not in apps.app_configs:
            continue
        model_admin = site._registry.get(apps.get_model(label, model))
        if model_admin is None:
            continue
        _dutch_fieldsets(model_admin)
        _dutch_help_texts(model_admin, {name: help_text for name, (_name, help_text) in fields.items() if help_text})
        if model_admin.search_fields:
            model_admin.search_help_text = SEARCH_HELP_TEXT
        if hasattr(model_admin, "qrcode_link"):
            _dutch_qrcode_link(model_admin)


def _dutch_fieldsets(model_admin) -> None:
    get_fieldsets = model_admin.get_fieldsets

    def dutch(request, obj=None):
        return [(FIELDSET_NAMES.get(name, name), options) for name, options in get_fieldsets(request, obj)]

    model_admin.get_fieldsets = dutch


def _dutch_help_texts(model_admin, help_texts: dict) -> None:
    # Through the form's Meta.help_texts: editable and read-only fields alike read them there.
    get_form = model_admin.get_form

    def dutch(request, obj=None, **kwargs):
        return get_form(request, obj, **{"help_texts": help_texts, **kwargs})

    model_admin.get_form = dutch


def _dutch_qrcode_link(model_admin) -> None:
    from django.urls import NoReverseMatch, reverse
    from django.utils.html import format_html

    def qrcode_link(device):
        try:
            href = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        except NoReverseMatch:
            return ""
        return format_html('<a href="{}">{}</a>', href, QR_CODE)

    qrcode_link.short_description = QR_CODE
    model_admin.qrcode_link = qrcode_link
