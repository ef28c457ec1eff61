"""Reads of the comments: the objects a user may see, the threads of one object (one query, built into a tree in
Python), the number of open threads per object of a list (one query, whatever the number of objects), the users
a comment may mention, and every comment a user may see (the search)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from accounts.models import PROCESS_ROLES, Role, User
from accounts.rules import has_role, is_municipal_contact

from .models import Comment
from .rules import can_view_target, contact_process_ids
from .targets import GOAL, PRIORITY, TargetKind, kind_of

# Deeper replies are shown at this indentation: the thread stays readable on a phone.
MAX_INDENT = 4


def visible_targets(user, kind: TargetKind) -> QuerySet:
    """The priorities or goals ``user`` may see, by the same rules as comments.rules.can_view_target."""
    objects = kind.model.objects.all()
    if has_role(user):
        return objects if user.has_perm(kind.view_perm) else objects.none()
    if is_municipal_contact(user):
        return objects.filter(process_id__in=contact_process_ids(user))
    return objects.none()


def comments_visible_to(user) -> QuerySet[Comment]:
    """Every comment (not deleted) on an object ``user`` may see: what the search finds."""
    comments = Comment.objects.filter(deleted_at__isnull=True)
    if has_role(user):
        allowed = Q()
        for kind in (PRIORITY, GOAL):
            if not user.has_perm(kind.view_perm):
                allowed &= Q(**{f"{kind.key}__isnull": True})
        return comments.filter(allowed)
    if is_municipal_contact(user):
        return comments.filter(process_id__in=contact_process_ids(user))
    return comments.none()


@dataclass
class ThreadEntry:
    comment: Comment
    depth: int

    @property
    def indent(self) -> int:
        return min(self.depth, MAX_INDENT)


@dataclass
class Thread:
    start: Comment
    entries: list[ThreadEntry] = field(default_factory=list)

    @property
    def is_resolved(self) -> bool:
        return self.start.is_resolved


def threads_for(target) -> list[Thread]:
    """The object's threads, oldest first, each with its comments in reply order (a reply under what it answers)."""
    comments = list(
        Comment.objects.filter(**{kind_of(target).key: target})
        .select_related("author", "deleted_by", "resolved_by", "process")
        .prefetch_related("mentions")
        .order_by("created_at", "pk")
    )
    by_pk = {comment.pk: comment for comment in comments}
    children = defaultdict(list)
    for comment in comments:
        if comment.parent_id:
            comment.parent = by_pk[comment.parent_id]  # from the list, not one query per reply
        children[comment.parent_id].append(comment)
    threads = []
    for start in children[None]:
        thread = Thread(start)
        stack = [(start, 0)]
        while stack:
            comment, depth = stack.pop()
            thread.entries.append(ThreadEntry(comment, depth))
            stack.extend((child, depth + 1) for child in reversed(children[comment.pk]))
        threads.append(thread)
    return threads


def open_thread_counts(kind: TargetKind, ids) -> dict[int, int]:
    """The number of open threads per object (one query): a thread whose first comment is neither resolved nor
    deleted."""
    rows = (
        Comment.objects.filter(
            **{f"{kind.key}__in": list(ids)}, thread__isnull=True, resolved_at__isnull=True, deleted_at__isnull=True
        )
        .values(kind.key)
        .annotate(open=Count("pk"))
    )
    return {row[kind.key]: row["open"] for row in rows}


def mentionable_users(target) -> QuerySet[User]:
    """The active users who may see ``target``, for the picker: the four roles and the process's contacts."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(role__in=PROCESS_ROLES)
            | Q(is_superuser=True)
            | Q(
                role=Role.MUNICIPAL_CONTACT,
                municipal_contact__municipalities__plans__process_id=target.process_id,
            )
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def who_may_see(target, users) -> list[User]:
    """``users`` narrowed to those who may see ``target`` (the rule itself, per user)."""
    return [user for user in users if user.is_active and can_view_target(user, target)]
