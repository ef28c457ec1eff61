"""The API's view of the goals (with their SMART check) and the document (status, versions, steps).

Writes go through documents/services.py, so the SMART rule, the workflow and the freeze hold here as on the pages;
a refused write answers 400 with the Dutch message.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.limits import TEXT_MAX_LENGTH
from planning.models import StrategyProcess
from priorities.models import Priority

from . import services
from .models import Document, DocumentTransition, DocumentVersion, Goal, GoalPartnerRole, Partner


def service_call(function, **kwargs):
    """Call a service; its ValidationError becomes the API's 400 with the same Dutch message."""
    try:
        return function(**kwargs)
    except DjangoValidationError as error:
        raise serializers.ValidationError(serializers.as_serializer_error(error)) from error


class GoalRoleSerializer(serializers.ModelSerializer):
    partner_display = serializers.CharField(read_only=True)

    class Meta:
        model = GoalPartnerRole
        fields = ["partner", "partner_other", "role", "partner_display"]
        extra_kwargs = {"partner_other": {"required": False}}
        validators = []


class GoalSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", queryset=StrategyProcess.objects.all())
    priority = serializers.PrimaryKeyRelatedField(queryset=Priority.objects.all())
    # Plain strings in the schema: the partner and status choice sets are shared with the other apps' enums.
    owner = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
        allow_blank=True,
        required=False,
        help_text=_("De trekkende partner: municipalities, police, prosecution, riec, care of other."),
    )
    status = serializers.CharField(read_only=True)
    roles = GoalRoleSerializer(many=True, required=False)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    smart_issues = serializers.SerializerMethodField(help_text=_("Wat nog ontbreekt of niet klopt; leeg = SMART."))

    class Meta:
        model = Goal
        fields = [
            "id",
            "process",
            "priority",
            "position",
            "title",
            "description",
            "indicator",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "deadline",
            "owner",
            "owner_other",
            "urgency",
            "organisation",
            "financing_amount",
            "financing_source",
            "roles",
            "status",
            "status_display",
            "put_forward_on",
            "adopted_on",
            "smart_issues",
        ]
        read_only_fields = ["position", "status", "put_forward_on", "adopted_on"]
        validators = []

    def validate_owner(self, value):
        if value and value not in Partner.values:
            raise serializers.ValidationError(_("Onbekende partner."))
        return value

    def get_smart_issues(self, goal) -> list[str]:
        issues = self.context.get("issues", {}).get(goal.pk)
        if issues is None:
            from .selectors import goal_issues

            issues = goal_issues(goal)
        return [str(issue) for issue in issues]

    def _goal_data(self, validated):
        return {key: value for key, value in validated.items() if key not in ("process", "roles")}

    def create(self, validated_data):
        return service_call(
            services.goal_create,
            process=validated_data["process"],
            user=self.context["request"].user,
            data=self._goal_data(validated_data),
            roles=validated_data.get("roles", []),
        )

    def update(self, goal, validated_data):
        if "process" in validated_data and validated_data["process"].pk != goal.process_id:
            raise serializers.ValidationError({"process": _("Een doelstelling kan niet naar een ander proces.")})
        return service_call(
            services.goal_update,
            goal=goal,
            user=self.context["request"].user,
            data=self._goal_data(validated_data),
            roles=validated_data.get("roles"),
        )


class PutForwardSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, allow_null=True)


class VersionSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    created_by = serializers.StringRelatedField()

    class Meta:
        model = DocumentVersion
        fields = ["label", "status", "status_display", "fingerprint", "note", "made_on", "created_at", "created_by"]


class TransitionSerializer(serializers.ModelSerializer):
    from_status = serializers.CharField(read_only=True)
    to_status = serializers.CharField(read_only=True)
    by = serializers.StringRelatedField()
    version = serializers.CharField(source="version.label", default=None)

    class Meta:
        model = DocumentTransition
        fields = ["from_status", "to_status", "meeting_date", "note", "by", "at", "version"]


class DocumentSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status = serializers.CharField(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    versions = VersionSerializer(many=True, read_only=True)
    transitions = TransitionSerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = [
            "process",
            "title",
            "status",
            "status_display",
            "sent_to_rvo_on",
            "for_adoption_on",
            "adopted_on",
            "nota_on",
            "versions",
            "transitions",
        ]
        read_only_fields = fields


class TransitionInputSerializer(serializers.Serializer):
    to_status = serializers.CharField(
        help_text=_("De nieuwe status: sent_to_rvo, for_adoption, adopted, nota of concept.")
    )

    def validate_to_status(self, value):
        if value not in Document.Status.values:
            raise serializers.ValidationError(_("Onbekende status."))
        return value

    meeting_date = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")
