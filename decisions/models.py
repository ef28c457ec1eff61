"""The BBG's top five: five priorities of the long list with an ambition each, decided on the DVOs' result, with
a justification for every higher-ranked priority the BBG passed over. Recorded by staff, then confirmed and locked.

The rules that the database can hold are constraints here; the rest is held by decisions/services.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.limits import TEXT_MAX_LENGTH, max_length_validators

TOP_SIZE = 5


class BbgDecision(models.Model):
    """The BBG's top five, recorded by staff; locked once confirmed."""

    round = models.OneToOneField(
        "voting.Round", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="decision"
    )
    meeting = models.ForeignKey(
        "planning.Milestone",
        verbose_name=_("BBG-vergadering"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_on = models.DateField(_("datum besluit"))
    notes = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("besluit BBG")
        verbose_name_plural = _("besluiten BBG")

    def __str__(self):
        return _("Top vijf BBG %(process)s") % {"process": self.round.process}

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class DecisionPriority(models.Model):
    """A priority in the BBG's top five, with its ambition."""

    decision = models.ForeignKey(
        BbgDecision, verbose_name=_("besluit"), on_delete=models.CASCADE, related_name="chosen"
    )
    priority = models.ForeignKey(
        "priorities.Priority", verbose_name=_("prioriteit"), on_delete=models.PROTECT, related_name="bbg_choices"
    )
    position = models.PositiveSmallIntegerField(_("plaats"))
    ambition = models.TextField(_("ambitie"), max_length=TEXT_MAX_LENGTH, validators=max_length_validators())

    history = HistoricalRecords()

    class Meta:
        ordering = ["decision", "position"]
        verbose_name = _("prioriteit in de top vijf")
        verbose_name_plural = _("prioriteiten in de top vijf")
        constraints = [
            models.UniqueConstraint(fields=["decision", "priority"], name="decision_priority_distinct"),
            models.UniqueConstraint(fields=["decision", "position"], name="decision_position_distinct"),
            models.CheckConstraint(
                condition=Q(position__gte=1, position__lte=TOP_SIZE), name="decision_position_in_top"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.priority}"


class PassedOver(models.Model):
    """Why the BBG passed over a priority ranked higher than one it chose."""

    decision = models.ForeignKey(
        BbgDecision, verbose_name=_("besluit"), on_delete=models.CASCADE, related_name="passed_over"
    )
    priority = models.ForeignKey(
        "priorities.Priority", verbose_name=_("prioriteit"), on_delete=models.PROTECT, related_name="+"
    )
    justification = models.TextField(_("motivering"), max_length=TEXT_MAX_LENGTH, validators=max_length_validators())

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gepasseerde prioriteit")
        verbose_name_plural = _("gepasseerde prioriteiten")
        constraints = [models.UniqueConstraint(fields=["decision", "priority"], name="passed_over_distinct")]

    def __str__(self):
        return str(self.priority)
