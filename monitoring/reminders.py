"""Reminders before each measurement moment: every owner contact of an adopted goal of the process is asked to
enter the values of their goals, through the notifications app's reminder sources (sent exactly once per moment,
contact and offset, like the other kinds). A reminder whose values are all in by the time it is sent is skipped.
"""

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import format_date
from documents.models import Goal
from notifications.sources import OVERDUE, DueContext, DueReminder, ReminderContent, ReminderSource, in_days

from .models import Indicator, Measurement, MeasurementMoment, OwnerContact

KIND = "measurement"


def measurement_due(context: DueContext) -> list[DueReminder]:
    """Moments within the reminder window, to the owner contacts of the process's adopted goals: two queries."""
    today = context.today
    moments = list(
        MeasurementMoment.objects.filter(
            measured_on__gte=today - datetime.timedelta(days=context.lookback),
            measured_on__lte=today + datetime.timedelta(days=context.horizon),
        ).values_list("pk", "process_id", "measured_on")
    )
    if not moments:
        return []
    contacts = defaultdict(set)
    for process_id, user_id in OwnerContact.objects.filter(
        goal__process_id__in={row[1] for row in moments},
        goal__status=Goal.Status.ADOPTED,
        user__is_active=True,
    ).values_list("goal__process_id", "user_id"):
        contacts[process_id].add(user_id)
    due = []
    for pk, process_id, measured_on in moments:
        offset = context.offset_for(measured_on, process_id)
        if offset is None:
            continue
        for user_id in sorted(contacts[process_id]):
            due.append(DueReminder(KIND, context.subject_type_id, pk, user_id, offset, measured_on))
    return due


def open_goals(moment: MeasurementMoment, user_id: int) -> list[Goal]:
    """The recipient's adopted goals of the moment's process with an indicator still without a value."""
    goals = list(
        Goal.objects.filter(
            process_id=moment.process_id, status=Goal.Status.ADOPTED, owner_contacts__user_id=user_id
        ).order_by("position", "pk")
    )
    indicators = Indicator.objects.filter(goal__in=goals).values_list("pk", "goal_id")
    measured = set(
        Measurement.objects.filter(moment=moment, indicator__goal__in=goals).values_list("indicator_id", flat=True)
    )
    missing = {goal_id for pk, goal_id in indicators if pk not in measured}
    return [goal for goal in goals if goal.pk in missing]


def measurement_content(reminder, now: datetime.datetime) -> ReminderContent | None:
    moment = MeasurementMoment.objects.select_related("process").filter(pk=reminder.subject_id).first()
    if moment is None:
        return None
    goals = open_goals(moment, reminder.recipient_id)
    if not goals:
        return None
    values = {
        "moment": moment.label,
        "process": moment.process,
        "date": format_date(moment.measured_on),
        "goals": ", ".join(goal.title for goal in goals),
    }
    url = reverse("monitoring:dashboard", kwargs={"slug": moment.process.slug})
    if reminder.offset == OVERDUE:
        return ReminderContent(
            _("Waarden ontbreken nog: %(moment)s (%(date)s)") % values,
            _("Voor %(moment)s (%(process)s) ontbreken nog waarden van: %(goals)s. Vul ze zo snel mogelijk in.")
            % values,
            url,
        )
    values["in_days"] = in_days((moment.measured_on - timezone.localdate(now)).days)
    return ReminderContent(
        _("Herinnering: waarden invullen voor %(moment)s (%(date)s)") % values,
        _("De peildatum %(date)s (%(process)s) is %(in_days)s. Vul dan de waarden in van: %(goals)s.") % values,
        url,
    )


MEASUREMENT_SOURCE = ReminderSource(
    KIND, gettext_lazy("meetmoment"), MeasurementMoment, measurement_due, measurement_content
)
