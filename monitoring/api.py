"""The monitoring's REST API: the same rules as the pages. Every role reads; staff write everything; a goal's
owner contacts write their own goals' values (the service decides, 403 otherwise)."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from core.api import service_call
from planning.models import StrategyProcess

from . import services
from .models import (
    Indicator,
    Measurement,
    MeasurementMoment,
    ProgressReport,
    ProgressReportTransition,
    ProgressReportVersion,
)
from .selectors import monitoring_for
from .serializers import (
    ExplanationSerializer,
    GoalProgressSerializer,
    IndicatorSerializer,
    MeasurementSerializer,
    MomentSerializer,
    OverrideSerializer,
    ProgressReportSerializer,
    ReportSummarySerializer,
    ReportTransitionInputSerializer,
    ReportVersionInputSerializer,
)

PROCESS_FILTER = OpenApiParameter(
    "process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen die van dit proces (de adresnaam)."
)


class MonitoringPermission(BasePermission):
    """Read: every role. Write: every role may try; the service checks staff or owner contact of the goal."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.has_role):
            return False
        if request.method in SAFE_METHODS:
            return user.has_perm("monitoring.view_monitoring")
        return user.has_perm(getattr(view, "action_write_perms", {}).get(view.action, view.write_perm))


def _by_process(queryset, request, lookup: str):
    slug = request.query_params.get("process")
    return queryset.filter(**{lookup: slug}) if slug else queryset


@extend_schema_view(list=extend_schema(summary="Meetmomenten", parameters=[PROCESS_FILTER]))
class MomentViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = MomentSerializer
    permission_classes = [MonitoringPermission]
    write_perm = "monitoring.change_monitoring"

    def get_queryset(self):
        queryset = MeasurementMoment.objects.select_related("process").order_by("process", "measured_on")
        return _by_process(queryset, self.request, "process__slug")


@extend_schema_view(
    list=extend_schema(summary="Indicatoren met eenheid, nulmeting en streefwaarde", parameters=[PROCESS_FILTER])
)
class IndicatorViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = IndicatorSerializer
    permission_classes = [MonitoringPermission]
    write_perm = "monitoring.change_monitoring"

    def get_queryset(self):
        queryset = Indicator.objects.order_by("goal", "position", "pk")
        return _by_process(queryset, self.request, "goal__process__slug")


