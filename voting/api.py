"""The DVO choice's REST API: the round, ballots and the ranked result.

Each user lists and reads only what they may see: programme staff every ballot, a DVO secretary their own DVO's,
everyone else none (another DVO's ballot is a 404, as on the pages). A submission (POST) creates or replaces the
DVO's ballot through the same service as the page; a refusal is a 400 with the Dutch message.

The round (/api/rounds/<process>/) is the staff's, as its page: create, open, close, release the result, reset
with a reason, and each DVO's deadline, all through voting/services.py. Its progress (how many DVOs have chosen)
is for every role. The result (/api/results/<process>/) is the page's ranking as data: staff always, every other
role once the round is closed or the result released (403 ``result_not_visible`` until then, as the page hides it).
"""

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from core.api import absolute_url, service_call
from core.errors import deny
from core.schema import denials, refusals
from planning.access import get_process_for_user
from planning.models import Milestone

from . import services
from .access import ballots_visible_to, get_district_for_user
from .exports import result_data
from .models import Ballot, Round, RoundDeadline
from .selectors import round_for, round_progress, round_result
from .serializers import (
    BallotSerializer,
    BallotSubmitSerializer,
    DeadlineInputSerializer,
    ProgressSerializer,
    ResultSerializer,
    RoundCreateSerializer,
    RoundDeadlineSerializer,
    RoundResetSerializer,
    RoundSerializer,
)

PROCESS_FILTER = OpenApiParameter(
    "process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen die van dit proces (de adresnaam)."
)
BALLOT_REFUSALS = (
    "ballot_wrong_count",
    "ballot_priority_twice",
    "ballot_priority_not_on_longlist",
    "ballot_priority_unknown",
    "ballot_preferences_incomplete",
    "ballot_preference_not_a_number",
    "ballot_preference_not_chosen",
    "ballot_preference_out_of_range",
    "ballot_preference_twice",
    "ballot_remark_too_long",
    "ballot_staff_reason_missing",
    "ballot_council_involvement_invalid",
    "ballot_submitted_concurrently",
    "round_missing",
    "round_not_opened",
    "round_closed",
    "deadline_missing",
    "deadline_passed",
    "longlist_not_frozen",
)


@extend_schema_view(
    list=extend_schema(
        summary="Keuzes van DVO's (staf: alle; DVO-secretaris: die van de eigen DVO; anderen: geen)",
        parameters=[PROCESS_FILTER],
    ),
    retrieve=extend_schema(summary="Eén keuze van een DVO"),
    create=extend_schema(
        summary="Keuze indienen of vervangen (precies zeven; DVO-secretaris voor de eigen DVO, staf met reden)",
        request=BallotSubmitSerializer,
        responses={201: BallotSerializer, 200: BallotSerializer, 400: refusals(*BALLOT_REFUSALS)},
    ),
)
class BallotViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = BallotSerializer
    permission_classes = [RulePermission]
    view_perm = "voting.view_ballot"
    change_perm = "voting.submit_ballot"

    def get_queryset(self):
        queryset = ballots_visible_to(self.request.user).prefetch_related("choices__priority")
        slug = self.request.query_params.get("process")
        if slug:
            queryset = queryset.filter(round__process__slug=slug)
        return queryset.order_by("round__process", "district__order", "pk")

    def get_serializer_class(self):
        return BallotSubmitSerializer if self.action == "create" else BallotSerializer

    def create(self, request, *args, **kwargs):
        serializer = BallotSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        process = get_process_for_user(request.user, data["process"])
        district = get_district_for_user(request.user, data["district"], write=True)
        round = round_for(process)
        if round is None:
            raise ValidationError(
                {"process": [ErrorDetail(gettext("Dit proces heeft nog geen keuzeronde."), code="round_missing")]}
            )
        existed = Ballot.objects.filter(round=round, district=district).exists()
        ballot = service_call(
            services.ballot_submit,
            round=round,
            district=district,
            user=request.user,
            priority_ids=data["priorities"],
            preferences=data["preferences"],
            remarks=data["remarks"],
            remark=data["remark"],
            council_involvement=data["council_involvement"],
            council_note=data["council_note"],
            on_behalf_reason=data["on_behalf_reason"],
        )
        ballot = self.get_queryset().get(pk=ballot.pk)
        return Response(
            BallotSerializer(ballot, context=self.get_serializer_context()).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )


def _round_queryset():
    return Round.objects.select_related("process").prefetch_related(
        Prefetch("deadlines", queryset=RoundDeadline.objects.select_related("district").order_by("district__order")),
        Prefetch("ballots", queryset=Ballot.objects.select_related("district").order_by()),
    )


