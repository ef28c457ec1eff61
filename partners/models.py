"""The municipal contacts and the ambtelijke toets in the portal: a request to a municipality to check how its plan
was read (with a deadline), its answer (agree, or proposals per theme), and staff's decision on each proposal.

The rules (who answers, when, what a proposal may be, what a decision does to the scan) live in
partners/services.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from planning.models import Municipality
from scan.models import MunicipalPlan, PlanTheme, Theme

REMARK_MAX_LENGTH = 2000


class MunicipalContact(models.Model):
    """A user who acts for one municipality, or a few (a shared service)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="municipal_contact",
    )
    municipalities = models.ManyToManyField(Municipality, verbose_name=_("gemeenten"), related_name="contacts")
    invited_at = models.DateTimeField(_("uitgenodigd op"), null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[municipalities])

    class Meta:
        verbose_name = _("gemeentelijk contactpersoon")
        verbose_name_plural = _("gemeentelijke contactpersonen")

    def __str__(self):
        return str(self.user)


class CheckRequest(models.Model):
    """The ambtelijke toets of one plan, in the portal: sent with a deadline, answered by a contact of the
    municipality, processed once staff decided every proposal."""

    class Status(models.TextChoices):
        SENT = "sent", _("verstuurd")
        ANSWERED = "answered", _("beantwoord")
        PROCESSED = "processed", _("verwerkt")

    plan = models.OneToOneField(
        MunicipalPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="check_request"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SENT)
    deadline = models.DateField(_("reageren uiterlijk op"))
    sent_on = models.DateField(_("verstuurd op"))
    agrees = models.BooleanField(_("akkoord met de scan"), null=True)
    remark = models.TextField(_("opmerking van de gemeente"), max_length=REMARK_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    processed_at = models.DateTimeField(_("verwerkt op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan__municipality__name"]
        verbose_name = _("ambtelijke toets in het portaal")
        verbose_name_plural = _("ambtelijke toetsen in het portaal")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="sent") | Q(answered_at__isnull=False),
                name="check_request_answered_has_moment",
            ),
            models.CheckConstraint(
                condition=~Q(status="processed") | Q(processed_at__isnull=False),
                name="check_request_processed_has_moment",
            ),
        ]

    def __str__(self):
        return str(self.plan.municipality)


class CheckProposal(models.Model):
    """A municipality's proposal on one theme of its plan: add a theme the scan missed, or change how a theme the
    scan found is worded. Staff accept or reject it with a reason; an accepted proposal changes the scan."""

    class Kind(models.TextChoices):
        ADD = "add", _("thema toevoegen")
        CHANGE = "change", _("formulering wijzigen")

    class Decision(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("overgenomen")
        REJECTED = "rejected", _("niet overgenomen")

    request = models.ForeignKey(
        CheckRequest, verbose_name=_("toets"), on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField(_("soort voorstel"), max_length=10, choices=Kind.choices)
    theme = models.ForeignKey(Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="+")
    plan_theme = models.ForeignKey(
        PlanTheme,
        verbose_name=_("thema in de scan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    wording = models.TextField(_("voorgestelde formulering"), max_length=REMARK_MAX_LENGTH, blank=True)
    remark = models.TextField(_("toelichting"), max_length=REMARK_MAX_LENGTH, blank=True)
    decision = models.CharField(_("besluit"), max_length=10, choices=Decision.choices, default=Decision.OPEN)
    decision_reason = models.TextField(_("reden"), max_length=REMARK_MAX_LENGTH, blank=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "theme__name", "pk"]
        verbose_name = _("voorstel bij de toets")
        verbose_name_plural = _("voorstellen bij de toets")
        constraints = [
            models.UniqueConstraint(fields=["request", "theme"], name="check_proposal_one_per_theme"),
            models.CheckConstraint(
                condition=Q(decision="open") | ~Q(decision_reason=""), name="check_proposal_decision_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.theme}"
