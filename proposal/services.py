"""The writes of the organisational and financial proposal, each holding its rule. Pages, the API and the demo
call these.

- One proposal per process, with a plan for every adopted goal; only staff write; an adopted proposal is frozen.
- Budget lines and funding: a year inside the strategy's period, an amount of at least 0 and at most
  9.999.999.999,99; funding 'anders' names its source.
- The key: a municipality without a known population gets a population with its source, or is excluded with a
  reason; never 0 in silence. The BBG offers the proposal only when its key can be computed.
- Decisions of each DVO and each College of B&W on an offered proposal, agreed / with conditions / refused, with
  the date; then the RVO and the Bestuurscollege.
- Versions: a frozen snapshot of the proposal as a document, 0.1, 0.2, ... on request and on the offer, 1.0 on
  adoption. Nothing changes a version once it is made; an adopted proposal gets no new versions.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import deny, refuse
from core.limits import TEXT_MAX_LENGTH
from core.prose import clean_prose
from documents.models import Goal
from documents.selectors import snapshot_of
from planning.models import District, Municipality, StrategyProcess

from .content import LANGUAGE, proposal_content
from .models import CostItem, Funding, GoalPlan, KeyMunicipality, Partner, Proposal, ProposalDecision, ProposalVersion
from .selectors import key_result, next_version_label

MAX_AMOUNT = Decimal("9999999999.99")


def _require_staff(user) -> None:
    if not getattr(user, "is_programme_staff", False):
        deny(_("Alleen de programmastaf werkt het voorstel uit."), code="proposal_staff_only")


def _ensure_editable(proposal: Proposal) -> None:
    """Asked of the database, not of a copy in memory: another request may have adopted it meanwhile."""
    if Proposal.objects.filter(pk=proposal.pk, status=Proposal.Status.ADOPTED).exists():
        refuse(_("Het voorstel is vastgesteld en kan niet meer worden gewijzigd."), code="proposal_frozen")


def _save(obj, user, **kwargs):
    obj._history_user = user
    obj.save(**kwargs)
    return obj


def _amount(value, field: str = "amount") -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        refuse(_("Vul een bedrag in euro in, bijvoorbeeld 12500,00."), code="proposal_amount_invalid", field=field)
    if amount < 0:
        refuse(_("Een bedrag kan niet negatief zijn."), code="proposal_amount_negative", field=field)
    if amount > MAX_AMOUNT:
        refuse(_("Dit bedrag is te groot."), code="proposal_amount_too_large", field=field)
    return amount


def _year(proposal: Proposal, year: int) -> int:
    process = proposal.process
    if not isinstance(year, int) or not process.period_start_year <= year <= process.period_end_year:
        refuse(
            _("Kies een jaar binnen de periode %(start)s-%(end)s.")
            % {"start": process.period_start_year, "end": process.period_end_year},
            code="proposal_year_outside_period",
            field="year",
        )
    return year


def _text(value: str, limit: int, field: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        refuse(
            _("Deze tekst is te lang: ten hoogste %(limit)s tekens.") % {"limit": limit}, code="max_length", field=field
        )
    return value


@transaction.atomic
def proposal_create(*, process: StrategyProcess, user, title: str = "") -> Proposal:
    """Start the proposal of a process, with a plan for every adopted goal."""
    _require_staff(user)
    if Proposal.objects.filter(process=process).exists():
        refuse(_("Dit proces heeft al een organisatorisch en financieel voorstel."), code="proposal_exists")
    goals = list(Goal.objects.filter(process=process, status=Goal.Status.ADOPTED).order_by("position", "pk"))
    if not goals:
        refuse(_("Er is nog geen vastgestelde doelstelling om uit te werken."), code="proposal_no_adopted_goals")
    proposal = _save(
        Proposal(
            process=process,
            title=_text(title, 200, "title")
            or _("Organisatorisch en financieel voorstel %(period)s") % {"period": process.period_display},
        ),
        user,
    )
    for goal in goals:
        _save(
            GoalPlan(proposal=proposal, goal=goal, lead_partner=goal.owner, lead_partner_other=goal.owner_other), user
        )
    return proposal


@transaction.atomic
def proposal_update(
    *, proposal: Proposal, user, title: str, introduction: str = "", key_method: str, fixed_amount=0
) -> Proposal:
    _require_staff(user)
    _ensure_editable(proposal)
    if key_method not in Proposal.KeyMethod.values:
        refuse(_("Kies een verdeelsleutel."), code="key_method_invalid", field="key_method")
    proposal.title = _text(title, 200, "title") or proposal.title
    proposal.introduction = clean_prose(introduction)
    _text(proposal.introduction, 50_000, "introduction")
    proposal.key_method = key_method
    proposal.fixed_amount = _amount(fixed_amount or 0, "fixed_amount")
    return _save(proposal, user)


@transaction.atomic
def plan_update(
    *,
    plan: GoalPlan,
    user,
    lead_partner: str,
    lead_partner_other: str = "",
    programme_team: str = "",
    partner_roles: str = "",
) -> GoalPlan:
    """The organisation of one goal: its lead partner (one of the partners; 'anders' named), the programme team,
    and the partners' roles beyond those of the goal."""
    _require_staff(user)
    _ensure_editable(plan.proposal)
    if lead_partner and lead_partner not in Partner.values:
        refuse(_("Kies een partner als trekker."), code="proposal_lead_invalid", field="lead_partner")
    if lead_partner == "other" and not (lead_partner_other or "").strip():
        refuse(_("Noem de partner bij 'anders'."), code="proposal_lead_other_missing", field="lead_partner_other")
    plan.lead_partner = lead_partner or ""
    plan.lead_partner_other = _text(lead_partner_other, 200, "lead_partner_other") if lead_partner == "other" else ""
    plan.programme_team = _text(programme_team, 500, "programme_team")
    plan.partner_roles = _text(clean_prose(partner_roles), 5_000, "partner_roles")
    return _save(plan, user)


