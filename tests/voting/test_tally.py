"""Property-based tests of voting/tally.py: the counts, the ranking's written tie-break rule, independence of the
order in which ballots arrived, and Borda from ordered choices only. No database."""

import itertools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from planning.majority import reaches_majority
from voting.tally import (
    BORDA,
    DVOS,
    INHABITANTS,
    POSITION,
    BallotInput,
    DistrictInput,
    PriorityInput,
    borda_points,
    passed_over,
    tally,
)

SEVEN = 7


@st.composite
def elections(draw, *, ordered: str = "any"):
    """A long list of 7..10 priorities, 1..8 districts and a ballot of seven distinct priorities from some of them.

    ``ordered``: "any" (each ballot fully, partly or not ordered), "none" (no orders at all)."""
    n_priorities = draw(st.integers(min_value=SEVEN, max_value=10))
    positions = draw(st.permutations(range(1, n_priorities + 1)))
    priorities = [
        PriorityInput(id=100 + index, title=f"P{index}", position=position) for index, position in enumerate(positions)
    ]
    n_districts = draw(st.integers(min_value=1, max_value=8))
    districts = []
    for index in range(n_districts):
        unknown = draw(st.lists(st.sampled_from(["Lingewaal", "Neerijnen", "Geldermalsen"]), max_size=2, unique=True))
        districts.append(
            DistrictInput(
                id=10 + index,
                code=f"D{index}",
                municipalities=draw(st.integers(min_value=len(unknown), max_value=30)),
                # Small ranges make equal inhabitants (and so ties broken further down) likely.
                inhabitants=draw(st.sampled_from([0, 100_000, 250_000, draw(st.integers(0, 900_000))])),
                unknown_population=tuple(unknown),
            )
        )
    voters = draw(st.lists(st.sampled_from(districts), unique_by=lambda d: d.id, max_size=n_districts))
    ballots = []
    for district in voters:
        chosen = draw(st.permutations(priorities))[:SEVEN]
        if ordered == "none":
            preferences = [None] * SEVEN
        else:
            kind = draw(st.sampled_from(["full", "none", "partial"]))
            if kind == "full":
                preferences = list(draw(st.permutations(range(1, SEVEN + 1))))
            elif kind == "none":
                preferences = [None] * SEVEN
            else:
                places = draw(st.permutations(range(1, SEVEN + 1)))
                given_mask = draw(st.lists(st.booleans(), min_size=SEVEN, max_size=SEVEN))
                preferences = [place if keep else None for place, keep in zip(places, given_mask, strict=True)]
        ballots.append(
            BallotInput(
                district_id=district.id,
                choices=tuple((p.id, pref) for p, pref in zip(chosen, preferences, strict=True)),
            )
        )
    threshold = draw(st.sampled_from([Decimal("50"), Decimal("66.67"), Decimal("80"), Decimal("100")]))
    return priorities, districts, ballots, threshold


def ranks_before(a, b) -> bool:
    """The tie-break rule as written on the page, applied to two results: does ``a`` go before ``b``?"""
    if a.dvo_count != b.dvo_count:
        return a.dvo_count > b.dvo_count
    if a.inhabitants != b.inhabitants:
        return a.inhabitants > b.inhabitants
    if a.borda != b.borda:
        return a.borda > b.borda
    return a.priority.position < b.priority.position


def summary(result):
    return [
        (r.priority.id, r.rank, r.dvo_count, r.inhabitants, r.borda, r.municipalities, r.tie_break)
        for r in result.results
    ]


@settings(max_examples=300, deadline=None)
@given(elections())
def test_counts_add_up_to_seven_times_the_ballots(election):
    priorities, districts, ballots, threshold = election
    result = tally(priorities, districts, ballots, threshold=threshold)
    assert sum(r.dvo_count for r in result.results) == SEVEN * len(ballots)
    assert result.total_choices == SEVEN * len(ballots)
    assert result.ballot_count == len(ballots)
    assert all(0 <= r.dvo_count <= len(districts) for r in result.results)
    # The matrix says the same, cell by cell.
    assert sum(cell.chosen for row in result.matrix for cell in row.cells) == SEVEN * len(ballots)
    for row in result.matrix:
        assert sum(cell.chosen for cell in row.cells) == row.result.dvo_count


