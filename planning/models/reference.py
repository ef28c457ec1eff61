"""Reference data of police unit Oost-Nederland: districts, municipalities, bodies (gremia) and people."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.limits import TEXT_MAX_LENGTH, max_length_validators


class District(models.Model):
    """One of the unit's five police districts; each has its own DVO (a Body of kind DVO)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    veiligheidsregio = models.CharField(_("veiligheidsregio"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("district")
        verbose_name_plural = _("districten")

    def __str__(self):
        return f"{self.code} {self.name}"


class Municipality(models.Model):
    """A municipality within the unit. An unknown population stays empty; it is never guessed."""

    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="municipalities"
    )
    name = models.CharField(_("naam"), max_length=100)
    cbs_code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    population = models.PositiveIntegerField(
        _("inwoners"), null=True, blank=True, help_text=_("Leeg als het inwonertal niet bekend is.")
    )
    population_date = models.DateField(_("peildatum inwoners"), null=True, blank=True)
    population_source = models.CharField(
        _("bron inwoners"), max_length=200, blank=True, help_text=_("Bijvoorbeeld ‘CBS, tabel 70748ned’.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name


class Body(models.Model):
    """A body (gremium) that meets, decides or is informed: BBG, RVO, a DVO, the minister, ..."""

    class Kind(models.TextChoices):
        STEERING_GROUP = "steering_group", _("Bestuurlijke Begeleidingsgroep")
        REGIONAL_MEETING = "regional_meeting", _("Regionaal Veiligheidsoverleg")
        BOARD = "board", _("Bestuurscollege")
        DVO = "dvo", _("Districtelijk Veiligheidsoverleg")
        WORKING_GROUP = "working_group", _("Werkgroep")
        MINISTER = "minister", _("Minister")
        COUNCILS = "councils", _("Gemeenteraden")
        EXECUTIVES = "executives", _("Colleges van B&W")
        PARTNER = "partner", _("Partnerorganisatie")
        NETWORK = "network", _("Veiligheidsnetwerk")
        OTHER = "other", _("Overig")

    short_name = models.CharField(_("afkorting"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    district = models.OneToOneField(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dvo",
        help_text=_("Alleen voor een DVO: het district waarvan dit het overleg is."),
    )
    description = models.TextField(
        _("omschrijving"), blank=True, max_length=TEXT_MAX_LENGTH, validators=max_length_validators()
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("gremium")
        verbose_name_plural = _("gremia")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="dvo", district__isnull=False) | (~Q(kind="dvo") & Q(district__isnull=True)),
                name="body_dvo_has_district",
                violation_error_message=_("Een DVO hoort bij precies één district; andere gremia bij geen."),
            ),
        ]

    def __str__(self):
        return self.short_name


class Person(models.Model):
    """Someone the planning names: a mayor, the chief prosecutor, a staff member. May have a login."""

    name = models.CharField(_("naam"), max_length=200)
    function = models.CharField(_("functie"), max_length=200, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    bodies = models.ManyToManyField(Body, through="Membership", related_name="people", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self):
        return f"{self.name} ({self.function})" if self.function else self.name


class Membership(models.Model):
    """A person's seat in a body, optionally for a period."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("voorzitter")
        MEMBER = "member", _("lid")
        SECRETARY = "secretary", _("secretaris")
        ADVISER = "adviser", _("adviseur")

    person = models.ForeignKey(Person, verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, verbose_name=_("gremium"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    starts_on = models.DateField(_("vanaf"), null=True, blank=True)
    ends_on = models.DateField(_("tot en met"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "person"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["person", "body"], name="membership_unique_person_body"),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person.name} – {self.body.short_name} ({self.get_role_display()})"

    def covers(self, date) -> bool:
        return (self.starts_on is None or self.starts_on <= date) and (self.ends_on is None or date <= self.ends_on)