@extend_schema_view(
    list=extend_schema(summary="Meetwaarden", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén meetwaarde"),
    create=extend_schema(summary="Meetwaarde invullen of wijzigen (programmastaf of contactpersoon van de eigenaar)"),
    update=extend_schema(summary="Meetwaarde wijzigen"),
    partial_update=extend_schema(summary="Meetwaarde deels wijzigen"),
    destroy=extend_schema(summary="Meetwaarde verwijderen"),
)
class MeasurementViewSet(viewsets.ModelViewSet):
    serializer_class = MeasurementSerializer
    permission_classes = [MonitoringPermission]
    write_perm = "monitoring.view_monitoring"  # the service decides per goal (staff or owner contact)

    def get_queryset(self):
        queryset = Measurement.objects.select_related(
            "indicator", "moment", "district", "municipality", "entered_by"
        ).order_by("moment__measured_on", "indicator", "pk")
        return _by_process(queryset, self.request, "moment__process__slug")

    def _save(self, serializer, instance=None):
        data = serializer.validated_data
        current = (
            {
                "indicator": instance.indicator,
                "moment": instance.moment,
                "district": instance.district,
                "municipality": instance.municipality,
                "value": str(instance.value),
                "source": instance.source,
                "remark": instance.remark,
                "provisional": instance.provisional,
            }
            if instance
            else {}
        )
        merged = {**current, **data}
        if instance and any(merged[key] != current[key] for key in ("indicator", "moment", "district", "municipality")):
            raise ValidationError(
                _("Een meetwaarde blijft bij haar indicator, meetmoment en gebied; voeg een nieuwe toe."),
                code="measurement_fixed",
            )
        return service_call(
            services.measurement_save,
            moment=merged["moment"],
            user=self.request.user,
            data=services.ValueData(
                indicator=merged["indicator"],
                value=merged["value"],
                source=merged["source"],
                remark=merged.get("remark", ""),
                provisional=merged.get("provisional", False),
                district=merged.get("district"),
                municipality=merged.get("municipality"),
            ),
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        measurement = self._save(serializer)
        return Response(self.get_serializer(measurement).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=kwargs.pop("partial", False))
        serializer.is_valid(raise_exception=True)
        measurement = self._save(serializer, instance)
        return Response(self.get_serializer(measurement).data)

    def perform_destroy(self, instance):
        service_call(services.measurement_delete, measurement=instance, user=self.request.user)


class ProgressViewSet(viewsets.GenericViewSet):
    """The progress of every monitored goal of a process per moment, by the rule and with staff's override."""

    serializer_class = GoalProgressSerializer
    pagination_class = None  # one row per goal and moment of the process: a list, as the schema says
    permission_classes = [MonitoringPermission]
    write_perm = "monitoring.change_monitoring"
    # The explanation: every role may try, the service decides (staff, or an owner contact of the goal).
    action_write_perms = {"explanation": "monitoring.view_monitoring"}
    refusal_codes = {
        "override": ("status_reason_missing", "status_unknown", "moment_other_process", "goal_not_adopted"),
        "explanation": ("action_other_process", "moment_other_process", "goal_not_adopted", "max_length"),
    }

    @extend_schema(
        summary="Voortgang per doelstelling en meetmoment (?process= verplicht)",
        parameters=[PROCESS_FILTER],
        responses=GoalProgressSerializer(many=True),
    )
    def list(self, request):
        slug = request.query_params.get("process")
        process = StrategyProcess.objects.filter(slug=slug).first() if slug else None
        if slug and process is None:
            raise NotFound
        processes = [process] if process else list(StrategyProcess.objects.all())
        rows = [
            {"goal": item.goal.pk, "row": row}
            for each in processes
            for item in monitoring_for(each)
            for row in item.moments
        ]
        return Response(GoalProgressSerializer(rows, many=True).data)

    @extend_schema(summary="Status zelf vaststellen, met reden (programmastaf)", request=OverrideSerializer)
    @action(detail=False, methods=["post"])
    def override(self, request):
        serializer = OverrideSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        service_call(
            services.status_override,
            goal=data["goal"],
            moment=data["moment"],
            user=request.user,
            status=data["status"],
            reason=data.get("reason", ""),
        )
        return self._row(data["goal"], data["moment"])

    def _row(self, goal, moment):
        [item] = monitoring_for(goal.process, goals=[goal], moments=[moment])
        return Response(GoalProgressSerializer({"goal": goal.pk, "row": item.moments[0]}).data)

    @extend_schema(
        summary="Toelichting en acties van de partners (programmastaf of contactpersoon van de eigenaar)",
        request=ExplanationSerializer,
    )
    @action(detail=False, methods=["post"])
    def explanation(self, request):
        serializer = ExplanationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        service_call(
            services.explanation_save,
            goal=data["goal"],
            moment=data["moment"],
            user=request.user,
            explanation=data["explanation"],
            actions=data.get("actions", []),
        )
        return self._row(data["goal"], data["moment"])


REPORT_STEP_CODES = (
    "report_transition_not_allowed",
    "report_concept_reason_missing",
    "report_meeting_date_missing",
    "report_date_before_previous_step",
    "report_summary_missing",
    "report_adopted_too_early",
    "report_outside_period",
)


@extend_schema_view(
    list=extend_schema(summary="Voortgangsrapportages per jaar", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén voortgangsrapportage: status, samenvatting, versies en stappen"),
)
class ProgressReportViewSet(viewsets.ReadOnlyModelViewSet):
    """The annual progress reports: everyone with a role reads (BBG members, DVO secretaries, staff); staff write
    the summary, freeze a version and take the steps, through the pages' services."""

    serializer_class = ProgressReportSerializer
    permission_classes = [MonitoringPermission]
    write_perm = "monitoring.change_monitoring"
    refusal_codes = {
        "transition": REPORT_STEP_CODES,
        "summary": ("report_frozen", "report_outside_period", "max_length"),
        "version": ("report_frozen", "report_outside_period", "max_length"),
    }

    def get_queryset(self):
        queryset = (
            ProgressReport.objects.select_related("process")
            .prefetch_related(
                Prefetch("versions", queryset=ProgressReportVersion.objects.select_related("created_by")),
                Prefetch("transitions", queryset=ProgressReportTransition.objects.select_related("by", "version")),
            )
            .order_by("process", "year")
        )
        return _by_process(queryset, self.request, "process__slug")

    def _answer(self, report):
        return Response(self.get_serializer(self.get_queryset().get(pk=report.pk)).data)

    @extend_schema(summary="Een stap in de besluitvorming (programmastaf)", request=ReportTransitionInputSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        report = self.get_object()
        serializer = ReportTransitionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        service_call(
            services.report_transition,
            process=report.process,
            year=report.year,
            user=request.user,
            to_status=data["to_status"],
            meeting_date=data.get("meeting_date"),
            note=data.get("note", ""),
        )
        return self._answer(report)

    @extend_schema(summary="De samenvatting schrijven (programmastaf)", request=ReportSummarySerializer)
    @action(detail=True, methods=["post"])
    def summary(self, request, pk=None):
        report = self.get_object()
        serializer = ReportSummarySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        service_call(
            services.report_summary_save,
            process=report.process,
            year=report.year,
            user=request.user,
            summary_html=serializer.validated_data["summary_html"],
        )
        return self._answer(report)

    @extend_schema(summary="Een nieuwe versie vastleggen (programmastaf)", request=ReportVersionInputSerializer)
    @action(detail=True, methods=["post"])
    def version(self, request, pk=None):
        report = self.get_object()
        serializer = ReportVersionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        service_call(
            services.report_version_create,
            process=report.process,
            year=report.year,
            user=request.user,
            note=serializer.validated_data.get("note", ""),
        )
        return self._answer(report)
