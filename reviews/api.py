"""The reviews' REST API: the same rules as the pages. Every role reads (BBG members, DVO secretaries, staff); staff
write: start a review, change it, a goal's recommendation, a step in the workflow."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from core.api import service_call

from . import services
from .models import Review
from .serializers import (
    ReviewGoalWriteSerializer,
    ReviewListSerializer,
    ReviewSerializer,
    ReviewTransitionWriteSerializer,
)

PROCESS_FILTER = OpenApiParameter(
    "process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen die van dit proces (de adresnaam)."
)


@extend_schema_view(
    list=extend_schema(summary="Reviews (midterm en endterm)", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén review met per doelstelling de stand, de teksten en de aanbeveling"),
    create=extend_schema(summary="Een review beginnen (programmastaf)"),
    update=extend_schema(summary="Een review wijzigen (programmastaf)"),
    partial_update=extend_schema(summary="Een review deels wijzigen (programmastaf)"),
)
class ReviewViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [RulePermission]
    view_perm = "reviews.view_review"
    change_perm = "reviews.change_review"
    refusal_codes = {
        "create": ("review_kind_unknown", "review_exists", "review_moment_other_process", "review_no_goals",
                   "max_length"),
        "update": ("review_frozen", "review_moment_other_process", "review_kind_fixed", "max_length"),
        "partial_update": ("review_frozen", "review_moment_other_process", "review_kind_fixed", "max_length"),
        "goals": ("review_frozen", "review_recommendation_unknown", "review_reason_missing", "review_goal_other",
                  "max_length"),
        "transition": (
            "review_transition_not_allowed", "review_concept_reason_missing", "review_meeting_date_missing",
            "review_date_before_previous_step", "review_date_before_moment", "review_recommendation_missing",
            "review_no_goals",
        ),
    }  # fmt: skip

    def get_queryset(self):
        queryset = Review.objects.select_related("process", "moment").order_by("process", "kind")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("versions", "transitions__version")
        slug = self.request.query_params.get("process")
        return queryset.filter(process__slug=slug) if slug else queryset

    def get_serializer_class(self):
        return ReviewListSerializer if self.action == "list" else ReviewSerializer

    def create(self, request, *args, **kwargs):
        serializer = ReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        review = service_call(
            services.review_create,
            process=data["process"],
            user=request.user,
            kind=data["kind"],
            light=data.get("light", False),
            moment=data.get("moment"),
            title=data.get("title", ""),
            summary_html=data.get("summary_html", ""),
        )
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        review = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = ReviewSerializer(review, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data.get("process", review.process) != review.process or data.get("kind", review.kind) != review.kind:
            raise ValidationError(
                {"kind": ["Het proces en de soort van een review liggen vast."]}, code="review_kind_fixed"
            )
        review = service_call(
            services.review_update,
            review=review,
            user=request.user,
            title=data.get("title", review.title),
            light=data.get("light", review.light),
            moment=data.get("moment", review.moment),
            summary_html=data.get("summary_html", review.summary_html),
        )
        return Response(ReviewSerializer(review).data)

    @extend_schema(
        summary="Wat werkte, wat niet en de aanbeveling bij één doelstelling (programmastaf)",
        request=ReviewGoalWriteSerializer,
        responses=ReviewSerializer,
    )
    @action(detail=True, methods=["post"])
    def goals(self, request, pk=None):
        review = self.get_object()
        serializer = ReviewGoalWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        item = data.pop("goal_row")
        if item.review_id != review.pk:
            raise ValidationError(
                {"goal_row": ["Deze doelstelling hoort bij een andere review."]}, code="review_goal_other"
            )
        service_call(services.review_goal_save, item=item, user=request.user, **data)
        review.refresh_from_db()
        return Response(ReviewSerializer(review).data)

    @extend_schema(
        summary="Een stap in de workflow: naar het RVO, ter vaststelling, vastgesteld, terug naar concept",
        request=ReviewTransitionWriteSerializer,
        responses=ReviewSerializer,
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        review = self.get_object()
        serializer = ReviewTransitionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        service_call(services.review_transition, review=review, user=request.user, **serializer.validated_data)
        review.refresh_from_db()
        return Response(ReviewSerializer(review).data)
