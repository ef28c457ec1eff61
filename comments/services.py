"""Writes of the comments. Every page, the API and the demo go through these four.

The rules:
- Whoever may see the object comments on it (comments.rules.can_view_target: the pages' own rules for the four
  roles, the process's scan for a municipal contact); a priority only while its long list is not frozen
  (``comment_longlist_frozen``), a goal only until it is adopted (``comment_goal_adopted``).
- A comment is sanitised prose (core.prose) of at most COMMENT_MAX_LENGTH characters, not empty.
- At most COMMENT_RATE_LIMIT comments per user per COMMENT_RATE_WINDOW seconds (``comment_rate_limited``),
  counted in the cache (shared by every web replica).
- A reply answers a comment on the same object (``comment_parent_other_object``), not a deleted one
  (``comment_parent_deleted``), in an open thread (``comment_thread_resolved``: reopen it first).
- A mentioned user who may see the object is notified once per comment (in the portal and by email, queued:
  notifications' reminder of kind ``mention``); one who may not see it is not notified and not recorded.
- Only the author edits (``comment_deleted`` once deleted; not once the discussion is closed); the author or staff
  delete, softly: the text goes, "verwijderd" stays, the history keeps what it said. Staff or the thread's author
  resolve and reopen a thread (``comment_not_thread_start`` for a reply).
"""

from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import refuse
from core.prose import clean_prose
from notifications.models import Reminder
from priorities.models import LongList

from .mentions import mention_rows, names_in
from .models import COMMENT_MAX_LENGTH, Comment
from .rules import can_delete_comment, can_resolve_thread, can_view_target
from .selectors import who_may_see
from .targets import closed_reason, kind_of


def _lock_target(target):
    """Lock the row that closes the discussion (the long list's, the goal's), so a freeze or an adoption does not
    slip in between the check and the save."""
    if kind_of(target).key == "priority":
        LongList.objects.select_for_update().filter(process_id=target.process_id).first()
        # Read the list's state again after the lock, not from a cache of the process.
        target.process._state.fields_cache.pop("long_list", None)
    else:
        type(target).objects.select_for_update().filter(pk=target.pk).first()
        target.refresh_from_db(fields=["status"])


def _ensure_open(target) -> None:
    reason = closed_reason(target)
    if reason is not None:
        code, message = reason
        refuse(message, code=code)


def _clean_body(body: str) -> str:
    cleaned = clean_prose(body or "")
    if not strip_tags(cleaned).replace("\xa0", " ").strip():
        refuse(_("Schrijf een reactie."), code="comment_empty", field="body")
    if len(cleaned) > COMMENT_MAX_LENGTH:
        refuse(
            _("Deze reactie is te lang: ten hoogste %(limit)s tekens (nu %(length)s).")
            % {"limit": COMMENT_MAX_LENGTH, "length": len(cleaned)},
            code="comment_too_long",
            field="body",
        )
    return cleaned


def _count_rate(user: User) -> None:
    """One comment more for ``user`` in the current window; refused past the limit."""
    limit, window = settings.COMMENT_RATE_LIMIT, settings.COMMENT_RATE_WINDOW
    if limit <= 0:
        return
    key = f"comments:rate:{user.pk}"
    if cache.add(key, 1, timeout=window):
        return
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return
    if count > limit:
        message = _(
            "U plaatst te veel reacties kort na elkaar (ten hoogste %(limit)s per %(seconds)s seconden). Probeer "
            "het over een minuut opnieuw."
        )
        refuse(
            message % {"limit": limit, "seconds": window},
            code="comment_rate_limited",
        )


def _mentioned(comment: Comment, body: str, mentioned_ids) -> list[User]:
    """The users the text names (@gebruikersnaam) or the picker chose who may see the object, not the author."""
    names = names_in(body)
    ids = {int(pk) for pk in mentioned_ids or ()}
    if not names and not ids:
        return []
    candidates = User.objects.filter(is_active=True).exclude(pk=comment.author_id)
    by_name = list(candidates.filter(username__in=names)) if names else []
    by_id = list(candidates.filter(pk__in=ids)) if ids else []
    unique = {user.pk: user for user in by_name + by_id}
    return who_may_see(comment.target, unique.values())


