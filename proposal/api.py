"""The REST API of the organisational and financial proposal. The same rules as the pages: every role reads
(with the coverage check and the key per municipality), programme staff write; refusals are a 400 with the stable
code and the Dutch message."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from core.api import service_call
from planning.models import District, Municipality, StrategyProcess

from . import services
from .models import CostItem, Funding, GoalPlan, Proposal
from .serializers import (
    AdoptSerializer,
    CostItemSerializer,
    DecisionInputSerializer,
    FundingSerializer,
    GoalPlanSerializer,
    KeyExclusionSerializer,
    KeyPopulationSerializer,
    OfferSerializer,
    PlanUpdateSerializer,
    ProposalCreateSerializer,
    ProposalDecisionSerializer,
    ProposalSerializer,
    ProposalUpdateSerializer,
    ProposalVersionSerializer,
    VersionInputSerializer,
)

AMOUNT_CODES = ("proposal_amount_invalid", "proposal_amount_negative", "proposal_amount_too_large")


@extend_schema_view(
    list=extend_schema(summary="Organisatorische en financiële voorstellen"),
    retrieve=extend_schema(summary="Het voorstel van een proces: begroting, dekking, verdeelsleutel, besluiten"),
    create=extend_schema(summary="Het voorstel van een proces starten, met een uitwerking per vastgestelde "
                         "doelstelling (programmastaf)", request=ProposalCreateSerializer),
    partial_update=extend_schema(summary="Titel, inleiding en verdeelsleutel wijzigen (programmastaf)",
                                 request=ProposalUpdateSerializer),
)  # fmt: skip
class ProposalViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ProposalSerializer
    permission_classes = [RulePermission]
    view_perm = "proposal.view_proposal"
    change_perm = "proposal.change_proposal"
    lookup_field = "process__slug"
    lookup_url_kwarg = "process"
    pagination_class = None  # one per process
    http_method_names = ("get", "post", "patch", "head", "options")
    refusal_codes = {
        "create": ("proposal_exists", "proposal_no_adopted_goals", "max_length"),
        "partial_update": ("proposal_frozen", "key_method_invalid", *AMOUNT_CODES, "max_length"),
        "offer": ("proposal_not_concept", "key_population_unknown", "key_fixed_exceeds_total", "key_no_weight"),
        "decisions": (
            "proposal_not_offered", "proposal_frozen", "proposal_decision_body_missing",
            "proposal_decision_outcome_invalid", "proposal_decision_conditions_missing",
            "proposal_decision_date_missing", "proposal_decision_before_offer", "max_length",
        ),
        "adopt": ("proposal_not_offered", "proposal_adoption_date_missing", "proposal_dates_order"),
        "versions": ("proposal_frozen", "max_length"),
        "key_population": ("proposal_frozen", "key_population_invalid", "key_population_source_missing", "max_length"),
        "key_exclusion": ("proposal_frozen", "key_exclusion_reason_missing", "max_length"),
    }  # fmt: skip

    def get_queryset(self):
        return (
            Proposal.objects.select_related("process")
            .prefetch_related("decisions__district", "decisions__municipality")
            .order_by("process__slug")
        )

    def create(self, request, *args, **kwargs):
        data = ProposalCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        process = get_object_or_404(StrategyProcess, slug=values["process"])
        proposal = service_call(
            services.proposal_create, process=process, user=request.user, title=values.get("title", "")
        )
        return Response(self.get_serializer(proposal).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        proposal = self.get_object()
        data = ProposalUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = {
            "title": proposal.title,
            "introduction": proposal.introduction,
            "key_method": proposal.key_method,
            "fixed_amount": proposal.fixed_amount,
            **data.validated_data,
        }
        service_call(services.proposal_update, proposal=proposal, user=request.user, **values)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(summary="Aanbieden door de BBG (programmastaf)", request=OfferSerializer)
    @action(detail=True, methods=["post"])
    def offer(self, request, process=None):
        proposal = self.get_object()
        data = OfferSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        service_call(services.proposal_offer, proposal=proposal, user=request.user, **data.validated_data)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary="Besluit van een DVO of een college van B&W (programmastaf)",
        request=DecisionInputSerializer,
        responses=ProposalDecisionSerializer,
    )
    @action(detail=True, methods=["post"])
    def decisions(self, request, process=None):
        proposal = self.get_object()
        data = DecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        district = values.pop("district", None)
        municipality = values.pop("municipality", None)
        decision = service_call(
            services.proposal_decision_record,
            proposal=proposal,
            user=request.user,
            district=get_object_or_404(District, code=district) if district else None,
            municipality=get_object_or_404(Municipality, name=municipality) if municipality else None,
            **values,
        )
        return Response(ProposalDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Besluit van het RVO en vaststelling door het Bestuurscollege (programmastaf); legt versie 1.0 vast",
        request=AdoptSerializer,
    )
    @action(detail=True, methods=["post"])
    def adopt(self, request, process=None):
        proposal = self.get_object()
        data = AdoptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        service_call(services.proposal_adopt, proposal=proposal, user=request.user, **data.validated_data)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        methods=["GET"],
        summary="De versies van het voorstel, met hun PDF en .docx",
        responses=ProposalVersionSerializer(many=True),
    )
    @extend_schema(
        methods=["POST"],
        summary="Het voorstel vastleggen als volgende versie (programmastaf)",
        request=VersionInputSerializer,
        responses={201: ProposalVersionSerializer},
    )
    @action(detail=True, methods=["get", "post"])
    def versions(self, request, process=None):
        proposal = self.get_object()
        if request.method == "GET":
            versions = proposal.versions.select_related("created_by", "proposal__process").order_by("major", "minor")
            return Response(ProposalVersionSerializer(versions, many=True, context={"request": request}).data)
        data = VersionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        version = service_call(
            services.proposal_version_create, proposal=proposal, user=request.user, **data.validated_data
        )
        return Response(
            ProposalVersionSerializer(version, context={"request": request}).data, status=status.HTTP_201_CREATED
        )  # fmt: skip

    @extend_schema(
        summary="Het inwonertal (met bron) van een gemeente zonder bekend inwonertal (programmastaf)",
        request=KeyPopulationSerializer,
    )
    @action(detail=True, methods=["post"], url_path="key-population")
    def key_population(self, request, process=None):
        proposal = self.get_object()
        data = KeyPopulationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        service_call(
            services.key_population_enter, proposal=proposal, user=request.user,
            municipality=get_object_or_404(Municipality, name=values["municipality"]),
            population=values["population"], source=values["population_source"],
        )  # fmt: skip
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary="Een gemeente met een reden buiten de verdeling laten (programmastaf)", request=KeyExclusionSerializer
    )
    @action(detail=True, methods=["post"], url_path="key-exclusion")
    def key_exclusion(self, request, process=None):
        proposal = self.get_object()
        data = KeyExclusionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        service_call(
            services.key_municipality_exclude, proposal=proposal, user=request.user,
            municipality=get_object_or_404(Municipality, name=values["municipality"]), reason=values["reason"],
        )  # fmt: skip
        return Response(self.get_serializer(self.get_object()).data)


@extend_schema_view(
    retrieve=extend_schema(summary="De uitwerking van één doelstelling"),
    partial_update=extend_schema(summary="De organisatie van één doelstelling wijzigen (programmastaf)",
                                 request=PlanUpdateSerializer),
)  # fmt: skip
class GoalPlanViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [RulePermission]
    view_perm = "proposal.view_proposal"
    change_perm = "proposal.change_proposal"

    serializer_class = GoalPlanSerializer
    http_method_names = ("get", "post", "patch", "head", "options")
    refusal_codes = {
        "partial_update": ("proposal_frozen", "proposal_lead_invalid", "proposal_lead_other_missing", "max_length"),
        "costs": ("proposal_frozen", "proposal_year_outside_period", "proposal_cost_description_missing",
                  *AMOUNT_CODES, "max_length"),
        "funding": ("proposal_frozen", "proposal_year_outside_period", "proposal_source_invalid",
                    "proposal_source_other_missing", *AMOUNT_CODES, "max_length"),
    }  # fmt: skip

    def get_queryset(self):
        return GoalPlan.objects.select_related("proposal__process", "goal").prefetch_related(
            Prefetch("costs", queryset=CostItem.objects.order_by("year", "pk")),
            Prefetch("funding", queryset=Funding.objects.order_by("year", "source", "pk")),
        )

    def partial_update(self, request, *args, **kwargs):
        plan = self.get_object()
        data = PlanUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = {
            "lead_partner": plan.lead_partner,
            "lead_partner_other": plan.lead_partner_other,
            "programme_team": plan.programme_team,
            "partner_roles": plan.partner_roles,
            **data.validated_data,
        }
        plan = service_call(services.plan_update, plan=plan, user=request.user, **values)
        return Response(self.get_serializer(self.get_queryset().get(pk=plan.pk)).data)

    @extend_schema(
        summary="Kostenpost toevoegen (programmastaf)", request=CostItemSerializer, responses=CostItemSerializer
    )
    @action(detail=True, methods=["post"])
    def costs(self, request, pk=None):
        plan = self.get_object()
        data = CostItemSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = service_call(services.cost_item_add, plan=plan, user=request.user, **data.validated_data)
        return Response(CostItemSerializer(item).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Financiering toevoegen (programmastaf)", request=FundingSerializer, responses=FundingSerializer
    )
    @action(detail=True, methods=["post"])
    def funding(self, request, pk=None):
        plan = self.get_object()
        data = FundingSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        line = service_call(services.funding_add, plan=plan, user=request.user, **data.validated_data)
        return Response(FundingSerializer(line).data, status=status.HTTP_201_CREATED)
