import factory

from planning.models import District, Municipality
from priorities.models import Criterion, CriterionAssessment, Outcome, PartnerRole, Priority, Urgency
from scan.models import MunicipalPlan, PlanTheme, Source, Theme
from tests.planning.factories import StrategyProcessFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Thema {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """An extra, fictional municipality (the real 78 come from the reference-data migration)."""

    class Meta:
        model = Municipality

    district = factory.LazyFunction(lambda: District.objects.order_by("order").first())
    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"T{n:05d}")
    population = 10_000


class MunicipalPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MunicipalPlan

    process = factory.SubFactory(StrategyProcessFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.LazyAttribute(lambda plan: f"IVP {plan.municipality.name}")


class PlanThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTheme

    plan = factory.SubFactory(MunicipalPlanFactory)
    theme = factory.SubFactory(ThemeFactory)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    process = factory.SubFactory(StrategyProcessFactory)
    title = factory.Sequence(lambda n: f"Bron {n}")
    confidentiality = Source.Confidentiality.INTERNAL


class PriorityFactory(factory.django.DjangoModelFactory):
    """A priority stored directly, bypassing the services (for set-up only)."""

    class Meta:
        model = Priority

    process = factory.SubFactory(StrategyProcessFactory)
    title = factory.Sequence(lambda n: f"Prioriteit {n}")
    description = "Omschrijving"
    urgency = Urgency.URGENT
    position = factory.Sequence(lambda n: n + 1)


class PartnerRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerRole

    priority = factory.SubFactory(PriorityFactory)
    partner = PartnerRole.Partner.POLICE
    role = PartnerRole.Role.LEAD


class CriterionAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriterionAssessment

    priority = factory.SubFactory(PriorityFactory)
    criterion = Criterion.MORE_THAN_REGULAR
    outcome = Outcome.MET
    justification = "Vraagt om een gezamenlijke aanpak."
