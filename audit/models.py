"""The audit log: who did what security-relevant thing, when, from which address. Written only by
``services.audit_record``; read (and filtered) by administrators in /beheer/; never edited; pruned after
AUDIT_RETENTION_DAYS (tasks.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", _("ingelogd")
        LOGIN_FAILED = "login_failed", _("inloggen mislukt")
        LOCKOUT = "lockout", _("geblokkeerd na te veel pogingen")
        LOGOUT = "logout", _("uitgelogd")
        SECOND_FACTOR = "second_factor", _("tweede stap bevestigd")
        ROLE_CHANGE = "role_change", _("rol gewijzigd")
        SOURCE_DOWNLOAD = "source_download", _("vertrouwelijke bron gedownload")
        DOCUMENT_DOWNLOAD = "document_download", _("document gedownload")
        PROCESS_EXPORT = "process_export", _("proces geëxporteerd")
        PROCESS_IMPORT = "process_import", _("proces geïmporteerd")

    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    # As typed at a failed login, and kept when the account is deleted later.
    username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True, db_index=True)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    address = models.GenericIPAddressField(_("adres"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditlog")
        indexes = [models.Index(fields=["kind", "at"], name="audit_kind_at")]

    def __str__(self):
        who = self.username or (str(self.user) if self.user_id else "—")
        return f"{self.get_kind_display()}: {who}"
