"""Monitoring the adopted goals over the strategy's period: the moments at which the indicators are measured, the
indicators with their unit, baseline and target, the measured values (optionally per district or municipality),
the users who enter the values on behalf of the goal's owner, and per goal and moment the progress assessment
(the owner's explanation, the partners' actions, and staff's override of the computed status).

The rules (units and ranges, moments inside the period, the status rule, who may enter what) live in
monitoring/services.py and monitoring/progress.py; the models hold what the database can.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.limits import TEXT_MAX_LENGTH, max_length_validators
from core.prose import prose_validators

from .units import format_value

REMARK_MAX_LENGTH = 2000
EXPLANATION_MAX_LENGTH = 5000


class Unit(models.TextChoices):
    NUMBER = "number", _("aantal")
    PERCENTAGE = "percentage", _("percentage")
    YES_NO = "yes_no", _("ja/nee")
    EUROS = "euros", _("euro")


class ProgressStatus(models.TextChoices):
    ON_COURSE = "on_course", _("op koers")
    ATTENTION = "attention", _("aandacht nodig")
    BEHIND = "behind", _("achter")
    ACHIEVED = "achieved", _("behaald")


class MeasurementMoment(models.Model):
    """A date on which every indicator of the process is measured, e.g. 31 December 2019."""

    process = models.ForeignKey(
        "planning.StrategyProcess",
        verbose_name=_("proces"),
        on_delete=models.CASCADE,
        related_name="measurement_moments",
    )
    measured_on = models.DateField(_("peildatum"))
    label = models.CharField(_("naam"), max_length=100, help_text=_("Bijv. 'Peildatum 2019'."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "measured_on"]
        verbose_name = _("meetmoment")
        verbose_name_plural = _("meetmomenten")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "measured_on"],
                name="moment_unique_date_per_process",
                violation_error_message=_("Er is al een meetmoment op deze datum."),
            ),
        ]

    def __str__(self):
        return self.label


class Indicator(models.Model):
    """What a goal is measured by, with its unit, baseline and target. A regional indicator is measured per
    district or municipality as well as for the whole unit."""

    class Scope(models.TextChoices):
        UNIT = "unit", _("alleen de hele eenheid")
        DISTRICT = "district", _("ook per district")
        MUNICIPALITY = "municipality", _("ook per gemeente")

    goal = models.ForeignKey(
        "documents.Goal", verbose_name=_("doelstelling"), on_delete=models.CASCADE, related_name="indicators"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("eenheid"), max_length=12, choices=Unit.choices, default=Unit.NUMBER)
    baseline = models.DecimalField(_("nulmeting"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("streefwaarde"), max_digits=14, decimal_places=2)
    scope = models.CharField(_("regionaal"), max_length=12, choices=Scope.choices, default=Scope.UNIT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "position", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "name"],
                name="indicator_unique_name_per_goal",
                violation_error_message=_("Deze doelstelling heeft al een indicator met deze naam."),
            ),
            models.CheckConstraint(
                condition=~Q(baseline=models.F("target")),
                name="indicator_target_differs_from_baseline",
                violation_error_message=_("De streefwaarde moet verschillen van de nulmeting."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("monitoring:goal", kwargs={"slug": self.goal.process.slug, "pk": self.goal_id})

    @property
    def baseline_text(self) -> str:
        return format_value(self.baseline, self.unit)

    @property
    def target_text(self) -> str:
        return format_value(self.target, self.unit)


class OwnerContact(models.Model):
    """A user who enters the values of a goal on behalf of its owner (the police's analyst, the RIEC's
    coordinator, a DVO secretary). Staff assign them; they are reminded before each measurement moment."""

    goal = models.ForeignKey(
        "documents.Goal", verbose_name=_("doelstelling"), on_delete=models.CASCADE, related_name="owner_contacts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="owned_goals"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "user__last_name", "pk"]
        verbose_name = _("contactpersoon van de eigenaar")
        verbose_name_plural = _("contactpersonen van de eigenaar")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "user"],
                name="owner_contact_once_per_goal",
                violation_error_message=_("Deze gebruiker is al contactpersoon van deze doelstelling."),
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.goal})"


class Measurement(models.Model):
    """One value of an indicator at a moment: for the whole unit, or for one district or one municipality."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="measurements"
    )
    moment = models.ForeignKey(
        MeasurementMoment, verbose_name=_("meetmoment"), on_delete=models.PROTECT, related_name="measurements"
    )
    district = models.ForeignKey(
        "planning.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measurements",
    )
    municipality = models.ForeignKey(
        "planning.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measurements",
    )
    value = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2)
    provisional = models.BooleanField(_("voorlopig"), default=False)
    source = models.CharField(_("bron van het cijfer"), max_length=300)
    remark = models.TextField(_("opmerking"), max_length=REMARK_MAX_LENGTH, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "moment__measured_on", "district__name", "municipality__name", "pk"]
        verbose_name = _("meetwaarde")
        verbose_name_plural = _("meetwaarden")
        constraints = [
            models.CheckConstraint(
                condition=Q(district__isnull=True) | Q(municipality__isnull=True),
                name="measurement_district_or_municipality",
                violation_error_message=_("Een waarde geldt voor een district of voor een gemeente, niet voor beide."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "moment"],
                condition=Q(district__isnull=True, municipality__isnull=True),
                name="measurement_once_per_moment",
                violation_error_message=_("Deze indicator heeft op dit meetmoment al een waarde."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "moment", "district"],
                condition=Q(district__isnull=False),
                name="measurement_once_per_moment_district",
                violation_error_message=_("Deze indicator heeft op dit meetmoment al een waarde voor dit district."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "moment", "municipality"],
                condition=Q(municipality__isnull=False),
                name="measurement_once_per_moment_municipality",
                violation_error_message=_("Deze indicator heeft op dit meetmoment al een waarde voor deze gemeente."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.moment})"

    @property
    def area(self):
        return self.district or self.municipality


class ProgressAssessment(models.Model):
    """A goal at a moment: the owner's explanation, the partners' actions from the planning, and staff's override
    of the computed status (with its reason). The computed status itself is never stored: it follows the values."""

    goal = models.ForeignKey(
        "documents.Goal", verbose_name=_("doelstelling"), on_delete=models.CASCADE, related_name="assessments"
    )
    moment = models.ForeignKey(
        MeasurementMoment, verbose_name=_("meetmoment"), on_delete=models.PROTECT, related_name="assessments"
    )
    explanation = models.TextField(_("toelichting van de eigenaar"), max_length=EXPLANATION_MAX_LENGTH, blank=True)
    actions = models.ManyToManyField(
        "planning.Action", verbose_name=_("acties van de partners"), blank=True, related_name="assessments"
    )
    override_status = models.CharField(
        _("status (door de programmastaf vastgesteld)"), max_length=12, choices=ProgressStatus.choices, blank=True
    )
    override_reason = models.TextField(_("reden van de afwijkende status"), max_length=REMARK_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[actions])

    class Meta:
        ordering = ["goal", "moment__measured_on"]
        verbose_name = _("voortgang van een doelstelling")
        verbose_name_plural = _("voortgang van doelstellingen")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "moment"],
                name="assessment_once_per_goal_and_moment",
                violation_error_message=_("Deze doelstelling heeft op dit meetmoment al een beoordeling."),
            ),
            models.CheckConstraint(
                condition=Q(override_status="") | ~Q(override_reason=""),
                name="assessment_override_has_reason",
                violation_error_message=_("Geef een reden als u de status zelf vaststelt."),
            ),
        ]

    def __str__(self):
        return f"{self.goal} – {self.moment}"


