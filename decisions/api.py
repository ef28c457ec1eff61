"""The BBG decision's REST API, under /api/decisions/.

As the pages: everyone with a role reads a confirmed decision; one still being recorded is for programme staff
only (404 for the others, who learn nothing of it). Staff record the top five (POST, creating or replacing it
until it is confirmed) and confirm it, through decisions/services.py: the same rules and codes as the page.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from core.api import service_call
from core.schema import refusals
from planning.access import get_process_for_user
from planning.models import Milestone
from voting.selectors import round_for

from . import services
from .models import BbgDecision, DecisionPriority, PassedOver
from .serializers import DecisionRecordSerializer, DecisionSerializer

PROCESS_FILTER = OpenApiParameter(
    "process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen die van dit proces (de adresnaam)."
)
TOP_FIVE_REFUSALS = (
    "decision_not_five",
    "decision_priority_not_on_longlist",
    "decision_ambition_missing",
    "decision_justification_missing",
    "decision_result_not_final",
    "decision_locked",
)


def _decisions():
    return BbgDecision.objects.select_related("round__process", "confirmed_by").prefetch_related(
        Prefetch("chosen", queryset=DecisionPriority.objects.select_related("priority").order_by("position")),
        Prefetch("passed_over", queryset=PassedOver.objects.select_related("priority").order_by("priority__position")),
    )


def _invalid(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: [ErrorDetail(message, code=code)]})


@extend_schema_view(
    list=extend_schema(
        summary="Besluiten van de BBG (bevestigde voor iedere rol; staf ook die nog worden vastgelegd)",
        parameters=[PROCESS_FILTER],
    ),
    retrieve=extend_schema(summary="Het besluit van de BBG over een proces: de top vijf met ambities"),
    create=extend_schema(
        summary="Top vijf vastleggen of vervangen tot het besluit bevestigd is (programmastaf)",
        request=DecisionRecordSerializer,
        responses={
            201: DecisionSerializer,
            200: DecisionSerializer,
            400: refusals(*TOP_FIVE_REFUSALS, "decision_meeting_invalid", "round_missing"),
        },
    ),
)
class DecisionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = DecisionSerializer
    permission_classes = [RulePermission]
    view_perm = "decisions.view_decision"
    change_perm = "decisions.change_decision"
    lookup_field = "round__process__slug"
    lookup_url_kwarg = "process"

    def get_queryset(self):
        queryset = _decisions()
        if not self.request.user.has_perm("decisions.change_decision"):
            queryset = queryset.filter(confirmed_at__isnull=False)  # still being recorded: for staff only
        slug = self.request.query_params.get("process")
        if slug and self.action == "list":
            queryset = queryset.filter(round__process__slug=slug)
        return queryset.order_by("round__process__period_start_year", "round__process__slug")

    def get_serializer_class(self):
        return DecisionRecordSerializer if self.action == "create" else DecisionSerializer

    def _answer(self, decision, code=status.HTTP_200_OK):
        decision = _decisions().get(pk=decision.pk)
        return Response(DecisionSerializer(decision, context=self.get_serializer_context()).data, status=code)

    def create(self, request, *args, **kwargs):
        serializer = DecisionRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        process = get_process_for_user(request.user, data["process"])
        round = round_for(process)
        if round is None:
            raise _invalid("process", gettext("Dit proces heeft nog geen keuzeronde."), "round_missing")
        meeting = None
        if data["meeting"] is not None:
            meeting = Milestone.objects.filter(pk=data["meeting"]).select_related("body").first()
            if meeting is None:
                raise _invalid("meeting", gettext("Deze vergadering bestaat niet."), "does_not_exist")
        justifications = {}
        for key, text in data["justifications"].items():
            try:
                justifications[int(key)] = text
            except ValueError:
                raise _invalid(
                    "justifications", gettext("Gebruik het id van een prioriteit als sleutel."), "invalid"
                ) from None
        existed = BbgDecision.objects.filter(round=round).exists()
        decision = service_call(
            services.decision_record,
            round=round,
            user=request.user,
            decided_on=data["decided_on"],
            meeting=meeting,
            notes=data["notes"],
            chosen=[
                services.ChosenPriority(priority_id=item["priority"], ambition=item["ambition"])
                for item in data["chosen"]
            ],
            justifications=justifications,
        )
        return self._answer(decision, status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    @extend_schema(
        summary="Het besluit bevestigen: het ligt daarna vast en de BBG-vergadering is gereed (programmastaf)",
        request=None,
        responses={200: DecisionSerializer, 400: refusals(*TOP_FIVE_REFUSALS)},
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, process=None):
        decision = self.get_object()
        if decision is None:
            raise Http404
        decision = service_call(services.decision_confirm, decision=decision, user=request.user)
        return self._answer(decision)