@transaction.atomic
def cost_item_add(*, plan: GoalPlan, user, year: int, description: str, amount) -> CostItem:
    _require_staff(user)
    _ensure_editable(plan.proposal)
    description = _text(description, 200, "description")
    if not description:
        refuse(_("Omschrijf de kostenpost."), code="proposal_cost_description_missing", field="description")
    return _save(
        CostItem(plan=plan, year=_year(plan.proposal, year), description=description, amount=_amount(amount)), user
    )


@transaction.atomic
def funding_add(*, plan: GoalPlan, user, year: int, source: str, amount, source_other: str = "") -> Funding:
    _require_staff(user)
    _ensure_editable(plan.proposal)
    if source not in Funding.Source.values:
        refuse(_("Kies een bron van financiering."), code="proposal_source_invalid", field="source")
    source_other = _text(source_other, 200, "source_other") if source == Funding.Source.OTHER else ""
    if source == Funding.Source.OTHER and not source_other:
        refuse(_("Noem de bron bij 'anders'."), code="proposal_source_other_missing", field="source_other")
    return _save(
        Funding(
            plan=plan, year=_year(plan.proposal, year), source=source, source_other=source_other, amount=_amount(amount)
        ),
        user,
    )


@transaction.atomic
def budget_line_delete(*, line: CostItem | Funding, user) -> None:
    _require_staff(user)
    _ensure_editable(line.plan.proposal)
    line._history_user = user
    line.delete()


@transaction.atomic
def key_population_enter(
    *, proposal: Proposal, user, municipality: Municipality, population: int, source: str
) -> KeyMunicipality:
    """Enter a population (with its source) for the key, for a municipality whose population is unknown."""
    _require_staff(user)
    _ensure_editable(proposal)
    if not isinstance(population, int) or population <= 0 or population > 10_000_000:
        refuse(_("Vul een inwonertal in van ten minste 1."), code="key_population_invalid", field="population")
    source = _text(source, 200, "population_source")
    if not source:
        refuse(_("Noem de bron van het inwonertal."), code="key_population_source_missing", field="population_source")
    # Not get_or_create: its first save would enter the history without the user.
    row = KeyMunicipality.objects.filter(proposal=proposal, municipality=municipality).first() or KeyMunicipality(
        proposal=proposal, municipality=municipality
    )
    row.population, row.population_source, row.excluded, row.reason = population, source, False, ""
    return _save(row, user)


@transaction.atomic
def key_municipality_exclude(*, proposal: Proposal, user, municipality: Municipality, reason: str) -> KeyMunicipality:
    """Leave a municipality out of the key, with the reason (it merged, it does not take part, ...)."""
    _require_staff(user)
    _ensure_editable(proposal)
    reason = _text(reason, 500, "reason")
    if not reason:
        refuse(
            _("Geef de reden waarom de gemeente buiten de verdeling blijft."),
            code="key_exclusion_reason_missing",
            field="reason",
        )
    row = KeyMunicipality.objects.filter(proposal=proposal, municipality=municipality).first() or KeyMunicipality(
        proposal=proposal, municipality=municipality
    )
    row.population, row.population_source, row.excluded, row.reason = None, "", True, reason
    return _save(row, user)


@transaction.atomic
def key_municipality_reset(*, proposal: Proposal, user, municipality: Municipality) -> None:
    _require_staff(user)
    _ensure_editable(proposal)
    for row in KeyMunicipality.objects.filter(proposal=proposal, municipality=municipality):
        row._history_user = user
        row.delete()


@transaction.atomic
def proposal_offer(*, proposal: Proposal, user, offered_on: datetime.date) -> Proposal:
    """The BBG offers the proposal to the DVOs and the Colleges of B&W. Its key must be computable."""
    _require_staff(user)
    proposal = Proposal.objects.select_for_update().select_related("process").get(pk=proposal.pk)
    if proposal.status != Proposal.Status.CONCEPT:
        refuse(_("Het voorstel is al aangeboden."), code="proposal_not_concept")
    result = key_result(proposal)
    if result.refusal:
        refuse(result.refusal, code=result.refusal_code)
    proposal.status = Proposal.Status.OFFERED
    proposal.offered_on = offered_on
    _save(proposal, user)
    _make_version(proposal, user, *_next_minor(proposal), date=offered_on)
    return proposal


