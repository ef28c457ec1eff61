"""Goals (doelstellingen), the combined VS/MJB document with its versions and transitions, and the planned
community officers per municipality (the MJB's capacity part).

The rules (SMART before putting a goal forward, the document's workflow, adopted = frozen) live in
documents/services.py; the models hold what the database can.
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
from priorities.models import PartnerRole, Urgency

Partner = PartnerRole.Partner


def partner_label(partner: str, other: str = "") -> str:
    """A partner in words; 'anders' is replaced by the name given."""
    if partner == Partner.OTHER and other:
        return other
    return str(Partner(partner).label) if partner in Partner.values else partner


class Goal(models.Model):
    """A SMART goal that works out one of the BBG's top five priorities.

    Concept: the working group edits it. To the RVO: put forward (only when the SMART check is clean); its text
    is fixed until it is taken back. Adopted: the Bestuurscollege adopted it; frozen.
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        TO_RVO = "to_rvo", _("naar het RVO")
        ADOPTED = "adopted", _("vastgesteld door het Bestuurscollege")

    process = models.ForeignKey(
        "planning.StrategyProcess", verbose_name=_("proces"), on_delete=models.CASCADE, related_name="goals"
    )
    priority = models.ForeignKey(
        "priorities.Priority", verbose_name=_("prioriteit"), on_delete=models.PROTECT, related_name="goals"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(
        _("specifieke omschrijving"),
        blank=True,
        help_text=_("Wat willen we bereiken?"),
        max_length=TEXT_MAX_LENGTH,
        validators=max_length_validators(),
    )
    indicator = models.CharField(
        _("indicator"), max_length=300, blank=True, help_text=_("Waaraan meten we het, bijv. 'aantal meldingen'.")
    )
    baseline_value = models.CharField(_("nulmeting (waarde)"), max_length=200, blank=True)
    baseline_date = models.DateField(_("datum nulmeting"), null=True, blank=True)
    target_value = models.CharField(_("streefwaarde"), max_length=200, blank=True)
    target_date = models.DateField(_("datum streefwaarde"), null=True, blank=True)
    deadline = models.DateField(_("uiterste datum"), null=True, blank=True)
    owner = models.CharField(_("eigenaar"), max_length=20, choices=Partner.choices, blank=True)
    owner_other = models.CharField(
        _("andere eigenaar"), max_length=200, blank=True, help_text=_("Alleen bij 'anders': welke partner.")
    )
    urgency = models.CharField(_("urgent of gewenst"), max_length=10, choices=Urgency.choices, blank=True)
    organisation = models.TextField(
        _("randvoorwaarde organisatie"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    financing_amount = models.DecimalField(
        _("financiering (bedrag in euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    financing_source = models.CharField(_("bron van financiering"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONCEPT)
    put_forward_on = models.DateField(_("naar het RVO op"), null=True, blank=True)
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    status_note = models.TextField(
        _("toelichting bij de status"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "position", "pk"]
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "title"],
                name="goal_unique_title_per_process",
                violation_error_message=_("Er is al een doelstelling met deze titel."),
            ),
            models.CheckConstraint(
                condition=Q(status="concept") | Q(put_forward_on__isnull=False),
                name="goal_put_forward_has_date",
                violation_error_message=_("Een doorgezette doelstelling heeft een datum."),
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_on__isnull=False),
                name="goal_adopted_has_date",
                violation_error_message=_("Een vastgestelde doelstelling heeft een datum van vaststelling."),
            ),
            models.CheckConstraint(
                condition=Q(financing_amount__isnull=True) | Q(financing_amount__gte=0),
                name="goal_financing_not_negative",
                violation_error_message=_("Het bedrag kan niet negatief zijn."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:goal_detail", kwargs={"slug": self.process.slug, "pk": self.pk})

    @property
    def owner_display(self) -> str:
        return partner_label(self.owner, self.owner_other) if self.owner else ""

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.CONCEPT


class GoalPartnerRole(models.Model):
    """What another partner does for a goal (the owner is on the goal itself)."""

    goal = models.ForeignKey(Goal, verbose_name=_("doelstelling"), on_delete=models.CASCADE, related_name="roles")
    partner = models.CharField(_("partner"), max_length=20, choices=Partner.choices)
    partner_other = models.CharField(
        _("andere partner"), max_length=200, blank=True, help_text=_("Alleen bij 'anders': welke partner.")
    )
    role = models.CharField(_("rol"), max_length=300, help_text=_("Bijv. 'levert informatie', 'voert controles uit'."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "partner", "pk"]
        verbose_name = _("rol van een partner bij een doelstelling")
        verbose_name_plural = _("rollen van partners bij doelstellingen")
        constraints = [
            models.CheckConstraint(
                condition=~Q(partner="other") | ~Q(partner_other=""),
                name="goal_role_other_is_named",
                violation_error_message=_("Noem de partner bij 'anders'."),
            ),
            models.UniqueConstraint(
                fields=["goal", "partner", "partner_other"],
                name="goal_role_unique_per_goal",
                violation_error_message=_("Deze partner heeft al een rol bij deze doelstelling."),
            ),
        ]

    def __str__(self):
        return f"{self.partner_display}: {self.role}"

    @property
    def partner_display(self) -> str:
        return partner_label(self.partner, self.partner_other)


class Document(models.Model):
    """The one combined VS/MJB document of a process. Its prose is edited here (the current concept); the data
    sections are generated. Each version is a frozen snapshot (DocumentVersion)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        SENT_TO_RVO = "sent_to_rvo", _("naar het RVO gestuurd")
        FOR_ADOPTION = "for_adoption", _("ter vaststelling bij het Bestuurscollege")
        ADOPTED = "adopted", _("vastgesteld")
        NOTA = "nota", _("uitgewerkt tot bestuurlijke nota")

    process = models.OneToOneField(
        "planning.StrategyProcess", verbose_name=_("proces"), on_delete=models.CASCADE, related_name="document"
    )
    title = models.CharField(_("titel"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    sent_to_rvo_on = models.DateField(_("naar het RVO op"), null=True, blank=True)
    for_adoption_on = models.DateField(_("ter vaststelling op"), null=True, blank=True)
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    nota_on = models.DateField(_("bestuurlijke nota op"), null=True, blank=True)

    intro_html = models.TextField(
        _("inleiding en aanleiding"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    principles_html = models.TextField(
        _("uitgangspunten"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    preconditions_html = models.TextField(
        _("randvoorwaarden (toelichting)"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    mjb_local_html = models.TextField(
        _("lokale prioriteiten (toelichting)"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    mjb_national_html = models.TextField(
        _("landelijke beleidsdoelstellingen"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    mjb_om_html = models.TextField(
        _("afspraken met het OM"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    capacity_html = models.TextField(
        _("verdeling politiecapaciteit (toelichting)"),
        blank=True,
        max_length=PROSE_MAX_LENGTH,
        validators=prose_validators(),
    )
    letter_html = models.TextField(
        _("begeleidende brief"), blank=True, max_length=PROSE_MAX_LENGTH, validators=prose_validators()
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document VS/MJB")
        verbose_name_plural = _("documenten VS/MJB")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["adopted", "nota"]) | Q(adopted_on__isnull=False),
                name="document_adopted_has_date",
                violation_error_message=_("Een vastgesteld document heeft een datum van vaststelling."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:document", kwargs={"slug": self.process.slug})

    @property
    def is_frozen(self) -> bool:
        """Adopted (and the nota made from it): nothing may change any more."""
        return self.status in (self.Status.ADOPTED, self.Status.NOTA)


class DocumentVersion(models.Model):
    """A frozen snapshot of the document: its DocumentContent as JSON, exactly as it was."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    major = models.PositiveSmallIntegerField(_("hoofdversie"), default=0)
    minor = models.PositiveSmallIntegerField(_("subversie"))
    status = models.CharField(_("status"), max_length=20, choices=Document.Status.choices)
    snapshot = models.JSONField(_("inhoud"), encoder=DjangoJSONEncoder)
    fingerprint = models.CharField(_("vingerafdruk"), max_length=64, blank=True)
    note = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    made_on = models.DateField(
        _("datum van de versie"),
        null=True,
        blank=True,
        help_text=_("De dag waarop de versie is gemaakt; de datum in de PDF en op de pagina."),
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
        ordering = ["document", "major", "minor"]
        verbose_name = _("versie")
        verbose_name_plural = _("versies")
        constraints = [
            models.UniqueConstraint(fields=["document", "major", "minor"], name="document_version_unique_label"),
        ]

    def __str__(self):
        return _("versie %(label)s") % {"label": self.label}

    def get_absolute_url(self):
        return reverse("documents:version_detail", kwargs={"slug": self.document.process.slug, "label": self.label})

    @property
    def label(self) -> str:
        return f"{self.major}.{self.minor}"


class DocumentTransition(models.Model):
    """One step of the document's workflow: who, when, the date of the meeting, a note, and the version made."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("van"), max_length=20, choices=Document.Status.choices)
    to_status = models.CharField(_("naar"), max_length=20, choices=Document.Status.choices)
    meeting_date = models.DateField(_("datum vergadering"), null=True, blank=True)
    note = models.TextField(
        _("toelichting"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )
    version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("versie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transitions",
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "at", "pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class CommunityOfficerPlan(models.Model):
    """The number of community officers (wijkagenten) planned for a municipality in the MJB (art. 38a)."""

    process = models.ForeignKey(
        "planning.StrategyProcess",
        verbose_name=_("proces"),
        on_delete=models.CASCADE,
        related_name="community_officer_plans",
    )
    municipality = models.ForeignKey(
        "planning.Municipality", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    officers = models.PositiveSmallIntegerField(_("wijkagenten"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "municipality__name"]
        verbose_name = _("wijkagenten van een gemeente")
        verbose_name_plural = _("wijkagenten per gemeente")
        constraints = [
            models.UniqueConstraint(fields=["process", "municipality"], name="officer_plan_unique_per_municipality"),
        ]

    def __str__(self):
        return f"{self.municipality}: {self.officers}"
