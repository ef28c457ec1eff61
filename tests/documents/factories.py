"""Factories of the documents tests: a confirmed top five, SMART goals, a started document.

Objects are stored directly, bypassing the services (for set-up only); tests of the rules call the services.
"""

import datetime

import factory
from django.utils import timezone

from decisions.models import BbgDecision, DecisionPriority
from documents.models import Document, Goal, GoalPartnerRole
from documents.services import default_prose
from priorities.models import PartnerRole, Urgency
from tests.planning.factories import StrategyProcessFactory
from tests.voting.factories import RoundFactory, make_frozen_long_list
from voting.models import Round


def make_top_five(process, *, confirmed: bool = True):
    """A frozen long list of ten, a closed round and the BBG's top five (the first five), confirmed by default.
    Returns the ten priorities."""
    priorities = make_frozen_long_list(process)
    round = RoundFactory(process=process, status=Round.Status.CLOSED, closed_at=timezone.now())
    decision = BbgDecision.objects.create(
        round=round,
        decided_on=datetime.date(2018, 6, 7),
        confirmed_at=timezone.now() if confirmed else None,
    )
    for position, priority in enumerate(priorities[:5], start=1):
        DecisionPriority.objects.create(
            decision=decision, priority=priority, position=position, ambition=f"Ambitie bij {priority.title}"
        )
        PartnerRole.objects.create(priority=priority, partner=PartnerRole.Partner.POLICE, role=PartnerRole.Role.LEAD)
    return priorities


class GoalFactory(factory.django.DjangoModelFactory):
    """A SMART goal (its check is clean once its priority is in the confirmed top five and it has a role)."""

    class Meta:
        model = Goal
        skip_postgeneration_save = True

    process = factory.SubFactory(StrategyProcessFactory)
    priority = None
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Doelstelling {n}")
    description = "Minder woninginbraken door een gezamenlijke aanpak van politie en gemeenten."
    indicator = "Aantal aangiften van woninginbraak"
    baseline_value = "4.200 aangiften"
    baseline_date = datetime.date(2018, 1, 1)
    target_value = "3.500 aangiften"
    target_date = datetime.date(2022, 12, 31)
    deadline = datetime.date(2022, 6, 30)
    owner = PartnerRole.Partner.POLICE
    urgency = Urgency.URGENT
    organisation = "Een regionale projectleider."
    financing_amount = "125000.00"
    financing_source = "Bijdrage gemeenten"

    @factory.post_generation
    def roles(goal, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = [("municipalities", "", "Voeren de regie op de buurtaanpak")]
        for partner, other, role in extracted:
            GoalPartnerRole.objects.create(goal=goal, partner=partner, partner_other=other, role=role)


def make_document(process, **fields) -> Document:
    values = {"title": f"Veiligheidsstrategie en Meerjarenbeleidsplan {process.period_display}"}
    values.update(default_prose(process))
    values.update(fields)
    return Document.objects.create(process=process, **values)
