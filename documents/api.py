"""The REST API of the goals and the document. The same rules as the pages: every role reads, programme staff
write, users without a role get 403; refusals of the services are a 400 with the Dutch message."""

from dataclasses import asdict

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from accounts.api_permissions import RulePermission

from . import services
from .models import Document, DocumentTransition, Goal, GoalPartnerRole
from .selectors import build_document_content, document_consistency, draft_content, smart_facts, version_by_label
from .serializers import (
    DocumentSerializer,
    GoalSerializer,
    PutForwardSerializer,
    TransitionInputSerializer,
    service_call,
)
from .smart import smart_check

PROCESS_FILTER = OpenApiParameter(
    "process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen die van dit proces (de adresnaam)."
)


@extend_schema_view(
    list=extend_schema(summary="Doelstellingen met hun SMART-controle", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén doelstelling met haar SMART-controle"),
    create=extend_schema(summary="Doelstelling toevoegen (programmastaf)"),
    update=extend_schema(summary="Doelstelling wijzigen (programmastaf; alleen een concept)"),
    partial_update=extend_schema(summary="Doelstelling deels wijzigen (programmastaf; alleen een concept)"),
    destroy=extend_schema(summary="Doelstelling verwijderen (programmastaf; alleen een concept)"),
)
class GoalViewSet(viewsets.ModelViewSet):
    serializer_class = GoalSerializer
    permission_classes = [RulePermission]
    refusal_codes = (
        "goal_priority_missing",
        "goal_priority_not_in_process",
        "goal_title_missing",
        "goal_title_taken",
        "goal_financing_negative",
        "goal_role_partner_missing",
        "goal_role_missing",
        "goal_role_partner_twice",
        "goal_put_forward",
        "goal_adopted",
        "goal_not_concept",
        "goal_not_smart",
        "document_frozen",
    )
    view_perm = "documents.view_goal"
    change_perm = "documents.change_goal"
    pagination_class = None  # The list is one process's handful of goals, whole (and so in the schema).

    def get_queryset(self):
        queryset = Goal.objects.select_related("process", "priority").prefetch_related(
            Prefetch("roles", queryset=GoalPartnerRole.objects.order_by("partner", "pk"))
        )
        slug = self.request.query_params.get("process")
        if slug:
            queryset = queryset.filter(process__slug=slug)
        return queryset.order_by("process", "position", "pk")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["issues"] = {}
        return context

    def list(self, request, *args, **kwargs):
        goals = list(self.filter_queryset(self.get_queryset()))
        facts = {}
        issues = {}
        for goal in goals:
            if goal.process_id not in facts:
                facts[goal.process_id] = smart_facts(goal.process)
            issues[goal.pk] = smart_check(goal, facts=facts[goal.process_id], roles=goal.roles.all())
        serializer = self.get_serializer(goals, many=True, context={**self.get_serializer_context(), "issues": issues})
        return Response(serializer.data)

    def perform_destroy(self, instance):
        service_call(services.goal_delete, goal=instance, user=self.request.user)

    @extend_schema(summary="Naar het RVO (alleen als de doelstelling SMART is)", request=PutForwardSerializer)
    @action(detail=True, methods=["post"], url_path="put-forward")
    def put_forward(self, request, pk=None):
        goal = self.get_object()
        serializer = PutForwardSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        goal = service_call(
            services.goal_put_forward, goal=goal, user=request.user, on=serializer.validated_data.get("on")
        )
        return Response(self.get_serializer(goal).data)


@extend_schema_view(retrieve=extend_schema(summary="Het document VS/MJB van een proces: status, versies, stappen"))
class DocumentViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    refusal_codes = (
        "document_transition_not_allowed",
        "document_concept_reason_missing",
        "document_meeting_date_missing",
        "document_date_before_previous_step",
        "document_goals_still_concept",
        "document_no_goals",
        "document_mjb_inconsistent",
        "document_adoption_before_goals_put_forward",
        "document_frozen",
    )
    serializer_class = DocumentSerializer
    permission_classes = [RulePermission]
    view_perm = "documents.view_document"
    change_perm = "documents.change_document"
    lookup_field = "process"
    lookup_url_kwarg = "process"
    queryset = Document.objects.all()

    def get_object(self):
        document = get_object_or_404(
            Document.objects.select_related("process").prefetch_related(
                "versions__created_by",
                Prefetch("transitions", queryset=DocumentTransition.objects.select_related("by", "version")),
            ),
            process__slug=self.kwargs["process"],
        )
        self.check_object_permissions(self.request, document)
        return document

    @extend_schema(
        summary="De inhoud van een versie (?version=0.2) of van het huidige concept, met de controle VS – MJB",
        parameters=[OpenApiParameter("version", OpenApiTypes.STR, OpenApiParameter.QUERY)],
        responses=OpenApiTypes.OBJECT,
    )
    @action(detail=True, methods=["get"])
    def content(self, request, process=None):
        document = self.get_object()
        label = request.query_params.get("version")
        if label:
            version = version_by_label(document, label)
            if version is None:
                raise NotFound
            content = build_document_content(version)
        else:
            content = draft_content(document)
        data = asdict(content)
        data["consistency_problems"] = document_consistency(document.process, content)
        return Response(data)

    @extend_schema(summary="Een stap in de besluitvorming (programmastaf)", request=TransitionInputSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, process=None):
        document = self.get_object()
        serializer = TransitionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        service_call(
            services.document_transition,
            document=document,
            user=request.user,
            to_status=serializer.validated_data["to_status"],
            meeting_date=serializer.validated_data.get("meeting_date"),
            note=serializer.validated_data.get("note", ""),
        )
        return Response(DocumentSerializer(self.get_object()).data)
