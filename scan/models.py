"""The scan: the theme catalogue, every municipality's integral safety plan (IVP) with the themes it names, the
municipality's official check (ambtelijke toets) of how its plan was read, and the other sources (some of them
confidential)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.limits import TEXT_MAX_LENGTH, max_length_validators, year_validators
from core.storage import private_storage
from planning.models import Municipality, StrategyProcess


class Theme(models.Model):
    """A safety theme (ondermijning, cybercrime, ...). Staff extend the catalogue."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    description = models.TextField(
        _("omschrijving"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self):
        return self.name


def plan_upload_to(instance, filename):
    return f"plannen/{instance.process_id}/{instance.municipality_id}/{filename}"


class MunicipalPlan(models.Model):
    """A municipality's integral safety plan (IVP) as scanned for one process, with its official check."""

    class CheckStatus(models.TextChoices):
        NOT_SENT = "not_sent", _("niet verstuurd")
        SENT = "sent", _("verstuurd")
        ANSWERED = "answered", _("beantwoord")
        AMENDED = "amended", _("aangevuld of gewijzigd")

    process = models.ForeignKey(
        StrategyProcess, verbose_name=_("proces"), on_delete=models.CASCADE, related_name="municipal_plans"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="plans"
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)
    period_start_year = models.PositiveSmallIntegerField(
        _("eerste jaar"), null=True, blank=True, validators=year_validators()
    )
    period_end_year = models.PositiveSmallIntegerField(
        _("laatste jaar"), null=True, blank=True, validators=year_validators()
    )
    document = models.FileField(_("document"), upload_to=plan_upload_to, storage=private_storage, blank=True)
    document_name = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    themes = models.ManyToManyField(Theme, through="PlanTheme", related_name="plans", blank=True)
    check_status = models.CharField(
        _("ambtelijke toets"), max_length=20, choices=CheckStatus.choices, default=CheckStatus.NOT_SENT
    )
    check_sent_on = models.DateField(_("toets verstuurd op"), null=True, blank=True)
    check_answered_on = models.DateField(_("toets beantwoord op"), null=True, blank=True)
    check_notes = models.TextField(
        _("reactie van de gemeente"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = _("integraal veiligheidsplan")
        verbose_name_plural = _("integrale veiligheidsplannen")
        constraints = [
            models.UniqueConstraint(fields=["process", "municipality"], name="plan_unique_per_municipality"),
            models.CheckConstraint(
                condition=Q(period_start_year__isnull=True)
                | Q(period_end_year__isnull=True)
                | Q(period_end_year__gte=F("period_start_year")),
                name="plan_period_end_after_start",
                violation_error_message=_("Het laatste jaar ligt vóór het eerste jaar."),
            ),
        ]

    def __str__(self):
        return self.title or str(self.municipality)


class PlanTheme(models.Model):
    """A theme a plan names, in the plan's own words; an addition or change by the municipality is marked so."""

    class Origin(models.TextChoices):
        SCAN = "scan", _("uit de scan")
        ADDED = "added", _("aangevuld door de gemeente")
        CHANGED = "changed", _("gewijzigd door de gemeente")

    plan = models.ForeignKey(
        MunicipalPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="plan_themes"
    )
    theme = models.ForeignKey(Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="plan_themes")
    wording = models.TextField(
        _("formulering in het plan"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    origin = models.CharField(_("herkomst"), max_length=20, choices=Origin.choices, default=Origin.SCAN)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "theme__name"]
        verbose_name = _("thema in plan")
        verbose_name_plural = _("thema's in plannen")
        constraints = [models.UniqueConstraint(fields=["plan", "theme"], name="plan_theme_unique")]

    def __str__(self):
        return f"{self.plan}: {self.theme}"


def source_upload_to(instance, filename):
    return f"bronnen/{instance.process_id}/{filename}"


class Source(models.Model):
    """A source for the scan other than the municipal plans (the police law evaluation, a threat assessment, ...).

    Confidential sources are visible to programme staff only, on every page, in the API and in exports.
    """

    class Kind(models.TextChoices):
        EVALUATION = "evaluation", _("evaluatie")
        THREAT_ASSESSMENT = "threat_assessment", _("dreigingsbeeld")
        REVIEW = "review", _("review")
        UNDERMINING = "undermining", _("ondermijningsbeeld")
        RIEC = "riec", _("RIEC-fenomenen")
        PROGRESS = "progress", _("voortgangsrapportage")
        POLICY_PLAN = "policy_plan", _("beleidsplan")
        OTHER = "other", _("overig")

    class Confidentiality(models.TextChoices):
        PUBLIC = "public", _("openbaar")
        INTERNAL = "internal", _("intern")
        # Undermining reports and RIEC material: programme staff only, everywhere.
        CONFIDENTIAL = "confidential", _("vertrouwelijk")

    process = models.ForeignKey(
        StrategyProcess, verbose_name=_("proces"), on_delete=models.CASCADE, related_name="sources"
    )
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    owner = models.CharField(_("eigenaar"), max_length=200, blank=True)
    published_on = models.DateField(_("datum"), null=True, blank=True)
    reference = models.CharField(_("vindplaats"), max_length=500, blank=True)
    document = models.FileField(_("document"), upload_to=source_upload_to, storage=private_storage, blank=True)
    document_name = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), related_name="sources", blank=True)
    confidentiality = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Confidentiality.choices, default=Confidentiality.INTERNAL
    )
    notes = models.TextField(_("notities"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators())

    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["title"]
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self):
        return self.title
