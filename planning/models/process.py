"""A strategy process (one VS period) and its phases. Everything else belongs to one process."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.limits import TEXT_MAX_LENGTH, max_length_validators, year_validators


class StrategyProcess(models.Model):
    """The making of one Veiligheidsstrategie and its MJB, e.g. VS 2019-2022."""

    title = models.CharField(_("titel"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=40, unique=True, help_text=_("Bijv. VS 2019-2022."))
    slug = models.SlugField(_("adresnaam"), max_length=50, unique=True, help_text=_("Bijv. vs-2019-2022."))
    period_start_year = models.PositiveSmallIntegerField(_("eerste jaar van de periode"), validators=year_validators())
    period_end_year = models.PositiveSmallIntegerField(_("laatste jaar van de periode"), validators=year_validators())
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("voorganger"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
    )
    description = models.TextField(
        _("omschrijving"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    majority_threshold = models.DecimalField(
        _("drempel overgrote meerderheid (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("66.67"),
        validators=[MinValueValidator(Decimal("50")), MaxValueValidator(Decimal("100"))],
        help_text=_("Het aandeel gemeenten dat een thema moet noemen om het eerste criterium te halen."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start_year", "short_name"]
        verbose_name = _("strategieproces")
        verbose_name_plural = _("strategieprocessen")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end_year__gte=F("period_start_year")),
                name="process_period_end_after_start",
                violation_error_message=_("Het laatste jaar ligt vóór het eerste jaar."),
            ),
        ]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("planning:dashboard", kwargs={"slug": self.slug})

    @property
    def period_display(self) -> str:
        return f"{self.period_start_year}-{self.period_end_year}"


class Phase(models.Model):
    """A stage of the process (scan, DVO choice, top five, goals, ...), in order."""

    process = models.ForeignKey(
        StrategyProcess, verbose_name=_("proces"), on_delete=models.CASCADE, related_name="phases"
    )
    name = models.CharField(_("naam"), max_length=100)
    order = models.PositiveSmallIntegerField(_("volgorde"))
    description = models.TextField(
        _("omschrijving"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "order"]
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        constraints = [
            models.UniqueConstraint(fields=["process", "order"], name="phase_unique_order_per_process"),
        ]

    def __str__(self):
        return self.name
