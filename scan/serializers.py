"""The API's view of the scan: themes, municipal plans with their themes, and sources.

Writes hold the same rules as the forms, with Dutch messages. Documents are uploaded through the pages (they are
checked by content there); the API gives the address of the permission-checked download.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from planning.models import Municipality, StrategyProcess

from .models import MunicipalPlan, PlanTheme, Source, Theme
from .services import plan_check_errors


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name", "description"]


class PlanThemeSerializer(serializers.ModelSerializer):
    theme_name = serializers.CharField(source="theme.name", read_only=True)
    origin_display = serializers.CharField(source="get_origin_display", read_only=True)

    class Meta:
        model = PlanTheme
        fields = ["id", "plan", "theme", "theme_name", "wording", "origin", "origin_display"]

    def validate_plan(self, plan):
        if self.instance is not None and plan.pk != self.instance.plan_id:
            raise serializers.ValidationError(_("Een thema kan niet naar een ander plan worden verplaatst."))
        return plan


class NestedPlanThemeSerializer(PlanThemeSerializer):
    class Meta(PlanThemeSerializer.Meta):
        fields = ["id", "theme", "theme_name", "wording", "origin", "origin_display"]


class MunicipalPlanSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(
        slug_field="slug", queryset=StrategyProcess.objects.all(), help_text=_("De adresnaam van het proces.")
    )
    municipality = serializers.PrimaryKeyRelatedField(queryset=Municipality.objects.all())
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    themes = NestedPlanThemeSerializer(source="plan_themes", many=True, read_only=True)
    document_url = serializers.SerializerMethodField(
        allow_null=True, help_text=_("Het adres om het document te downloaden.")
    )

    class Meta:
        model = MunicipalPlan
        fields = [
            "id",
            "process",
            "municipality",
            "municipality_name",
            "title",
            "period_start_year",
            "period_end_year",
            "document_name",
            "document_url",
            "check_status",
            "check_sent_on",
            "check_answered_on",
            "check_notes",
            "themes",
        ]
        read_only_fields = ["document_name"]

    @extend_schema_field(OpenApiTypes.URI_REF)  # a path on this site, not an absolute address
    def get_document_url(self, plan) -> str | None:
        if not plan.document:
            return None
        return reverse(
            "scan:plan_document", kwargs={"slug": plan.process.slug, "municipality_pk": plan.municipality_id}
        )

    def validate(self, attrs):
        def value(name):
            return attrs.get(name, getattr(self.instance, name, None))

        if self.instance is not None:
            for name in ("process", "municipality"):
                if name in attrs and attrs[name].pk != getattr(self.instance, f"{name}_id"):
                    raise serializers.ValidationError({name: _("Dit kan niet worden gewijzigd.")})
        start, end = value("period_start_year"), value("period_end_year")
        if start is not None and end is not None and end < start:
            raise serializers.ValidationError({"period_end_year": _("Het laatste jaar ligt vóór het eerste jaar.")})
        errors = plan_check_errors(
            status=value("check_status") or MunicipalPlan.CheckStatus.NOT_SENT,
            sent_on=value("check_sent_on"),
            answered_on=value("check_answered_on"),
        )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class SourceSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(
        slug_field="slug", queryset=StrategyProcess.objects.all(), help_text=_("De adresnaam van het proces.")
    )
    themes = serializers.PrimaryKeyRelatedField(queryset=Theme.objects.all(), many=True, required=False)
    document_url = serializers.SerializerMethodField(
        allow_null=True, help_text=_("Het adres om het document te downloaden.")
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "process",
            "title",
            "kind",
            "owner",
            "published_on",
            "reference",
            "document_name",
            "document_url",
            "themes",
            "confidentiality",
            "notes",
        ]
        read_only_fields = ["document_name"]

    @extend_schema_field(OpenApiTypes.URI_REF)  # a path on this site, not an absolute address
    def get_document_url(self, source) -> str | None:
        if not source.document:
            return None
        return reverse("scan:source_document", kwargs={"slug": source.process.slug, "pk": source.pk})

    def validate(self, attrs):
        process = attrs.get("process")
        if self.instance is not None and process is not None and process.pk != self.instance.process_id:
            raise serializers.ValidationError({"process": _("Dit kan niet naar een ander proces worden verplaatst.")})
        reference = attrs.get("reference", getattr(self.instance, "reference", ""))
        has_document = bool(self.instance and self.instance.document)
        if not reference and not has_document:
            raise serializers.ValidationError(
                {"reference": _("Vul een vindplaats in (een document voegt u toe via de pagina van de bron).")}
            )
        return attrs
