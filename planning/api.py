"""The planning's REST API: processes, milestones, actions and a process's conflicts.

The same rules as the pages (planning/rules.py): every role reads, programme staff write, users without a role
get 403. Lists load their relations in a fixed number of queries.
"""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api_permissions import RulePermission

from .conflicts import process_conflicts
from .models import Action, Milestone, StrategyProcess
from .serializers import ActionSerializer, ConflictSerializer, MilestoneSerializer, ProcessSerializer
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


@extend_schema_view(
    list=extend_schema(summary="Mijlpalen", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén mijlpaal"),
    create=extend_schema(summary="Mijlpaal aanmaken (programmastaf)"),
    update=extend_schema(summary="Mijlpaal wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Mijlpaal deels wijzigen (programmastaf)"),
    destroy=extend_schema(summary="Mijlpaal verwijderen (programmastaf)"),
)
class MilestoneViewSet(ProcessScopedViewSet):
    serializer_class = MilestoneSerializer
    view_perm = "planning.view_milestone"
    change_perm = "planning.change_milestone"

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
