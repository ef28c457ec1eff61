"""Mentions: "@gebruikersnaam" in a comment (or a name picked beside it) notifies that user, if they may see the
commented object, once: in the portal and by email, through the notifications app's own machinery (a Reminder of
kind ``mention`` per comment and recipient, claimed and sent exactly once like every reminder)."""

import datetime
import re

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from notifications.models import Reminder
from notifications.sources import DueContext, DueReminder, ReminderContent, ReminderSource

from .models import Comment
from .rules import can_view_target

KIND = "mention"  # stored on every Reminder: never rename
# A mention is sent at once: one reminder per comment and recipient, at this offset.
OFFSET = 0
# "@naam" not inside a word or an email address; a user name may hold letters, digits and . + - _ (Django's rule).
MENTION = re.compile(r"(?<![\w@.])@([\w.+-]+)")


def names_in(html: str) -> set[str]:
    """The user names mentioned in a comment's text, without trailing punctuation ("@staf." is "staf")."""
    return {name.rstrip(".-") for name in MENTION.findall(strip_tags(html)) if name.rstrip(".-")}


def mention_due(context: DueContext) -> list[DueReminder]:
    """Nothing to plan: the service creates the mention's reminder when the comment is saved."""
    return []


def mention_rows(comment: Comment, recipient_ids) -> list[Reminder]:
    subject_type = ContentType.objects.get_for_model(Comment)
    today = timezone.localdate()
    return [
        Reminder(
            kind=KIND,
            subject_type=subject_type,
            subject_id=comment.pk,
            recipient_id=pk,
            offset=OFFSET,
            due_on=today,
        )
        for pk in recipient_ids
    ]


def mention_content(reminder, now: datetime.datetime) -> ReminderContent | None:
    """From the comment as it is now; None once it is deleted or the recipient may no longer see the object."""
    comment = (
        Comment.objects.select_related("author", "process", "priority", "goal")
        .filter(pk=reminder.subject_id, deleted_at__isnull=True)
        .first()
    )
    if comment is None or not can_view_target(reminder.recipient, comment.target):
        return None
    values = {
        "author": comment.author or _("iemand"),
        "kind": _("de prioriteit") if comment.priority_id else _("de doelstelling"),
        "target": comment.target.title,
        "process": comment.process.short_name,
    }
    text = Truncator(" ".join(strip_tags(comment.body).split())).chars(300)
    return ReminderContent(
        _("%(author)s noemde u in een reactie op %(kind)s ‘%(target)s’") % values,
        _("%(author)s schreef (%(process)s): “%(text)s”") % {**values, "text": text},
        comment.get_absolute_url(),
    )


MENTION_SOURCE = ReminderSource(KIND, gettext_lazy("genoemd in een reactie"), Comment, mention_due, mention_content)
