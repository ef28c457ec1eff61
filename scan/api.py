"""The scan's REST API: themes, municipal plans with their themes, the themes of plans, sources, and the shares
per theme. The same rules as the pages: every role reads, programme staff write, users without a role get 403,
and confidential sources reach programme staff only (sources_visible_to). Lists run a fixed number of queries.
"""

from dataclasses import asdict

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from core.limits import parse_id
from planning.models import StrategyProcess

from .models import MunicipalPlan, PlanTheme, Theme
from .selectors import search_sources, sources_visible_to, theme_shares
from .serializers import MunicipalPlanSerializer, PlanThemeSerializer, SourceSerializer, ThemeSerializer
from .services import plan_theme_add, plan_theme_update

PROCESS_FILTER = OpenApiParameter(
    "process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="De adresnaam van het proces."
)
SOURCE_FILTERS = [
    PROCESS_FILTER,
    OpenApiParameter("kind", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen deze soort."),
    OpenApiParameter("theme", OpenApiTypes.INT, OpenApiParameter.QUERY, description="Alleen met dit thema."),
    OpenApiParameter("q", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Zoektekst."),
]


class CreateReadUpdateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [RulePermission]

    def filter_by_process(self, queryset, field: str = "process__slug"):
        slug = self.request.query_params.get("process")
        return queryset.filter(**{field: slug}) if slug else queryset


@extend_schema_view(
    list=extend_schema(summary="Thema's"),
    retrieve=extend_schema(summary="Eén thema"),
    create=extend_schema(summary="Thema aanmaken (programmastaf)"),
    update=extend_schema(summary="Thema wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Thema deels wijzigen (programmastaf)"),
)
class ThemeViewSet(CreateReadUpdateViewSet):
    queryset = Theme.objects.all()
    serializer_class = ThemeSerializer
    view_perm = "scan.view_theme"
    change_perm = "scan.change_theme"


@extend_schema_view(
    list=extend_schema(summary="Gemeentelijke veiligheidsplannen", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén gemeentelijk veiligheidsplan"),
    create=extend_schema(summary="Plan aanmaken (programmastaf)"),
    update=extend_schema(summary="Plan wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Plan deels wijzigen (programmastaf)"),
)
class MunicipalPlanViewSet(CreateReadUpdateViewSet):
    serializer_class = MunicipalPlanSerializer
    view_perm = "scan.view_municipalplan"
    change_perm = "scan.change_municipalplan"

    def get_queryset(self):
        queryset = MunicipalPlan.objects.select_related("process", "municipality").prefetch_related(
            Prefetch("plan_themes", queryset=PlanTheme.objects.select_related("theme"))
        )
        return self.filter_by_process(queryset)


@extend_schema_view(
    list=extend_schema(summary="Thema's in plannen", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén thema in een plan"),
    create=extend_schema(summary="Thema aan een plan toevoegen (programmastaf)"),
    update=extend_schema(summary="Thema in een plan wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Thema in een plan deels wijzigen (programmastaf)"),
    destroy=extend_schema(summary="Thema uit een plan halen (programmastaf)"),
)
class PlanThemeViewSet(mixins.DestroyModelMixin, CreateReadUpdateViewSet):
    serializer_class = PlanThemeSerializer
    view_perm = "scan.view_municipalplan"
    change_perm = "scan.change_municipalplan"

    def get_queryset(self):
        return self.filter_by_process(PlanTheme.objects.select_related("theme"), "plan__process__slug")

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = plan_theme_add(
            plan=data["plan"], theme=data["theme"], wording=data.get("wording", ""), origin=data.get("origin", "scan")
        )

    def perform_update(self, serializer):
        instance = serializer.instance
        data = serializer.validated_data
        if "theme" in data and data["theme"].pk != instance.theme_id:
            instance.theme = data["theme"]
            instance.save(update_fields=["theme"])
        serializer.instance = plan_theme_update(
            plan_theme=instance,
            wording=data.get("wording", instance.wording),
            origin=data.get("origin", instance.origin),
        )


@extend_schema_view(
    list=extend_schema(summary="Bronnen (vertrouwelijke alleen voor de programmastaf)", parameters=SOURCE_FILTERS),
    retrieve=extend_schema(summary="Eén bron"),
    create=extend_schema(summary="Bron aanmaken (programmastaf)"),
    update=extend_schema(summary="Bron wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Bron deels wijzigen (programmastaf)"),
    destroy=extend_schema(summary="Bron verwijderen (programmastaf)"),
)
class SourceViewSet(mixins.DestroyModelMixin, CreateReadUpdateViewSet):
    serializer_class = SourceSerializer
    view_perm = "scan.view_source"
    change_perm = "scan.change_source"

    def get_queryset(self):
        params = self.request.query_params
        theme = params.get("theme", "")
        sources = search_sources(
            sources_visible_to(self.request.user),
            text=params.get("q", "").strip(),
            kind=params.get("kind", ""),
            theme_id=parse_id(theme),
        )
        return self.filter_by_process(sources.select_related("process").prefetch_related("themes"))


SHARE_SERIALIZER = inline_serializer(
    "ThemeShare",
    many=True,
    fields={
        "theme_id": serializers.IntegerField(),
        "theme_name": serializers.CharField(),
        "count": serializers.IntegerField(),
        "total_municipalities": serializers.IntegerField(),
        "share_municipalities": serializers.FloatField(),
        "inhabitants": serializers.IntegerField(),
        "total_inhabitants": serializers.IntegerField(),
        "share_inhabitants": serializers.FloatField(allow_null=True),
        "unknown_population": serializers.ListField(child=serializers.CharField()),
        "per_district": serializers.DictField(child=serializers.IntegerField()),
    },
)


class ScanShareViewSet(viewsets.ViewSet):
    permission_classes = [RulePermission]
    view_perm = "scan.view_scan"
    change_perm = "scan.change_scan"
    lookup_field = "slug"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="De adresnaam van het proces."
            )
        ],
        summary="Aandelen per thema van een proces",
        description="Per thema: aantal gemeenten, aandeel gemeenten en inwoners (bekende inwonertallen), per district.",
        responses=SHARE_SERIALIZER,
    )
    def retrieve(self, request, slug=None):
        process = get_object_or_404(StrategyProcess, slug=slug)
        shares = sorted(theme_shares(process).values(), key=lambda share: share.theme_name.lower())
        rows = []
        for share in shares:
            row = asdict(share)
            row.pop("municipality_ids")
            row["unknown_population"] = list(row["unknown_population"])
            rows.append(row)
        return Response(rows)
