"""The four kinds of reminder the portal had from the start, as reminder sources (see sources.py): milestones on a
day, DVO choices not yet submitted, open actions, and ambtelijke toetsen without an answer.

Each ``due`` is one query over a date window plus one for the recipients; each ``content`` reads its subject as it
is now and answers None when the reminder no longer applies.
"""

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role, User
from core.dates import Precision, format_date
from planning.models import Action, Membership, Milestone
from scan.models import MunicipalPlan
from voting.models import Ballot, Round, RoundDeadline

from .conf import setting
from .models import Reminder
from .sources import OVERDUE, DueContext, DueReminder, ReminderContent, ReminderSource, in_days

# --- Milestones -------------------------------------------------------------------------------------------------


def milestone_due(context: DueContext) -> list[DueReminder]:
    """Open milestones on a day: to the responsible person, and for meetings also to the body's members (their
    users). Only the responsible person hears that a milestone is overdue: the members cannot mark it done."""
    today = context.today
    milestones = list(
        Milestone.objects.filter(
            precision=Precision.DAY,
            status__in=Milestone.OPEN_STATUSES,
            ends_on__gte=today - datetime.timedelta(days=context.lookback),
            ends_on__lte=today + datetime.timedelta(days=context.horizon),
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
        offset = context.offset_for(date, milestone["process_id"])
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
            due.append(
                DueReminder(Reminder.Kind.MILESTONE, context.subject_type_id, milestone["pk"], user_id, offset, date)
            )
    return due


def _seat_covers(membership: dict, date: datetime.date) -> bool:
    return (membership["starts_on"] is None or membership["starts_on"] <= date) and (
        membership["ends_on"] is None or date <= membership["ends_on"]
    )


def milestone_content(reminder: Reminder, now: datetime.datetime) -> ReminderContent | None:
    milestone = Milestone.objects.select_related("process").filter(pk=reminder.subject_id).first()
    if milestone is None or not milestone.is_open:
        return None
    values = {"title": milestone.title, "process": milestone.process, "date": format_date(milestone.ends_on)}
    if reminder.offset == OVERDUE:
        return ReminderContent(
            _("Te laat: %(title)s (%(date)s)") % values,
            _(
                "De mijlpaal ‘%(title)s’ (%(process)s) stond gepland op %(date)s en is nog niet "
                "gereedgemeld. Werk de status bij of plan hem opnieuw."
            )
            % values,
            milestone.get_absolute_url(),
        )
    values["in_days"] = in_days((milestone.ends_on - timezone.localdate(now)).days)
    return ReminderContent(
        _("Herinnering: %(title)s op %(date)s") % values,
        _("‘%(title)s’ (%(process)s) staat gepland op %(date)s, %(in_days)s.") % values,
        milestone.get_absolute_url(),
    )


# --- DVO choices ------------------------------------------------------------------------------------------------


def ballot_due(context: DueContext) -> list[DueReminder]:
    """DVOs in an open round that have not submitted their choice yet, to their secretaries, before their deadline.
    There is no overdue reminder: after the deadline the choice is locked."""
    now = context.now
    deadlines = list(
        RoundDeadline.objects.filter(
            round__status=Round.Status.OPEN,
            deadline__gt=now,
            deadline__lt=now + datetime.timedelta(days=context.horizon + 1),
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
        offset = context.offset_for(date, deadline["round__process_id"], overdue=False)
        if offset is None:
            continue
        for user_id in secretaries.get(deadline["district_id"], []):
            due.append(
                DueReminder(Reminder.Kind.BALLOT, context.subject_type_id, deadline["pk"], user_id, offset, date)
            )
    return due


def ballot_content(reminder: Reminder, now: datetime.datetime) -> ReminderContent | None:
    deadline = RoundDeadline.objects.select_related("round__process", "district").filter(pk=reminder.subject_id).first()
    if (
        deadline is None
        or not deadline.round.is_open
        or deadline.has_passed(now)
        or Ballot.objects.filter(round_id=deadline.round_id, district_id=deadline.district_id).exists()
    ):
        return None
    local = timezone.localtime(deadline.deadline)
    values = {
        "code": deadline.district.code,
        "name": deadline.district.name,
        "process": deadline.round.process,
        "count": deadline.round.choices_required,
        "date": format_date(local.date()),
        "time": local.strftime("%H:%M"),
        "in_days": in_days((local.date() - timezone.localdate(now)).days),
    }
    return ReminderContent(
        _("Herinnering: keuze van DVO %(code)s uiterlijk %(date)s") % values,
        _(
            "DVO %(code)s (%(name)s) heeft voor %(process)s nog geen keuze van %(count)s prioriteiten "
            "ingediend. De termijn verstrijkt %(in_days)s, op %(date)s om %(time)s."
        )
        % values,
        reverse("voting:ballot", kwargs={"slug": deadline.round.process.slug, "district": deadline.district.code}),
    )


# --- Actions ----------------------------------------------------------------------------------------------------


def action_due(context: DueContext) -> list[DueReminder]:
    """Open actions due soon or overdue, to their owner's user."""
    today = context.today
    actions = Action.objects.filter(
        done_on__isnull=True,
        due_on__gte=today - datetime.timedelta(days=context.lookback),
        due_on__lte=today + datetime.timedelta(days=context.horizon),
        owner__user__isnull=False,
        owner__user__is_active=True,
    ).values("pk", "process_id", "due_on", "owner__user_id")
    due = []
    for action in actions:
        offset = context.offset_for(action["due_on"], action["process_id"])
        if offset is not None:
            due.append(
                DueReminder(
                    Reminder.Kind.ACTION,
                    context.subject_type_id,
                    action["pk"],
                    action["owner__user_id"],
                    offset,
                    action["due_on"],
                )
            )
    return due


def action_content(reminder: Reminder, now: datetime.datetime) -> ReminderContent | None:
    action = Action.objects.select_related("process").filter(pk=reminder.subject_id).first()
    if action is None or action.is_done or action.due_on is None:
        return None
    values = {"title": action.title, "process": action.process, "date": format_date(action.due_on)}
    if reminder.offset == OVERDUE:
        return ReminderContent(
            _("Te laat: actie ‘%(title)s’ (%(date)s)") % values,
            _("De actie ‘%(title)s’ (%(process)s) moest uiterlijk %(date)s gedaan zijn en staat nog open.") % values,
            action.get_absolute_url(),
        )
    values["in_days"] = in_days((action.due_on - timezone.localdate(now)).days)
    return ReminderContent(
        _("Herinnering: actie ‘%(title)s’ uiterlijk %(date)s") % values,
        _("De actie ‘%(title)s’ (%(process)s) moet uiterlijk %(date)s gedaan zijn, %(in_days)s.") % values,
        action.get_absolute_url(),
    )


# --- Ambtelijke toetsen -----------------------------------------------------------------------------------------


def plan_check_due(context: DueContext) -> list[DueReminder]:
    """Ambtelijke toetsen sent more than PLAN_CHECK_DAYS days ago and not answered, to programme staff, once."""
    days = setting("PLAN_CHECK_DAYS")
    today = context.today
    # The answer was expected on sent + days; it is outstanding from the day after, reminded within the lookback.
    plans = list(
        MunicipalPlan.objects.filter(
            check_status=MunicipalPlan.CheckStatus.SENT,
            check_sent_on__lt=today - datetime.timedelta(days=days),
            check_sent_on__gte=today - datetime.timedelta(days=days + context.lookback),
        ).values_list("pk", "check_sent_on")
    )
    if not plans:
        return []
    staff = list(User.objects.filter(role=Role.STAFF, is_active=True).values_list("pk", flat=True))
    return [
        DueReminder(
            Reminder.Kind.PLAN_CHECK,
            context.subject_type_id,
            pk,
            user_id,
            OVERDUE,
            sent_on + datetime.timedelta(days=days),
        )
        for pk, sent_on in plans
        for user_id in staff
    ]


def plan_check_content(reminder: Reminder, now: datetime.datetime) -> ReminderContent | None:
    plan = MunicipalPlan.objects.select_related("process", "municipality").filter(pk=reminder.subject_id).first()
    if plan is None or plan.check_status != MunicipalPlan.CheckStatus.SENT or plan.check_sent_on is None:
        return None
    values = {
        "municipality": plan.municipality.name,
        "process": plan.process,
        "date": format_date(plan.check_sent_on),
        "days": (timezone.localdate(now) - plan.check_sent_on).days,
    }
    return ReminderContent(
        _("Ambtelijke toets %(municipality)s nog niet beantwoord") % values,
        _(
            "De ambtelijke toets van het veiligheidsplan van %(municipality)s (%(process)s) is op %(date)s "
            "verstuurd en na %(days)s dagen nog niet beantwoord."
        )
        % values,
        reverse("scan:plan_detail", kwargs={"slug": plan.process.slug, "municipality_pk": plan.municipality_id}),
    )


BUILTIN_SOURCES = (
    ReminderSource(Reminder.Kind.MILESTONE, gettext_lazy("mijlpaal"), Milestone, milestone_due, milestone_content),
    ReminderSource(Reminder.Kind.BALLOT, gettext_lazy("keuze DVO"), RoundDeadline, ballot_due, ballot_content),
    ReminderSource(Reminder.Kind.ACTION, gettext_lazy("actie"), Action, action_due, action_content),
    ReminderSource(
        Reminder.Kind.PLAN_CHECK, gettext_lazy("ambtelijke toets"), MunicipalPlan, plan_check_due, plan_check_content
    ),
)
