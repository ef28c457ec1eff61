"""Writes of the BBG's decision: its top five, recorded by programme staff, then confirmed and locked.

The rules (domain.md, issue 4):

- The BBG chooses EXACTLY five distinct priorities of the process's long list, each with a non-empty ambition,
  in the order it gives them (place 1..5).
- It decides on the DVOs' result, so that result must be final: the round is closed, or staff released it.
- For every priority that the result ranks HIGHER than one of the five but that is not among them, the BBG records
  why it passed it over: a justification is required, and the refusal names the priority and its rank.
- Meeting (a BBG milestone of the same process, optional) and date are recorded.
- Once confirmed the decision is locked; the meeting's milestone is marked done.

Errors are ValidationError with a Dutch message (the form shows it), or PermissionDenied. A refused write stores
nothing: each service is one transaction, on the locked row of the round.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import format_date
from core.errors import refuse
from planning import services as planning_services
from planning.models import Body, Milestone
from priorities.models import Priority
from voting.models import Round
from voting.selectors import round_result
from voting.tally import passed_over

from .models import TOP_SIZE, BbgDecision, DecisionPriority, PassedOver


@dataclass(frozen=True)
class ChosenPriority:
    """One of the five as entered: the priority (an id of the long list) and its ambition."""

    priority_id: int
    ambition: str


def _require_staff(user) -> None:
    if not (user is not None and user.has_perm("decisions.change_decision")):
        raise PermissionDenied


def _save_as(obj, user, *, delete: bool = False, update_fields=None, now=None) -> None:
    """Save (or delete) with ``user`` (and the moment ``now``, when given) recorded in the history, also outside a
    request."""
    obj._history_user = user
    if now is not None:
        obj._history_date = now
    if delete:
        obj.delete()
    else:
        obj.save(update_fields=update_fields)


def locked_message(decision: BbgDecision) -> str:
    return _("Het besluit van de BBG is op %(date)s bevestigd en kan niet meer worden gewijzigd.") % {
        "date": format_date(timezone.localdate(decision.confirmed_at))
    }


def _check_round_final(round: Round) -> None:
    if not round.results_visible_to_all:
        raise ValidationError(
            _(
                "De uitslag van de DVO's is nog niet definitief. Sluit de ronde of geef de uitslag vrij voordat u "
                "het besluit van de BBG vastlegt."
            ),
            code="decision_result_not_final",
        )


def _check_meeting(round: Round, meeting: Milestone | None) -> None:
    if meeting is None:
        return
    if meeting.process_id != round.process_id or meeting.body is None or meeting.body.kind != Body.Kind.STEERING_GROUP:
        refuse(
            _("Kies een vergadering van de BBG uit de planning van dit proces."),
            code="decision_meeting_invalid",
            field="meeting",
        )


def check_top_five(round: Round, chosen: Sequence[ChosenPriority], justifications: Mapping[int, str]) -> dict[int, str]:
    """Validate five priorities with ambitions and the justifications; return the justifications that are
    required (priority id -> text). Raises ValidationError listing every problem found."""
    errors: list[ValidationError] = []
    ids = [item.priority_id for item in chosen]
    if len(ids) != TOP_SIZE or len(set(ids)) != TOP_SIZE:
        raise ValidationError(
            _("Kies precies %(top)d verschillende prioriteiten; u koos er %(count)d.")
            % {"top": TOP_SIZE, "count": len(set(ids))},
            code="decision_not_five",
        )
    titles = dict(Priority.objects.filter(process_id=round.process_id, pk__in=ids).values_list("pk", "title"))
    if len(titles) != TOP_SIZE:
        raise ValidationError(
            _("Kies alleen prioriteiten van de lange lijst van dit proces."), code="decision_priority_not_on_longlist"
        )
    for item in chosen:
        if not item.ambition.strip():
            errors.append(
                ValidationError(
                    _("Geef een ambitie bij ‘%(priority)s’.") % {"priority": titles[item.priority_id]},
                    code="decision_ambition_missing",
                )
            )

    ranked = round_result(round).tally.results
    required: dict[int, str] = {}
    for result in passed_over(ranked, ids):
        text = (justifications.get(result.priority.id) or "").strip()
        if not text:
            errors.append(
                ValidationError(
                    _(
                        "‘%(priority)s’ staat op plaats %(rank)d van de uitslag, hoger dan een gekozen prioriteit, "
                        "maar is niet gekozen. Geef aan waarom de BBG deze prioriteit passeert."
                    )
                    % {"priority": result.priority.title, "rank": result.rank},
                    code="decision_justification_missing",
                )
            )
        else:
            required[result.priority.id] = text
    if errors:
        raise ValidationError(errors)
    return required


@transaction.atomic
def decision_record(
    *,
    round: Round,
    user,
    decided_on: datetime.date,
    chosen: Sequence[ChosenPriority],
    justifications: Mapping[int, str] | None = None,
    meeting: Milestone | None = None,
    notes: str = "",
    now: datetime.datetime | None = None,
) -> BbgDecision:
    """Record (or replace, until confirmed) the BBG's top five of ``round``.

    Exactly five distinct priorities of the process's long list, in the given order, each with an ambition; a
    justification for every priority the result ranks higher than one of the five that is not chosen. Only
    programme staff; only once the result is final; never after confirmation. Justifications for priorities
    that need none are not stored. ``now`` is the moment recorded in the history (the demo's 2018).
    """
    _require_staff(user)
    round = Round.objects.select_for_update().select_related("process").get(pk=round.pk)
    decision = BbgDecision.objects.filter(round=round).first()
    if decision is not None and decision.is_confirmed:
        raise ValidationError(locked_message(decision), code="decision_locked")
    _check_round_final(round)
    _check_meeting(round, meeting)
    required = check_top_five(round, chosen, justifications or {})

    if decision is None:
        decision = BbgDecision(round=round)
    else:
        # Replaced as a whole; the history keeps every earlier version of each row, and who removed it.
        for row in [*decision.chosen.all(), *decision.passed_over.all()]:
            _save_as(row, user, delete=True, now=now)
    decision.meeting = meeting
    decision.decided_on = decided_on
    decision.notes = notes
    _save_as(decision, user, now=now)
    for position, item in enumerate(chosen, start=1):
        _save_as(
            DecisionPriority(
                decision=decision, priority_id=item.priority_id, position=position, ambition=item.ambition.strip()
            ),
            user,
            now=now,
        )
    for priority_id, text in required.items():
        _save_as(PassedOver(decision=decision, priority_id=priority_id, justification=text), user, now=now)
    return decision


@transaction.atomic
def decision_confirm(*, decision: BbgDecision, user, now: datetime.datetime | None = None) -> BbgDecision:
    """Confirm the BBG's decision: from now on it is locked, it shows on the dashboard, and its meeting's milestone and
    every milestone ``completed_by`` the top five are marked done (planning.services). The stored five are checked
    once more against the result as it is now."""
    _require_staff(user)
    round = Round.objects.select_for_update().select_related("process").get(pk=decision.round_id)
    decision = (
        BbgDecision.objects.select_related("meeting").prefetch_related("chosen", "passed_over").get(pk=decision.pk)
    )
    if decision.is_confirmed:
        raise ValidationError(locked_message(decision), code="decision_locked")
    _check_round_final(round)
    chosen = [ChosenPriority(priority_id=item.priority_id, ambition=item.ambition) for item in decision.chosen.all()]
    check_top_five(round, chosen, {item.priority_id: item.justification for item in decision.passed_over.all()})

    now = now or timezone.now()
    decision.confirmed_at = now
    decision.confirmed_by = user
    _save_as(decision, user, update_fields=["confirmed_at", "confirmed_by"], now=now)
    reason = _("Top vijf van de BBG bevestigd")
    planning_services.milestones_complete(
        process=round.process, fact=Milestone.CompletedBy.TOP_FIVE, by=user, when=now, reason=reason
    )
    if decision.meeting is not None:
        planning_services.milestone_complete(milestone=decision.meeting, by=user, when=now, reason=reason)
    return decision


# --- What the decision means for the round (registered on voting.hooks in DecisionsConfig.ready) ----------------


def round_reopen_refusal(round: Round) -> ValidationError | None:
    """A closed round is not reopened once the BBG's decision on its result is confirmed."""
    if BbgDecision.objects.filter(round=round, confirmed_at__isnull=False).exists():
        return ValidationError(
            _("Het besluit van de BBG is al bevestigd; de ronde kan niet meer worden heropend."),
            code="round_decision_confirmed",
        )
    return None


def decision_delete_on_reset(*, round: Round, user, reason: str, now: datetime.datetime) -> None:
    """A round started afresh loses the BBG's decision on its old result; the history keeps it, with the reason.
    The top-five milestones it completed are planned again."""
    decision = BbgDecision.objects.filter(round=round).first()
    if decision is not None:
        decision._change_reason = reason
        _save_as(decision, user, delete=True)
        planning_services.milestones_reopen(
            process=round.process, fact=Milestone.CompletedBy.TOP_FIVE, by=user, when=now, reason=reason
        )
