"""The API's view of the long list: priorities with their roles, criteria and the scan's proposal for criterion 1,
and the list's consent state.

Writes go through priorities/services.py, so the limit of ten and the freeze hold here as on the pages; a refused
write answers 400 with the Dutch message. Sources are shown only if the user may see them (confidential ones are
for programme staff only).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api import absolute_url, service_call
from core.limits import TEXT_MAX_LENGTH
from planning.models import Milestone, StrategyProcess
from scan.models import Source, Theme

from . import services
from .models import MAX_PRIORITIES, Criterion, CriterionAssessment, LongList, Outcome, PartnerRole, Priority, Urgency
from .selectors import majority_proposals


class PartnerRoleSerializer(serializers.ModelSerializer):
    partner_display = serializers.CharField(read_only=True, help_text=_("De partner in woorden."))

    class Meta:
        model = PartnerRole
        fields = ["partner", "partner_other", "role", "partner_display"]
        extra_kwargs = {"partner_other": {"required": False}, "role": {"required": False}}
        validators = []  # the service checks the roles of one priority together

    def validate(self, attrs):
        if attrs.get("partner") == PartnerRole.Partner.OTHER and not (attrs.get("partner_other") or "").strip():
            raise serializers.ValidationError({"partner_other": _("Noem de partner bij 'anders'.")})
        return attrs


class CriterionAssessmentSerializer(serializers.ModelSerializer):
    criterion_display = serializers.CharField(source="get_criterion_display", read_only=True)
    outcome_display = serializers.CharField(source="get_outcome_display", read_only=True)

    class Meta:
        model = CriterionAssessment
        fields = ["criterion", "criterion_display", "outcome", "outcome_display", "justification"]


class AssessmentInputSerializer(serializers.Serializer):
    criterion = serializers.ChoiceField(choices=Criterion.choices)
    outcome = serializers.ChoiceField(
        choices=Outcome.choices, allow_blank=True, help_text=_("Leeg: niet (meer) beoordeeld.")
    )
    justification = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
        allow_blank=True,
        required=False,
        default="",
        help_text=_("Verplicht, behalve bij het overnemen van het voorstel uit de scan voor criterium 1."),
    )


class MajorityProposalSerializer(serializers.Serializer):
    municipalities = serializers.IntegerField(help_text=_("Gemeenten waarvan het plan een van de thema's noemt."))
    total = serializers.IntegerField(help_text=_("Alle gemeenten van de eenheid."))
    share = serializers.DecimalField(max_digits=5, decimal_places=1, help_text=_("Aandeel in procenten."))
    threshold = serializers.DecimalField(max_digits=5, decimal_places=2, help_text=_("Drempel van het proces (%)."))
    outcome = serializers.CharField(help_text=_("Voorgesteld oordeel: met, partly of not_met."))
    explanation = serializers.CharField()


class SourceSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "title", "kind", "published_on", "confidentiality"]


class VisibleSourcesField(serializers.ManyRelatedField):
    """The priority's sources as ids, leaving out those the user may not see."""

    def get_attribute(self, instance):
        user = self.context["request"].user
        return [source for source in instance.sources.all() if user.has_perm("scan.view_source", source)]


class PrioritySerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(
        slug_field="slug", queryset=StrategyProcess.objects.all(), help_text=_("De adresnaam van het proces.")
    )
    themes = serializers.PrimaryKeyRelatedField(many=True, queryset=Theme.objects.all(), required=False)
    sources = VisibleSourcesField(
        child_relation=serializers.PrimaryKeyRelatedField(queryset=Source.objects.all()),
        required=False,
        help_text=_("Bronnen als onderbouwing; vertrouwelijke alleen voor de programmastaf."),
    )
    source_details = serializers.SerializerMethodField()
    continues = serializers.PrimaryKeyRelatedField(queryset=Priority.objects.all(), required=False, allow_null=True)
    urgency = serializers.ChoiceField(choices=Urgency.choices, required=False, default=Urgency.URGENT)
    position = serializers.IntegerField(min_value=1, max_value=MAX_PRIORITIES, required=False)
    roles = PartnerRoleSerializer(many=True, required=False)
    criteria = CriterionAssessmentSerializer(many=True, read_only=True, source="assessments")
    majority_proposal = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = Priority
        fields = [
            "id",
            "process",
            "position",
            "title",
            "description",
            "urgency",
            "themes",
            "sources",
            "source_details",
            "continues",
            "roles",
            "criteria",
            "majority_proposal",
            "updated_at",
            "html_url",
        ]
        read_only_fields = ["updated_at"]
        validators = []  # the service checks the title's uniqueness and the limit of ten

    @extend_schema_field(SourceSummarySerializer(many=True))
    def get_source_details(self, priority):
        user = self.context["request"].user
        visible = [source for source in priority.sources.all() if user.has_perm("scan.view_source", source)]
        return SourceSummarySerializer(visible, many=True).data

    @extend_schema_field(MajorityProposalSerializer)
    def get_majority_proposal(self, priority):
        proposals = self.context.get("proposals") or {}
        proposal = proposals.get(priority.pk) or majority_proposals(priority.process, [priority])[priority.pk]
        return MajorityProposalSerializer(proposal).data

    def get_html_url(self, priority) -> str:
        return absolute_url(self.context.get("request"), priority.get_absolute_url())

    def validate(self, attrs):
        if self.instance is not None and "process" in attrs and attrs["process"].pk != self.instance.process_id:
            raise serializers.ValidationError({"process": _("Een prioriteit kan niet naar een ander proces.")})
        return attrs

    def create(self, validated_data):
        return service_call(
            services.priority_create,
            process=validated_data["process"],
            title=validated_data["title"],
            description=validated_data.get("description", ""),
            urgency=validated_data.get("urgency", Urgency.URGENT),
            themes=validated_data.get("themes", []),
            sources=validated_data.get("sources", []),
            continues=validated_data.get("continues"),
            roles=validated_data.get("roles", []),
        )

    def update(self, priority, validated_data):
        return service_call(
            services.priority_update,
            priority=priority,
            title=validated_data.get("title", priority.title),
            description=validated_data.get("description", priority.description),
            urgency=validated_data.get("urgency", priority.urgency),
            position=validated_data.get("position"),
            themes=validated_data.get("themes"),
            sources=validated_data.get("sources"),
            continues=validated_data.get("continues", priority.continues),
            roles=validated_data.get("roles"),
        )


class LongListSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    is_frozen = serializers.BooleanField(read_only=True)
    freeze_message = serializers.CharField(read_only=True)

    class Meta:
        model = LongList
        fields = [
            "process",
            "status",
            "status_display",
            "approved_on",
            "approved_at_meeting",
            "sent_on",
            "reopen_reason",
            "is_frozen",
            "freeze_message",
        ]
        read_only_fields = fields


class ApproveSerializer(serializers.Serializer):
    approved_on = serializers.DateField()
    meeting = serializers.PrimaryKeyRelatedField(queryset=Milestone.objects.all(), required=False, allow_null=True)


class SendSerializer(serializers.Serializer):
    sent_on = serializers.DateField()


class ReopenSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=TEXT_MAX_LENGTH, help_text=_("Verplicht; wordt bewaard in de geschiedenis.")
    )


class ReopenResultSerializer(LongListSerializer):
    warnings = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta(LongListSerializer.Meta):
        fields = [*LongListSerializer.Meta.fields, "warnings"]
        read_only_fields = fields
