"""The consultation's API shapes. Writes go through consultation/services.py (core.api.service_call)."""

from rest_framework import serializers

from .models import ConsultationRound, CouncilEntry


class CouncilEntrySerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.name", read_only=True)
    district = serializers.CharField(source="municipality.district.code", read_only=True)
    has_attachment = serializers.SerializerMethodField()

    class Meta:
        model = CouncilEntry
        fields = [
            "id", "round", "municipality", "district", "sent_on", "meeting_on", "status", "received_on", "scope",
            "response_html", "summary", "follow_up", "has_attachment", "attachment_name", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "round", "municipality", "district", "sent_on", "has_attachment", "attachment_name",
                            "updated_at"]  # fmt: skip
        extra_kwargs = {"summary": {"max_length": 300}, "response_html": {"max_length": 50_000},
                        "follow_up": {"max_length": 5_000}}  # fmt: skip

    def get_has_attachment(self, entry) -> bool:
        return bool(entry.attachment)


class ConsultationRoundSerializer(serializers.ModelSerializer):
    version = serializers.CharField(source="version.label", read_only=True)
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    counts = serializers.SerializerMethodField()

    class Meta:
        model = ConsultationRound
        fields = ["id", "process", "version", "sent_on", "deadline", "note", "counts"]

    def get_counts(self, consultation) -> dict[str, int]:
        counts = dict.fromkeys(CouncilEntry.Status.values, 0)
        for status in consultation.entries.values_list("status", flat=True):
            counts[status] += 1
        return counts


class ConsultationRoundCreateSerializer(serializers.Serializer):
    process = serializers.SlugField(max_length=50)
    version = serializers.RegexField(r"^\d{1,3}\.\d{1,3}$", max_length=7, help_text="Bijv. '0.3'.")
    sent_on = serializers.DateField()
    deadline = serializers.DateField()
    note = serializers.CharField(max_length=5_000, required=False, allow_blank=True)


class AttachmentUploadSerializer(serializers.Serializer):
    attachment = serializers.FileField(
        max_length=255,
        help_text="De motie of brief: PDF of Word (DOCX), herkend aan de inhoud; de extensie moet erbij passen.",
    )
