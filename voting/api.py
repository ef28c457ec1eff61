"""The DVO choice's REST API: ballots.

Each user lists and reads only what they may see: programme staff every ballot, a DVO secretary their own DVO's,
everyone else none (another DVO's ballot is a 404, as on the pages). A submission (POST) creates or replaces the
DVO's ballot through the same service as the page; a refusal is a 400 with the Dutch message.
"""

from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts.api_permissions import RulePermission
from core.api import service_call
from planning.access import get_process_for_user

from . import services
from .access import ballots_visible_to, get_district_for_user
from .models import Ballot
from .selectors import round_for
from .serializers import BallotSerializer, BallotSubmitSerializer


@extend_schema_view(
    list=extend_schema(summary="Keuzes van DVO's (staf: alle; DVO-secretaris: die van de eigen DVO; anderen: geen)"),
    retrieve=extend_schema(summary="Eén keuze van een DVO"),
    create=extend_schema(
        summary="Keuze indienen of vervangen (precies zeven; DVO-secretaris voor de eigen DVO, staf met reden)",
        request=BallotSubmitSerializer,
        responses={201: BallotSerializer, 200: BallotSerializer},
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
            raise ValidationError({"process": [gettext("Dit proces heeft nog geen keuzeronde.")]})
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