@extend_schema_view(
    list=extend_schema(summary="Keuzerondes (programmastaf)", parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(
        summary="De keuzeronde van een proces: status, termijnen, welke DVO's kozen (programmastaf)"
    ),
    create=extend_schema(
        summary="Keuzeronde aanmaken over de vastgestelde lange lijst (programmastaf)",
        request=RoundCreateSerializer,
        responses={201: RoundSerializer, 400: refusals("longlist_not_frozen", "round_exists")},
    ),
)
class RoundViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = RoundSerializer
    permission_classes = [RulePermission]
    change_perm = "voting.change_round"
    lookup_field = "process__slug"
    lookup_url_kwarg = "process"

    @property
    def view_perm(self) -> str:
        # The progress is for every role, as its page; the rest of the round is the staff's.
        return "voting.view_progress" if self.action == "progress" else "voting.view_round"

    def get_queryset(self):
        queryset = _round_queryset()
        slug = self.request.query_params.get("process")
        if slug and self.action == "list":
            queryset = queryset.filter(process__slug=slug)
        return queryset.order_by("process__period_start_year", "process__slug")

    def get_serializer_class(self):
        return RoundCreateSerializer if self.action == "create" else RoundSerializer

    def _answer(self, round, code=status.HTTP_200_OK):
        round = _round_queryset().get(pk=round.pk)
        return Response(RoundSerializer(round, context=self.get_serializer_context()).data, status=code)

    def create(self, request, *args, **kwargs):
        serializer = RoundCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        process = get_process_for_user(request.user, serializer.validated_data["process"])
        round = service_call(services.round_create, process=process, user=request.user)
        return self._answer(round, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Keuzeronde openen (programmastaf)",
        request=None,
        responses={
            200: RoundSerializer,
            400: refusals(
                "round_already_open", "longlist_not_frozen", "round_deadline_missing", "round_decision_confirmed"
            ),
        },
    )
    @action(detail=True, methods=["post"])
    def open(self, request, process=None):
        round = service_call(services.round_open, round=self.get_object(), user=request.user)
        return self._answer(round)

    @extend_schema(
        summary="Keuzeronde sluiten: alle keuzes liggen vast (programmastaf)",
        request=None,
        responses={200: RoundSerializer, 400: refusals("round_not_open")},
    )
    @action(detail=True, methods=["post"])
    def close(self, request, process=None):
        round = service_call(services.round_close, round=self.get_object(), user=request.user)
        return self._answer(round)

    @extend_schema(
        summary="Uitslag vrijgeven vóór het sluiten, als alle DVO's gekozen hebben (programmastaf)",
        request=None,
        responses={
            200: RoundSerializer,
            400: refusals("round_not_opened", "round_result_already_released", "round_result_incomplete"),
        },
    )
    @action(detail=True, methods=["post"])
    def release(self, request, process=None):
        round = service_call(services.round_release_results, round=self.get_object(), user=request.user)
        return self._answer(round)

    @extend_schema(
        summary="Keuzeronde opnieuw beginnen met een reden: alle keuzes (en het besluit) vervallen (programmastaf)",
        request=RoundResetSerializer,
        responses={200: RoundSerializer, 400: refusals("round_reset_reason_missing", "round_deadline_in_past")},
    )
    @action(detail=True, methods=["post"])
    def reset(self, request, process=None):
        round = self.get_object()
        serializer = RoundResetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        round = service_call(
            services.round_reset,
            round=round,
            user=request.user,
            reason=serializer.validated_data["reason"],
            new_deadline=serializer.validated_data["new_deadline"],
        )
        return self._answer(round)

    @extend_schema(
        summary="De termijn van één DVO instellen (programmastaf)",
        request=DeadlineInputSerializer,
        responses={200: RoundDeadlineSerializer, 400: refusals("round_closed", "deadline_meeting_invalid")},
    )
    @action(detail=True, methods=["post"])
    def deadline(self, request, process=None):
        round = self.get_object()
        serializer = DeadlineInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        district = get_district_for_user(request.user, data["district"])
        meeting = None
        if data["meeting"] is not None:
            meeting = Milestone.objects.filter(pk=data["meeting"]).select_related("body").first()
            if meeting is None:
                raise ValidationError(
                    {"meeting": [ErrorDetail(gettext("Deze vergadering bestaat niet."), code="does_not_exist")]}
                )
        row = service_call(
            services.deadline_update,
            round=round,
            district=district,
            deadline=data["deadline"],
            meeting=meeting,
            user=request.user,
        )
        return Response(RoundDeadlineSerializer(row).data)

    @extend_schema(
        summary="Voortgang: hoeveel DVO's gekozen hebben (iedere rol; nooit wat ze kozen)",
        responses=ProgressSerializer,
    )
    @action(detail=True, methods=["get"])
    def progress(self, request, process=None):
        process_obj = get_process_for_user(request.user, process)
        round = round_for(process_obj)
        if round is None:
            raise Http404
        progress = round_progress(round)
        return Response(ProgressSerializer(progress).data)


@extend_schema_view(
    retrieve=extend_schema(
        summary="De uitslag van de keuzeronde: de rangorde met dezelfde getallen en uitleg als de pagina",
        description=(
            "Programmastaf altijd; BBG-leden en DVO-secretarissen pas als de ronde gesloten is of de staf de "
            "uitslag heeft vrijgegeven (tot dan 403 met code `result_not_visible`)."
        ),
        responses={200: ResultSerializer, 403: denials("result_not_visible")},
    ),
)
class ResultViewSet(viewsets.GenericViewSet):
    serializer_class = ResultSerializer
    permission_classes = [RulePermission]
    view_perm = "voting.view_result_page"
    change_perm = "voting.change_round"
    lookup_url_kwarg = "process"
    pagination_class = None

    def get_queryset(self):
        return Round.objects.none()  # only for the schema: the result is built from the round (see retrieve)

    def retrieve(self, request, process=None):
        process_obj = get_process_for_user(request.user, process)
        round = round_for(process_obj)
        if round is None:
            raise Http404
        if not request.user.has_perm("voting.view_result", round):
            progress = round_progress(round)
            deny(
                gettext(
                    "De uitslag is nog niet openbaar: %(chosen)s van %(total)s DVO's hebben gekozen. Hij is zichtbaar "
                    "zodra de programmastaf de ronde sluit of de uitslag vrijgeeft."
                )
                % {"chosen": progress.chosen, "total": progress.total},
                code="result_not_visible",
            )
        data = result_data(process_obj, round_result(round))
        data["html_url"] = absolute_url(request, reverse("voting:results", kwargs={"slug": process_obj.slug}))
        return Response(ResultSerializer(data).data)
