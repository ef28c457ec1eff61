import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class Role(models.TextChoices):
    STAFF = "staff", _("Programmastaf")
    DVO_SECRETARY = "dvo_secretary", _("DVO-secretaris")
    BBG_MEMBER = "bbg_member", _("BBG-lid")
    ADMINISTRATOR = "administrator", _("Beheerder")
    # A municipality's own contact (issue 16): reaches only the ambtelijke toets of their municipalities
    # (partners.MunicipalContact), none of the pages the four roles above read.
    MUNICIPAL_CONTACT = "municipal_contact", _("Gemeentelijk contactpersoon")


# The roles that read the process (planning, scan, long list, results, goals, documents).
PROCESS_ROLES = (Role.STAFF, Role.DVO_SECRETARY, Role.BBG_MEMBER, Role.ADMINISTRATOR)


class User(AbstractUser):
    """A person who logs in. Without a role a user reaches nothing but their own account pages."""

    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, blank=True)
    district = models.ForeignKey(
        "planning.District",
        verbose_name=_("district (DVO)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="secretaries",
        help_text=_("Alleen voor DVO-secretarissen: de DVO waarvoor deze gebruiker optreedt."),
    )
    calendar_token = models.CharField(
        _("agendasleutel"), max_length=64, unique=True, default=new_calendar_token, editable=False
    )
    oidc_subject = models.CharField(
        _("SSO-kenmerk"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "De vaste waarde waarmee de identity provider van de organisatie deze gebruiker aanduidt (de claim "
            "OIDC_USERNAME_CLAIM, meestal ‘sub’). Vul hem in om een bestaand account aan single sign-on te koppelen."
        ),
    )

    history = HistoricalRecords(excluded_fields=["password", "last_login", "calendar_token"])

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                condition=(Q(role="dvo_secretary") & Q(district__isnull=False))
                | (~Q(role="dvo_secretary") & Q(district__isnull=True)),
                name="dvo_secretary_has_exactly_one_district",
                violation_error_message=_("Een DVO-secretaris hoort bij precies één DVO; andere rollen bij geen."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_programme_staff(self) -> bool:
        return self.is_active and (self.role in (Role.STAFF, Role.ADMINISTRATOR) or self.is_superuser)

    @property
    def is_dvo_secretary(self) -> bool:
        return self.is_active and self.role == Role.DVO_SECRETARY and self.district_id is not None

    @property
    def is_bbg_member(self) -> bool:
        return self.is_active and self.role == Role.BBG_MEMBER

    @property
    def is_municipal_contact(self) -> bool:
        return self.is_active and self.role == Role.MUNICIPAL_CONTACT and not self.is_superuser

    @property
    def has_role(self) -> bool:
        """One of the four roles that read the process; a municipal contact reaches only their own toets."""
        return self.is_active and (self.role in PROCESS_ROLES or self.is_superuser)

    def set_password(self, raw_password):
        """A new password also gives a new calendar token: whoever learnt the old password (and so the feed
        address on the agenda page) loses the feed with it."""
        super().set_password(raw_password)
        if self.pk:
            self.calendar_token = new_calendar_token()

    def renew_calendar_token(self) -> None:
        self.calendar_token = new_calendar_token()
        self.save(update_fields=["calendar_token"])
