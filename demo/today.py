"""The demo that lives today: beside the historic VS 2019-2022, the next cycle (VS <next year>-<+3>) made from it with
the process copy, its planning moved so that today falls in the DVO round.

As of the day ``load_demo`` runs (``today``): the planning of 2018 is copied whole years on (planning.services.
process_copy) and then moved by days (process_reschedule) so that DVO GLM meets two weeks from today; what ended
before today is done; the long list (the ten of 2018) was approved five days ago and sent four days ago; the round
opened then, with each DVO's deadline at the end of its meeting day (GLM in two weeks, GLZ and TWN a few weeks
later, IJSS and NOG after that); GLZ and TWN have already chosen. The top-five BBG lies before IJSS and NOG meet,
and Van Veldhuizen is away that day: the planning problems of 7 June 2018, now in the cycle that runs. So the
reminders of the coming deadlines are due, and ``secretaris-glm`` logs in to a prompt to choose. Every step through
the apps' services; run again, it finds the cycle and changes nothing (a new cycle is made only when none exists for
next year).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core.dates import format_date
from planning import services as planning_services
from planning.models import Absence, District, Milestone, Person, StrategyProcess
from priorities import services as priority_services
from priorities.models import Priority
from voting import services as voting_services
from voting.models import RoundDeadline
from voting.services import local_zone

from .planning import BBG_TOP_FIVE, LONG_LIST_CONSENT, VAN_VELDHUIZEN, dvo_title
from .voting import BALLOTS, STAFF_REASON, _secretary, entry_user

GLM_MEETS_IN = datetime.timedelta(days=14)  # the secretary of GLM has two weeks to choose
APPROVED_DAYS_AGO = 5
OPENED_DAYS_AGO = 4
ALREADY_CHOSEN = {"GLZ": 2, "TWN": 1}  # district code: chose so many days ago


def current_slug(today: datetime.date) -> str:
    return f"vs-{today.year + 1}-{today.year + 4}"


@transaction.atomic
def load_today_demo(result, source: StrategyProcess, *, today: datetime.date | None = None) -> StrategyProcess:
    """The current cycle made from ``source`` (the demo's VS 2019-2022), as of ``today``; see the module."""
    today = today or timezone.localdate()
    existing = StrategyProcess.objects.filter(slug=current_slug(today)).first()
    if existing is not None:
        return existing
    start = today.year + 1
    process = planning_services.process_copy(
        source=source,
        title=f"Veiligheidsstrategie {start}-{start + 3}",
        short_name=f"VS {start}-{start + 3}",
        slug=current_slug(today),
        shift_years=start - source.period_start_year,
    )
    result.count("processen", created=True)
    glm_meeting = Milestone.objects.get(process=process, title=dvo_title("GLM"))
    planning_services.process_reschedule(process=process, days=(today + GLM_MEETS_IN - glm_meeting.ends_on).days)
    _absence(result, process)
    _long_list(result, source, process, today)
    _round(result, process, today)
    _done_until(process, today, entry_user(result))
    return process


def _absence(result, process: StrategyProcess) -> None:
    """Van Veldhuizen is away at the copied top-five BBG too, so the cycle of today shows the planning problems of
    7 June 2018 (two DVOs after the BBG, a member absent) while the historic cycle is complete."""
    bbg = Milestone.objects.filter(process=process, title=BBG_TOP_FIVE).first()
    person = Person.objects.filter(name=VAN_VELDHUIZEN).first()
    if bbg is None or person is None:
        return
    Absence.objects.get_or_create(
        person=person,
        starts_on=bbg.starts_on,
        defaults={"ends_on": bbg.ends_on, "reason": f"afwezig bij de BBG van {format_date(bbg.starts_on)}"},
    )
    result.count("afwezigheden", created=True)


def _moment(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=local_zone())


def _done_until(process: StrategyProcess, today: datetime.date, user) -> None:
    """What ended before today and no fact completed (the long list's approval did its own) happened: the copied
    planning picks up where the cycle is, through the planning's service like every fact."""
    past = Milestone.objects.filter(process=process, ends_on__lt=today, status__in=Milestone.OPEN_STATUSES)
    for milestone in past.order_by("pk"):
        planning_services.milestone_complete(milestone=milestone, by=user, when=milestone.ends_on)


def _long_list(result, source: StrategyProcess, process: StrategyProcess, today: datetime.date) -> None:
    """The ten of the source's long list, in its order, with their themes and partners; approved and sent."""
    for priority in Priority.objects.filter(process=source).prefetch_related("themes", "roles").order_by("position"):
        priority_services.priority_create(
            process=process,
            title=priority.title,
            description=priority.description,
            urgency=priority.urgency,
            themes=list(priority.themes.all()),
            roles=[
                {"partner": role.partner, "role": role.role, "partner_other": role.partner_other}
                for role in priority.roles.all()
            ],
        )
        result.count("prioriteiten", created=True)
    meeting = Milestone.objects.filter(process=process, title=LONG_LIST_CONSENT).first()
    priority_services.longlist_approve(
        process=process,
        approved_on=today - datetime.timedelta(days=APPROVED_DAYS_AGO),
        meeting=meeting,
        user=entry_user(result),
    )
    priority_services.longlist_send(process=process, sent_on=today - datetime.timedelta(days=OPENED_DAYS_AGO))


def _round(result, process: StrategyProcess, today: datetime.date) -> None:
    """The round opened the day the list went out; GLZ and TWN chose since; the others have not yet."""
    user = entry_user(result)
    opened_at = _moment(today - datetime.timedelta(days=OPENED_DAYS_AGO))
    round = voting_services.round_create(process=process, user=user, now=opened_at)
    round = voting_services.round_open(round=round, user=user, now=opened_at)
    result.count("keuzerondes", created=True)
    priorities = {priority.title: priority for priority in Priority.objects.filter(process=process)}
    districts = {district.code: district for district in District.objects.filter(code__in=ALREADY_CHOSEN)}
    for code, days_ago in ALREADY_CHOSEN.items():
        district, data = districts[code], BALLOTS[code]
        if not RoundDeadline.objects.filter(round=round, district=district).exists():
            continue
        ids = [priorities[title].pk for title in data["choices"] if title in priorities]
        secretary = _secretary(district)
        chosen_on = today - datetime.timedelta(days=days_ago)
        voting_services.ballot_submit(
            round=round,
            district=district,
            user=secretary or user,
            priority_ids=ids,
            preferences={pk: place for place, pk in enumerate(ids, start=1)} if data["ordered"] else None,
            remarks={priorities[title].pk: text for title, text in data["remarks"].items() if title in priorities},
            remark=data["remark"],
            council_involvement=data["council"],
            council_note=data["council_note"],
            on_behalf_reason=None if secretary else STAFF_REASON % {"day": chosen_on.isoformat()},
            now=_moment(chosen_on, 16),
            send_receipt=False,
        )
        result.count("keuzes van DVO's", created=True)
