"""Writes of the long list, each holding a rule of the domain.

- A process has at most ten priorities. Every write first locks the process's LongList row
  (``SELECT ... FOR UPDATE``), so two staff members adding a priority at the same moment are serialised and the
  second one counts the first one's priority: the eleventh is refused, never stored.
- Once the BBG has approved the list it is frozen (approved, and later sent to the partners): what goes out is
  what the BBG approved, and the ten the DVOs choose from cannot change under them. Every edit of a priority, its
  roles or its criteria is refused with a message that says why, until staff reopen the list with a reason.

Errors are django.core.exceptions.ValidationError with a Dutch message; pages show it on the form and the API
answers 400 with it.
"""

import datetime
from dataclasses import dataclass, field
from typing import TypedDict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.dates import format_date
from core.errors import refuse
from planning import services as planning_services
from planning.models import Milestone, StrategyProcess
from scan.models import Source, Theme

from .hooks import REOPEN_WARNINGS
from .models import (
    MAX_PRIORITIES,
    PRIORITY_HISTORY,
    Criterion,
    CriterionAssessment,
    LongList,
    Outcome,
    PartnerRole,
    Priority,
    Urgency,
)
from .selectors import majority_proposals


class RoleData(TypedDict, total=False):
    partner: str
    partner_other: str
    role: str


class AssessmentData(TypedDict, total=False):
    criterion: str
    outcome: str  # empty: not assessed (an earlier assessment is removed)
    justification: str


# --- Locking and the freeze -----------------------------------------------------------------------------------


def _lock_long_list(process: StrategyProcess) -> LongList:
    """The process's LongList row, locked until the end of the transaction (made first if missing).

    get_or_create runs its insert in a savepoint and reads again on a unique-key clash, so two first writes at the
    same moment end up with the same row. On SQLite select_for_update is a no-op; SQLite allows one writer.
    """
    LongList.objects.get_or_create(process=process)
    return LongList.objects.select_for_update().get(process=process)


def _ensure_editable(long_list: LongList) -> None:
    if long_list.is_frozen:
        raise ValidationError(long_list.freeze_message, code="longlist_frozen")


def _check_evidence(process: StrategyProcess, *, sources, continues: Priority | None) -> None:
    foreign = [source for source in sources if source.process_id != process.pk]
    if foreign:
        raise ValidationError(
            _("Bron '%(source)s' hoort niet bij dit proces.") % {"source": foreign[0]},
            code="priority_source_of_other_process",
        )
    if continues is not None and (process.predecessor_id is None or continues.process_id != process.predecessor_id):
        raise ValidationError(
            _("Een prioriteit kan alleen voortbouwen op een prioriteit van de vorige Veiligheidsstrategie."),
            code="priority_continues_invalid",
        )


def _replace_roles(priority: Priority, roles: list[RoleData]) -> None:
    """Make the priority's roles exactly ``roles``: unchanged roles keep their row (and history)."""
    wanted = []
    for data in roles:
        role = PartnerRole(
            priority=priority,
            partner=data["partner"],
            partner_other=(data.get("partner_other") or "").strip() if data["partner"] == "other" else "",
            role=data.get("role") or PartnerRole.Role.CONTRIBUTES,
        )
        if role.partner == PartnerRole.Partner.OTHER and not role.partner_other:
            raise ValidationError(_("Noem de partner bij 'anders'."), code="priority_partner_other_missing")
        wanted.append(role)
    keys = [(role.partner, role.partner_other) for role in wanted]
    if len(set(keys)) != len(keys):
        raise ValidationError(_("Een partner staat twee keer bij deze prioriteit."), code="priority_partner_twice")

    existing = {(role.partner, role.partner_other): role for role in priority.roles.all()}
    for role in wanted:
        current = existing.pop((role.partner, role.partner_other), None)
        if current is None:
            role.save()
        elif current.role != role.role:
            current.role = role.role
            current.save(update_fields=["role"])
    for role in existing.values():
        role.delete()


def _save_priority(priority: Priority, *, created: bool, themes, sources) -> None:
    """Save the fields and the themes and sources, recorded as ONE version in the history."""
    priority.skip_history_when_saving = True
    try:
        priority.full_clean()
        priority.save()
        if themes is not None:
            priority.themes.set(themes)
        if sources is not None:
            priority.sources.set(sources)
    finally:
        del priority.skip_history_when_saving
    PRIORITY_HISTORY.create_historical_record(priority, "+" if created else "~")


# --- Priorities -----------------------------------------------------------------------------------------------


