"""The proposal's API shapes. Writes go through proposal/services.py (core.api.service_call)."""

from django.urls import reverse
from rest_framework import serializers

from core.api import absolute_url

from .models import CostItem, Funding, Proposal, ProposalDecision, ProposalVersion
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


class AdoptSerializer(serializers.Serializer):
    rvo_on = serializers.DateField()
    board_adopted_on = serializers.DateField()


class KeyPopulationSerializer(serializers.Serializer):
    municipality = serializers.CharField(max_length=100, help_text="De naam van de gemeente.")
    population = serializers.IntegerField(min_value=1, max_value=10_000_000)
    population_source = serializers.CharField(max_length=200)


class KeyExclusionSerializer(serializers.Serializer):
    municipality = serializers.CharField(max_length=100, help_text="De naam van de gemeente.")
    reason = serializers.CharField(max_length=500)


class VersionInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=10_000, required=False, allow_blank=True)


class ProposalVersionSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    created_by = serializers.StringRelatedField(read_only=True)
    pdf_url = serializers.SerializerMethodField()
    docx_url = serializers.SerializerMethodField()

    class Meta:
        model = ProposalVersion
        fields = ["label", "status", "fingerprint", "note", "created_at", "created_by", "pdf_url", "docx_url"]

    def _url(self, version, name: str) -> str:
        path = reverse(name, kwargs={"slug": version.proposal.process.slug, "label": version.label})
        return absolute_url(self.context.get("request"), path)

    def get_pdf_url(self, version) -> str:
        return self._url(version, "proposal:version_pdf")

    def get_docx_url(self, version) -> str:
        return self._url(version, "proposal:version_docx")


class ProposalCreateSerializer(serializers.Serializer):
    process = serializers.SlugField(max_length=50, help_text="De adresnaam van het proces.")
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)


class ProposalUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    introduction = serializers.CharField(max_length=50_000, required=False, allow_blank=True)
    key_method = serializers.ChoiceField(choices=Proposal.KeyMethod.choices, required=False)
    fixed_amount = serializers.DecimalField(**AMOUNT, required=False)


class PlanUpdateSerializer(serializers.Serializer):
    lead_partner = serializers.CharField(max_length=20, required=False, allow_blank=True)
    lead_partner_other = serializers.CharField(max_length=200, required=False, allow_blank=True)
    programme_team = serializers.CharField(max_length=500, required=False, allow_blank=True)
    partner_roles = serializers.CharField(max_length=5_000, required=False, allow_blank=True)
