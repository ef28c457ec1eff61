"""Reminders before the deadline of an ambtelijke toets in the portal, to the municipality's contacts, as any other
reminder (notifications.sources): planned at the process's offsets, sent exactly once, dropped once answered."""

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import format_date
from notifications.sources import DueContext, DueReminder, ReminderContent, ReminderSource, in_days

from .models import CheckRequest, MunicipalContact

KIND = "check_request"  # stored on every Reminder: never rename


def check_request_due(context: DueContext) -> list[DueReminder]:
    """Toetsen not yet answered whose deadline is within the horizon, to every active contact of the
    municipality; no overdue reminder to the municipality (staff have theirs, notifications.builtin_sources)."""
    today = context.today
    requests = list(
        CheckRequest.objects.filter(
            status=CheckRequest.Status.SENT,
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(days=context.horizon),
        ).values("pk", "deadline", "plan__process_id", "plan__municipality_id")
    )
    if not requests:
        return []
    contacts = defaultdict(list)
    for user_id, municipality_id in MunicipalContact.objects.filter(
        user__is_active=True, municipalities__in={r["plan__municipality_id"] for r in requests}
    ).values_list("user_id", "municipalities"):
        contacts[municipality_id].append(user_id)
    due = []
    for request in requests:
        offset = context.offset_for(request["deadline"], request["plan__process_id"], overdue=False)
        if offset is None:
            continue
        for user_id in contacts[request["plan__municipality_id"]]:
            due.append(DueReminder(KIND, context.subject_type_id, request["pk"], user_id, offset, request["deadline"]))
    return due


def check_request_content(reminder, now: datetime.datetime) -> ReminderContent | None:
    request = (
        CheckRequest.objects.select_related("plan__process", "plan__municipality")
        .filter(pk=reminder.subject_id, status=CheckRequest.Status.SENT)
        .first()
    )
    if request is None:
        return None
    values = {
        "municipality": request.plan.municipality.name,
        "process": request.plan.process,
        "date": format_date(request.deadline),
        "in_days": in_days((request.deadline - now.date()).days),
    }
    return ReminderContent(
        _("Ambtelijke toets %(municipality)s: reageren uiterlijk %(date)s") % values,
        _(
            "Wilt u nagaan hoe het veiligheidsplan van %(municipality)s in de scan (%(process)s) is gelezen, en "
            "akkoord geven of aanvullingen voorstellen? Dat kan tot %(date)s, %(in_days)s."
        )
        % values,
        reverse("partners:check_answer", kwargs={"pk": request.pk}),
    )


CHECK_REQUEST_SOURCE = ReminderSource(
    KIND, gettext_lazy("ambtelijke toets (gemeente)"), CheckRequest, check_request_due, check_request_content
)