@transaction.atomic
def priority_create(
    *,
    process: StrategyProcess,
    title: str,
    description: str = "",
    urgency: str = Urgency.URGENT,
    themes: list[Theme] | None = None,
    sources: list[Source] | None = None,
    continues: Priority | None = None,
    roles: list[RoleData] | None = None,
) -> Priority:
    """Add a priority to the long list, at the end.

    Rules: at most ten priorities per process, also when two staff members add one at the same moment (the
    process's LongList row is locked before counting); not while the list is frozen; sources belong to this
    process; a continuation is of a priority of the previous VS.
    """
    long_list = _lock_long_list(process)
    _ensure_editable(long_list)
    existing = Priority.objects.filter(process=process)
    if existing.count() >= MAX_PRIORITIES:
        raise ValidationError(
            _(
                "De lange lijst heeft al %(max)s prioriteiten, het maximum. Verwijder of voeg er een samen "
                "voordat u een nieuwe toevoegt."
            )
            % {"max": MAX_PRIORITIES},
            code="longlist_too_many",
        )
    sources = list(sources or [])
    _check_evidence(process, sources=sources, continues=continues)
    last = existing.aggregate(last=Max("position"))["last"] or 0
    priority = Priority(
        process=process,
        title=title.strip(),
        description=description,
        urgency=urgency,
        continues=continues,
        position=last + 1,
    )
    _save_priority(priority, created=True, themes=list(themes or []), sources=sources)
    if roles:
        _replace_roles(priority, roles)
    return priority


@transaction.atomic
def priority_update(
    *,
    priority: Priority,
    title: str,
    description: str,
    urgency: str,
    position: int | None = None,
    themes: list[Theme] | None = None,
    sources: list[Source] | None = None,
    continues: Priority | None = None,
    roles: list[RoleData] | None = None,
) -> Priority:
    """Change a priority, and when given its themes, sources and partners' roles.

    Rule: not while the long list is frozen (approved by the BBG or sent to the partners).
    ``themes``/``sources``/``roles`` of None leave them as they are.
    """
    long_list = _lock_long_list(priority.process)
    _ensure_editable(long_list)
    if sources is not None:
        sources = list(sources)
    _check_evidence(priority.process, sources=sources or [], continues=continues)
    priority.title = title.strip()
    priority.description = description
    priority.urgency = urgency
    priority.continues = continues
    if position is not None:
        priority.position = position
    _save_priority(priority, created=False, themes=themes, sources=sources)
    if roles is not None:
        _replace_roles(priority, roles)
    return priority


@transaction.atomic
def priority_delete(*, priority: Priority) -> None:
    """Remove a priority from the long list. Rule: not while the list is frozen."""
    long_list = _lock_long_list(priority.process)
    _ensure_editable(long_list)
    priority.delete()


@transaction.atomic
def criteria_assess(*, priority: Priority, assessments: list[AssessmentData]) -> list[CriterionAssessment]:
    """Record how the priority scores on the criteria.

    Rules: not while the long list is frozen; every assessment has a justification, except that confirming the
    scan's proposal for criterion 1 (overgrote meerderheid) takes the proposal as its justification; overriding
    that proposal needs a justification of one's own. An empty outcome removes an earlier assessment.
    """
    long_list = _lock_long_list(priority.process)
    _ensure_editable(long_list)
    proposal = majority_proposals(priority.process, [priority])[priority.pk]
    existing = {assessment.criterion: assessment for assessment in priority.assessments.all()}
    errors = {}
    saved = []
    for data in assessments:
        criterion = Criterion(data["criterion"])
        outcome = data.get("outcome") or ""
        justification = (data.get("justification") or "").strip()
        current = existing.get(criterion.value)
        if not outcome:
            if current is not None:
                current.delete()
            continue
        if outcome not in Outcome.values:
            errors[criterion.value] = ValidationError(
                _("Kies voldaan, deels voldaan of niet voldaan."), code="criterion_outcome_invalid"
            )
            continue
        if not justification:
            if criterion == Criterion.MAJORITY and outcome == proposal.outcome:
                justification = proposal.explanation
            elif criterion == Criterion.MAJORITY:
                errors[criterion.value] = ValidationError(
                    _("U wijkt af van het voorstel uit de scan (%(proposal)s); licht toe waarom.")
                    % {"proposal": proposal.outcome_display},
                    code="criterion_deviation_unexplained",
                )
                continue
            else:
                errors[criterion.value] = ValidationError(
                    _("Licht het oordeel over dit criterium toe."), code="criterion_justification_missing"
                )
                continue
        if current is None:
            current = CriterionAssessment(priority=priority, criterion=criterion.value)
        if (current.outcome, current.justification) != (outcome, justification):
            current.outcome = outcome
            current.justification = justification
            current.save()
        saved.append(current)
    if errors:
        raise ValidationError(errors)
    return saved


