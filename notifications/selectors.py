"""Reads of the notifications app: what is due for a reminder now, and a user's notifications.

``due_reminders`` answers with a fixed number of queries, however many milestones, actions, plans and users
there are: each kind is one query over a date window, the recipients one query per kind, and the offsets are
picked in Python.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Role, User
from core.dates import Precision
from planning.models import Action, Membership, Milestone
from scan.models import MunicipalPlan
from voting.models import Ballot, Round, RoundDeadline

from .conf import setting
from .models import OVERDUE, Notification, NotificationPreference, Reminder, ReminderSettings


@dataclass(frozen=True)
class DueReminder:
    """A reminder that should exist now (it may exist already: the database keeps it unique)."""

    kind: str
    subject_type_id: int
    subject_id: int
    recipient_id: int
    offset: int
    due_on: datetime.date

    def as_model(self) -> Reminder:
        return Reminder(
            kind=self.kind,
            subject_type_id=self.subject_type_id,
            subject_id=self.subject_id,
            recipient_id=self.recipient_id,
            offset=self.offset,
            due_on=self.due_on,
        )


def offset_for(days_left: int, offsets: list[int], *, overdue: bool = True) -> int | None:
    """The offset whose reminder is due with ``days_left`` days to go, or None.

    The smallest offset that has been reached: 10 days before with offsets [14, 7, 1] is the 14-day reminder, 3
    days before the 7-day one. So a run that comes late (the beat was down, the item was only just planned) sends
    the one reminder that fits now, not every one it missed. After the date: OVERDUE, for a few days only.
    """
    if days_left < 0:
        return OVERDUE if overdue and -days_left <= setting("OVERDUE_LOOKBACK_DAYS") else None
    reached = [days for days in offsets if days >= days_left]
    return min(reached) if reached else None


def process_offsets() -> tuple[dict[int, list[int]], list[int]]:
    """Each process's own offsets, and the default for the others (one query)."""
    default = list(setting("DEFAULT_OFFSETS"))
    own = {row["process_id"]: row["offsets"] for row in ReminderSettings.objects.values("process_id", "offsets")}
    return own, default


def due_reminders(now: datetime.datetime) -> list[DueReminder]:
    """Every reminder that is due at ``now``: milestones, DVO choices, actions and ambtelijke toetsen."""
    today = timezone.localdate(now)
    own, default = process_offsets()
    horizon = max([*default, *(days for offsets in own.values() for days in offsets)])
    lookback = setting("OVERDUE_LOOKBACK_DAYS")
    types = ContentType.objects.get_for_models(Milestone, Action, RoundDeadline, MunicipalPlan)

    def offsets_of(process_id):
        return own.get(process_id, default)

    due: list[DueReminder] = []
    due += _milestone_reminders(today, horizon, lookback, offsets_of, types[Milestone].pk)
    due += _ballot_reminders(now, today, horizon, offsets_of, types[RoundDeadline].pk)
    due += _action_reminders(today, horizon, lookback, offsets_of, types[Action].pk)
    due += _plan_check_reminders(today, lookback, types[MunicipalPlan].pk)
    return due


def _milestone_reminders(today, horizon, lookback, offsets_of, type_id) -> list[DueReminder]:
    """Open milestones on a day: to the responsible person, and for meetings also to the body's members (their
    users). Only the responsible person hears that a milestone is overdue: the members cannot mark it done."""
    milestones = list(
        Milestone.objects.filter(
            precision=Precision.DAY,
            status__in=Milestone.OPEN_STATUSES,
            ends_on__gte=today - datetime.timedelta(days=lookback),
            ends_on__lte=today + datetime.timedelta(days=horizon),
        ).values(
            "pk",
            "process_id",
            "kind",
            "ends_on",
            "body_id",
            "responsible_person__user_id",
            "responsible_person__user__is_active",
        )
    )
    body_ids = {m["body_id"] for m in milestones if m["kind"] == Milestone.Kind.MEETING and m["body_id"]}
    members = defaultdict(list)
    if body_ids:
        for row in Membership.objects.filter(
            body_id__in=body_ids, person__user__isnull=False, person__user__is_active=True
        ).values("body_id", "person__user_id", "starts_on", "ends_on"):
            members[row["body_id"]].append(row)

    due = []
    for milestone in milestones:
        date = milestone["ends_on"]
        offset = offset_for((date - today).days, offsets_of(milestone["process_id"]))
        if offset is None:
            continue
        recipients = []
        if milestone["responsible_person__user_id"] and milestone["responsible_person__user__is_active"]:
            recipients.append(milestone["responsible_person__user_id"])
        if offset != OVERDUE and milestone["kind"] == Milestone.Kind.MEETING:
            recipients += [
                row["person__user_id"] for row in members.get(milestone["body_id"], []) if _seat_covers(row, date)
            ]
        for user_id in dict.fromkeys(recipients):
            due.append(DueReminder(Reminder.Kind.MILESTONE, type_id, milestone["pk"], user_id, offset, date))
    return due


