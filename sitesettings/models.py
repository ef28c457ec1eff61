"""What makes an installation one regional unit's: the network's name and logo, the sender of its emails, the
calendar's PRODID, the accessibility contact. One row (django-solo), edited by administrators in /beheer/; the
defaults are Oost-Nederland's, so an existing installation looks as it did. The unit's districts, bodies and
municipalities are data: ``manage.py import_reference_data`` (planning)."""

import logging

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from solo.models import SingletonModel

logger = logging.getLogger(__name__)

MAX_LOGO_SIZE = 512 * 1024


def private_storage():
    return storages["private"]


def validate_logo(upload) -> None:
    """A PNG or an SVG of at most 512 kB, judged by its content, not its name."""
    if upload.size > MAX_LOGO_SIZE:
        raise ValidationError(_("Het logo is groter dan 512 kB."), code="logo_too_large")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if not (head.startswith(b"\x89PNG\r\n\x1a\n") or b"<svg" in head.lower()):
        raise ValidationError(_("Het logo moet een PNG- of SVG-bestand zijn."), code="logo_type")


class SiteSettings(SingletonModel):
    network_name = models.CharField(
        _("naam van het netwerk"),
        max_length=150,
        default="Veiligheidsnetwerk Oost-Nederland",
        help_text=_("Zoals in de voettekst, de e-mails en de toegankelijkheidsverklaring."),
    )
    network_short_name = models.CharField(_("afkorting van het netwerk"), max_length=30, default="VNONL")
    unit_name = models.CharField(
        _("regionale eenheid"),
        max_length=100,
        default="Oost-Nederland",
        help_text=_("De politie-eenheid waarvoor dit portaal de Veiligheidsstrategie ondersteunt."),
    )
    logo = models.FileField(
        _("logo"),
        upload_to="site/",
        storage=private_storage,
        blank=True,
        validators=[validate_logo],
        help_text=_("SVG of PNG, ten hoogste 512 kB; getoond in de kopbalk."),
    )
    sender = models.CharField(
        _("afzender van e-mails"),
        max_length=254,
        blank=True,
        help_text=_("Bijvoorbeeld ‘VS-portaal <noreply@vs.example.org>’. Leeg: DEFAULT_FROM_EMAIL uit de omgeving."),
    )
    calendar_prodid = models.CharField(
        _("PRODID van de agenda"),
        max_length=200,
        default="-//Veiligheidsnetwerk Oost-Nederland//VS-portaal//NL",
        help_text=_("De afzender van de agendafeeds (iCalendar PRODID)."),
    )
    contact_name = models.CharField(
        _("contact voor toegankelijkheid"),
        max_length=150,
        default="de programmastaf van het Veiligheidsnetwerk Oost-Nederland",
    )
    contact_email = models.EmailField(_("e-mailadres voor contact"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer voor contact"), max_length=30, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("site-instellingen")
        verbose_name_plural = _("site-instellingen")

    def __str__(self):
        return str(_("Site-instellingen"))

    def save(self, *args, **kwargs):
        """django-solo stores the row in the shared cache on each save; here it is dropped there at once and again
        once the save has committed, so that no replica serves a row that a rolled-back transaction never wrote
        (the next read stores the committed one)."""
        super().save(*args, **kwargs)
        self._drop_cached()
        transaction.on_commit(self._drop_cached)

    def set_to_cache(self) -> None:
        try:
            super().set_to_cache()
        except Exception:  # the cache is down: the page reads the row from the database
            logger.warning("site settings: could not store the row in the cache", exc_info=True)

    @classmethod
    def _drop_cached(cls) -> None:
        try:
            cls.clear_cache()
        except Exception:  # the cache is down; the row it held went with it (SOLO_CACHE_TIMEOUT bounds the rest)
            logger.warning("site settings: could not drop the cached row", exc_info=True)