class ProgressReport(models.Model):
    """The annual progress report (voortgangsrapportage) of one year: the input for the police's jaarverslag. Its
    data (values, statuses, explanations, charts) come from the monitoring; staff write the executive summary.

    It follows the VS/MJB document's workflow (documents.workflow): concept -> offered to the RVO -> for adoption by
    the Bestuurscollege -> adopted, back to concept with a reason. Each step and each new version keeps a frozen
    snapshot (ProgressReportVersion: 0.1, 0.2, ... and 1.0 on adoption); an adopted report is frozen. Its milestone
    in the planning ("Voortgangsrapportage <jaar> vastgesteld") is done when it is adopted."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        SENT_TO_RVO = "sent_to_rvo", _("aangeboden aan het RVO")
        FOR_ADOPTION = "for_adoption", _("ter vaststelling bij het Bestuurscollege")
        ADOPTED = "adopted", _("vastgesteld")

    process = models.ForeignKey(
        "planning.StrategyProcess",
        verbose_name=_("proces"),
        on_delete=models.CASCADE,
        related_name="progress_reports",
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    summary_html = models.TextField(_("samenvatting"), blank=True, validators=prose_validators())
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    sent_to_rvo_on = models.DateField(_("aangeboden aan het RVO op"), null=True, blank=True)
    for_adoption_on = models.DateField(_("ter vaststelling op"), null=True, blank=True)
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    milestone = models.ForeignKey(
        "planning.Milestone",
        verbose_name=_("mijlpaal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_reports",
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "year"]
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "year"],
                name="progress_report_once_per_year",
                violation_error_message=_("Dit jaar heeft al een voortgangsrapportage."),
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_on__isnull=False),
                name="progress_report_adopted_has_date",
                violation_error_message=_("Een vastgestelde rapportage heeft een datum van vaststelling."),
            ),
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.year}"

    def get_absolute_url(self):
        return reverse("monitoring:report", kwargs={"slug": self.process.slug, "year": self.year})

    @property
    def is_frozen(self) -> bool:
        return self.status == self.Status.ADOPTED


class ProgressReportVersion(models.Model):
    """A frozen snapshot of a year's report (monitoring.selectors.report_data as JSON): the summary and, per goal,
    the values, status and explanation as they were when the step was taken."""

    report = models.ForeignKey(
        ProgressReport, verbose_name=_("voortgangsrapportage"), on_delete=models.CASCADE, related_name="versions"
    )
    major = models.PositiveSmallIntegerField(_("hoofdversie"), default=0)
    minor = models.PositiveSmallIntegerField(_("subversie"))
    status = models.CharField(_("status"), max_length=20, choices=ProgressReport.Status.choices)
    snapshot = models.JSONField(_("inhoud"), encoder=DjangoJSONEncoder)
    note = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "major", "minor"]
        verbose_name = _("versie van een voortgangsrapportage")
        verbose_name_plural = _("versies van voortgangsrapportages")
        constraints = [
            models.UniqueConstraint(fields=["report", "major", "minor"], name="progress_report_version_unique_label"),
        ]

    def __str__(self):
        return _("versie %(label)s") % {"label": self.label}

    @property
    def label(self) -> str:
        return f"{self.major}.{self.minor}"


class ProgressReportTransition(models.Model):
    """One step of a report's workflow: who, when, the meeting's date, a note, and the version it made."""

    report = models.ForeignKey(
        ProgressReport, verbose_name=_("voortgangsrapportage"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("van"), max_length=20, choices=ProgressReport.Status.choices)
    to_status = models.CharField(_("naar"), max_length=20, choices=ProgressReport.Status.choices)
    meeting_date = models.DateField(_("datum vergadering"), null=True, blank=True)
    note = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    version = models.ForeignKey(
        ProgressReportVersion,
        verbose_name=_("versie"),
        on_delete=models.SET_NULL,  # a version goes only with its report, and so with this step
        null=True,
        blank=True,
        related_name="transitions",
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("op"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "at", "pk"]
        verbose_name = _("statuswijziging van een voortgangsrapportage")
        verbose_name_plural = _("statuswijzigingen van voortgangsrapportages")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
