"""The one way views and the API reach a round, a DVO's ballot page and a ballot.

A DVO's ballot is a stranger's business for everyone but programme staff and that DVO's own secretary: they get
404, never 403, so that the page does not even reveal whether a ballot exists. A user who may read but asks to
write gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.fragments import CONTENT_AREA
from core.rows import cached_row
from planning.models import District, StrategyProcess

from .models import Ballot, BallotChoice, Round


def get_round_for_user(user, process: StrategyProcess, *, write: bool = False) -> Round:
    """The process's round for the staff pages: 404 without a round, 403 for anyone but programme staff."""
    if not user.has_perm("voting.change_round" if write else "voting.view_round"):
        raise PermissionDenied
    return get_object_or_404(Round.objects.select_related("process"), process=process)


def get_district_for_user(user, code: str, *, write: bool = False, request=None) -> District:
    """The DVO whose ballot page is asked for: 404 unless the user is programme staff or its own secretary. With
    the page's ``request``, a GET reads the DVO from the worker's memo (core.rows; every save of a DVO moves the
    content's version on)."""

    def fetch():
        return District.objects.filter(code__iexact=code).select_related("dvo").first()

    district = cached_row(request, "district", area=CONTENT_AREA, lookup={"code": code.upper()}, fetch=fetch)
    if district is None or not user.has_perm("voting.view_ballot", district):
        raise Http404
    if write and not user.has_perm("voting.submit_ballot", district):
        raise PermissionDenied
    return district


def get_ballot_for_user(user, round: Round, district: District) -> Ballot | None:
    """The district's ballot in this round (None when it has not chosen yet), with its choices prefetched."""
    if not user.has_perm("voting.view_ballot", district):
        raise Http404
    return (
        Ballot.objects.filter(round=round, district=district)
        .select_related("submitted_by", "district")
        .prefetch_related(Prefetch("choices", queryset=BallotChoice.objects.select_related("priority")))
        .first()
    )


def ballots_visible_to(user):
    """Every ballot the user may see: all for programme staff, their own DVO's for a secretary, none otherwise."""
    queryset = Ballot.objects.select_related("round__process", "district", "submitted_by")
    if user.is_authenticated and user.is_programme_staff:
        return queryset
    if user.is_authenticated and user.is_dvo_secretary:
        return queryset.filter(district_id=user.district_id)
    return queryset.none()
