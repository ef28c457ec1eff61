"""What the planning holds: milestones, actions and absences."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.dates import Precision, format_when
from core.limits import TEXT_MAX_LENGTH, max_length_validators

from .process import Phase, StrategyProcess
from .reference import Body, Person


class Milestone(models.Model):
    """A meeting, decision, deliverable, information moment or action of the planning, on a day or in a period.

    ``starts_on``/``ends_on``/``precision`` hold both: a day has ``starts_on == ends_on`` and precision DAY;
    "juli - augustus 2018" is 1 July to 31 August with precision MONTHS (see planning.periods).
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", _("vergadering")
        DECISION = "decision", _("besluit")
        DELIVERABLE = "deliverable", _("product")
        INFORMATION = "information", _("informeren")
        ACTION = "action", _("actie")

    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        TENTATIVE = "tentative", _("onder voorbehoud")
        DONE = "done", _("gereed")
        MOVED = "moved", _("verplaatst")
        CANCELLED = "cancelled", _("vervallen")

    class CompletedBy(models.TextChoices):
        """The fact in the portal that makes the milestone done (planning.services.milestones_complete)."""

        LONGLIST_APPROVED = "longlist_approved", _("de BBG heeft de lange lijst vastgesteld")
        DVO_CHOICE = "dvo_choice", _("de keuze van de DVO is ingediend")
        TOP_FIVE = "top_five", _("het besluit van de BBG over de top vijf is bevestigd")
        GOALS_PUT_FORWARD = "goals_put_forward", _("alle doelstellingen zijn naar het RVO doorgezet")
        LETTER_SENT = "letter_sent", _("het document met de begeleidende brief is naar het RVO gestuurd")
        GOALS_ADOPTED = "goals_adopted", _("alle doelstellingen zijn vastgesteld")
        NOTA = "nota", _("het document is uitgewerkt tot bestuurlijke nota")

    # Statuses that still ask for something to happen.
    OPEN_STATUSES = (Status.PLANNED, Status.TENTATIVE, Status.MOVED)

    process = models.ForeignKey(
        StrategyProcess, verbose_name=_("proces"), on_delete=models.CASCADE, related_name="milestones"
    )
    phase = models.ForeignKey(
        Phase, verbose_name=_("fase"), on_delete=models.PROTECT, null=True, blank=True, related_name="milestones"
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.MEETING)
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"))
    precision = models.CharField(_("nauwkeurigheid"), max_length=10, choices=Precision.choices, default=Precision.DAY)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    completed_by = models.CharField(
        _("gereed zodra"),
        max_length=20,
        choices=CompletedBy.choices,
        blank=True,
        help_text=_(
            "Het feit in het portaal waarmee deze mijlpaal vanzelf gereed wordt, bijvoorbeeld de keuze van de DVO. "
            "Leeg: de status wordt met de hand bijgehouden."
        ),
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("gremium"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="milestones",
        help_text=_("Het gremium dat vergadert, besluit of verantwoordelijk is."),
    )
    responsible_person = models.ForeignKey(
        Person,
        verbose_name=_("verantwoordelijke"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    deliverables = models.TextField(
        _("op te leveren"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    notes = models.TextField(_("notities"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators())
    depends_on = models.ManyToManyField(
        "self",
        verbose_name=_("hangt af van"),
        symmetrical=False,
        blank=True,
        related_name="dependents",
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[depends_on])

    class Meta:
        ordering = ["starts_on", "ends_on", "pk"]
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="milestone_ends_after_start",
                violation_error_message=_("Het einde ligt vóór het begin."),
            ),
            models.CheckConstraint(
                condition=~Q(precision="day") | Q(ends_on=F("starts_on")),
                name="milestone_day_is_one_day",
            ),
        ]
        indexes = [models.Index(fields=["process", "starts_on", "ends_on"])]

    def __str__(self):
        return f"{self.when_display}: {self.title}"

    def get_absolute_url(self):
        return reverse("planning:milestone_detail", kwargs={"slug": self.process.slug, "pk": self.pk})

    @property
    def when_display(self) -> str:
        """The day or period in words: '4 april 2018', 'juli - augustus 2018', 'eind 2018'."""
        return format_when(self.starts_on, self.ends_on, self.precision)

    @property
    def is_period(self) -> bool:
        return self.precision != Precision.DAY

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open and self.ends_on < today


class Action(models.Model):
    """A task of the planning, such as 'bilateraal informeren regioburgemeester en RVO'."""

    process = models.ForeignKey(
        StrategyProcess, verbose_name=_("proces"), on_delete=models.CASCADE, related_name="actions"
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("bij mijlpaal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    owner = models.ForeignKey(
        Person, verbose_name=_("eigenaar"), on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    due_on = models.DateField(_("uiterlijk op"), null=True, blank=True)
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("planning:action_detail", kwargs={"slug": self.process.slug, "pk": self.pk})

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.is_done and self.due_on is not None and self.due_on < today


class Absence(models.Model):
    """A person known to be absent on a day or days, e.g. a mayor at the BBG of 7 June 2018."""

    person = models.ForeignKey(Person, verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="absences")
    starts_on = models.DateField(_("afwezig vanaf"))
    ends_on = models.DateField(_("afwezig tot en met"))
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on", "person"]
        verbose_name = _("afwezigheid")
        verbose_name_plural = _("afwezigheden")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="absence_ends_after_start",
                violation_error_message=_("Het einde van de afwezigheid ligt vóór het begin."),
            ),
        ]

    def __str__(self):
        return f"{self.person.name}: {format_when(self.starts_on, self.ends_on, Precision.DAY)}" + (
            f" – {format_when(self.ends_on, self.ends_on, Precision.DAY)}" if self.ends_on != self.starts_on else ""
        )

    def covers(self, date: datetime.date) -> bool:
        return self.starts_on <= date <= self.ends_on
