"""The planning's REST API: processes, milestones, actions and a process's conflicts.

The same rules as the pages (planning/rules.py): every role reads, programme staff write, users without a role
get 403. Lists load their relations in a fixed number of queries.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, Sum
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from core.api import service_call
from core.api_fragments import CachedListMixin
from core.schema import refusals

from . import services
from .access import get_process_for_user
from .conflicts import process_conflicts
from .fragments import PLANNING_AREA, role_audience
from .models import Action, District, Milestone, Municipality, StrategyProcess
from .serializers import (
    ActionSerializer,
    ConflictSerializer,
    DistrictSerializer,
    MilestoneSerializer,
    MunicipalitySerializer,
    ProcessCopySerializer,
    ProcessSerializer,
)
from .services_schedule import milestone_delete

PROCESS_FILTER = OpenApiParameter(
    "process",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="Alleen die van dit proces (de adresnaam, bijv. vs-2019-2022).",
)


# Things of a process, filtered with ?process=<slug>. (A comment: spectacular would publish a docstring.)
class ProcessScopedViewSet(viewsets.ModelViewSet):
    permission_classes = [RulePermission]

    def filter_by_process(self, queryset):
        slug = self.request.query_params.get("process")
        if slug:
            queryset = queryset.filter(process__slug=slug)
        return queryset


@extend_schema_view(
    list=extend_schema(summary="Processen"),
    retrieve=extend_schema(summary="Eén proces"),
    create=extend_schema(summary="Proces aanmaken (programmastaf)"),
    update=extend_schema(summary="Proces wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Proces deels wijzigen (programmastaf)"),
)
class ProcessViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = StrategyProcess.objects.select_related("predecessor")
    serializer_class = ProcessSerializer
    permission_classes = [RulePermission]
    view_perm = "planning.view_process"
    change_perm = "planning.change_process"
    lookup_field = "slug"

    @extend_schema(
        summary="Knelpunten van een proces",
        description="Alle open knelpunten: eerst volgorde en afwezigheid, dan wat over tijd is, elk op datum.",
        responses=ConflictSerializer(many=True),
    )
    @action(detail=True, methods=["get"], pagination_class=None, serializer_class=ConflictSerializer)
    def conflicts(self, request, slug=None):
        process = self.get_object()
        return Response(ConflictSerializer(process_conflicts(process), many=True, context={"request": request}).data)

    @extend_schema(
        summary="Een nieuw proces als kopie van dit proces, de planning zoveel jaar later (programmastaf)",
        description=(
            "Fasen, mijlpalen (met hun afhankelijkheden) en acties worden gekopieerd; elke datum en periode "
            "schuift zoveel hele jaren op en houdt haar precisie. Het nieuwe proces heeft dit proces als voorganger."
        ),
        request=ProcessCopySerializer,
        responses={201: ProcessSerializer, 400: refusals("unique", "max_value", "min_value")},
    )
    @action(detail=True, methods=["post"], serializer_class=ProcessCopySerializer)
    def copy(self, request, slug=None):
        source = get_process_for_user(request.user, slug)
        if not request.user.has_perm("planning.add_process"):
            raise PermissionDenied
        serializer = ProcessCopySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        process = service_call(services.process_copy, source=source, **serializer.validated_data)
        return Response(
            ProcessSerializer(process, context=self.get_serializer_context()).data, status=status.HTTP_201_CREATED
        )


@extend_schema_view(
    list=extend_schema(summary="Mijlpalen", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén mijlpaal"),
    create=extend_schema(summary="Mijlpaal aanmaken (programmastaf)"),
    update=extend_schema(summary="Mijlpaal wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Mijlpaal deels wijzigen (programmastaf)"),
    destroy=extend_schema(summary="Mijlpaal verwijderen (programmastaf)"),
)
class MilestoneViewSet(CachedListMixin, ProcessScopedViewSet):
    serializer_class = MilestoneSerializer
    view_perm = "planning.view_milestone"
    change_perm = "planning.change_milestone"
    # The list from the cache, under the planning's version, per role (core.api_fragments).
    list_fragment = "api-milestones"
    list_areas = (PLANNING_AREA,)

    def list_audience(self) -> str:
        return role_audience(self.request.user)

    def perform_destroy(self, instance):
        # Through the service, like the page: the milestones that depended on it record the change.
        milestone_delete(milestone=instance)

    def get_queryset(self):
        queryset = Milestone.objects.select_related("process").prefetch_related(
            Prefetch("depends_on", queryset=Milestone.objects.only("id"))
        )
        return self.filter_by_process(queryset)


@extend_schema_view(
    list=extend_schema(summary="Acties", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén actie"),
    create=extend_schema(summary="Actie aanmaken (programmastaf)"),
    update=extend_schema(summary="Actie wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Actie deels wijzigen (programmastaf)"),
    destroy=extend_schema(summary="Actie verwijderen (programmastaf)"),
)
class ActionViewSet(ProcessScopedViewSet):
    serializer_class = ActionSerializer
    view_perm = "planning.view_action"
    change_perm = "planning.change_action"

    def get_queryset(self):
        return self.filter_by_process(Action.objects.select_related("process"))


# --- Reference data: districts and municipalities with their population; every role reads, nothing writes ------


@extend_schema_view(
    list=extend_schema(summary="Districten met hun gemeenten en inwoners"),
    retrieve=extend_schema(summary="Eén district"),
)
class DistrictViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DistrictSerializer
    permission_classes = [RulePermission]
    view_perm = "planning.view_process"
    change_perm = "planning.change_process"
    lookup_field = "code"
    lookup_url_kwarg = "district"
    lookup_value_regex = "[A-Za-z0-9]+"
    pagination_class = None  # five districts

    def get_queryset(self):
        return (
            District.objects.annotate(
                population=Sum("municipalities__population"),
                population_unknown=Count("municipalities", filter=Q(municipalities__population__isnull=True)),
            )
            .prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.order_by("name")))
            .order_by("order", "code")
        )


DISTRICT_FILTER = OpenApiParameter(
    "district",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="Alleen die van dit district (de code, bijv. GLM).",
)


@extend_schema_view(
    list=extend_schema(summary="Gemeenten met inwonertal, peildatum en bron", parameters=[DISTRICT_FILTER]),
    retrieve=extend_schema(summary="Eén gemeente"),
)
class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MunicipalitySerializer
    permission_classes = [RulePermission]
    view_perm = "planning.view_process"
    change_perm = "planning.change_process"

    def get_queryset(self):
        queryset = Municipality.objects.select_related("district").order_by("name")
        code = self.request.query_params.get("district")
        if code:
            queryset = queryset.filter(district__code__iexact=code)
        return queryset
