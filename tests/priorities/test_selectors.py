from decimal import Decimal

import pytest

from planning.models import Municipality
from priorities import services
from priorities.models import Outcome
from priorities.selectors import MajorityProposal, majority_proposals, priority_municipality_counts
from tests.priorities.factories import MunicipalPlanFactory, PlanThemeFactory, ThemeFactory


def _plans(process, municipalities, *themes):
    for municipality in municipalities:
        plan = MunicipalPlanFactory(process=process, municipality=municipality)
        for theme in themes:
            PlanThemeFactory(plan=plan, theme=theme)


@pytest.mark.django_db
def test_a_municipality_naming_two_of_the_themes_counts_once(process):
    drugs, weapons, other = (ThemeFactory(name=name) for name in ("Drugs", "Wapens", "Overig"))
    municipalities = list(Municipality.objects.order_by("pk")[:12])
    _plans(process, municipalities[:5], drugs, weapons)  # both themes: still 5 municipalities
    _plans(process, municipalities[5:8], weapons)  # 3 more
    _plans(process, municipalities[8:12], other)  # not the priority's themes
    priority = services.priority_create(process=process, title="Ondermijning", themes=[drugs, weapons])
    assert priority_municipality_counts(process, [priority.pk]) == {priority.pk: 8}


@pytest.mark.django_db
def test_plans_of_another_process_do_not_count(process):
    theme = ThemeFactory(name="Cybercrime")
    other_plan = MunicipalPlanFactory(municipality=Municipality.objects.first())
    PlanThemeFactory(plan=other_plan, theme=theme)
    priority = services.priority_create(process=process, title="Cybercrime", themes=[theme])
    proposal = majority_proposals(process, [priority])[priority.pk]
    assert (proposal.municipalities, proposal.total, proposal.outcome) == (0, 78, Outcome.NOT_MET)


@pytest.mark.django_db
def test_the_threshold_comes_from_the_process(process):
    theme = ThemeFactory(name="Jeugd")
    _plans(process, Municipality.objects.order_by("pk")[:60], theme)  # 76.9%
    priority = services.priority_create(process=process, title="Jeugd", themes=[theme])
    assert majority_proposals(process, [priority])[priority.pk].outcome == Outcome.MET
    process.majority_threshold = Decimal("80")
    process.save()
    proposal = majority_proposals(process, [priority])[priority.pk]
    assert proposal.outcome == Outcome.PARTLY
    assert "60 van de 78 gemeenten (76,9%)" in proposal.explanation
    assert "de drempel is 80,00%" in proposal.explanation


@pytest.mark.parametrize(
    ("count", "outcome"),
    [(52, Outcome.MET), (51, Outcome.PARTLY), (40, Outcome.PARTLY), (39, Outcome.NOT_MET), (0, Outcome.NOT_MET)],
)
def test_proposal_boundaries(count, outcome):
    # 52/78 = 66.67%: met at the default threshold; a plain majority (over half) is partly met.
    proposal = MajorityProposal(municipalities=count, total=78, threshold=Decimal("66.67"), has_themes=True)
    assert proposal.outcome == outcome


def test_without_themes_nothing_is_proposed():
    proposal = MajorityProposal(municipalities=0, total=78, threshold=Decimal("66.67"), has_themes=False)
    assert proposal.outcome == Outcome.NOT_MET
    assert "nog geen thema's" in proposal.explanation
