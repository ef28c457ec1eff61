"""Reads of the DVO choice that several places share: whether a process has ballots (the long list warns when it is
reopened, through priorities.hooks), the progress that every role may see, the staff's overview of the round, and
a ballot's history.

Every function costs a fixed number of queries however many DVOs there are.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.history import HISTORY_TYPE_LABELS
from planning.models import District, Municipality, StrategyProcess
from priorities.models import Priority

from . import tally as tally_module
from .models import Ballot, BallotChoice, Round, RoundDeadline


def process_has_ballots(process: StrategyProcess) -> bool:
    """Whether any DVO has chosen from this process's long list (in any round state)."""
    return Ballot.objects.filter(round__process=process).exists()


def longlist_reopen_warning(process: StrategyProcess) -> str:
    """What reopening the long list means once DVOs chose from it (registered on priorities.hooks.REOPEN_WARNINGS)."""
    if not process_has_ballots(process):
        return ""
    return _(
        "Let op: DVO's hebben al een keuze gemaakt uit de lange lijst. Die keuzes gaan over de oude lijst; "
        "vraag ze opnieuw te kiezen als de lijst verandert."
    )


def round_for(process: StrategyProcess) -> Round | None:
    """The process's round or None; its ``process`` is the one given (no query to read it back)."""
    round = Round.objects.filter(process=process).first()
    if round is not None:
        round.process = process
    return round


# --- Progress: counts of DVOs only, never of priorities --------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    chosen: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.chosen >= self.total

    @property
    def percent(self) -> int:
        return round(100 * self.chosen / self.total) if self.total else 0


def round_progress(round: Round | None) -> Progress:
    """How many DVOs have chosen, out of all of them. Two queries. Safe to show to every role: it says nothing
    about which priorities were chosen."""
    total = District.objects.count()
    chosen = Ballot.objects.filter(round=round).count() if round is not None else 0
    return Progress(chosen=chosen, total=total)


# --- The staff's overview -------------------------------------------------------------------------------------


@dataclass
class DistrictRow:
    district: District
    deadline: RoundDeadline | None
    ballot: Ballot | None
    deadline_passed: bool


def round_rows(round: Round, *, now: datetime.datetime) -> list[DistrictRow]:
    """Per DVO: its deadline and meeting, and its ballot (who submitted, when, on whose behalf). Three queries."""
    deadlines = {row.district_id: row for row in RoundDeadline.objects.filter(round=round).select_related("meeting")}
    ballots = {
        ballot.district_id: ballot
        for ballot in Ballot.objects.filter(round=round).select_related("submitted_by").order_by()
    }
    rows = []
    for district in District.objects.order_by("order", "code"):
        deadline = deadlines.get(district.pk)
        rows.append(
            DistrictRow(
                district=district,
                deadline=deadline,
                ballot=ballots.get(district.pk),
                deadline_passed=bool(deadline and deadline.has_passed(now)),
            )
        )
    return rows


# --- A DVO's ballot history -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceState:
    title: str
    preference: int | None
    remark: str


@dataclass
class BallotVersion:
    changed_at: datetime.datetime
    user: str
    action: str
    entered_by_staff: bool
    staff_reason: str
    remark: str
    council: str
    council_note: str
    is_deletion: bool
    choices: list[ChoiceState] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reordered: list[str] = field(default_factory=list)
    change_reason: str = ""


