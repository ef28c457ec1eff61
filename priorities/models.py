"""The long list: at most ten priorities per process, each with its evidence, the partners' roles and the four
criteria of a regional priority, and the list's consent state (draft, approved by the BBG, sent to the partners).

The rules (the limit of ten, the freeze) live in priorities/services.py; the models hold what the database can.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.dates import format_date
from core.limits import TEXT_MAX_LENGTH, max_length_validators

# A process has at most this many priorities on its long list (planning note: "maximaal tien prioriteiten").
MAX_PRIORITIES = 10


class Urgency(models.TextChoices):
    URGENT = "urgent", _("urgent")
    DESIRED = "desired", _("gewenst")


class Criterion(models.TextChoices):
    """The four criteria of a regional priority (planning note, "Wanneer is iets een regionale prioriteit?")."""

    MAJORITY = "majority", _("Overgrote meerderheid van de partners noemt het")
    MORE_THAN_REGULAR = "more_than_regular", _("Vraagt meer dan een reguliere aanpak")
    REGIONAL_ADDED_VALUE = "regional_added_value", _("Aanpak op regionale schaal voegt iets toe")
    CONCRETE_PRODUCTS = "concrete_products", _("Concrete producten op regionale schaal")


CRITERION_SHORT_LABELS = {
    Criterion.MAJORITY: _("Meerderheid"),
    Criterion.MORE_THAN_REGULAR: _("Meer dan regulier"),
    Criterion.REGIONAL_ADDED_VALUE: _("Regionale meerwaarde"),
    Criterion.CONCRETE_PRODUCTS: _("Concrete producten"),
}


class Outcome(models.TextChoices):
    MET = "met", _("voldaan")
    PARTLY = "partly", _("deels voldaan")
    NOT_MET = "not_met", _("niet voldaan")


# Shown next to the words, so that an outcome never depends on colour alone.
OUTCOME_SYMBOLS = {Outcome.MET: "✓", Outcome.PARTLY: "◐", Outcome.NOT_MET: "✗"}


class LongList(models.Model):
    """The consent state of a process's long list. One row per process; its row is also the lock that makes
    concurrent writes to the list (an eleventh priority, an edit during approval) wait for each other.

    Draft: staff edit freely. Approved: the BBG agreed on a date at a meeting; from then on the list is frozen,
    because what goes out must be what the BBG approved. Sent: the list went to the partners and the DVOs choose
    from it. Staff reopen it only with a recorded reason (kept in the history).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        APPROVED = "approved", _("vastgesteld door de BBG")
        SENT = "sent", _("naar de partners gestuurd")

    process = models.OneToOneField(
        "planning.StrategyProcess", verbose_name=_("proces"), on_delete=models.CASCADE, related_name="long_list"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    approved_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    approved_at_meeting = models.ForeignKey(
        "planning.Milestone",
        verbose_name=_("vastgesteld in vergadering"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_on = models.DateField(_("verstuurd op"), null=True, blank=True)
    reopen_reason = models.TextField(
        _("reden van heropenen"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lange lijst")
        verbose_name_plural = _("lange lijsten")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(approved_on__isnull=False),
                name="longlist_approved_has_date",
                violation_error_message=_("Een vastgestelde lijst heeft een datum van vaststelling."),
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_on__isnull=False),
                name="longlist_sent_has_date",
                violation_error_message=_("Een verstuurde lijst heeft een verzenddatum."),
            ),
        ]

    def __str__(self):
        return str(_("Lange lijst %(process)s") % {"process": self.process})

    def get_absolute_url(self):
        return reverse("priorities:longlist", kwargs={"slug": self.process.slug})

    @property
    def is_frozen(self) -> bool:
        return self.status in (self.Status.APPROVED, self.Status.SENT)

    @property
    def freeze_message(self) -> str:
        """Why an edit is refused; empty while the list is a draft."""
        if self.status == self.Status.SENT:
            return str(
                _(
                    "De lange lijst is op %(date)s door de BBG vastgesteld en naar de partners gestuurd; "
                    "heropen de lijst om hem te wijzigen."
                )
                % {"date": format_date(self.approved_on)}
            )
        if self.status == self.Status.APPROVED:
            return str(
                _("De lange lijst is op %(date)s door de BBG vastgesteld; heropen de lijst om hem te wijzigen.")
                % {"date": format_date(self.approved_on)}
            )
        return ""


# Kept so that services can record one version for a save plus its themes and sources (see services.py), rather
# than one version per many-to-many change.
PRIORITY_HISTORY = HistoricalRecords(m2m_fields=["themes", "sources"])


class Priority(models.Model):
    """A subject on the long list, with the themes and sources that support it."""

    process = models.ForeignKey(
        "planning.StrategyProcess", verbose_name=_("proces"), on_delete=models.CASCADE, related_name="priorities"
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(
        _("omschrijving"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    themes = models.ManyToManyField("scan.Theme", verbose_name=_("thema's"), related_name="priorities", blank=True)
    sources = models.ManyToManyField("scan.Source", verbose_name=_("bronnen"), related_name="priorities", blank=True)
    continues = models.ForeignKey(
        "self",
        verbose_name=_("vervolg op"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continued_by",
        help_text=_("De prioriteit uit de vorige Veiligheidsstrategie waarop deze voortbouwt."),
    )
    urgency = models.CharField(_("urgent of gewenst"), max_length=10, choices=Urgency.choices, default=Urgency.URGENT)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = PRIORITY_HISTORY

    class Meta:
        ordering = ["process", "position", "pk"]
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "title"],
                name="priority_unique_title_per_process",
                violation_error_message=_("Er staat al een prioriteit met deze titel op de lange lijst."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("priorities:priority_detail", kwargs={"slug": self.process.slug, "pk": self.pk})


class PartnerRole(models.Model):
    """Who plays which role for a priority: the lead (trekker) or a contributing partner."""

    class Partner(models.TextChoices):
        MUNICIPALITIES = "municipalities", _("gemeenten")
        POLICE = "police", _("politie")
        PROSECUTION = "prosecution", _("OM")
        RIEC = "riec", _("RIEC")
        CARE = "care", _("zorg")
        OTHER = "other", _("anders")

    class Role(models.TextChoices):
        LEAD = "lead", _("trekker")
        CONTRIBUTES = "contributes", _("draagt bij")

    priority = models.ForeignKey(Priority, verbose_name=_("prioriteit"), on_delete=models.CASCADE, related_name="roles")
    partner = models.CharField(_("partner"), max_length=20, choices=Partner.choices)
    partner_other = models.CharField(
        _("andere partner"), max_length=200, blank=True, help_text=_("Alleen bij 'anders': welke partner.")
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.CONTRIBUTES)

    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "role", "partner", "pk"]
        verbose_name = _("rol van een partner")
        verbose_name_plural = _("rollen van partners")
        constraints = [
            models.CheckConstraint(
                condition=~Q(partner="other") | ~Q(partner_other=""),
                name="partner_role_other_is_named",
                violation_error_message=_("Noem de partner bij 'anders'."),
            ),
            models.UniqueConstraint(
                fields=["priority", "partner", "partner_other"],
                name="partner_role_unique_per_priority",
                violation_error_message=_("Deze partner heeft al een rol bij deze prioriteit."),
            ),
        ]

    def __str__(self):
        return f"{self.partner_display}: {self.get_role_display()}"

    @property
    def partner_display(self) -> str:
        if self.partner == self.Partner.OTHER and self.partner_other:
            return self.partner_other
        return str(self.get_partner_display())


class CriterionAssessment(models.Model):
    """How a priority scores on one of the four criteria, and why."""

    priority = models.ForeignKey(
        Priority, verbose_name=_("prioriteit"), on_delete=models.CASCADE, related_name="assessments"
    )
    criterion = models.CharField(_("criterium"), max_length=30, choices=Criterion.choices)
    outcome = models.CharField(_("oordeel"), max_length=10, choices=Outcome.choices)
    justification = models.TextField(_("toelichting"), max_length=TEXT_MAX_LENGTH, validators=max_length_validators())

    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "criterion"]
        verbose_name = _("beoordeling van een criterium")
        verbose_name_plural = _("beoordelingen van criteria")
        constraints = [
            models.UniqueConstraint(fields=["priority", "criterion"], name="assessment_unique_per_criterion"),
        ]

    def __str__(self):
        return f"{self.priority}: {self.get_criterion_display()} – {self.get_outcome_display()}"

    @property
    def symbol(self) -> str:
        return OUTCOME_SYMBOLS.get(self.outcome, "")
