"""Set-up for the tests of the result and the BBG decision, on top of tests/voting/factories.py.

Ballots are stored directly (bypassing ballot_submit) so that a test can say exactly who chose what, in which
order.
"""

from django.utils import timezone

from planning.models import Body, District, Municipality
from tests.accounts.factories import UserFactory
from tests.planning.factories import MilestoneFactory
from tests.voting.factories import RoundFactory, make_frozen_long_list
from voting.models import Ballot, BallotChoice, Round


def cast(round: Round, district: District, priorities, preferences=None, *, by=None) -> Ballot:
    """Store ``district``'s ballot: ``priorities`` in order; ``preferences`` a list of places (or None) per priority,
    or True to number them 1..n, or None for no order at all."""
    ballot = Ballot.objects.create(
        round=round,
        district=district,
        submitted_by=by or UserFactory(role="dvo_secretary", district=district),
        submitted_at=timezone.now(),
    )
    if preferences is True:
        preferences = list(range(1, len(priorities) + 1))
    preferences = preferences or [None] * len(priorities)
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, priority=priority, preference=preference)
        for priority, preference in zip(priorities, preferences, strict=True)
    )
    return ballot


def open_round_with_list(process, *, status=Round.Status.OPEN):
    """A round of ``process`` over a frozen long list of ten; returns (round, priorities by position 1..10)."""
    priorities = make_frozen_long_list(process)
    round = RoundFactory(process=process, status=status)
    return round, priorities


def close(round: Round) -> Round:
    round.status = Round.Status.CLOSED
    round.closed_at = timezone.now()
    round.save(update_fields=["status", "closed_at"])
    return round


def bbg_meeting(process, **kwargs):
    body = Body.objects.get(kind=Body.Kind.STEERING_GROUP)
    return MilestoneFactory(process=process, body=body, title="BBG bepaalt top vijf", **kwargs)


def add_districts(count: int, *, start: int = 100) -> list[District]:
    """Extra, fictional districts each with two municipalities (for the query-count tests)."""
    districts = []
    for index in range(start, start + count):
        district = District.objects.create(code=f"X{index}", name=f"Testdistrict {index}", order=index)
        Municipality.objects.bulk_create(
            Municipality(district=district, name=f"Gemeente {index}-{n}", cbs_code=f"X{index:03d}{n}", population=1000)
            for n in range(2)
        )
        districts.append(district)
    return districts
