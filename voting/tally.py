"""The tally of a round: pure functions over plain data, no database, so that it can be tested exhaustively.

Per priority of the long list:

- ``dvo_count``: how many DVOs chose it (0 .. number of DVOs);
- ``municipalities`` and ``inhabitants``: how many municipalities, and how many inhabitants, the DVOs that chose
  it represent (the sum over those districts' municipalities). A municipality whose population is unknown counts
  as a municipality but is left out of the inhabitants, and is named in ``unknown_population``; a population is
  never guessed;
- ``borda``: the preference score. A DVO may put its seven in order; place ``p`` (1 = most preferred) of seven
  scores ``8 - p`` points (so 7 for the first, 1 for the seventh). A choice without an order scores nothing: the
  Borda score says only what the orders say, and ``ordered_count`` tells how many DVOs gave one;
- ``share`` and ``reaches_majority``: the share of ALL DVOs (not only those that chose already) that chose it, and
  whether that share is an "overwhelming majority" at the process's threshold (the one rule:
  planning.majority.reaches_majority, so that two thirds meets 66.67%);
- ``rank``: 1 .. number of priorities, a total order by the written tie-break rule TIE_BREAK_RULE:
  (1) more DVOs, (2) more inhabitants represented, (3) a higher Borda score, (4) the lower position on the long
  list. Positions on a long list are distinct; should two ever share one, the priority entered first goes first,
  so that the order is total whatever the data.
- ``tie_break``: where the priority had as many DVOs as the one ranked just above it, the criterion that decided
  between them (INHABITANTS, BORDA or POSITION); None when the number of DVOs alone decided.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from planning.majority import reaches_majority

CHOICES_PER_BALLOT = 7

# The criteria of the ranking, in the order in which they are applied.
DVOS = "dvos"
INHABITANTS = "inhabitants"
BORDA = "borda"
POSITION = "position"
TIE_BREAK_ORDER = (DVOS, INHABITANTS, BORDA, POSITION)


@dataclass(frozen=True)
class PriorityInput:
    id: int
    title: str
    position: int


@dataclass(frozen=True)
class DistrictInput:
    """A DVO and what it represents: its municipalities, their known inhabitants, the names of those unknown."""

    id: int
    code: str
    name: str = ""
    municipalities: int = 0
    inhabitants: int = 0
    unknown_population: tuple[str, ...] = ()


@dataclass(frozen=True)
class BallotInput:
    """One DVO's choice: (priority id, preference or None) per chosen priority."""

    district_id: int
    choices: tuple[tuple[int, int | None], ...]


@dataclass
class PriorityResult:
    priority: PriorityInput
    dvo_count: int = 0
    district_ids: list[int] = field(default_factory=list)
    municipalities: int = 0
    inhabitants: int = 0
    unknown_population: list[str] = field(default_factory=list)
    borda: int = 0
    ordered_count: int = 0
    share: Decimal = Decimal(0)
    reaches_majority: bool = False
    rank: int = 0
    tie_break: str | None = None  # the criterion that put it below the one ranked just above, if DVOs were equal

    @property
    def sort_key(self) -> tuple:
        """The written rule as a key: ascending sort gives the ranking."""
        return (-self.dvo_count, -self.inhabitants, -self.borda, self.priority.position, self.priority.id)


@dataclass(frozen=True)
class MatrixCell:
    chosen: bool
    preference: int | None = None


@dataclass
class MatrixRow:
    """One ranked priority with, per DVO (in district order), whether and at which place that DVO chose it."""

    result: PriorityResult
    cells: list[MatrixCell]


@dataclass
class Tally:
    results: list[PriorityResult]  # ranked: results[0] has rank 1
    districts: list[DistrictInput]
    voted_district_ids: frozenset[int]
    ballot_count: int
    dvo_total: int
    threshold: Decimal
    matrix: list[MatrixRow]

    @property
    def total_choices(self) -> int:
        return sum(result.dvo_count for result in self.results)

    @property
    def has_ties_broken(self) -> bool:
        return any(result.tie_break for result in self.results)

    @property
    def has_orders(self) -> bool:
        return any(result.ordered_count for result in self.results)

    def rank_of(self, priority_id: int) -> int | None:
        for result in self.results:
            if result.priority.id == priority_id:
                return result.rank
        return None


def borda_points(preference: int | None, choices_per_ballot: int = CHOICES_PER_BALLOT) -> int:
    """Place ``p`` of seven scores ``8 - p``; no place (or one outside 1..7) scores nothing."""
    if preference is None or not 1 <= preference <= choices_per_ballot:
        return 0
    return choices_per_ballot + 1 - preference


