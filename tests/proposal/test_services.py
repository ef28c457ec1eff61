"""The proposal's rules: a plan per adopted goal, budget lines inside the period and not negative, the coverage
check per year, the key refusing unknown populations until they are entered or excluded (and saying which), the
sums exact to the cent for every method, and the decisions of the DVOs and Colleges after the BBG's offer."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from planning.models import District, Municipality
from proposal import services
from proposal.models import Funding, Proposal
from proposal.selectors import coverage, key_result, period_years, plans_of

pytestmark = pytest.mark.django_db

MERGED = ["Geldermalsen", "Lingewaal", "Neerijnen"]


def codes(error):
    error = error.value
    if hasattr(error, "error_dict"):
        return [item.code for items in error.error_dict.values() for item in items]
    return [item.code for item in error.error_list]


def fund(plan, staff, year, amount, source=Funding.Source.MUNICIPALITIES):
    return services.funding_add(plan=plan, user=staff, year=year, source=source, amount=amount)


def handle_merged(proposal, staff):
    for name in MERGED:
        services.key_municipality_exclude(
            proposal=proposal,
            user=staff,
            municipality=Municipality.objects.get(name=name),
            reason="Per 1 januari 2019 opgegaan in West Betuwe",
        )


def test_a_plan_per_adopted_goal(proposal, adopted_goals):
    assert [plan.goal for plan in plans_of(proposal)] == adopted_goals
    assert proposal.title == "Organisatorisch en financieel voorstel 2019-2022"


def test_no_proposal_without_adopted_goals(process, staff):
    with pytest.raises(ValidationError) as error:
        services.proposal_create(process=process, user=staff)
    assert codes(error) == ["proposal_no_adopted_goals"]


def test_only_staff_write(plan, secretary, bbg_member):
    for user in (secretary, bbg_member):
        with pytest.raises(PermissionDenied):
            services.cost_item_add(plan=plan, user=user, year=2019, description="Projectleider", amount="1")


@pytest.mark.parametrize(
    ("year", "amount", "code"),
    [
        (2018, "100", "proposal_year_outside_period"),
        (2023, "100", "proposal_year_outside_period"),
        (2019, "-1", "proposal_amount_negative"),
        (2019, "veel", "proposal_amount_invalid"),
        (2019, "99999999999", "proposal_amount_too_large"),
    ],
)
def test_bad_budget_lines_are_refused(plan, staff, year, amount, code):
    with pytest.raises(ValidationError) as error:
        services.cost_item_add(plan=plan, user=staff, year=year, description="Projectleider", amount=amount)
    assert codes(error) == [code]
    assert not plan.costs.exists()


def test_funding_other_names_its_source(plan, staff):
    with pytest.raises(ValidationError) as error:
        services.funding_add(plan=plan, user=staff, year=2019, source="other", amount="10")
    assert codes(error) == ["proposal_source_other_missing"]


def test_the_coverage_check_warns_per_year(plan, staff):
    services.cost_item_add(plan=plan, user=staff, year=2019, description="Projectleider", amount="80000")
    services.cost_item_add(plan=plan, user=staff, year=2020, description="Projectleider", amount="80000")
    fund(plan, staff, 2019, "50000")
    fund(plan, staff, 2019, "30000", Funding.Source.POLICE)
    fund(plan, staff, 2020, "60000")
    [plan] = [p for p in plans_of(plan.proposal) if p.pk == plan.pk]
    result = coverage(plan, period_years(plan.proposal))
    by_year = {row.year: row for row in result.years}
    assert by_year[2019].covered
    assert by_year[2019].shortfall == 0
    assert not by_year[2020].covered
    assert by_year[2020].shortfall == Decimal("20000.00")
    assert [row.year for row in result.warnings] == [2020]


def test_the_key_refuses_unknown_populations_until_handled(proposal, plan, staff):
    fund(plan, staff, 2019, "100000.00")
    result = key_result(proposal)
    assert result.refusal_code == "key_population_unknown"
    assert {m.name for m in result.unresolved} == set(MERGED)
    assert all(name in result.refusal for name in MERGED)
    assert not result.rows
    with pytest.raises(ValidationError) as error:
        services.proposal_offer(proposal=proposal, user=staff, offered_on=datetime.date(2019, 4, 10))
    assert codes(error) == ["key_population_unknown"]

    handle_merged(proposal, staff)
    services.key_population_enter(
        proposal=proposal,
        user=staff,
        municipality=Municipality.objects.get(name="Geldermalsen"),
        population=26_700,
        source="CBS, 1 januari 2018",
    )
    result = key_result(proposal)
    assert not result.refusal
    assert [row.municipality.name for row in result.excluded] == ["Lingewaal", "Neerijnen"]
    assert [row.municipality.name for row in result.entered] == ["Geldermalsen"]
    geldermalsen = next(row for row in result.rows if row.municipality.name == "Geldermalsen")
    assert geldermalsen.population == 26_700
    assert "CBS, 1 januari 2018" in geldermalsen.population_note
    assert sum(row.shares[2019] for row in result.rows) == Decimal("100000.00")


def test_an_exclusion_needs_a_reason_and_a_population_its_source(proposal, staff):
    arnhem = Municipality.objects.get(name="Geldermalsen")
    with pytest.raises(ValidationError) as error:
        services.key_municipality_exclude(proposal=proposal, user=staff, municipality=arnhem, reason=" ")
    assert codes(error) == ["key_exclusion_reason_missing"]
    with pytest.raises(ValidationError) as error:
        services.key_population_enter(proposal=proposal, user=staff, municipality=arnhem, population=100, source="")
    assert codes(error) == ["key_population_source_missing"]
    with pytest.raises(ValidationError) as error:
        services.key_population_enter(proposal=proposal, user=staff, municipality=arnhem, population=0, source="CBS")
    assert codes(error) == ["key_population_invalid"]


@pytest.mark.parametrize(("method", "fixed"), [("population", "0"), ("fixed_population", "1000.00"), ("equal", "0")])
def test_every_method_adds_up_to_the_cent(proposal, plan, staff, method, fixed):
    handle_merged(proposal, staff)
    fund(plan, staff, 2019, "123456.78")
    fund(plan, staff, 2020, "100000.01")
    services.proposal_update(proposal=proposal, user=staff, title=proposal.title, key_method=method, fixed_amount=fixed)
    result = key_result(Proposal.objects.get(pk=proposal.pk))
    assert not result.refusal
    assert len(result.rows) == Municipality.objects.count() - 3
    assert sum(row.shares[2019] for row in result.rows) == Decimal("123456.78")
    assert sum(row.shares[2020] for row in result.rows) == Decimal("100000.01")
    assert sum(row.total for row in result.rows) == Decimal("223456.79")
    if method == "fixed_population":
        assert min(row.shares[2019] for row in result.rows) >= Decimal("1000.00")
    if method == "equal":
        assert max(r.shares[2019] for r in result.rows) - min(r.shares[2019] for r in result.rows) <= Decimal("0.01")


def test_a_fixed_part_larger_than_the_share_is_explained(proposal, plan, staff):
    handle_merged(proposal, staff)
    fund(plan, staff, 2019, "1000")
    services.proposal_update(
        proposal=proposal, user=staff, title="x", key_method="fixed_population", fixed_amount="500"
    )
    result = key_result(Proposal.objects.get(pk=proposal.pk))
    assert result.refusal_code == "key_fixed_exceeds_total"


def test_decisions_after_the_offer_and_adoption_freezes(proposal, plan, staff):
    handle_merged(proposal, staff)
    glm = District.objects.get(code="GLM")
    with pytest.raises(ValidationError) as error:
        services.proposal_decision_record(
            proposal=proposal, user=staff, district=glm, outcome="agreed", decided_on=datetime.date(2019, 4, 20)
        )
    assert codes(error) == ["proposal_not_offered"]
    proposal = services.proposal_offer(proposal=proposal, user=staff, offered_on=datetime.date(2019, 4, 10))
    with pytest.raises(ValidationError) as error:
        services.proposal_decision_record(
            proposal=proposal, user=staff, district=glm, outcome="conditions", decided_on=datetime.date(2019, 4, 20)
        )
    assert codes(error) == ["proposal_decision_conditions_missing"]
    decision = services.proposal_decision_record(
        proposal=proposal,
        user=staff,
        district=glm,
        outcome="conditions",
        decided_on=datetime.date(2019, 4, 20),
        conditions="Evaluatie na twee jaar.",
    )
    assert decision.decider == "DVO GLM"
    services.proposal_decision_record(
        proposal=proposal,
        user=staff,
        municipality=Municipality.objects.get(name="Arnhem"),
        outcome="agreed",
        decided_on=datetime.date(2019, 4, 23),
    )
    assert proposal.decisions.count() == 2
    services.proposal_adopt(
        proposal=proposal, user=staff, rvo_on=datetime.date(2019, 5, 2), board_adopted_on=datetime.date(2019, 5, 16)
    )
    with pytest.raises(ValidationError) as error:
        services.cost_item_add(plan=plan, user=staff, year=2019, description="Extra", amount="1")
    assert codes(error) == ["proposal_frozen"]
