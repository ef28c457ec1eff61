"""The REST API of the ambtelijke toets, with the pages' rules: a municipal contact reads and answers the toetsen
of their own municipalities only (any other is a 404); programme staff read every toets, send one and decide on
each proposal; no other role reaches it. Refusals are a 400 with the stable code and the Dutch message."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from core.api import service_call
from scan.models import MunicipalPlan, PlanTheme

from . import services
from .models import CheckProposal, CheckRequest
from .serializers import CheckAnswerSerializer, CheckDecisionSerializer, CheckRequestSerializer, CheckSendSerializer

PROCESS_FILTER = OpenApiParameter(
    "process", OpenApiTypes.STR, OpenApiParameter.QUERY, description="Alleen die van dit proces (de adresnaam)."
)


class ToetsPermission(BasePermission):
    """Staff read (and write through the actions that say so); a contact reads and answers their own."""

    message = _("U hebt geen toestemming voor deze handeling.")

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return user.has_perm("partners.view_checkrequest") or user.has_perm("partners.answer_checkrequest")


def _is_staff(user) -> bool:
    return user.has_perm("partners.view_checkrequest")


@extend_schema_view(
    list=extend_schema(summary="Ambtelijke toetsen (programmastaf: alle; contactpersoon: die van de eigen gemeenten)",
                       parameters=[PROCESS_FILTER]),
    retrieve=extend_schema(summary="Eén toets, met de thema's uit de scan en de voorstellen"),
    create=extend_schema(summary="De toets naar een gemeente sturen (programmastaf)", request=CheckSendSerializer),
)  # fmt: skip
class CheckRequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = CheckRequestSerializer
    permission_classes = [ToetsPermission]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema: no user to filter by
            return CheckRequest.objects.none()
        queryset = CheckRequest.objects.select_related("plan__process", "plan__municipality__district")
        queryset = queryset.prefetch_related(
            Prefetch("plan__plan_themes", queryset=PlanTheme.objects.select_related("theme").order_by("theme__name")),
            Prefetch("proposals", queryset=CheckProposal.objects.select_related("theme")),
        )
        if not _is_staff(self.request.user):
            queryset = queryset.filter(plan__municipality__contacts__user=self.request.user)
        slug = self.request.query_params.get("process")
        if slug:
            queryset = queryset.filter(plan__process__slug=slug)
        return queryset.order_by("plan__process", "plan__municipality__name")

    def _staff_only(self):
        if not self.request.user.has_perm("partners.change_checkrequest"):
            self.permission_denied(self.request, message=ToetsPermission.message)

    def create(self, request, *args, **kwargs):
        self._staff_only()
        data = CheckSendSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        plan = get_object_or_404(
            MunicipalPlan.objects.select_related("municipality"),
            process__slug=values["process"], municipality__name=values["municipality"],
        )  # fmt: skip
        check = service_call(services.check_request_send, plan=plan, deadline=values["deadline"], user=request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=check.pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="De toets beantwoorden: akkoord, of aanvullingen en wijzigingen per thema (contactpersoon)",
        request=CheckAnswerSerializer, responses=CheckRequestSerializer,
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        check = self.get_object()
        data = CheckAnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        service_call(
            services.check_answer, request=check, user=request.user, agrees=values["agrees"],
            remark=values.get("remark", ""), proposals=[dict(row) for row in values.get("proposals", [])],
        )  # fmt: skip
        return Response(self.get_serializer(self.get_queryset().get(pk=check.pk)).data)

    @extend_schema(
        summary="Over één voorstel besluiten: overnemen (de scan verandert) of niet, met een reden (programmastaf)",
        request=CheckDecisionSerializer, responses=CheckRequestSerializer,
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        self._staff_only()
        check = self.get_object()
        data = CheckDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        proposal = get_object_or_404(CheckProposal, request=check, pk=values["proposal"])
        service_call(
            services.proposal_decide, proposal=proposal, accept=values["accept"], reason=values["reason"],
            user=request.user,
        )  # fmt: skip
        return Response(self.get_serializer(self.get_queryset().get(pk=check.pk)).data)