def deciding_criterion(upper: PriorityResult, lower: PriorityResult) -> str:
    """The first criterion of the written rule on which two priorities differ (POSITION when only the id does)."""
    if upper.dvo_count != lower.dvo_count:
        return DVOS
    if upper.inhabitants != lower.inhabitants:
        return INHABITANTS
    if upper.borda != lower.borda:
        return BORDA
    return POSITION


def tally(
    priorities: Iterable[PriorityInput],
    districts: Sequence[DistrictInput],
    ballots: Iterable[BallotInput],
    *,
    threshold: Decimal,
    choices_per_ballot: int = CHOICES_PER_BALLOT,
) -> Tally:
    """Count the ballots, rank the priorities by the written rule and build the DVO x priority matrix.

    Choices of a priority that is not in ``priorities`` are ignored (the services never store them). The result
    does not depend on the order of ``ballots``. ``dvo_total`` (the denominator of the share) is the number of
    ``districts``: a DVO that has not chosen has not marked anything as a priority.
    """
    by_id = {priority.id: PriorityResult(priority=priority) for priority in priorities}
    district_by_id = {district.id: district for district in districts}
    chosen: dict[tuple[int, int], int | None] = {}  # (district id, priority id) -> preference
    voted: set[int] = set()
    ballot_count = 0

    for ballot in ballots:
        ballot_count += 1
        voted.add(ballot.district_id)
        district = district_by_id.get(ballot.district_id)
        for priority_id, preference in ballot.choices:
            result = by_id.get(priority_id)
            if result is None:
                continue
            chosen[(ballot.district_id, priority_id)] = preference
            result.dvo_count += 1
            result.district_ids.append(ballot.district_id)
            points = borda_points(preference, choices_per_ballot)
            if points:
                result.borda += points
                result.ordered_count += 1
            if district is not None:
                result.municipalities += district.municipalities
                result.inhabitants += district.inhabitants
                result.unknown_population.extend(district.unknown_population)

    dvo_total = len(districts)
    for result in by_id.values():
        result.district_ids.sort()
        result.unknown_population.sort()
        result.share = (Decimal(100) * result.dvo_count / dvo_total) if dvo_total else Decimal(0)
        result.reaches_majority = reaches_majority(result.dvo_count, dvo_total, threshold)

    ranked = sorted(by_id.values(), key=lambda result: result.sort_key)
    for index, result in enumerate(ranked):
        result.rank = index + 1
        if index:
            criterion = deciding_criterion(ranked[index - 1], result)
            result.tie_break = None if criterion == DVOS else criterion

    matrix = [
        MatrixRow(
            result=result,
            cells=[
                MatrixCell(chosen=True, preference=chosen[(district.id, result.priority.id)])
                if (district.id, result.priority.id) in chosen
                else MatrixCell(chosen=False)
                for district in districts
            ],
        )
        for result in ranked
    ]
    return Tally(
        results=ranked,
        districts=list(districts),
        voted_district_ids=frozenset(voted),
        ballot_count=ballot_count,
        dvo_total=dvo_total,
        threshold=threshold,
        matrix=matrix,
    )


def passed_over(ranked: Sequence[PriorityResult], chosen_ids: Iterable[int]) -> list[PriorityResult]:
    """The priorities ranked higher than at least one chosen priority but not chosen themselves, in rank order.

    These are the ones for which the BBG must record why it passed them over."""
    chosen_ids = set(chosen_ids)
    ranks = [result.rank for result in ranked if result.priority.id in chosen_ids]
    if not ranks:
        return []
    lowest = max(ranks)
    return [result for result in ranked if result.rank < lowest and result.priority.id not in chosen_ids]


# Words for the page, the exports and the PDF (lazy: nothing here needs a request or the database).
TIE_BREAK_LABELS = {
    DVOS: _("meer DVO's"),
    INHABITANTS: _("meer vertegenwoordigde inwoners"),
    BORDA: _("hogere voorkeursscore (Borda)"),
    POSITION: _("hogere plaats op de lange lijst"),
}

TIE_BREAK_RULE = _(
    "Volgorde: (1) meer DVO's die de prioriteit kozen; bij gelijke stand (2) meer inwoners in de gemeenten die "
    "deze DVO's vertegenwoordigen; dan (3) een hogere voorkeursscore (Borda); dan (4) de hogere plaats op de "
    "lange lijst (een lager volgnummer eerst)."
)

BORDA_RULE = _(
    "Voorkeursscore (Borda): een DVO kan zijn zeven keuzes op volgorde zetten; plaats 1 levert 7 punten op, "
    "plaats 2 levert 6 punten, en zo verder tot plaats 7 met 1 punt. Een keuze zonder volgorde levert geen punten op."
)
