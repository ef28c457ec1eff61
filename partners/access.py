"""The one way views reach a toets: for a contact only those of their own municipalities (404 for any other), for
staff every one of the process."""

from django.shortcuts import get_object_or_404

from core.access import check_perm
from planning.models import StrategyProcess

from .models import CheckRequest

REQUESTS = CheckRequest.objects.select_related("plan__process", "plan__municipality__district", "answered_by")


def get_request_for_contact(user, pk: int) -> CheckRequest:
    check_perm(user, "partners.answer_checkrequest")
    request = get_object_or_404(REQUESTS, pk=pk, plan__municipality__contacts__user=user)
    check_perm(user, "partners.answer_checkrequest", request)
    return request


def get_request_for_staff(user, process: StrategyProcess, pk: int) -> CheckRequest:
    check_perm(user, "partners.view_checkrequest")
    return get_object_or_404(REQUESTS, pk=pk, plan__process=process)
