"""Comments on what is still being worked out: a priority of the long list (until the list is frozen) and a draft
goal (until it is adopted). A comment starts a thread or replies to another comment (any depth); the thread is
open or resolved. An edit or a deletion keeps the earlier text in the history; a deleted comment stays in its
thread as "verwijderd". The rules are in comments/services.py, who sees what in comments/rules.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.prose import SHORT_PROSE_MAX_LENGTH, prose_validators

COMMENT_MAX_LENGTH = SHORT_PROSE_MAX_LENGTH


class Comment(models.Model):
    """One comment on one priority or one goal of a process."""

    process = models.ForeignKey(
        "planning.StrategyProcess", verbose_name=_("proces"), on_delete=models.CASCADE, related_name="comments"
    )
    priority = models.ForeignKey(
        "priorities.Priority",
        verbose_name=_("prioriteit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )
    goal = models.ForeignKey(
        "documents.Goal",
        verbose_name=_("doelstelling"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )
    # The first comment of the thread (None for that first comment itself) and the comment this one answers.
    thread = models.ForeignKey(
        "self", verbose_name=_("discussie"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("reactie op"), on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="comments",
    )
    body = models.TextField(
        _("reactie"), blank=True, max_length=COMMENT_MAX_LENGTH, validators=prose_validators(COMMENT_MAX_LENGTH)
    )
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("genoemd"), blank=True, related_name="mentioned_in"
    )
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    edited_at = models.DateTimeField(_("bewerkt op"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verwijderd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Only on the first comment of a thread: the whole thread is resolved.
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        constraints = [
            models.CheckConstraint(
                condition=Q(priority__isnull=False, goal__isnull=True) | Q(priority__isnull=True, goal__isnull=False),
                name="comment_on_one_object",
            ),
            models.CheckConstraint(
                condition=Q(thread__isnull=True) | Q(parent__isnull=False), name="comment_reply_has_parent"
            ),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | Q(thread__isnull=True), name="comment_resolved_on_thread"
            ),
        ]
        indexes = [
            models.Index(fields=["priority", "thread"], name="comment_priority_thread"),
            models.Index(fields=["goal", "thread"], name="comment_goal_thread"),
        ]

    def __str__(self):
        return str(_("Reactie %(pk)s op %(target)s") % {"pk": self.pk, "target": self.target})

    def get_absolute_url(self):
        return f"{self.target_url()}#reactie-{self.pk}"

    def target_url(self) -> str:
        kind = "priority" if self.priority_id else "goal"
        return reverse(f"comments:{kind}_comments", kwargs={"slug": self.process.slug, "pk": self.target_id})

    @property
    def target(self):
        return self.priority if self.priority_id else self.goal

    @property
    def target_id(self) -> int:
        return self.priority_id or self.goal_id

    @property
    def is_thread_start(self) -> bool:
        return self.thread_id is None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None