def _seat_covers(membership: dict, date: datetime.date) -> bool:
    return (membership["starts_on"] is None or membership["starts_on"] <= date) and (
        membership["ends_on"] is None or date <= membership["ends_on"]
    )


def _ballot_reminders(now, today, horizon, offsets_of, type_id) -> list[DueReminder]:
    """DVOs in an open round that have not submitted their choice yet, to their secretaries, before their deadline.
    There is no overdue reminder: after the deadline the choice is locked."""
    deadlines = list(
        RoundDeadline.objects.filter(
            round__status=Round.Status.OPEN,
            deadline__gt=now,
            deadline__lt=now + datetime.timedelta(days=horizon + 1),
        ).values("pk", "round_id", "district_id", "deadline", "round__process_id")
    )
    if not deadlines:
        return []
    round_ids = {d["round_id"] for d in deadlines}
    submitted = set(Ballot.objects.filter(round_id__in=round_ids).values_list("round_id", "district_id"))
    open_deadlines = [d for d in deadlines if (d["round_id"], d["district_id"]) not in submitted]
    secretaries = defaultdict(list)
    for user_id, district_id in User.objects.filter(
        role=Role.DVO_SECRETARY, is_active=True, district_id__in={d["district_id"] for d in open_deadlines}
    ).values_list("pk", "district_id"):
        secretaries[district_id].append(user_id)

    due = []
    for deadline in open_deadlines:
        date = timezone.localdate(deadline["deadline"])
        offset = offset_for((date - today).days, offsets_of(deadline["round__process_id"]), overdue=False)
        if offset is None:
            continue
        for user_id in secretaries.get(deadline["district_id"], []):
            due.append(DueReminder(Reminder.Kind.BALLOT, type_id, deadline["pk"], user_id, offset, date))
    return due


def _action_reminders(today, horizon, lookback, offsets_of, type_id) -> list[DueReminder]:
    """Open actions due soon or overdue, to their owner's user."""
    actions = Action.objects.filter(
        done_on__isnull=True,
        due_on__gte=today - datetime.timedelta(days=lookback),
        due_on__lte=today + datetime.timedelta(days=horizon),
        owner__user__isnull=False,
        owner__user__is_active=True,
    ).values("pk", "process_id", "due_on", "owner__user_id")
    due = []
    for action in actions:
        offset = offset_for((action["due_on"] - today).days, offsets_of(action["process_id"]))
        if offset is not None:
            user_id = action["owner__user_id"]
            due.append(DueReminder(Reminder.Kind.ACTION, type_id, action["pk"], user_id, offset, action["due_on"]))
    return due


def _plan_check_reminders(today, lookback, type_id) -> list[DueReminder]:
    """Ambtelijke toetsen sent more than PLAN_CHECK_DAYS days ago and not answered, to programme staff, once."""
    days = setting("PLAN_CHECK_DAYS")
    # The answer was expected on sent + days; it is outstanding from the day after, reminded within the lookback.
    plans = list(
        MunicipalPlan.objects.filter(
            check_status=MunicipalPlan.CheckStatus.SENT,
            check_sent_on__lt=today - datetime.timedelta(days=days),
            check_sent_on__gte=today - datetime.timedelta(days=days + lookback),
        ).values_list("pk", "check_sent_on")
    )
    if not plans:
        return []
    staff = list(User.objects.filter(role=Role.STAFF, is_active=True).values_list("pk", flat=True))
    return [
        DueReminder(Reminder.Kind.PLAN_CHECK, type_id, pk, user_id, OVERDUE, sent_on + datetime.timedelta(days=days))
        for pk, sent_on in plans
        for user_id in staff
    ]


def reminders_to_enqueue(now: datetime.datetime, limit: int = 1000) -> list[int]:
    """Pending reminders not in the queue: new ones, ones Redis could not take, ones whose message may be lost."""
    grace = datetime.timedelta(seconds=setting("ENQUEUE_GRACE"))
    return list(
        Reminder.objects.filter(status=Reminder.Status.PENDING, attempts__lt=setting("MAX_ATTEMPTS"))
        .filter(Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=now - grace))
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def delivery_of(user) -> str:
    """The user's choice of email delivery; each reminder by email unless they chose otherwise."""
    preference = NotificationPreference.objects.filter(user=user).values_list("delivery", flat=True).first()
    return preference or NotificationPreference.Delivery.EACH


def notifications_for(user):
    return Notification.objects.filter(user=user)


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def get_notification_for_user(user, pk) -> Notification:
    """A user's own notification; 404 for anyone else's."""
    return get_object_or_404(Notification, pk=pk, user=user)
