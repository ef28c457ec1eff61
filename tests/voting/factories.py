"""Factories of the voting app, and a frozen long list to vote on.

Objects are stored directly, bypassing the services (for set-up only); tests of the rules call the services.
"""

import datetime
import zoneinfo

import factory
from django.utils import timezone

from planning.models import District
from priorities.models import LongList, Priority
from tests.accounts.factories import UserFactory
from tests.planning.factories import StrategyProcessFactory
from tests.priorities.factories import PriorityFactory
from voting.models import CHOICES_PER_BALLOT, Ballot, BallotChoice, Round, RoundDeadline

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def make_frozen_long_list(process, n: int = 10) -> list[Priority]:
    """Give ``process`` a long list of ``n`` priorities, approved by the BBG and sent to the partners."""
    priorities = [
        PriorityFactory(process=process, title=f"Prioriteit {position} {process.slug}", position=position)
        for position in range(1, n + 1)
    ]
    LongList.objects.update_or_create(
        process=process,
        defaults={
            "status": LongList.Status.SENT,
            "approved_on": datetime.date(2018, 3, 22),
            "sent_on": datetime.date(2018, 3, 26),
        },
    )
    return priorities


class RoundFactory(factory.django.DjangoModelFactory):
    """An open round (use status=Round.Status.DRAFT or CLOSED for the others)."""

    class Meta:
        model = Round

    process = factory.SubFactory(StrategyProcessFactory)
    status = Round.Status.OPEN
    choices_required = CHOICES_PER_BALLOT
    opened_at = factory.LazyFunction(timezone.now)


class RoundDeadlineFactory(factory.django.DjangoModelFactory):
    """A deadline at the end of 4 April 2100 by default: far away, so tests without frozen time are open."""

    class Meta:
        model = RoundDeadline
        django_get_or_create = ("round", "district")

    round = factory.SubFactory(RoundFactory)
    district = factory.LazyFunction(lambda: District.objects.order_by("order").first())
    deadline = datetime.datetime(2100, 4, 4, 23, 59, tzinfo=AMSTERDAM)


class BallotFactory(factory.django.DjangoModelFactory):
    """A ballot of ``choices_required`` priorities of the round's process.

    Pass ``priorities=[...]`` to choose them; otherwise the first seven of the process's list are taken (make
    the list first, e.g. with make_frozen_long_list). ``preferences=True`` numbers them 1..7 in order.
    """

    class Meta:
        model = Ballot
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    district = factory.LazyFunction(lambda: District.objects.order_by("order").first())
    submitted_by = factory.LazyAttribute(lambda ballot: UserFactory(role="dvo_secretary", district=ballot.district))
    submitted_at = factory.LazyFunction(timezone.now)
    council_involvement = Ballot.CouncilInvolvement.INFORMED

    @factory.post_generation
    def priorities(ballot, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = list(
                Priority.objects.filter(process_id=ballot.round.process_id).order_by("position", "pk")[
                    : ballot.round.choices_required
                ]
            )
        ballot._chosen = list(extracted)

    @factory.post_generation
    def preferences(ballot, create, extracted, **kwargs):
        if not create:
            return
        BallotChoice.objects.bulk_create(
            BallotChoice(ballot=ballot, priority=priority, preference=(index if extracted else None))
            for index, priority in enumerate(ballot._chosen, start=1)
        )