def ballot_history(round: Round, district: District) -> list[BallotVersion]:
    """Every version of this DVO's ballot in the round, newest first, each with the seven chosen then and what
    changed against the version before: added, removed, moved in the order.

    ballot_submit gives the ballot and its choices of one submission the same history date, so a version's
    choices are the choice records up to and including its date. A reset of the round appears as a deletion.
    Three queries.
    """
    records = list(
        Ballot.history.filter(round_id=round.pk, district_id=district.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    if not records:
        return []
    ballot_ids = {record.id for record in records}
    choice_records = list(
        BallotChoice.history.filter(ballot_id__in=ballot_ids)
        .select_related("priority")
        .order_by("history_date", "history_id")
    )
    council_labels = dict(Ballot.CouncilInvolvement.choices)

    versions: list[BallotVersion] = []
    state: dict[tuple[int, int], ChoiceState] = {}  # (ballot id, priority id) -> choice
    index = 0
    previous: dict[int, ChoiceState] = {}
    for record in records:
        while index < len(choice_records) and choice_records[index].history_date <= record.history_date:
            choice = choice_records[index]
            key = (choice.ballot_id, choice.priority_id)
            if choice.history_type == "-":
                state.pop(key, None)
            else:
                title = choice.priority.title if choice.priority_id else _("(verwijderd)")
                state[key] = ChoiceState(title=title, preference=choice.preference, remark=choice.remark)
            index += 1
        is_deletion = record.history_type == "-"
        current = {} if is_deletion else {pk: c for (bid, pk), c in state.items() if bid == record.id}
        version = BallotVersion(
            changed_at=record.history_date,
            user=str(record.history_user) if record.history_user_id else _("onbekend (systeem)"),
            action=str(HISTORY_TYPE_LABELS.get(record.history_type, record.history_type)),
            entered_by_staff=record.entered_by_staff,
            staff_reason=record.staff_reason,
            remark=record.remark,
            council=str(council_labels.get(record.council_involvement, record.council_involvement)),
            council_note=record.council_note,
            is_deletion=is_deletion,
            change_reason=record.history_change_reason or "",
            choices=sorted(current.values(), key=lambda c: (c.preference is None, c.preference or 0, c.title)),
        )
        if not is_deletion:
            version.added = sorted(current[pk].title for pk in current.keys() - previous.keys())
            version.removed = sorted(previous[pk].title for pk in previous.keys() - current.keys())
            version.reordered = sorted(
                current[pk].title
                for pk in current.keys() & previous.keys()
                if current[pk].preference != previous[pk].preference
            )
        previous = current
        versions.append(version)
    versions.reverse()
    return versions


# --- The result of a round (see voting/tally.py) ------------------------------------------------------------
# Visibility is NOT decided here: views ask "voting.view_result" (voting/rules.py) before calling these.


@dataclass
class RoundResult:
    """The tally of a round plus what the page needs around it: per DVO its ballot (or None), and the notes."""

    round: Round
    tally: tally_module.Tally
    ballots_by_district: dict[int, Ballot]
    unknown_population: list[str]  # every municipality whose population is unknown (left out of inhabitants)


def round_result(round: Round) -> RoundResult:
    """Load what the tally needs and count. Five queries, however many DVOs, municipalities or ballots."""
    priorities = [
        tally_module.PriorityInput(id=pk, title=title, position=position)
        for pk, title, position in Priority.objects.filter(process_id=round.process_id)
        .order_by("position", "pk")
        .values_list("pk", "title", "position")
    ]
    district_rows = list(District.objects.order_by("order", "code").values_list("pk", "code", "name"))
    counts: dict[int, int] = {}
    inhabitants: dict[int, int] = {}
    unknown: dict[int, list[str]] = {}
    for district_id, name, population in Municipality.objects.order_by("name").values_list(
        "district_id", "name", "population"
    ):
        counts[district_id] = counts.get(district_id, 0) + 1
        if population is None:
            unknown.setdefault(district_id, []).append(name)
        else:
            inhabitants[district_id] = inhabitants.get(district_id, 0) + population
    districts = [
        tally_module.DistrictInput(
            id=pk,
            code=code,
            name=name,
            municipalities=counts.get(pk, 0),
            inhabitants=inhabitants.get(pk, 0),
            unknown_population=tuple(unknown.get(pk, ())),
        )
        for pk, code, name in district_rows
    ]
    ballots_by_district = {
        ballot.district_id: ballot
        for ballot in Ballot.objects.filter(round=round).select_related("submitted_by").order_by()
    }
    choices: dict[int, list[tuple[int, int | None]]] = {}
    for district_id, priority_id, preference in (
        BallotChoice.objects.filter(ballot__round=round)
        .order_by()
        .values_list("ballot__district_id", "priority_id", "preference")
    ):
        choices.setdefault(district_id, []).append((priority_id, preference))
    ballots = [
        tally_module.BallotInput(district_id=district_id, choices=tuple(choices.get(district_id, ())))
        for district_id in ballots_by_district
    ]
    result = tally_module.tally(
        priorities,
        districts,
        ballots,
        threshold=round.process.majority_threshold,
        choices_per_ballot=round.choices_required,
    )
    return RoundResult(
        round=round,
        tally=result,
        ballots_by_district=ballots_by_district,
        unknown_population=sorted(name for names in unknown.values() for name in names),
    )
