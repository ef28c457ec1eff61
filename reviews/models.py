"""The midterm and endterm reviews of a strategy (issue 14): per process at a chosen measurement moment, a review
("light" allowed) that looks back on each adopted goal (what was achieved against the target, from the
monitoring; what worked and what not) and recommends for the next strategy (continue, adjust or stop, with a
reason). Its workflow mirrors the VS/MJB document's: concept -> to the RVO -> for adoption by the
Bestuurscollege -> adopted, each step a ReviewTransition with a frozen ReviewVersion (0.1, 0.2, ... 1.0 on
adoption). An adopted review is frozen; it becomes a source of the next cycle's scan (reviews/feed.py).

The rules live in reviews/services.py; the models hold what the database can.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.limits import TEXT_MAX_LENGTH, max_length_validators
from core.prose import PROSE_MAX_LENGTH, prose_validators

REASON_MAX_LENGTH = 2000


class Review(models.Model):
    """One review of a process: its midterm or its endterm review."""

    class Kind(models.TextChoices):
        MIDTERM = "midterm", _("midterm review")
        ENDTERM = "endterm", _("endterm review")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        SENT_TO_RVO = "sent_to_rvo", _("naar het RVO gestuurd")
        FOR_ADOPTION = "for_adoption", _("ter vaststelling bij het Bestuurscollege")
        ADOPTED = "adopted", _("vastgesteld")

    process = models.ForeignKey(
        "planning.StrategyProcess", verbose_name=_("proces"), on_delete=models.CASCADE, related_name="reviews"
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    light = models.BooleanField(_("light"), default=False, help_text=_("Een korte evaluatie (review light)."))
    moment = models.ForeignKey(
        "monitoring.MeasurementMoment",
        verbose_name=_("meetmoment"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="reviews",
        help_text=_("De stand van de monitoring waarop de review terugkijkt."),
    )
    title = models.CharField(_("titel"), max_length=200)
    summary_html = models.TextField(
        _("samenvatting"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    sent_to_rvo_on = models.DateField(_("naar het RVO op"), null=True, blank=True)
    for_adoption_on = models.DateField(_("ter vaststelling op"), null=True, blank=True)
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "kind"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "kind"],
                name="review_once_per_kind",
                violation_error_message=_("Dit proces heeft al een review van deze soort."),
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_on__isnull=False),
                name="review_adopted_has_date",
                violation_error_message=_("Een vastgestelde review heeft een datum van vaststelling."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:review_detail", kwargs={"slug": self.process.slug, "pk": self.pk})

    @property
    def is_frozen(self) -> bool:
        return self.status == self.Status.ADOPTED

    @property
    def kind_display(self) -> str:
        label = str(self.get_kind_display())
        return f"{label} light" if self.light else label


class Recommendation(models.TextChoices):
    CONTINUE = "continue", _("voortzetten")
    ADJUST = "adjust", _("bijstellen")
    STOP = "stop", _("stoppen")


class ReviewGoal(models.Model):
    """One adopted goal in a review: what worked, what not, and the recommendation for the next strategy. What was
    achieved against the target is not stored here: it follows the monitoring at the review's moment."""

    review = models.ForeignKey(Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="goals")
    goal = models.ForeignKey(
        "documents.Goal", verbose_name=_("doelstelling"), on_delete=models.CASCADE, related_name="review_rows"
    )
    worked_html = models.TextField(
        _("wat werkte"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    not_worked_html = models.TextField(
        _("wat werkte niet"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    recommendation = models.CharField(
        _("aanbeveling voor de volgende strategie"), max_length=10, choices=Recommendation.choices, blank=True
    )
    reason = models.TextField(
        _("reden van de aanbeveling"),
        blank=True,
        max_length=REASON_MAX_LENGTH,
        validators=max_length_validators(REASON_MAX_LENGTH),
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "goal__position", "pk"]
        verbose_name = _("doelstelling in een review")
        verbose_name_plural = _("doelstellingen in een review")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "goal"],
                name="review_goal_once",
                violation_error_message=_("Deze doelstelling staat al in de review."),
            ),
            models.CheckConstraint(
                condition=Q(recommendation="") | ~Q(reason=""),
                name="review_recommendation_has_reason",
                violation_error_message=_("Geef een reden bij de aanbeveling."),
            ),
        ]

    def __str__(self):
        return f"{self.review} – {self.goal}"

    def get_absolute_url(self):
        return reverse("reviews:reviewgoal_edit", kwargs={"slug": self.review.process.slug, "pk": self.pk})


class ReviewVersion(models.Model):
    """A frozen snapshot of the review's content (reviews.selectors.review_content) as JSON, exactly as it was."""

    review = models.ForeignKey(Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="versions")
    major = models.PositiveSmallIntegerField(_("hoofdversie"), default=0)
    minor = models.PositiveSmallIntegerField(_("subversie"))
    status = models.CharField(_("status"), max_length=20, choices=Review.Status.choices)
    snapshot = models.JSONField(_("inhoud"), encoder=DjangoJSONEncoder)
    note = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "major", "minor"]
        verbose_name = _("versie van een review")
        verbose_name_plural = _("versies van reviews")
        constraints = [
            models.UniqueConstraint(fields=["review", "major", "minor"], name="review_version_unique_label"),
        ]

    def __str__(self):
        return _("versie %(label)s") % {"label": self.label}

    @property
    def label(self) -> str:
        return f"{self.major}.{self.minor}"


class ReviewTransition(models.Model):
    """One step of the review's workflow: who, when, the meeting's date, a note, and the version made."""

    review = models.ForeignKey(Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("van"), max_length=20, choices=Review.Status.choices)
    to_status = models.CharField(_("naar"), max_length=20, choices=Review.Status.choices)
    meeting_date = models.DateField(_("datum vergadering"), null=True, blank=True)
    note = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    version = models.ForeignKey(
        ReviewVersion,
        verbose_name=_("versie"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="transitions",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "at", "pk"]
        verbose_name = _("statuswijziging van een review")
        verbose_name_plural = _("statuswijzigingen van reviews")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
