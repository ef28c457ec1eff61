import datetime

import factory

from core.dates import Precision
from planning.models import Absence, Action, Body, Membership, Milestone, Person, Phase, StrategyProcess


class StrategyProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategyProcess

    title = factory.Sequence(lambda n: f"Veiligheidsstrategie test {n}")
    short_name = factory.Sequence(lambda n: f"VS test {n}")
    slug = factory.Sequence(lambda n: f"vs-test-{n}")
    period_start_year = 2019
    period_end_year = 2022


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    process = factory.SubFactory(StrategyProcessFactory)
    name = factory.Sequence(lambda n: f"Fase {n}")
    order = factory.Sequence(lambda n: n + 1)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    short_name = factory.Sequence(lambda n: f"Gremium {n}")
    name = factory.LazyAttribute(lambda body: f"{body.short_name} voluit")
    kind = Body.Kind.OTHER


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="nl_NL")
    function = "burgemeester"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone
        skip_postgeneration_save = True

    process = factory.SubFactory(StrategyProcessFactory)
    title = factory.Sequence(lambda n: f"Mijlpaal {n}")
    kind = Milestone.Kind.MEETING
    starts_on = datetime.date(2018, 4, 4)
    ends_on = factory.LazyAttribute(lambda milestone: milestone.starts_on)
    precision = Precision.DAY
    status = Milestone.Status.PLANNED


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    process = factory.SubFactory(StrategyProcessFactory)
    title = factory.Sequence(lambda n: f"Actie {n}")
    due_on = datetime.date(2018, 3, 31)


class AbsenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Absence

    person = factory.SubFactory(PersonFactory)
    starts_on = datetime.date(2018, 6, 7)
    ends_on = factory.LazyAttribute(lambda absence: absence.starts_on)
    reason = "vakantie"
