"""The DVO choice: a round over the frozen long list and one ballot of exactly seven per DVO.

The rules that the database can hold are constraints here; the rest (exactly seven, from this process's frozen
list, before the deadline) is checked by the services in voting/services.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.limits import TEXT_MAX_LENGTH, max_length_validators

CHOICES_PER_BALLOT = 7


class Round(models.Model):
    """The round in which each DVO picks seven of the ten priorities. One per process."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("in voorbereiding")
        OPEN = "open", _("open")
        CLOSED = "closed", _("gesloten")

    process = models.OneToOneField(
        "planning.StrategyProcess", verbose_name=_("proces"), on_delete=models.CASCADE, related_name="round"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    choices_required = models.PositiveSmallIntegerField(_("aantal te kiezen"), default=CHOICES_PER_BALLOT)
    opened_at = models.DateTimeField(_("geopend"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten"), null=True, blank=True)
    results_released_at = models.DateTimeField(
        _("uitslag vrijgegeven"),
        null=True,
        blank=True,
        help_text=_("Staf kan de uitslag vrijgeven zodra alle DVO's gekozen hebben, ook vóór het sluiten."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keuzeronde")
        verbose_name_plural = _("keuzerondes")

    def __str__(self):
        return _("Keuzeronde %(process)s") % {"process": self.process}

    def get_absolute_url(self):
        return reverse("voting:round_detail", kwargs={"slug": self.process.slug})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def results_visible_to_all(self) -> bool:
        """After closing, or once staff released the result, every role may see counts."""
        return self.is_closed or self.results_released_at is not None


class RoundDeadline(models.Model):
    """Until when one DVO may submit or change its choice; by default the day of its meeting in the planning."""

    round = models.ForeignKey(Round, verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="deadlines")
    district = models.ForeignKey(
        "planning.District", verbose_name=_("DVO"), on_delete=models.PROTECT, related_name="round_deadlines"
    )
    meeting = models.ForeignKey(
        "planning.Milestone",
        verbose_name=_("DVO-vergadering"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    deadline = models.DateTimeField(_("uiterste moment"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["deadline", "district__order"]
        verbose_name = _("termijn")
        verbose_name_plural = _("termijnen")
        constraints = [models.UniqueConstraint(fields=["round", "district"], name="deadline_unique_per_district")]

    def __str__(self):
        return f"{self.district.code}: {self.deadline:%Y-%m-%d %H:%M}"

    def has_passed(self, now=None) -> bool:
        return (now or timezone.now()) > self.deadline


class Ballot(models.Model):
    """One DVO's choice in a round: exactly seven distinct priorities of the round's frozen long list."""

    class CouncilInvolvement(models.TextChoices):
        INVOLVED = "involved", _("betrokken")
        INFORMED = "informed", _("geïnformeerd")
        NOT_YET = "not_yet", _("nog niet")
        UNKNOWN = "unknown", _("onbekend")

    round = models.ForeignKey(Round, verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="ballots")
    district = models.ForeignKey(
        "planning.District", verbose_name=_("DVO"), on_delete=models.PROTECT, related_name="ballots"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.PROTECT,
        related_name="submitted_ballots",
    )
    submitted_at = models.DateTimeField(_("ingediend op"))
    entered_by_staff = models.BooleanField(_("door staf ingevoerd namens de DVO"), default=False)
    staff_reason = models.TextField(
        _("reden van invoer door staf"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    remark = models.TextField(
        _("opmerking"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    council_involvement = models.CharField(
        _("gemeenteraden"), max_length=10, choices=CouncilInvolvement.choices, default=CouncilInvolvement.UNKNOWN
    )
    council_note = models.TextField(
        _("hoe zijn de gemeenteraden betrokken of geïnformeerd?"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        validators=max_length_validators(),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "district__order"]
        verbose_name = _("keuze van een DVO")
        verbose_name_plural = _("keuzes van DVO's")
        constraints = [
            models.UniqueConstraint(fields=["round", "district"], name="ballot_one_per_district_per_round"),
            models.CheckConstraint(
                condition=Q(entered_by_staff=False) | ~Q(staff_reason=""),
                name="ballot_staff_entry_has_reason",
                violation_error_message=_("Geef een reden als de staf namens een DVO invoert."),
            ),
        ]

    def __str__(self):
        return _("Keuze DVO %(district)s") % {"district": self.district.code}

    def get_absolute_url(self):
        return reverse("voting:ballot", kwargs={"slug": self.round.process.slug, "district": self.district.code})


class BallotChoice(models.Model):
    """One of the seven priorities of a ballot, with an optional place in the order of preference (1 = most)."""

    ballot = models.ForeignKey(Ballot, verbose_name=_("keuze"), on_delete=models.CASCADE, related_name="choices")
    priority = models.ForeignKey(
        "priorities.Priority", verbose_name=_("prioriteit"), on_delete=models.PROTECT, related_name="ballot_choices"
    )
    preference = models.PositiveSmallIntegerField(_("voorkeur"), null=True, blank=True)
    remark = models.CharField(_("opmerking"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["ballot", "preference", "priority__position"]
        verbose_name = _("gekozen prioriteit")
        verbose_name_plural = _("gekozen prioriteiten")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "priority"], name="ballot_choice_distinct_priority"),
            models.UniqueConstraint(
                fields=["ballot", "preference"],
                condition=Q(preference__isnull=False),
                name="ballot_choice_distinct_preference",
            ),
            models.CheckConstraint(
                condition=Q(preference__isnull=True) | Q(preference__gte=1, preference__lte=CHOICES_PER_BALLOT),
                name="ballot_choice_preference_in_range",
            ),
        ]

    def __str__(self):
        return str(self.priority)
