"""Reminders of the councils' consultation (notifications.sources.REMINDER_SOURCES): before a round's deadline,
and once just after it, programme staff hear how many councils have not answered yet. The subject is the round
(one reminder per round, recipient and offset: sent once, like the other kinds)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role, User
from core.dates import format_date
from notifications.sources import OVERDUE, DueContext, DueReminder, ReminderContent, ReminderSource, in_days

from .models import ConsultationRound, CouncilEntry

KIND = "consultation"


def consultation_due(context: DueContext) -> list[DueReminder]:
    """Rounds whose deadline is near (or just passed) and that still have councils without a response, to every
    active staff member. Two queries."""
    today = context.today
    rounds = list(
        ConsultationRound.objects.filter(
            deadline__gte=today - datetime.timedelta(days=context.lookback),
            deadline__lte=today + datetime.timedelta(days=context.horizon),
            entries__status__in=CouncilEntry.OPEN_STATUSES,
        )
        .distinct()
        .values_list("pk", "process_id", "deadline")
    )
    if not rounds:
        return []
    staff = list(User.objects.filter(role=Role.STAFF, is_active=True).values_list("pk", flat=True))
    due = []
    for pk, process_id, deadline in rounds:
        offset = context.offset_for(deadline, process_id)
        if offset is None:
            continue
        due += [DueReminder(KIND, context.subject_type_id, pk, user_id, offset, deadline) for user_id in staff]
    return due


def consultation_content(reminder, now: datetime.datetime) -> ReminderContent | None:
    consultation = ConsultationRound.objects.select_related("process", "version").filter(pk=reminder.subject_id).first()
    if consultation is None:
        return None
    missing = list(
        consultation.entries.filter(status__in=CouncilEntry.OPEN_STATUSES)
        .order_by("municipality__name")
        .values_list("municipality__name", flat=True)
    )
    if not missing:
        return None
    names = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
    values = {
        "count": len(missing),
        "label": consultation.version.label,
        "process": consultation.process,
        "date": format_date(consultation.deadline),
        "names": names,
    }
    if reminder.offset == OVERDUE:
        return ReminderContent(
            _("Termijn verstreken: %(count)s gemeenteraden zonder reactie") % values,
            _(
                "De termijn van de consultatie over versie %(label)s (%(process)s) verstreek op %(date)s. Nog "
                "zonder reactie: %(names)s."
            )
            % values,
            consultation.get_absolute_url(),
        )
    values["in_days"] = in_days((consultation.deadline - timezone.localdate(now)).days)
    return ReminderContent(
        _("Consultatie: %(count)s gemeenteraden nog zonder reactie") % values,
        _(
            "De termijn van de consultatie over versie %(label)s (%(process)s) verstrijkt %(in_days)s, op "
            "%(date)s. Nog zonder reactie: %(names)s."
        )
        % values,
        consultation.get_absolute_url(),
    )


CONSULTATION_SOURCE = ReminderSource(
    KIND, gettext_lazy("consultatie gemeenteraden"), ConsultationRound, consultation_due, consultation_content
)
