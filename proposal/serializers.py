"""The proposal's API shapes. Writes go through proposal/services.py (core.api.service_call)."""

from rest_framework import serializers

from .models import CostItem, Funding, Proposal, ProposalDecision
from .selectors import coverage, key_result, period_years, plans_of

AMOUNT = {"max_digits": 12, "decimal_places": 2, "min_value": 0}


class CostItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = CostItem
        fields = ["id", "year", "description", "amount"]
        extra_kwargs = {"description": {"max_length": 200}, "amount": {"min_value": 0}}


class FundingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Funding
        fields = ["id", "year", "source", "source_other", "amount"]
        extra_kwargs = {"source_other": {"max_length": 200}, "amount": {"min_value": 0}}


class ProposalDecisionSerializer(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    municipality = serializers.CharField(source="municipality.name", read_only=True, default=None, allow_null=True)

    class Meta:
        model = ProposalDecision
        fields = ["id", "body", "district", "municipality", "outcome", "decided_on", "conditions"]


class DecisionInputSerializer(serializers.Serializer):
    district = serializers.CharField(max_length=8, required=False, help_text="De code van het district (DVO).")
    municipality = serializers.CharField(max_length=100, required=False, help_text="De naam van de gemeente.")
    outcome = serializers.ChoiceField(choices=ProposalDecision.Outcome.choices)
    decided_on = serializers.DateField()
    conditions = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class OfferSerializer(serializers.Serializer):
    offered_on = serializers.DateField()


def _money(value) -> str:
    return f"{value:.2f}"


class ProposalSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    plans = serializers.SerializerMethodField()
    key = serializers.SerializerMethodField()
    decisions = ProposalDecisionSerializer(many=True, read_only=True)

    class Meta:
        model = Proposal
        fields = ["id", "process", "title", "status", "key_method", "fixed_amount", "offered_on", "rvo_on",
                  "board_adopted_on", "plans", "key", "decisions"]  # fmt: skip

    def get_plans(self, proposal) -> list[dict]:
        years = period_years(proposal)
        result = []
        for plan in plans_of(proposal):
            check = coverage(plan, years)
            result.append({
                "id": plan.pk, "goal": plan.goal.title, "lead_partner": plan.lead_display,
                "programme_team": plan.programme_team,
                "costs": CostItemSerializer(plan.costs.all(), many=True).data,
                "funding": FundingSerializer(plan.funding.all(), many=True).data,
                "coverage": [{"year": y.year, "cost": _money(y.cost), "funding": _money(y.funding),
                              "shortfall": _money(y.shortfall), "covered": y.covered} for y in check.years],
            })  # fmt: skip
        return result

    def get_key(self, proposal) -> dict:
        result = key_result(proposal)
        return {
            "method": result.method,
            "refusal": {"code": result.refusal_code, "message": result.refusal} if result.refusal else None,
            "share_by_year": {str(year): _money(amount) for year, amount in result.share_by_year.items()},
            "excluded": [{"municipality": row.municipality.name, "reason": row.reason} for row in result.excluded],
            "entered": [{"municipality": row.municipality.name, "population": row.population,
                         "source": row.population_source} for row in result.entered],
            "municipalities": [{"municipality": row.municipality.name, "population": row.population,
                                "shares": {str(y): _money(a) for y, a in row.shares.items()},
                                "total": _money(row.total)} for row in result.rows],
        }  # fmt: skip


class GoalPlanSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    goal = serializers.CharField(source="goal.title")
    lead_partner = serializers.CharField(source="lead_display")
    programme_team = serializers.CharField()
    costs = CostItemSerializer(many=True)
    funding = FundingSerializer(many=True)
