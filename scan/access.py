"""The one way views and the API reach a theme, a municipality's plan and a source: 404 for what is not there (or,
for a confidential source, not visible to the user), 403 for a reading user who asks to write (core.access)."""

from django.shortcuts import get_object_or_404

from core.access import check_perm, get_for_user
from planning.models import Municipality, StrategyProcess

from .models import MunicipalPlan, Source, Theme
from .selectors import sources_visible_to


def get_theme_for_user(user, pk: int, *, write: bool = False) -> Theme:
    return get_for_user(user, Theme, view_perm="scan.view_theme", change_perm="scan.change_theme", write=write, pk=pk)


def get_plan_for_user(user, process: StrategyProcess, municipality_pk: int, *, write: bool = False) -> MunicipalPlan:
    """The municipality's plan for the process; an unsaved one (pk None) when nothing was scanned yet."""
    municipality = get_object_or_404(Municipality.objects.select_related("district"), pk=municipality_pk)
    plan = (
        MunicipalPlan.objects.select_related("process", "municipality__district")
        .filter(process=process, municipality=municipality)
        .first()
    ) or MunicipalPlan(process=process, municipality=municipality)
    check_perm(user, "scan.change_municipalplan" if write else "scan.view_municipalplan", plan)
    return plan


def get_source_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Source:
    """A source of the process; 404 also for a confidential source the user may not see."""
    return get_for_user(
        user,
        sources_visible_to(user, process).select_related("process"),
        view_perm="scan.view_source",
        change_perm="scan.change_source",
        write=write,
        pk=pk,
    )
