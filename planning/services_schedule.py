"""Writes to the schedule that hold a rule: a milestone with its dependencies, and deleting a milestone.

The pages, the API, the demo and the import all save milestones through ``milestone_save``, so the dependency
rules (same process, not itself, no cycle) hold whichever way a milestone comes in.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext

from core.errors import refuse

from .models import Milestone, StrategyProcess


def dependency_graph(process: StrategyProcess) -> dict[int, set[int]]:
    """Milestone id -> the ids it depends on, for the whole process, in one query."""
    graph: dict[int, set[int]] = {}
    rows = Milestone.depends_on.through.objects.filter(from_milestone__process=process).values_list(
        "from_milestone_id", "to_milestone_id"
    )
    for source, target in rows:
        graph.setdefault(source, set()).add(target)
    return graph


def reaches(graph: dict[int, set[int]], start: int, goal: int) -> bool:
    """Whether following dependencies from ``start`` leads to ``goal``."""
    seen, stack = set(), [start]
    while stack:
        current = stack.pop()
        if current == goal:
            return True
        if current in seen:
            continue
        seen.add(current)
        stack.extend(graph.get(current, ()))
    return False


def milestone_dependencies_check(*, milestone: Milestone, dependencies: Iterable[Milestone]) -> None:
    """Refuse dependencies that break a rule, on the field ``depends_on``.

    Rules: a milestone depends only on milestones of its own process (``milestone_dependency_other_process``),
    never on itself (``milestone_depends_on_itself``), and never on one that already depends on it, directly or
    via others (``milestone_cycle``).
    """
    dependencies = list(dependencies)
    for dependency in dependencies:
        if milestone.pk is not None and dependency.pk == milestone.pk:
            refuse(
                gettext("Een mijlpaal kan niet van zichzelf afhangen."),
                code="milestone_depends_on_itself",
                field="depends_on",
            )
        if dependency.process_id != milestone.process_id:
            refuse(
                gettext(
                    "Een mijlpaal kan alleen afhangen van mijlpalen uit hetzelfde proces; '%(title)s' hoort "
                    "bij een ander proces."
                )
                % {"title": dependency.title},
                code="milestone_dependency_other_process",
                field="depends_on",
            )
    if milestone.pk is None or not dependencies:
        return  # a new milestone has no dependents yet, so it cannot close a cycle
    graph = dependency_graph(milestone.process)
    graph.pop(milestone.pk, None)  # its own current dependencies are being replaced
    cyclic = [d for d in dependencies if reaches(graph, d.pk, milestone.pk)]
    if cyclic:
        refuse(
            gettext(
                "Dat geeft een kringloop: %(names)s hangt zelf, direct of indirect, af van deze mijlpaal. "
                "Haal die afhankelijkheid eerst weg."
            )
            % {"names": ", ".join(d.title for d in cyclic)},
            code="milestone_cycle",
            field="depends_on",
        )


@transaction.atomic
def milestone_save(*, milestone: Milestone, depends_on: Iterable[Milestone] | None = None) -> Milestone:
    """Save a new or changed milestone and, when given, replace its dependencies (None: leave them as they are).

    Rules: the dependency rules of ``milestone_dependencies_check``; the milestone and its dependencies are saved
    together or not at all, each in the milestone's history.
    """
    if depends_on is not None:
        depends_on = list(depends_on)
        milestone_dependencies_check(milestone=milestone, dependencies=depends_on)
    milestone.save()
    if depends_on is not None:
        milestone.depends_on.set(depends_on)
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone) -> list[Milestone]:
    """Delete a milestone. Milestones that depended on it lose that dependency, and each of them records the
    change in its own history (a plain delete would drop the links silently). Its actions stay, without a
    milestone. Returns the milestones that depended on it."""
    dependents = list(milestone.dependents.all())
    for dependent in dependents:
        dependent.depends_on.remove(milestone)
    milestone.delete()
    return dependents