@settings(max_examples=300, deadline=None)
@given(elections())
def test_ranking_is_a_total_order_following_the_written_rule(election):
    priorities, districts, ballots, threshold = election
    result = tally(priorities, districts, ballots, threshold=threshold)
    ranked = result.results
    assert sorted(r.priority.id for r in ranked) == sorted(p.id for p in priorities)
    assert [r.rank for r in ranked] == list(range(1, len(priorities) + 1))
    for i, a in enumerate(ranked):
        for b in ranked[i + 1 :]:
            assert ranks_before(a, b), (a, b)
            assert not ranks_before(b, a)


@settings(max_examples=300, deadline=None)
@given(elections())
def test_a_broken_tie_names_the_deciding_criterion(election):
    priorities, districts, ballots, threshold = election
    ranked = tally(priorities, districts, ballots, threshold=threshold).results
    assert ranked[0].tie_break is None
    for above, row in itertools.pairwise(ranked):
        if above.dvo_count != row.dvo_count:
            assert row.tie_break is None
        elif above.inhabitants != row.inhabitants:
            assert row.tie_break == INHABITANTS
        elif above.borda != row.borda:
            assert row.tie_break == BORDA
        else:
            assert row.tie_break == POSITION
        assert row.tie_break != DVOS


@settings(max_examples=200, deadline=None)
@given(elections(), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_the_order_of_arrival(election, random):
    priorities, districts, ballots, threshold = election
    shuffled = list(ballots)
    random.shuffle(shuffled)
    # Choices within a ballot may arrive in any order too.
    shuffled = [BallotInput(b.district_id, tuple(random.sample(b.choices, len(b.choices)))) for b in shuffled]
    first = tally(priorities, districts, ballots, threshold=threshold)
    second = tally(list(reversed(priorities)), districts, shuffled, threshold=threshold)
    assert summary(first) == summary(second)
    assert [row.cells for row in first.matrix] == [row.cells for row in second.matrix]


@settings(max_examples=300, deadline=None)
@given(elections())
def test_borda_comes_from_ordered_choices_only(election):
    priorities, districts, ballots, threshold = election
    result = tally(priorities, districts, ballots, threshold=threshold)
    for r in result.results:
        expected = sum(
            8 - preference
            for ballot in ballots
            for priority_id, preference in ballot.choices
            if priority_id == r.priority.id and preference is not None
        )
        ordered = sum(
            1
            for ballot in ballots
            for priority_id, preference in ballot.choices
            if priority_id == r.priority.id and preference is not None
        )
        assert r.borda == expected
        assert r.ordered_count == ordered


@settings(max_examples=150, deadline=None)
@given(elections(ordered="none"))
def test_without_any_order_every_borda_score_is_zero(election):
    priorities, districts, ballots, threshold = election
    result = tally(priorities, districts, ballots, threshold=threshold)
    assert all(r.borda == 0 and r.ordered_count == 0 for r in result.results)
    assert not result.has_orders


@settings(max_examples=300, deadline=None)
@given(elections())
def test_inhabitants_municipalities_and_majority(election):
    priorities, districts, ballots, threshold = election
    result = tally(priorities, districts, ballots, threshold=threshold)
    by_id = {d.id: d for d in districts}
    for r in result.results:
        choosers = [b.district_id for b in ballots if any(pid == r.priority.id for pid, _ in b.choices)]
        assert sorted(r.district_ids) == sorted(choosers)
        assert r.inhabitants == sum(by_id[d].inhabitants for d in choosers)
        assert r.municipalities == sum(by_id[d].municipalities for d in choosers)
        assert sorted(r.unknown_population) == sorted(n for d in choosers for n in by_id[d].unknown_population)
        assert r.reaches_majority == reaches_majority(r.dvo_count, len(districts), threshold)


def test_borda_points_are_eight_minus_the_place():
    assert [borda_points(place) for place in range(1, 8)] == [7, 6, 5, 4, 3, 2, 1]
    assert borda_points(None) == 0
    assert borda_points(8) == 0


def _priorities(n=10):
    return [PriorityInput(id=i, title=f"P{i}", position=i) for i in range(1, n + 1)]


def test_ties_broken_by_borda_then_by_position():
    priorities = _priorities()
    big = DistrictInput(id=1, code="BIG", municipalities=10, inhabitants=500_000)
    small = DistrictInput(id=2, code="SMALL", municipalities=3, inhabitants=50_000)
    same = DistrictInput(id=3, code="SAME", municipalities=3, inhabitants=50_000)
    ballots = [
        BallotInput(1, tuple((i, i) for i in range(1, 8))),  # P1..P7 in order: 7, 6, ..., 1 points
        BallotInput(2, tuple((i, None) for i in range(4, 11))),  # P4..P10 without order: no points
        BallotInput(3, tuple((i, 11 - i) for i in range(4, 11))),  # P4..P10 reversed: P4 1 point ... P10 7 points
    ]
    result = tally(priorities, [big, small, same], ballots, threshold=Decimal("66.67"))
    by_id = {r.priority.id: r for r in result.results}

    # P4..P7: three DVOs, 600,000 inhabitants and 5 points each: the long list decides.
    assert [by_id[i].borda for i in (4, 5, 6, 7)] == [5, 5, 5, 5]
    # P8..P10: two DVOs, 100,000 inhabitants; Borda 5, 6, 7 decides. P1..P3: one DVO; Borda 7, 6, 5.
    assert [r.priority.id for r in result.results] == [4, 5, 6, 7, 10, 9, 8, 1, 2, 3]
    assert [r.tie_break for r in result.results] == [
        None,
        POSITION,
        POSITION,
        POSITION,
        None,
        BORDA,
        BORDA,
        None,
        BORDA,
        BORDA,
    ]
    assert all(r.reaches_majority for r in result.results[:4])
    # 2 of 3 DVOs is two thirds: an overwhelming majority at 66.67%, as two thirds of the municipalities is in the
    # scan (planning.majority, the one rule).
    assert by_id[10].reaches_majority
    assert result.has_ties_broken


def test_tie_broken_by_inhabitants_with_unknown_populations_left_out():
    priorities = _priorities(8)
    north = DistrictInput(id=1, code="N", municipalities=4, inhabitants=300_000, unknown_population=("Lingewaal",))
    south = DistrictInput(id=2, code="S", municipalities=2, inhabitants=200_000)
    ballots = [
        BallotInput(1, tuple((i, None) for i in range(1, 8))),  # P1..P7
        BallotInput(2, tuple((i, None) for i in range(2, 9))),  # P2..P8
    ]
    result = tally(priorities, [north, south], ballots, threshold=Decimal("50"))
    assert [r.priority.id for r in result.results] == [2, 3, 4, 5, 6, 7, 1, 8]
    p1 = result.results[6]
    assert (p1.dvo_count, p1.inhabitants, p1.municipalities, p1.unknown_population) == (1, 300_000, 4, ["Lingewaal"])
    assert p1.tie_break is None
    assert result.results[7].tie_break == INHABITANTS  # P8: one DVO like P1, but 200,000 < 300,000
    assert result.results[1].tie_break == POSITION


def test_passed_over_lists_the_higher_ranked_not_chosen():
    priorities = _priorities(7)
    district = DistrictInput(id=1, code="A")
    ballots = [BallotInput(1, tuple((i, i) for i in range(1, 8)))]
    ranked = tally(priorities, [district], ballots, threshold=Decimal("50")).results
    assert [r.priority.id for r in passed_over(ranked, [1, 2, 3, 4, 6])] == [5]
    assert passed_over(ranked, [1, 2, 3, 4, 5]) == []
    assert [r.priority.id for r in passed_over(ranked, [3, 4, 5, 6, 7])] == [1, 2]
