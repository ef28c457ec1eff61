"""The API shapes of the ambtelijke toets. Writes go through partners/services.py (core.api.service_call)."""

from rest_framework import serializers

from scan.models import PlanTheme, Theme

from .models import REMARK_MAX_LENGTH, CheckProposal, CheckRequest


class CheckPlanThemeSerializer(serializers.ModelSerializer):
    theme = serializers.SlugRelatedField(slug_field="name", read_only=True)

    class Meta:
        model = PlanTheme
        fields = ["theme", "wording", "origin"]


class CheckProposalSerializer(serializers.ModelSerializer):
    theme = serializers.SlugRelatedField(slug_field="name", read_only=True)

    class Meta:
        model = CheckProposal
        fields = ["id", "kind", "theme", "wording", "remark", "decision", "decision_reason", "decided_at"]


class CheckRequestSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(source="plan.process", slug_field="slug", read_only=True)
    municipality = serializers.CharField(source="plan.municipality.name", read_only=True)
    district = serializers.CharField(source="plan.municipality.district.code", read_only=True)
    plan_themes = CheckPlanThemeSerializer(source="plan.plan_themes", many=True, read_only=True)
    proposals = CheckProposalSerializer(many=True, read_only=True)

    class Meta:
        model = CheckRequest
        fields = [
            "id", "process", "municipality", "district", "status", "sent_on", "deadline", "agrees", "remark",
            "answered_at", "processed_at", "plan_themes", "proposals",
        ]  # fmt: skip


class CheckSendSerializer(serializers.Serializer):
    process = serializers.SlugField(max_length=50)
    municipality = serializers.CharField(max_length=100, help_text="De naam van de gemeente, bijv. 'Arnhem'.")
    deadline = serializers.DateField()


class CheckAnswerProposalSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CheckProposal.Kind.choices)
    theme = serializers.SlugRelatedField(slug_field="name", queryset=Theme.objects.all())
    wording = serializers.CharField(max_length=REMARK_MAX_LENGTH, required=False, allow_blank=True)
    remark = serializers.CharField(max_length=REMARK_MAX_LENGTH, required=False, allow_blank=True)


class CheckAnswerSerializer(serializers.Serializer):
    agrees = serializers.BooleanField()
    remark = serializers.CharField(max_length=REMARK_MAX_LENGTH, required=False, allow_blank=True)
    proposals = CheckAnswerProposalSerializer(many=True, required=False, max_length=100)


class CheckDecisionSerializer(serializers.Serializer):
    proposal = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    accept = serializers.BooleanField()
    reason = serializers.CharField(max_length=REMARK_MAX_LENGTH)
