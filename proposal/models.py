"""The organisational and financial proposal (April 2019): the VS worked out per adopted goal into an organisation
(a lead partner, the programme team, the partners' roles) and a budget per year (cost items, funding per source),
with the municipalities' share divided by a cost-sharing key; the BBG offers it to the DVOs and the Colleges of
B&W, whose decisions are recorded, and the RVO and the Bestuurscollege adopt it.

The rules (years inside the period, amounts not negative, the key's unknown populations, the workflow) live in
proposal/services.py; the models hold what the database can.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.limits import TEXT_MAX_LENGTH, max_length_validators
from core.prose import SHORT_PROSE_MAX_LENGTH, prose_validators
from documents.models import partner_label
from priorities.models import PartnerRole

from . import key

Partner = PartnerRole.Partner
AMOUNT = {"max_digits": 12, "decimal_places": 2}


class Proposal(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        OFFERED = "offered", _("door de BBG aangeboden")
        ADOPTED = "adopted", _("vastgesteld")

    class KeyMethod(models.TextChoices):
        POPULATION = key.POPULATION, _("naar inwonertal")
        FIXED_PLUS_POPULATION = key.FIXED_PLUS_POPULATION, _("vast bedrag per gemeente plus naar inwonertal")
        EQUAL = key.EQUAL, _("gelijke delen")

    process = models.OneToOneField(
        "planning.StrategyProcess", verbose_name=_("proces"), on_delete=models.CASCADE, related_name="proposal"
    )
    title = models.CharField(_("titel"), max_length=200)
    introduction = models.TextField(_("inleiding"), blank=True, validators=prose_validators())
    key_method = models.CharField(
        _("verdeelsleutel"), max_length=20, choices=KeyMethod.choices, default=KeyMethod.POPULATION
    )
    fixed_amount = models.DecimalField(
        _("vast bedrag per gemeente per jaar"),
        default=0,
        help_text=_("Alleen bij 'vast bedrag plus inwonertal'."),
        **AMOUNT,
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONCEPT)
    offered_on = models.DateField(_("aangeboden door de BBG op"), null=True, blank=True)
    rvo_on = models.DateField(_("besluit RVO op"), null=True, blank=True)
    board_adopted_on = models.DateField(_("vastgesteld door het Bestuurscollege op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisatorisch en financieel voorstel")
        verbose_name_plural = _("organisatorische en financiële voorstellen")
        constraints = [
            models.CheckConstraint(
                condition=Q(fixed_amount__gte=0),
                name="proposal_fixed_amount_not_negative",
                violation_error_message=_("Het vaste bedrag kan niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(status="concept") | Q(offered_on__isnull=False),
                name="proposal_offered_has_date",
                violation_error_message=_("Een aangeboden voorstel heeft een datum."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("proposal:detail", kwargs={"slug": self.process.slug})

    @property
    def is_frozen(self) -> bool:
        return self.status == self.Status.ADOPTED


class GoalPlan(models.Model):
    """The organisation of one adopted goal and its budget."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("voorstel"), on_delete=models.CASCADE, related_name="plans")
    goal = models.OneToOneField(
        "documents.Goal", verbose_name=_("doelstelling"), on_delete=models.CASCADE, related_name="plan"
    )
    lead_partner = models.CharField(_("trekker"), max_length=20, choices=Partner.choices, blank=True)
    lead_partner_other = models.CharField(
        _("andere trekker"), max_length=200, blank=True, help_text=_("Alleen bij 'anders': welke partner.")
    )
    programme_team = models.CharField(
        _("programmateam"),
        max_length=500,
        blank=True,
        help_text=_("Bijv. 'een programmamanager (0,8 fte) en twee adviseurs'."),
    )
    partner_roles = models.TextField(
        _("rollen van de partners"),
        blank=True,
        validators=prose_validators(SHORT_PROSE_MAX_LENGTH),
        help_text=_("Aanvullend op de rollen bij de doelstelling."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["proposal", "goal__position", "pk"]
        verbose_name = _("uitwerking van een doelstelling")
        verbose_name_plural = _("uitwerkingen van doelstellingen")

    def __str__(self):
        return str(self.goal)

    def get_absolute_url(self):
        return reverse("proposal:plan_budget", kwargs={"slug": self.proposal.process.slug, "pk": self.pk})

    @property
    def lead_display(self) -> str:
        return partner_label(self.lead_partner, self.lead_partner_other) if self.lead_partner else ""


class CostItem(models.Model):
    plan = models.ForeignKey(GoalPlan, verbose_name=_("uitwerking"), on_delete=models.CASCADE, related_name="costs")
    year = models.PositiveSmallIntegerField(_("jaar"))
    description = models.CharField(_("kostenpost"), max_length=200)
    amount = models.DecimalField(_("bedrag"), **AMOUNT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "year", "pk"]
        verbose_name = _("kostenpost")
        verbose_name_plural = _("kostenposten")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="cost_item_amount_not_negative",
                violation_error_message=_("Het bedrag kan niet negatief zijn."),
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.description}"


class Funding(models.Model):
    class Source(models.TextChoices):
        POLICE = "police", _("politie")
        OM = "om", _("Openbaar Ministerie")
        MUNICIPALITIES = "municipalities", _("gemeenten")
        PROVINCE = "province", _("provincie")
        NATIONAL = "national", _("landelijke fondsen")
        OTHER = "other", _("anders")

    plan = models.ForeignKey(GoalPlan, verbose_name=_("uitwerking"), on_delete=models.CASCADE, related_name="funding")
    year = models.PositiveSmallIntegerField(_("jaar"))
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices)
    source_other = models.CharField(_("andere bron"), max_length=200, blank=True)
    amount = models.DecimalField(_("bedrag"), **AMOUNT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "year", "source", "pk"]
        verbose_name = _("financiering")
        verbose_name_plural = _("financiering")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="funding_amount_not_negative",
                violation_error_message=_("Het bedrag kan niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=~Q(source="other") | ~Q(source_other=""),
                name="funding_other_is_named",
                violation_error_message=_("Noem de bron bij 'anders'."),
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.source_display}: {self.amount}"

    @property
    def source_display(self) -> str:
        return self.source_other if self.source == self.Source.OTHER else str(self.get_source_display())


