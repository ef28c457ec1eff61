"""The search in the API: GET /api/search/?q=...&process=<slug>&kind=<kind>, the same hits and counts as the
page, with the same visibility per role."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from planning.models import StrategyProcess

from .engine import MAX_QUERY_LENGTH, search_for
from .kinds import KINDS_BY_KEY


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField(
        source="kind.key", help_text="priority, milestone, action, source, plan, goal, document of comment."
    )
    kind_label = serializers.CharField(source="kind.label")
    id = serializers.IntegerField(source="obj.pk")
    title = serializers.CharField()
    process = serializers.SlugField(source="obj.process.slug")
    rank = serializers.FloatField()
    snippet = serializers.CharField(help_text="HTML: de tekst rond de treffer, de gevonden woorden in <mark>.")
    html_url = serializers.SerializerMethodField()

    def get_html_url(self, hit) -> str:
        return self.context["request"].build_absolute_uri(hit.url)


class SearchView(GenericAPIView):
    permission_classes = [RulePermission]
    view_perm = "search.use_search"
    change_perm = "search.use_search"
    serializer_class = SearchHitSerializer

    @extend_schema(
        summary="Zoeken in alles wat u mag zien",
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, OpenApiParameter.QUERY, required=True, description="Zoekvraag."),
            OpenApiParameter("process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen dit proces."),
            OpenApiParameter("kind", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen deze soort."),
        ],
        responses=inline_serializer(
            "SearchResult",
            {
                "query": serializers.CharField(),
                "total": serializers.IntegerField(),
                "counts": serializers.DictField(child=serializers.IntegerField()),
                "results": SearchHitSerializer(many=True),
            },
        ),
    )
    def get(self, request):
        params = request.query_params
        text = params.get("q", "").strip()
        if not text:
            raise ValidationError({"q": [gettext("Geef een zoekvraag op.")]}, code="required")
        if len(text) > MAX_QUERY_LENGTH:
            message = gettext("Een zoekvraag is hoogstens %(limit_value)d tekens lang.")
            raise ValidationError({"q": [message % {"limit_value": MAX_QUERY_LENGTH}]}, code="max_length")
        kind = params.get("kind", "")
        if kind and kind not in KINDS_BY_KEY:
            raise ValidationError({"kind": [gettext("Deze soort bestaat niet.")]}, code="invalid_choice")
        slug = params.get("process", "")
        process = get_object_or_404(StrategyProcess, slug=slug) if slug else None
        result = search_for(request.user, text, process=process, kinds=[kind] if kind else None)
        hits = SearchHitSerializer(result.hits, many=True, context={"request": request}).data
        return Response({"query": text, "total": result.total, "counts": result.counts, "results": hits})
