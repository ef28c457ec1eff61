"""The REST API of the councils' consultation. The same rules as the pages: every role reads; staff start a round
and register every council; a DVO secretary registers the councils of their own district only (403 otherwise);
refusals are a 400 with the stable code and the Dutch message. The council's motion or letter is uploaded as
multipart (``POST /api/council-entries/<id>/attachment/``), checked by its content through the page's service."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from core.api import service_call
from core.limits import parse_id
from documents.models import DocumentVersion
from scan.views import document_response

from . import services
from .models import ConsultationRound, CouncilEntry
from .serializers import (
    AttachmentUploadSerializer,
    ConsultationRoundCreateSerializer,
    ConsultationRoundSerializer,
    CouncilEntrySerializer,
)

# The codes entry_register may refuse with, whichever way the entry is written.
ENTRY_CODES = (
    "consultation_status_invalid", "consultation_scope_invalid", "consultation_meeting_before_sent",
    "consultation_received_before_sent", "consultation_response_missing", "consultation_received_on_missing",
    "consultation_scope_missing", "max_length",
)  # fmt: skip
UPLOAD_CODES = ("upload_wrong_type", "upload_wrong_extension", "upload_too_large", "required", "empty", "invalid")

PROCESS_FILTER = OpenApiParameter(
    "process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen die van dit proces (de adresnaam)."
)


@extend_schema_view(
    list=extend_schema(summary="Consultatierondes met de aantallen per status", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén consultatieronde"),
    create=extend_schema(summary="Een versie aan de gemeenteraden voorleggen (programmastaf)",
                         request=ConsultationRoundCreateSerializer),
)  # fmt: skip
class ConsultationRoundViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = ConsultationRoundSerializer
    permission_classes = [RulePermission]
    view_perm = "consultation.view_consultation"
    change_perm = "consultation.change_round"
    pagination_class = None  # a handful of rounds per process
    refusal_codes = {"create": ("consultation_round_exists", "consultation_deadline_before_sent", "max_length")}

    def get_queryset(self):
        queryset = ConsultationRound.objects.select_related("process", "version").prefetch_related(
            Prefetch("entries", queryset=CouncilEntry.objects.only("id", "round_id", "status"))
        )
        slug = self.request.query_params.get("process")
        if slug:
            queryset = queryset.filter(process__slug=slug)
        return queryset.order_by("process", "sent_on", "pk")

    def create(self, request, *args, **kwargs):
        data = ConsultationRoundCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        major, minor = (int(part) for part in values["version"].split("."))
        version = get_object_or_404(
            DocumentVersion.objects.select_related("document__process"),
            document__process__slug=values["process"], major=major, minor=minor,
        )  # fmt: skip
        consultation = service_call(
            services.round_create, version=version, sent_on=values["sent_on"], deadline=values["deadline"],
            note=values.get("note", ""), user=request.user,
        )  # fmt: skip
        return Response(self.get_serializer(consultation).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="Reacties van de gemeenteraden",
        parameters=[PROCESS_FILTER, OpenApiParameter("round", OpenApiTypes.INT, OpenApiParameter.QUERY)],
    ),
    retrieve=extend_schema(summary="De reactie van één gemeenteraad"),
    partial_update=extend_schema(
        summary="Status en reactie registreren (programmastaf; DVO-secretaris alleen voor het eigen district)"
    ),
)
class CouncilEntryViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet
):
    serializer_class = CouncilEntrySerializer
    permission_classes = [RulePermission]
    view_perm = "consultation.view_consultation"
    change_perm = "consultation.change_entry"
    http_method_names = ("get", "post", "patch", "delete", "head", "options")
    refusal_codes = {"partial_update": ENTRY_CODES, "attachment": (*UPLOAD_CODES, *ENTRY_CODES)}

    def get_queryset(self):
        queryset = CouncilEntry.objects.select_related("municipality__district", "round__process")
        params = self.request.query_params
        if params.get("process"):
            queryset = queryset.filter(round__process__slug=params["process"])
        if params.get("round"):
            queryset = queryset.filter(round__id=parse_id(params["round"]) or 0)
        return queryset.order_by("round", "municipality__name")

    def partial_update(self, request, *args, **kwargs):
        entry = self.get_object()
        serializer = self.get_serializer(entry, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        values = {field: getattr(entry, field) for field in (
            "status", "meeting_on", "received_on", "scope", "response_html", "summary", "follow_up")}  # fmt: skip
        values.update(serializer.validated_data)
        entry = service_call(services.entry_register, entry=entry, user=request.user, **values)
        return Response(self.get_serializer(entry).data)

    @extend_schema(
        methods=["GET"],
        summary="De bijgevoegde motie of brief downloaden (404 zonder bijlage)",
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    @extend_schema(
        methods=["POST"],
        summary="Een motie of brief bijvoegen (multipart; programmastaf, DVO-secretaris alleen voor het eigen "
        "district)",
        description="Het bestand wordt aan de inhoud herkend (PDF of DOCX, de extensie moet passen, hoogstens "
        "MAX_DOCUMENT_SIZE) en vervangt een eerdere bijlage; daarna geldt alles wat ook bij het registreren geldt.",
        request={"multipart/form-data": AttachmentUploadSerializer},
        responses=CouncilEntrySerializer,
    )
    @extend_schema(
        methods=["DELETE"],
        summary="De bijlage verwijderen (een ontvangen reactie zonder tekst houdt haar bijlage)",
        request=None,
        responses=CouncilEntrySerializer,
    )
    @action(detail=True, methods=["get", "post", "delete"], parser_classes=[MultiPartParser])
    def attachment(self, request, pk=None):
        entry = self.get_object()
        if request.method == "GET":
            return document_response(entry.attachment, entry.attachment_name)
        values = {field: getattr(entry, field) for field in (
            "status", "meeting_on", "received_on", "scope", "response_html", "summary", "follow_up")}  # fmt: skip
        if request.method == "DELETE":
            entry = service_call(
                services.entry_register, entry=entry, user=request.user, remove_attachment=True, **values
            )
            return Response(self.get_serializer(entry).data)
        upload = AttachmentUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        entry = service_call(
            services.entry_register,
            entry=entry,
            user=request.user,
            attachment=upload.validated_data["attachment"],
            **values,
        )
        return Response(self.get_serializer(entry).data)