@transaction.atomic
def proposal_decision_record(
    *,
    proposal: Proposal,
    user,
    outcome: str,
    decided_on: datetime.date,
    district: District | None = None,
    municipality: Municipality | None = None,
    conditions: str = "",
) -> ProposalDecision:
    """Record (or correct) the decision of one DVO or one College of B&W on the offered proposal."""
    _require_staff(user)
    if proposal.status == Proposal.Status.CONCEPT:
        refuse(_("Het voorstel is nog niet door de BBG aangeboden."), code="proposal_not_offered")
    _ensure_editable(proposal)
    if (district is None) == (municipality is None):
        refuse(_("Kies een DVO of een gemeente."), code="proposal_decision_body_missing")
    if outcome not in ProposalDecision.Outcome.values:
        refuse(_("Kies het besluit."), code="proposal_decision_outcome_invalid", field="outcome")
    conditions = _text(conditions, 1000, "conditions")
    if outcome == ProposalDecision.Outcome.CONDITIONS and not conditions:
        refuse(_("Noem de voorwaarden."), code="proposal_decision_conditions_missing", field="conditions")
    if decided_on is None:
        refuse(_("Vul de datum van het besluit in."), code="proposal_decision_date_missing", field="decided_on")
    if proposal.offered_on and decided_on < proposal.offered_on:
        refuse(
            _("Een besluit kan niet voor het aanbieden van het voorstel liggen."),
            code="proposal_decision_before_offer",
            field="decided_on",
        )
    lookup = {"district": district} if district is not None else {"municipality": municipality}
    decision = ProposalDecision.objects.filter(proposal=proposal, **lookup).first() or ProposalDecision(
        proposal=proposal, body=ProposalDecision.Body.DVO if district else ProposalDecision.Body.COLLEGE, **lookup
    )
    decision.outcome, decision.decided_on, decision.conditions = outcome, decided_on, conditions
    return _save(decision, user)


@transaction.atomic
def proposal_adopt(*, proposal: Proposal, user, rvo_on: datetime.date, board_adopted_on: datetime.date) -> Proposal:
    """The RVO decided and the Bestuurscollege adopted the proposal: from now on it is frozen."""
    _require_staff(user)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != Proposal.Status.OFFERED:
        refuse(_("Alleen een aangeboden voorstel kan worden vastgesteld."), code="proposal_not_offered")
    if rvo_on is None or board_adopted_on is None:
        refuse(_("Vul de datum van het RVO en van het Bestuurscollege in."), code="proposal_adoption_date_missing")
    if rvo_on < proposal.offered_on or board_adopted_on < rvo_on:
        refuse(_("De data liggen niet in volgorde: aanbieden, RVO, Bestuurscollege."), code="proposal_dates_order")
    proposal.status, proposal.rvo_on, proposal.board_adopted_on = Proposal.Status.ADOPTED, rvo_on, board_adopted_on
    _save(proposal, user)
    _make_version(proposal, user, 1, 0, date=board_adopted_on)
    return proposal


def _next_minor(proposal: Proposal) -> tuple[int, int]:
    major, minor = (int(part) for part in next_version_label(proposal).split("."))
    return major, minor


def _make_version(
    proposal: Proposal, user, major: int, minor: int, *, date: datetime.date, note: str = ""
) -> ProposalVersion:
    with translation.override(LANGUAGE):
        status_label = str(proposal.get_status_display())
    content = proposal_content(
        proposal,
        version_label=f"{major}.{minor}",
        status_label=status_label,
        is_adopted=proposal.status == Proposal.Status.ADOPTED,
        date=date,
    )
    return _save(
        ProposalVersion(
            proposal=proposal,
            major=major,
            minor=minor,
            status=proposal.status,
            snapshot=snapshot_of(content),
            fingerprint=content.fingerprint(),
            note=note,
            created_by=user,
        ),
        user,
    )


@transaction.atomic
def proposal_version_create(
    *, proposal: Proposal, user, note: str = "", today: datetime.date | None = None
) -> ProposalVersion:
    """Freeze the proposal as it reads now as the next version (0.1, 0.2, ...), with its organisation, budget,
    coverage, key and decisions. Staff only; refused once the proposal is adopted (its 1.0 is final).

    ``today`` is the version's date (default: today; the demo's versions are of 2019)."""
    _require_staff(user)
    proposal = Proposal.objects.select_for_update().select_related("process").get(pk=proposal.pk)
    _ensure_editable(proposal)
    note = _text(note, TEXT_MAX_LENGTH, "note")
    return _make_version(proposal, user, *_next_minor(proposal), date=today or timezone.localdate(), note=note)
