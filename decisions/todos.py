"""The BBG's decision on the start page and the dashboard (planning.hooks.TODOS, registered in DecisionsConfig.ready):
for staff the decision to record or confirm once the round is closed; for the BBG the proposal and the confirmed top
five."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.dates import format_date
from planning.todo import Todo
from voting.models import Round

from .models import BbgDecision


def decision_todos(*, user, processes, now) -> list[Todo]:
    """Two queries, whatever the number of processes."""
    if not (user.is_programme_staff or user.is_bbg_member):
        return []
    rounds = list(Round.objects.filter(process__in=processes, status=Round.Status.CLOSED).select_related("process"))
    decisions = {decision.round_id: decision for decision in BbgDecision.objects.filter(round__in=rounds)}
    items = []
    for round in rounds:
        process = round.process
        decision = decisions.get(round.pk)
        url = reverse("decisions:detail", kwargs={"slug": process.slug})
        if decision is not None and decision.is_confirmed:
            items.append(
                Todo(
                    process=process,
                    title=_("De BBG heeft de top vijf vastgesteld op %(date)s")
                    % {"date": format_date(decision.decided_on)},
                    url=url,
                    action=_("Top vijf bekijken"),
                    done=True,
                    order=20,
                )
            )
        elif user.is_programme_staff:
            items.append(
                Todo(
                    process=process,
                    title=_("De top vijf van de BBG vastleggen")
                    if decision is None
                    else _("De top vijf van de BBG bevestigen"),
                    url=reverse(
                        "decisions:edit" if decision is None else "decisions:confirm", kwargs={"slug": process.slug}
                    ),
                    action=_("Top vijf vastleggen") if decision is None else _("Top vijf bevestigen"),
                    order=20,
                )
            )
        elif decision is not None:
            items.append(
                Todo(
                    process=process,
                    title=_("Het voorstel voor de top vijf ligt klaar voor de BBG"),
                    url=url,
                    action=_("Voorstel bekijken"),
                    order=20,
                )
            )
    return items
