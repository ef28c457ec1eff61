"""Reminders (what is due, for whom, sent once), the in-app notifications they leave, each user's choice of how to
receive them, and the process's reminder offsets.

A Reminder is unique per subject (any model, through its content type and id), recipient and offset. That
uniqueness is what makes the periodic planning safe to run twice; the status column (pending -> sending -> sent)
is what makes the sending safe to run twice. See services.py for the whole story.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.limits import LOG_TEXT_MAX_LENGTH, max_length_validators

from .conf import DEFAULTS

# The offset of the reminder sent once the due date has passed.
OVERDUE = -1


def default_offsets() -> list[int]:
    return list(DEFAULTS["DEFAULT_OFFSETS"])


def validate_offsets(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Geef ten minste één aantal dagen op, bijvoorbeeld [14, 7, 1]."))
    for days in value:
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 365:
            raise ValidationError(_("Elk aantal dagen is een geheel getal van 1 tot en met 365."))
    if len(set(value)) != len(value):
        raise ValidationError(_("Elk aantal dagen mag maar één keer voorkomen."))


class ReminderSettings(models.Model):
    """How many days before a due date the people involved in a process are reminded."""

    process = models.OneToOneField(
        "planning.StrategyProcess",
        verbose_name=_("proces"),
        on_delete=models.CASCADE,
        related_name="reminder_settings",
    )
    offsets = models.JSONField(
        _("herinneren (dagen vooraf)"),
        default=default_offsets,
        validators=[validate_offsets],
        help_text=_("Bijvoorbeeld [14, 7, 1]: twee weken, een week en een dag vóór de datum."),
    )

    class Meta:
        verbose_name = _("herinneringsinstelling")
        verbose_name_plural = _("herinneringsinstellingen")

    def __str__(self):
        return str(self.process)


class NotificationPreference(models.Model):
    """How a user wants reminders by email. In-app notifications are always created."""

    class Delivery(models.TextChoices):
        EACH = "each", _("Elke herinnering per e-mail")
        DIGEST = "digest", _("Eén dagelijks overzicht per e-mail")
        NONE = "none", _("Geen e-mail, alleen meldingen in het portaal")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    delivery = models.CharField(
        _("Hoe wilt u herinneringen ontvangen?"), max_length=10, choices=Delivery.choices, default=Delivery.EACH
    )

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")

    def __str__(self):
        return f"{self.user}: {self.get_delivery_display()}"


class Reminder(models.Model):
    """One reminder about one subject for one recipient at one offset: planned once, sent once."""

    class Kind(models.TextChoices):
        """The built-in kinds (builtin_sources.py). Higher apps register more (sources.REMINDER_SOURCES), so the
        column takes any registered kind, not only these."""

        MILESTONE = "milestone", _("mijlpaal")
        BALLOT = "ballot", _("keuze DVO")
        ACTION = "action", _("actie")
        PLAN_CHECK = "plan_check", _("ambtelijke toets")

    class Status(models.TextChoices):
        PENDING = "pending", _("te versturen")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        SKIPPED = "skipped", _("vervallen")
        FAILED = "failed", _("mislukt")

    kind = models.CharField(_("soort"), max_length=20)
    subject_type = models.ForeignKey(ContentType, verbose_name=_("over (soort)"), on_delete=models.CASCADE)
    subject_id = models.PositiveBigIntegerField(_("over (id)"))
    subject = GenericForeignKey("subject_type", "subject_id")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="reminders"
    )
    offset = models.SmallIntegerField(_("dagen vooraf"), help_text=_("-1: na de datum (te laat)."))
    due_on = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    created_at = models.DateTimeField(_("gepland op"), auto_now_add=True)
    enqueued_at = models.DateTimeField(_("in de wachtrij gezet"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("verzending begonnen"), null=True, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    emailed = models.BooleanField(_("per e-mail verstuurd"), default=False)
    last_error = models.TextField(
        _("laatste fout"),
        blank=True,
        max_length=LOG_TEXT_MAX_LENGTH,
        validators=max_length_validators(LOG_TEXT_MAX_LENGTH),
    )

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "recipient", "offset"], name="reminder_once_per_offset"
            ),
            models.CheckConstraint(condition=Q(offset__gte=OVERDUE), name="reminder_offset_valid"),
        ]
        indexes = [models.Index(fields=["status", "enqueued_at"], name="reminder_status_enqueued")]

    def __str__(self):
        return f"{self.kind_label} {self.subject_id} → {self.recipient} ({self.offset_display})"

    @property
    def kind_label(self) -> str:
        from .sources import REMINDER_SOURCES

        source = REMINDER_SOURCES.get(self.kind)
        return str(source.label) if source is not None else self.kind

    @property
    def is_overdue_reminder(self) -> bool:
        return self.offset == OVERDUE

    @property
    def offset_display(self) -> str:
        if self.offset == OVERDUE:
            return str(_("te laat"))
        return str(_("%(days)s dagen vooraf") % {"days": self.offset})


class Digest(models.Model):
    """One user's daily digest email: at most one per user per day, claimed before it is sent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("te versturen")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        SKIPPED = "skipped", _("niets te melden")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="digests"
    )
    day = models.DateField(_("dag"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    claimed_at = models.DateTimeField(_("verzending begonnen"), null=True, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    class Meta:
        ordering = ["-day", "user"]
        verbose_name = _("dagelijks overzicht")
        verbose_name_plural = _("dagelijkse overzichten")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="digest_once_per_user_per_day")]

    def __str__(self):
        return f"{self.user}: {self.day}"


class Notification(models.Model):
    """A message in the user's list in the portal, with a link to what it is about."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="notifications"
    )
    reminder = models.OneToOneField(
        Reminder,
        verbose_name=_("herinnering"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notification",
    )
    title = models.CharField(_("titel"), max_length=300)
    message = models.TextField(
        _("bericht"), blank=True, max_length=LOG_TEXT_MAX_LENGTH, validators=max_length_validators(LOG_TEXT_MAX_LENGTH)
    )
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    # Set for a user who wants a daily digest, until the digest that includes this notification has been sent.
    awaits_digest = models.BooleanField(_("wacht op dagelijks overzicht"), default=False)
    digest = models.ForeignKey(
        Digest,
        verbose_name=_("dagelijks overzicht"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_unread"),
            models.Index(fields=["awaits_digest", "user"], name="notification_awaits_digest"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("notifications:list")

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