# --- The list's consent ---------------------------------------------------------------------------------------


@transaction.atomic
def longlist_approve(
    *, process: StrategyProcess, approved_on: datetime.date, meeting: Milestone | None = None, user=None
) -> LongList:
    """Record the BBG's consent to the long list (date and, if known, the meeting). From now on it is frozen.

    Rules: only a draft list is approved; it holds one to ten priorities; the meeting belongs to this process.
    The meeting and every milestone ``completed_by`` the list's approval are done as of ``approved_on``, by
    ``user`` (default: the request's user) (planning.services).
    """
    long_list = _lock_long_list(process)
    if long_list.status != LongList.Status.DRAFT:
        raise ValidationError(long_list.freeze_message, code="longlist_not_draft")
    count = Priority.objects.filter(process=process).count()
    if count == 0:
        raise ValidationError(_("Een lege lange lijst kan niet worden vastgesteld."), code="longlist_empty")
    if count > MAX_PRIORITIES:
        raise ValidationError(
            _("De lange lijst heeft meer dan %(max)s prioriteiten.") % {"max": MAX_PRIORITIES}, code="longlist_too_many"
        )
    if meeting is not None and meeting.process_id != process.pk:
        raise ValidationError(_("De vergadering hoort niet bij dit proces."), code="longlist_meeting_invalid")
    long_list.status = LongList.Status.APPROVED
    long_list.approved_on = approved_on
    long_list.approved_at_meeting = meeting
    long_list.sent_on = None
    long_list.save()
    reason = _("Lange lijst vastgesteld op %(date)s") % {"date": format_date(approved_on)}
    planning_services.milestones_complete(
        process=process, fact=Milestone.CompletedBy.LONGLIST_APPROVED, by=user, when=approved_on, reason=reason
    )
    if meeting is not None:
        planning_services.milestone_complete(milestone=meeting, by=user, when=approved_on, reason=reason)
    return long_list


@transaction.atomic
def longlist_send(*, process: StrategyProcess, sent_on: datetime.date) -> LongList:
    """Record that the approved long list went to all partners; the DVOs choose from it from now on.

    Rules: only an approved list is sent, and not before the day it was approved.
    """
    long_list = _lock_long_list(process)
    if long_list.status == LongList.Status.DRAFT:
        raise ValidationError(
            _("De lange lijst is nog niet door de BBG vastgesteld; stel hem eerst vast."), code="longlist_not_approved"
        )
    if long_list.status == LongList.Status.SENT:
        raise ValidationError(
            _("De lange lijst is al op %(date)s naar de partners gestuurd.") % {"date": format_date(long_list.sent_on)},
            code="longlist_already_sent",
        )
    if sent_on < long_list.approved_on:
        raise ValidationError(
            _("De lijst kan niet worden verstuurd vóór de vaststelling op %(date)s.")
            % {"date": format_date(long_list.approved_on)},
            code="longlist_sent_before_approval",
        )
    long_list.status = LongList.Status.SENT
    long_list.sent_on = sent_on
    long_list.save()
    return long_list


@dataclass
class ReopenResult:
    long_list: LongList
    warnings: list[str] = field(default_factory=list)


@transaction.atomic
def longlist_reopen(*, process: StrategyProcess, user, reason: str) -> ReopenResult:
    """Reopen an approved or sent long list so that staff can change it again.

    Rules: programme staff only; a reason is required and kept in the history; the list returns to draft and needs
    the BBG's consent again; the milestones its approval completed are planned again. The result carries the
    warnings of the apps built on the list (priorities.hooks.REOPEN_WARNINGS), e.g. that DVOs already chose from the
    old list.
    """
    if not user.has_perm("priorities.reopen_longlist", process):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        refuse(
            _("Geef een reden op om de lange lijst te heropenen."),
            code="longlist_reopen_reason_missing",
            field="reason",
        )
    long_list = _lock_long_list(process)
    if not long_list.is_frozen:
        raise ValidationError(
            _("De lange lijst is niet vastgesteld; er valt niets te heropenen."), code="longlist_not_frozen"
        )
    long_list.status = LongList.Status.DRAFT
    long_list.approved_on = None
    long_list.approved_at_meeting = None
    long_list.sent_on = None
    long_list.reopen_reason = reason
    long_list._history_user = user
    long_list.save()
    planning_services.milestones_reopen(
        process=process, fact=Milestone.CompletedBy.LONGLIST_APPROVED, by=user, reason=reason
    )
    # The apps that build on the list say what reopening it means for them (voting: DVOs already chose from it).
    warnings = [message for message in REOPEN_WARNINGS.call(process=process) if message]
    return ReopenResult(long_list=long_list, warnings=warnings)
