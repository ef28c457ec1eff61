"""The long list's REST API: priorities with their roles and criteria, and the list's consent steps.

The same rules as the pages: every role reads, programme staff write, users without a role get 403. The limit of
ten and the freeze are held by the services; a refusal is a 400 with the Dutch message. Confidential sources are
shown to programme staff only.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from planning.models import StrategyProcess

from . import services
from .models import Priority
from .selectors import long_list_for, majority_proposals
from .serializers import (
    ApproveSerializer,
    AssessmentInputSerializer,
    LongListSerializer,
    PrioritySerializer,
    ReopenResultSerializer,
    ReopenSerializer,
    SendSerializer,
    service_call,
)

PROCESS_FILTER = OpenApiParameter(
    "process",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="Alleen die van dit proces (de adresnaam, bijv. vs-2019-2022).",
)


@extend_schema_view(
    list=extend_schema(summary="Prioriteiten van de lange lijst", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén prioriteit met rollen en criteria"),
    create=extend_schema(summary="Prioriteit toevoegen (programmastaf; maximaal tien, niet als de lijst bevroren is)"),
    update=extend_schema(summary="Prioriteit wijzigen (programmastaf; niet als de lijst bevroren is)"),
    partial_update=extend_schema(summary="Prioriteit deels wijzigen (programmastaf; niet als de lijst bevroren is)"),
    destroy=extend_schema(summary="Prioriteit verwijderen (programmastaf; niet als de lijst bevroren is)"),
)
class PriorityViewSet(viewsets.ModelViewSet):
    serializer_class = PrioritySerializer
    permission_classes = [RulePermission]
    refusal_codes = (
        "longlist_frozen",
        "criterion_outcome_invalid",
        "criterion_deviation_unexplained",
        "criterion_justification_missing",
        "longlist_too_many",
        "priority_continues_invalid",
        "priority_partner_other_missing",
        "priority_partner_twice",
        "priority_source_of_other_process",
    )
    view_perm = "priorities.view_priority"
    change_perm = "priorities.change_priority"

    def get_queryset(self):
        # Sources are filtered per user when serialised (serializers.VisibleSourcesField).
        queryset = Priority.objects.select_related("process", "continues").prefetch_related(
            "themes", "sources", "roles", "assessments"
        )
        slug = self.request.query_params.get("process")
        if slug:
            queryset = queryset.filter(process__slug=slug)
        return queryset.order_by("process", "position", "pk")

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        objects = list(page if page is not None else queryset)
        proposals = {}
        by_process = {}
        for priority in objects:
            by_process.setdefault(priority.process_id, (priority.process, []))[1].append(priority)
        for process, priorities in by_process.values():
            proposals.update(majority_proposals(process, priorities))
        serializer = self.get_serializer(
            objects, many=True, context={**self.get_serializer_context(), "proposals": proposals}
        )
        if page is not None:
            return self.get_paginated_response(serializer.data)
        return Response(serializer.data)

    def perform_destroy(self, instance):
        service_call(services.priority_delete, priority=instance)

    @extend_schema(
        summary="Criteria beoordelen (programmastaf; niet als de lijst bevroren is)",
        request=AssessmentInputSerializer(many=True),
        responses=PrioritySerializer,
    )
    @action(detail=True, methods=["post"])
    def criteria(self, request, pk=None):
        priority = self.get_object()
        serializer = AssessmentInputSerializer(data=request.data, many=True)
        serializer.is_valid(raise_exception=True)
        service_call(services.criteria_assess, priority=priority, assessments=serializer.validated_data)
        priority = self.get_queryset().get(pk=priority.pk)
        return Response(self.get_serializer(priority).data)


@extend_schema_view(retrieve=extend_schema(summary="De status van de lange lijst van een proces"))
class LongListViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = LongListSerializer
    permission_classes = [RulePermission]
    refusal_codes = {
        "approve": ("longlist_not_draft", "longlist_empty", "longlist_too_many", "longlist_meeting_invalid"),
        "send": ("longlist_not_approved", "longlist_already_sent", "longlist_sent_before_approval"),
        "reopen": ("longlist_not_frozen", "longlist_reopen_reason_missing"),
    }
    view_perm = "priorities.view_longlist"
    change_perm = "priorities.change_longlist"
    lookup_field = "slug"
    lookup_url_kwarg = "process"
    queryset = StrategyProcess.objects.all()

    def get_object(self):
        process = get_object_or_404(StrategyProcess, slug=self.kwargs["process"])
        self.check_object_permissions(self.request, process)
        return process

    def retrieve(self, request, *args, **kwargs):
        return Response(LongListSerializer(long_list_for(self.get_object())).data)

    @extend_schema(
        summary="Vaststellen door de BBG (programmastaf)", request=ApproveSerializer, responses=LongListSerializer
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, process=None):
        process = self.get_object()
        serializer = ApproveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        long_list = service_call(
            services.longlist_approve,
            process=process,
            approved_on=serializer.validated_data["approved_on"],
            meeting=serializer.validated_data.get("meeting"),
        )
        return Response(LongListSerializer(long_list).data)

    @extend_schema(
        summary="Naar de partners gestuurd (programmastaf)", request=SendSerializer, responses=LongListSerializer
    )
    @action(detail=True, methods=["post"])
    def send(self, request, process=None):
        process = self.get_object()
        serializer = SendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        long_list = service_call(services.longlist_send, process=process, sent_on=serializer.validated_data["sent_on"])
        return Response(LongListSerializer(long_list).data)

    @extend_schema(
        summary="Heropenen met een reden (programmastaf)", request=ReopenSerializer, responses=ReopenResultSerializer
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, process=None):
        process = self.get_object()
        serializer = ReopenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # A refusal of permission is answered by the exception handler: 403 in the one shape.
        result = service_call(
            services.longlist_reopen, process=process, user=request.user, reason=serializer.validated_data["reason"]
        )
        data = LongListSerializer(result.long_list).data
        return Response({**data, "warnings": [str(warning) for warning in result.warnings]})
