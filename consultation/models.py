"""The councils' consultation on the draft MJB: a round per document version that is sent out, with one entry
per municipality of the unit (its council, the dates, the status, the response and an attachment).

The councils are consulted on the police part (the MJB) only (art. 38b Politiewet); the VS part is not up for
consultation. The rules (who registers which council, dates in order, a response before "received") live in
consultation/services.py.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.prose import SHORT_PROSE_MAX_LENGTH, prose_validators
from core.storage import private_storage


class ConsultationRound(models.Model):
    """The consultation of the councils on one sent version of the VS/MJB document."""

    process = models.ForeignKey(
        "planning.StrategyProcess",
        verbose_name=_("proces"),
        on_delete=models.CASCADE,
        related_name="consultation_rounds",
    )
    version = models.OneToOneField(
        "documents.DocumentVersion",
        verbose_name=_("versie van het document"),
        # Versions are never deleted by the services; when a whole process goes (archive), its rounds go with it.
        on_delete=models.CASCADE,
        related_name="consultation_round",
    )
    sent_on = models.DateField(_("verstuurd op"))
    deadline = models.DateField(_("reactie uiterlijk"))
    note = models.TextField(_("toelichting"), blank=True, validators=prose_validators(SHORT_PROSE_MAX_LENGTH))
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "sent_on", "pk"]
        verbose_name = _("consultatieronde")
        verbose_name_plural = _("consultatierondes")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("sent_on")),
                name="consultation_round_deadline_after_sent",
                violation_error_message=_("De termijn kan niet voor de verzenddatum liggen."),
            ),
        ]

    def __str__(self):
        return _("Consultatie over versie %(label)s") % {"label": self.version.label}

    def get_absolute_url(self):
        return reverse("consultation:round_detail", kwargs={"slug": self.process.slug, "pk": self.pk})


def attachment_upload_to(instance, filename):
    return f"consultatie/{instance.round_id}/{instance.municipality_id}/{filename}"


class CouncilEntry(models.Model):
    """One municipality's council in a consultation round."""

    class Status(models.TextChoices):
        SENT = "sent", _("verstuurd")
        ON_AGENDA = "on_agenda", _("geagendeerd")
        RECEIVED = "received", _("reactie ontvangen")
        NO_RESPONSE = "no_response", _("geen reactie")
        DECLINED = "declined", _("afgezien van reactie")

    # Still waiting for the council: these count as "missing" and get the reminders.
    OPEN_STATUSES = (Status.SENT, Status.ON_AGENDA)

    class Scope(models.TextChoices):
        POLICE_ONLY = "police", _("alleen het politiedeel (MJB)")
        ALSO_VS = "also_vs", _("ook de Veiligheidsstrategie")

    round = models.ForeignKey(
        ConsultationRound, verbose_name=_("consultatieronde"), on_delete=models.CASCADE, related_name="entries"
    )
    municipality = models.ForeignKey(
        "planning.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    sent_on = models.DateField(_("verstuurd op"))
    meeting_on = models.DateField(_("datum raadsvergadering"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SENT)
    received_on = models.DateField(_("reactie ontvangen op"), null=True, blank=True)
    scope = models.CharField(_("de reactie gaat over"), max_length=10, choices=Scope.choices, blank=True)
    response_html = models.TextField(_("reactie van de raad"), blank=True, validators=prose_validators())
    summary = models.CharField(
        _("korte samenvatting"), max_length=300, blank=True, help_text=_("Eén of twee zinnen, voor het hoofdstuk.")
    )
    follow_up = models.TextField(
        _("wat is ermee gedaan"), blank=True, validators=prose_validators(SHORT_PROSE_MAX_LENGTH)
    )
    attachment = models.FileField(
        _("motie of brief"), upload_to=attachment_upload_to, storage=private_storage, blank=True
    )
    attachment_name = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "municipality__district__order", "municipality__name"]
        verbose_name = _("reactie van een gemeenteraad")
        verbose_name_plural = _("reacties van gemeenteraden")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "municipality"],
                name="council_entry_one_per_municipality",
                violation_error_message=_("Deze gemeente staat al in deze consultatieronde."),
            ),
            models.CheckConstraint(
                condition=~Q(status="received") | Q(received_on__isnull=False),
                name="council_entry_received_has_date",
                violation_error_message=_("Een ontvangen reactie heeft een datum van ontvangst."),
            ),
        ]

    def __str__(self):
        return f"{self.municipality}: {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("consultation:entry_update", kwargs={"slug": self.round.process.slug, "pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES
