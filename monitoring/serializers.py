"""The API's view of the monitoring: measurement moments, indicators, values and the progress per goal and moment.
Writes go through monitoring/services.py (units, ranges, moments, who may enter what); a refusal is a 400 or 403
in the one error shape."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.limits import TEXT_MAX_LENGTH
from core.prose import PROSE_MAX_LENGTH
from documents.models import Goal
from planning.models import Action, District, Municipality

from .models import (
    EXPLANATION_MAX_LENGTH,
    REMARK_MAX_LENGTH,
    Indicator,
    Measurement,
    MeasurementMoment,
    ProgressReport,
    ProgressReportTransition,
    ProgressReportVersion,
    ProgressStatus,
)
from .services import SOURCE_MAX_LENGTH


class MomentSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = MeasurementMoment
        fields = ["id", "process", "measured_on", "label"]


class IndicatorSerializer(serializers.ModelSerializer):
    baseline = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    target = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)

    class Meta:
        model = Indicator
        fields = ["id", "goal", "position", "name", "unit", "baseline", "target", "scope"]


class MeasurementSerializer(serializers.ModelSerializer):
    """One value. ``value`` is read as the unit says: a number (a decimal point, or Dutch notation "4.150" /
    "12,5"), or "ja"/"nee"/true/false for a yes/no indicator."""

    indicator = serializers.PrimaryKeyRelatedField(queryset=Indicator.objects.select_related("goal__process"))
    moment = serializers.PrimaryKeyRelatedField(queryset=MeasurementMoment.objects.all())
    district = serializers.SlugRelatedField(
        slug_field="code", queryset=District.objects.all(), required=False, allow_null=True
    )
    municipality = serializers.PrimaryKeyRelatedField(
        queryset=Municipality.objects.all(), required=False, allow_null=True
    )
    value = serializers.CharField(max_length=40, help_text=_("Een getal of ja/nee, volgens de eenheid."))
    source = serializers.CharField(max_length=SOURCE_MAX_LENGTH)
    remark = serializers.CharField(max_length=REMARK_MAX_LENGTH, required=False, allow_blank=True)
    provisional = serializers.BooleanField(required=False, default=False)
    unit = serializers.CharField(source="indicator.unit", read_only=True)
    entered_by = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = Measurement
        fields = [
            "id",
            "indicator",
            "moment",
            "district",
            "municipality",
            "value",
            "unit",
            "provisional",
            "source",
            "remark",
            "entered_by",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        validators = []

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["value"] = f"{instance.value:.2f}"
        return data


class IndicatorProgressSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(source="indicator.pk")
    value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    progress = serializers.DecimalField(max_digits=8, decimal_places=3, allow_null=True)
    expected = serializers.DecimalField(max_digits=8, decimal_places=3)
    status = serializers.CharField(allow_null=True)


class GoalProgressSerializer(serializers.Serializer):
    """A goal at a moment: the status by the rule, staff's override with its reason, the one that counts, and the
    owner's explanation."""

    goal = serializers.IntegerField()
    moment = serializers.IntegerField(source="row.moment.pk")
    measured_on = serializers.DateField(source="row.moment.measured_on")
    computed_status = serializers.CharField(source="row.computed", allow_null=True)
    override_status = serializers.SerializerMethodField()
    override_reason = serializers.SerializerMethodField()
    status = serializers.CharField(source="row.status", allow_null=True)
    explanation = serializers.SerializerMethodField()
    indicators = IndicatorProgressSerializer(source="row.indicators", many=True)

    def get_override_status(self, obj) -> str:
        return obj["row"].assessment.override_status if obj["row"].assessment else ""

    def get_override_reason(self, obj) -> str:
        return obj["row"].assessment.override_reason if obj["row"].assessment else ""

    def get_explanation(self, obj) -> str:
        return obj["row"].assessment.explanation if obj["row"].assessment else ""


class OverrideSerializer(serializers.Serializer):
    goal = serializers.PrimaryKeyRelatedField(queryset=Goal.objects.select_related("process"))
    moment = serializers.PrimaryKeyRelatedField(queryset=MeasurementMoment.objects.all())
    status = serializers.ChoiceField(choices=[("", ""), *ProgressStatus.choices], allow_blank=True)
    reason = serializers.CharField(max_length=REMARK_MAX_LENGTH, required=False, allow_blank=True)


class ExplanationSerializer(serializers.Serializer):
    """The owner's explanation of a goal at a moment and the planning's actions the partners took."""

    goal = serializers.PrimaryKeyRelatedField(queryset=Goal.objects.select_related("process"))
    moment = serializers.PrimaryKeyRelatedField(queryset=MeasurementMoment.objects.all())
    explanation = serializers.CharField(max_length=EXPLANATION_MAX_LENGTH, allow_blank=True)
    actions = serializers.PrimaryKeyRelatedField(queryset=Action.objects.all(), many=True, required=False)


class ReportVersionSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    created_by = serializers.StringRelatedField()

    class Meta:
        model = ProgressReportVersion
        fields = ["label", "status", "note", "created_at", "created_by"]


class ReportTransitionSerializer(serializers.ModelSerializer):
    from_status = serializers.CharField(read_only=True)
    to_status = serializers.CharField(read_only=True)
    by = serializers.StringRelatedField()
    version = serializers.CharField(source="version.label", default=None)

    class Meta:
        model = ProgressReportTransition
        fields = ["from_status", "to_status", "meeting_date", "note", "by", "at", "version"]


class ProgressReportSerializer(serializers.ModelSerializer):
    """A year's progress report: status and dates of its steps, the summary, versions, steps, its milestone."""

    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status = serializers.CharField(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    versions = ReportVersionSerializer(many=True, read_only=True)
    transitions = ReportTransitionSerializer(many=True, read_only=True)

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "process",
            "year",
            "status",
            "status_display",
            "summary_html",
            "sent_to_rvo_on",
            "for_adoption_on",
            "adopted_on",
            "milestone",
            "versions",
            "transitions",
        ]
        read_only_fields = fields


class ReportSummarySerializer(serializers.Serializer):
    summary_html = serializers.CharField(allow_blank=True, max_length=PROSE_MAX_LENGTH)


class ReportVersionInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class ReportTransitionInputSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(
        choices=[(value, value) for value in ProgressReport.Status.values],
        help_text=_("De nieuwe status: sent_to_rvo, for_adoption, adopted of concept."),
    )
    meeting_date = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")