def _notify(comment: Comment, users: list[User]) -> None:
    """Record the mentions and queue one notification per user and comment (the Reminder row is unique per
    comment, recipient and offset: a second edit naming the same user sends nothing again)."""
    if not users:
        return
    comment.mentions.add(*users)
    Reminder.objects.bulk_create(mention_rows(comment, [user.pk for user in users]), ignore_conflicts=True)
    ids = list(
        Reminder.objects.filter(
            kind="mention",
            subject_id=comment.pk,
            recipient__in=users,
            status=Reminder.Status.PENDING,
            enqueued_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    transaction.on_commit(partial(_enqueue, ids))


def _enqueue(ids: list[int]) -> None:
    from notifications import services as notification_services
    from notifications import tasks

    notification_services.reminders_mark_enqueued(reminder_ids=tasks.enqueue(tasks.send_reminder, ids))


@transaction.atomic
def comment_post(*, user: User, target, body: str, parent: Comment | None = None, mentioned_ids=()) -> Comment:
    """Post a comment on ``target`` (a priority or a goal), starting a thread or replying to ``parent``: only who
    may see the object, only while its discussion is open, sanitised, within the rate limit; mentions notify."""
    if not can_view_target(user, target):
        raise PermissionDenied
    _lock_target(target)
    _ensure_open(target)
    cleaned = _clean_body(body)
    thread = None
    if parent is not None:
        if parent.target_id != target.pk or kind_of(parent.target) != kind_of(target):
            refuse(_("Deze reactie hoort bij een ander onderwerp."), code="comment_parent_other_object")
        if parent.is_deleted:
            refuse(_("Op een verwijderde reactie kan niet worden gereageerd."), code="comment_parent_deleted")
        thread = Comment.objects.select_for_update().get(pk=parent.thread_id or parent.pk)
        if thread.is_resolved:
            refuse(_("Deze discussie is afgehandeld. Heropen haar om te reageren."), code="comment_thread_resolved")
    _count_rate(user)
    comment = Comment(
        process_id=target.process_id,
        **{kind_of(target).key: target},
        thread=thread,
        parent=parent,
        author=user,
        body=cleaned,
    )
    comment._history_user = user
    comment.full_clean()
    comment.save()
    _notify(comment, _mentioned(comment, cleaned, mentioned_ids))
    return comment


@transaction.atomic
def comment_edit(*, user: User, comment: Comment, body: str, mentioned_ids=()) -> Comment:
    """Change one's own comment while the discussion is open; the history keeps what it said. Users newly
    mentioned are notified; those mentioned before are not notified again."""
    if comment.author_id != user.pk:
        raise PermissionDenied
    if comment.is_deleted:
        refuse(_("Deze reactie is verwijderd."), code="comment_deleted")
    target = comment.target
    _lock_target(target)
    _ensure_open(target)
    comment.body = _clean_body(body)
    comment.edited_at = timezone.now()
    comment._history_user = user
    comment.full_clean()
    comment.save(update_fields=["body", "edited_at"])
    _notify(comment, _mentioned(comment, comment.body, mentioned_ids))
    return comment


@transaction.atomic
def comment_delete(*, user: User, comment: Comment) -> Comment:
    """Delete a comment softly (its author or staff, also after the discussion closed): its text goes, the comment
    stays in its thread as "verwijderd", and the history keeps what it said and who deleted it."""
    if not can_delete_comment(user, comment):
        raise PermissionDenied
    if comment.is_deleted:
        return comment
    comment.body = ""
    comment.deleted_at = timezone.now()
    comment.deleted_by = user
    comment._history_user = user
    comment.save(update_fields=["body", "deleted_at", "deleted_by"])
    return comment


@transaction.atomic
def thread_resolve(*, user: User, comment: Comment, resolved: bool = True) -> Comment:
    """Mark a thread resolved (or open again): staff or the author of its first comment. Doing it twice changes
    nothing."""
    if not comment.is_thread_start:
        refuse(_("Alleen een hele discussie wordt afgehandeld, niet één reactie."), code="comment_not_thread_start")
    if not can_resolve_thread(user, comment):
        raise PermissionDenied
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.is_resolved == resolved:
        return comment
    comment.resolved_at = timezone.now() if resolved else None
    comment.resolved_by = user if resolved else None
    comment._history_user = user
    comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment
