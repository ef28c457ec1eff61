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
from planning.models import District, Municipality

from . import services
from .models import CostItem, Funding, GoalPlan, Proposal
from .serializers import (
    CostItemSerializer,
    DecisionInputSerializer,
    FundingSerializer,
    GoalPlanSerializer,
    OfferSerializer,
    ProposalDecisionSerializer,
    ProposalSerializer,
)


@extend_schema_view(
    list=extend_schema(summary="Organisatorische en financiële voorstellen"),
    retrieve=extend_schema(summary="Het voorstel van een proces: begroting, dekking, verdeelsleutel, besluiten"),
)
class ProposalViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ProposalSerializer
    permission_classes = [RulePermission]
    view_perm = "proposal.view_proposal"
    change_perm = "proposal.change_proposal"
    lookup_field = "process__slug"
    lookup_url_kwarg = "process"
    pagination_class = None  # one per process

    def get_queryset(self):
        return (
            Proposal.objects.select_related("process")
            .prefetch_related("decisions__district", "decisions__municipality")
            .order_by("process__slug")
        )

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


@extend_schema_view(retrieve=extend_schema(summary="De uitwerking van één doelstelling"))
class GoalPlanViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [RulePermission]
    view_perm = "proposal.view_proposal"
    change_perm = "proposal.change_proposal"

    serializer_class = GoalPlanSerializer

    def get_queryset(self):
        return GoalPlan.objects.select_related("proposal__process", "goal").prefetch_related(
            Prefetch("costs", queryset=CostItem.objects.order_by("year", "pk")),
            Prefetch("funding", queryset=Funding.objects.order_by("year", "source", "pk")),
        )

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
