"""Who may do what with comments. Whoever may see the object (a priority, a goal) sees its comments: the four roles
by the object's own view rule (priorities.view_priority, documents.view_goal), a municipal contact (partners)
for the processes whose scan holds a plan of one of their municipalities. Whoever sees it may comment while the
discussion is open (comments.targets.closed_reason, checked in the services). The author edits and deletes their
own comment; staff delete any; staff or the thread's author resolve a thread."""

from accounts.rules import has_role, is_municipal_contact, is_programme_staff
from scan.models import MunicipalPlan

from .targets import KINDS, kind_of


def contact_process_ids(user):
    """The processes whose scan holds a plan of one of the contact's municipalities (a subquery)."""
    return MunicipalPlan.objects.filter(municipality__contacts__user=user).values("process_id")


def may_take_part(user, obj=None) -> bool:
    """A role or a municipal contact: the people who comment (without an object: the overview pages)."""
    return has_role(user) or is_municipal_contact(user)


def can_view_target(user, target=None) -> bool:
    if target is None:
        return may_take_part(user)
    if has_role(user):
        return user.has_perm(kind_of(target).view_perm, target)
    if is_municipal_contact(user):
        return MunicipalPlan.objects.filter(process_id=target.process_id, municipality__contacts__user=user).exists()
    return False


def can_view_comment(user, comment=None) -> bool:
    return can_view_target(user, None if comment is None else comment.target)


def _is_author(user, comment) -> bool:
    return comment.author_id is not None and comment.author_id == user.pk


def can_change_comment(user, comment=None) -> bool:
    if comment is None:
        return may_take_part(user)
    return _is_author(user, comment) and can_view_comment(user, comment)


def can_delete_comment(user, comment=None) -> bool:
    if comment is None:
        return may_take_part(user)
    return (_is_author(user, comment) or is_programme_staff(user)) and can_view_comment(user, comment)


def can_resolve_thread(user, comment=None) -> bool:
    """Staff, or the author of the thread's first comment (``comment`` is that first comment)."""
    if comment is None:
        return may_take_part(user)
    return (_is_author(user, comment) or is_programme_staff(user)) and can_view_comment(user, comment)


RULES = {
    "comments.view_comment": can_view_comment,
    "comments.view_target": can_view_target,
    "comments.add_comment": can_view_target,
    "comments.change_comment": can_change_comment,
    "comments.delete_comment": can_delete_comment,
    "comments.resolve_comment": can_resolve_thread,
}

__all__ = ["KINDS", "RULES", "can_view_target", "contact_process_ids"]


def comment_actions(user, comment) -> dict[str, bool]:
    """What ``user`` may do with ``comment`` on a page that already checked they see its object (the rules above
    without their visibility query, so a thread of any length costs no query per comment)."""
    author = _is_author(user, comment)
    staff = is_programme_staff(user)
    alive = not comment.is_deleted
    return {
        "edit": author and alive,
        "delete": (author or staff) and alive,
        "resolve": comment.is_thread_start and (author or staff),
    }