class KeyMunicipality(models.Model):
    """How the key treats a municipality whose population is not known: a population entered with its source, or
    excluded with a reason. The proposal states which was done."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("voorstel"), on_delete=models.CASCADE, related_name="key_municipalities"
    )
    municipality = models.ForeignKey(
        "planning.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    population = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    population_source = models.CharField(_("bron inwoners"), max_length=200, blank=True)
    excluded = models.BooleanField(_("buiten de verdeling"), default=False)
    reason = models.CharField(_("reden"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["proposal", "municipality__name"]
        verbose_name = _("gemeente in de verdeelsleutel")
        verbose_name_plural = _("gemeenten in de verdeelsleutel")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "municipality"], name="key_municipality_once"),
            models.CheckConstraint(
                condition=(Q(excluded=False) & Q(population__isnull=False) & ~Q(population_source=""))
                | (Q(excluded=True) & Q(population__isnull=True) & ~Q(reason="")),
                name="key_municipality_population_or_excluded",
                violation_error_message=_("Vul een inwonertal met bron in, of sluit de gemeente uit met een reden."),
            ),
        ]

    def __str__(self):
        return str(self.municipality)


class ProposalDecision(models.Model):
    """The decision of one DVO or one College of B&W on the offered proposal."""

    class Body(models.TextChoices):
        DVO = "dvo", _("DVO")
        COLLEGE = "college", _("college van B&W")

    class Outcome(models.TextChoices):
        AGREED = "agreed", _("akkoord")
        CONDITIONS = "conditions", _("akkoord onder voorwaarden")
        REFUSED = "refused", _("niet akkoord")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("voorstel"), on_delete=models.CASCADE, related_name="decisions"
    )
    body = models.CharField(_("orgaan"), max_length=10, choices=Body.choices)
    district = models.ForeignKey(
        "planning.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "planning.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(_("besluit"), max_length=12, choices=Outcome.choices)
    decided_on = models.DateField(_("datum besluit"))
    conditions = models.CharField(_("voorwaarden of toelichting"), max_length=1000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["proposal", "body", "decided_on", "pk"]
        verbose_name = _("besluit over het voorstel")
        verbose_name_plural = _("besluiten over het voorstel")
        constraints = [
            models.CheckConstraint(
                condition=(Q(body="dvo") & Q(district__isnull=False) & Q(municipality__isnull=True))
                | (Q(body="college") & Q(municipality__isnull=False) & Q(district__isnull=True)),
                name="proposal_decision_body_named",
                violation_error_message=_("Een DVO-besluit noemt het district, een collegebesluit de gemeente."),
            ),
            models.UniqueConstraint(fields=["proposal", "district"], name="proposal_decision_once_per_dvo"),
            models.UniqueConstraint(fields=["proposal", "municipality"], name="proposal_decision_once_per_college"),
        ]

    def __str__(self):
        return f"{self.decider}: {self.get_outcome_display()}"

    @property
    def decider(self) -> str:
        return f"DVO {self.district.code}" if self.body == self.Body.DVO else str(self.municipality)


class ProposalVersion(models.Model):
    """A frozen snapshot of the proposal as a document (documents.content.DocumentContent as JSON), exactly as it
    was: 0.1, 0.2, ... while it is worked out and offered, 1.0 on adoption. No service changes a version once it is
    made, so an adopted version reads the same whatever happens to the data afterwards."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("voorstel"), on_delete=models.CASCADE, related_name="versions"
    )
    major = models.PositiveSmallIntegerField(_("hoofdversie"), default=0)
    minor = models.PositiveSmallIntegerField(_("subversie"))
    status = models.CharField(_("status"), max_length=10, choices=Proposal.Status.choices)
    snapshot = models.JSONField(_("inhoud"), encoder=DjangoJSONEncoder)
    fingerprint = models.CharField(_("vingerafdruk"), max_length=64, blank=True)
    note = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
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
        ordering = ["proposal", "major", "minor"]
        verbose_name = _("versie van het voorstel")
        verbose_name_plural = _("versies van het voorstel")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "major", "minor"], name="proposal_version_unique_label"),
        ]

    def __str__(self):
        return _("versie %(label)s") % {"label": self.label}

    def get_absolute_url(self):
        return reverse("proposal:detail", kwargs={"slug": self.proposal.process.slug}) + "#versions-heading"

    @property
    def label(self) -> str:
        return f"{self.major}.{self.minor}"
