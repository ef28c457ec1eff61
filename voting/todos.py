"""The DVO choice on the start page and the dashboard (planning.hooks.TODOS, registered in VotingConfig.ready): a
secretary's own choice with its deadline, the rounds that wait on staff, and the result once the BBG may read it."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dates import format_date
from planning.todo import WEEK, Todo

from .models import Ballot, Round, RoundDeadline


def _when(moment) -> str:
    local = timezone.localtime(moment)
    return f"{format_date(local.date())} {local:%H:%M}"


def voting_todos(*, user, processes, now) -> list[Todo]:
    """Three queries at most, whatever the number of processes."""
    rounds = list(Round.objects.filter(process__in=processes).select_related("process"))
    if not rounds:
        return []
    if user.is_dvo_secretary:
        return _secretary_todos(user, rounds, now)
    if user.is_programme_staff:
        return _staff_todos(rounds, now)
    if user.is_bbg_member:
        return [_result_ready(round) for round in rounds if round.results_visible_to_all]
    return []


def _secretary_todos(user, rounds, now) -> list[Todo]:
    open_rounds = {round.pk: round for round in rounds if round.is_open}
    deadlines = RoundDeadline.objects.filter(round__in=open_rounds, district_id=user.district_id)
    chosen = dict(
        Ballot.objects.filter(round__in=open_rounds, district_id=user.district_id).values_list(
            "round_id", "submitted_at"
        )
    )
    items = []
    for deadline in deadlines:
        round = open_rounds[deadline.round_id]
        process = round.process
        url = reverse("voting:ballot", kwargs={"slug": process.slug, "district": user.district.code})
        if deadline.has_passed(now):
            continue
        if deadline.round_id in chosen:
            items.append(
                Todo(
                    process=process,
                    title=_("Uw DVO heeft gekozen op %(date)s – wijzigen kan tot %(deadline)s")
                    % {
                        "date": format_date(timezone.localdate(chosen[deadline.round_id])),
                        "deadline": _when(deadline.deadline),
                    },
                    url=url,
                    action=_("Keuze bekijken"),
                    done=True,
                    order=10,
                )
            )
        else:
            items.append(
                Todo(
                    process=process,
                    title=_("Uw DVO moet nog kiezen – uiterlijk %(deadline)s") % {"deadline": _when(deadline.deadline)},
                    detail=ngettext(
                        "Kies %(count)d van de prioriteiten op de lange lijst.",
                        "Kies %(count)d van de prioriteiten op de lange lijst.",
                        round.choices_required,
                    )
                    % {"count": round.choices_required},
                    url=url,
                    action=_("Keuze invullen"),
                    urgent=deadline.deadline - now <= WEEK,
                    order=0,
                )
            )
    return items


def _staff_todos(rounds, now) -> list[Todo]:
    waiting = [round for round in rounds if not round.is_closed]
    if not waiting:
        return []
    chosen = {}
    for round_id in Ballot.objects.filter(round__in=waiting).values_list("round_id", flat=True):
        chosen[round_id] = chosen.get(round_id, 0) + 1
    deadlines = {}
    for deadline in (
        RoundDeadline.objects.filter(round__in=waiting).select_related("district").order_by("round_id", "deadline")
    ):
        deadlines.setdefault(deadline.round_id, []).append(deadline)
    items = []
    for round in waiting:
        url = reverse("voting:round_detail", kwargs={"slug": round.process.slug})
        if not round.is_open:
            items.append(
                Todo(
                    process=round.process,
                    title=_("De keuzeronde is nog niet geopend"),
                    url=url,
                    action=_("Naar de keuzeronde"),
                    order=30,
                )
            )
            continue
        round_deadlines = deadlines.get(round.pk, [])
        upcoming = [deadline for deadline in round_deadlines if not deadline.has_passed(now)]
        last = max((deadline.deadline for deadline in round_deadlines), default=None)
        everyone = chosen.get(round.pk, 0) >= len(round_deadlines) > 0
        if everyone:
            title = _("Alle DVO's hebben gekozen: de ronde kan worden gesloten")
        elif last is not None and last < now:
            title = _("Alle termijnen zijn verstreken: de ronde kan worden gesloten")
        else:
            title = _("Keuzeronde loopt: %(chosen)d van %(total)d DVO's hebben gekozen") % {
                "chosen": chosen.get(round.pk, 0),
                "total": len(round_deadlines),
            }
        detail = (
            _("Eerstvolgende termijn: %(district)s, %(deadline)s")
            % {"district": upcoming[0].district.code, "deadline": _when(upcoming[0].deadline)}
            if upcoming
            else ""
        )
        items.append(
            Todo(
                process=round.process,
                title=title,
                detail=detail,
                url=url,
                action=_("Naar de keuzeronde"),
                urgent=bool(upcoming and upcoming[0].deadline - now <= WEEK),
                order=10,
            )
        )
    return items


def _result_ready(round) -> Todo:
    return Todo(
        process=round.process,
        title=_("De uitslag van de DVO-keuze is bekend"),
        url=reverse("voting:results", kwargs={"slug": round.process.slug}),
        action=_("Uitslag bekijken"),
        done=True,
        order=10,
    )
