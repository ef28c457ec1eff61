"""Writes of the goals and the document, each holding a rule of the domain.

Goals
- A goal works out a priority of this process. It is edited while it is a concept; it goes to the RVO only when
  its SMART check is clean (the refusal lists what is missing); from there it is taken back to concept (with a
  reason) or adopted by the Bestuurscollege. An adopted goal is frozen.

The document
- One per process. Its workflow: concept -> sent to the RVO (date) -> for adoption by the Bestuurscollege (date)
  -> adopted -> bestuurlijke nota; from the RVO or the board it may go back to concept, with a reason. Every step
  is a DocumentTransition (who, when, the meeting's date, a note).
- Each step (but the nota, which is made from the adopted text) and each "new version" stores a frozen
  snapshot, a DocumentVersion: 0.1, 0.2, ... and 1.0 on adoption. Adopting also adopts the goals put forward;
  it is refused while a goal is still a concept or the MJB part misses a priority or goal of the VS.
- An adopted document is frozen: no edits of its prose, capacity plan or goals, no new versions.

Errors are django.core.exceptions.ValidationError with a Dutch message; pages show it, the API answers 400.
Every write records the user in the history.
"""

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TypedDict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import format_date
from core.errors import refuse
from core.sanitize import sanitize_html
from planning import services as planning_services
from planning.models import Milestone, Municipality, StrategyProcess
from priorities.models import Priority

from .models import CommunityOfficerPlan, Document, DocumentTransition, DocumentVersion, Goal, GoalPartnerRole
from .selectors import (
    PROSE_FIELDS,
    consistency_check,
    content_from_snapshot,
    document_content,
    document_for,
    next_version_label,
    smart_facts,
    snapshot_of,
    top_five,
)
from .smart import smart_check
from .workflow import Workflow

Status = Document.Status


class GoalData(TypedDict, total=False):
    priority: Priority
    title: str
    description: str
    indicator: str
    baseline_value: str
    baseline_date: datetime.date | None
    target_value: str
    target_date: datetime.date | None
    deadline: datetime.date | None
    owner: str
    owner_other: str
    urgency: str
    organisation: str
    financing_amount: Decimal | None
    financing_source: str


class RoleData(TypedDict, total=False):
    partner: str
    partner_other: str
    role: str


GOAL_FIELDS = list(GoalData.__annotations__)


def _require_staff(user, perm: str) -> None:
    if user is None or not user.has_perm(perm):
        raise PermissionDenied


def _save_as(obj, user, *, update_fields=None) -> None:
    """Save with ``user`` recorded in the history, also outside a request."""
    obj._history_user = user
    obj.save(update_fields=update_fields)


def _delete_as(obj, user) -> None:
    obj._history_user = user
    obj.delete()


# --- Goals ----------------------------------------------------------------------------------------------------


def _frozen_document_message(document: Document) -> str:
    return _("Het document is op %(date)s vastgesteld en kan niet meer worden gewijzigd.") % {
        "date": format_date(document.adopted_on)
    }


def _ensure_document_open(process: StrategyProcess) -> None:
    document = Document.objects.filter(process=process).first()
    if document is not None and document.is_frozen:
        raise ValidationError(_frozen_document_message(document), code="document_frozen")


def _ensure_goal_editable(goal: Goal) -> None:
    if goal.status == Goal.Status.TO_RVO:
        raise ValidationError(
            _("Deze doelstelling is naar het RVO; neem haar eerst terug naar concept om haar te wijzigen."),
            code="goal_put_forward",
        )
    if goal.status == Goal.Status.ADOPTED:
        raise ValidationError(
            _(
                "Deze doelstelling is op %(date)s vastgesteld door het Bestuurscollege en kan niet meer worden "
                "gewijzigd."
            )
            % {"date": format_date(goal.adopted_on)},
            code="goal_adopted",
        )


def _check_goal_data(process: StrategyProcess, data: GoalData, *, goal: Goal | None = None) -> None:
    errors = {}
    priority = data.get("priority")
    if priority is None:
        errors["priority"] = ValidationError(
            _("Kies de prioriteit die deze doelstelling uitwerkt."), code="goal_priority_missing"
        )
    elif priority.process_id != process.pk:
        errors["priority"] = ValidationError(
            _("Deze prioriteit hoort niet bij dit proces."), code="goal_priority_not_in_process"
        )
    title = (data.get("title") or "").strip()
    if not title:
        errors["title"] = ValidationError(_("Geef de doelstelling een titel."), code="goal_title_missing")
    elif Goal.objects.filter(process=process, title__iexact=title).exclude(pk=getattr(goal, "pk", None)).exists():
        errors["title"] = ValidationError(_("Er is al een doelstelling met deze titel."), code="goal_title_taken")
    amount = data.get("financing_amount")
    if amount is not None and amount < 0:
        errors["financing_amount"] = ValidationError(
            _("Het bedrag kan niet negatief zijn."), code="goal_financing_negative"
        )
    if errors:
        raise ValidationError(errors)


def _check_roles(roles: Sequence[RoleData]) -> list[RoleData]:
    cleaned = []
    seen = set()
    for role in roles:
        partner = role.get("partner") or ""
        other = (role.get("partner_other") or "").strip() if partner == "other" else ""
        text = (role.get("role") or "").strip()
        if not partner:
            continue
        if partner == "other" and not other:
            refuse(_("Noem de partner bij 'anders'."), code="goal_role_partner_missing", field="roles")
        if not text:
            refuse(_("Beschrijf de rol van elke partner."), code="goal_role_missing", field="roles")
        key = (partner, other.lower())
        if key in seen:
            refuse(_("Een partner staat twee keer bij de rollen."), code="goal_role_partner_twice", field="roles")
        seen.add(key)
        cleaned.append({"partner": partner, "partner_other": other, "role": text})
    return cleaned


def _replace_roles(goal: Goal, roles: list[RoleData], user) -> None:
    existing = {(role.partner, role.partner_other.lower()): role for role in goal.roles.all()}
    wanted = {(role["partner"], role["partner_other"].lower()): role for role in roles}
    for key, role in existing.items():
        if key not in wanted:
            _delete_as(role, user)
    for key, data in wanted.items():
        role = existing.get(key)
        if role is None:
            _save_as(GoalPartnerRole(goal=goal, **data), user)
        elif role.role != data["role"] or role.partner_other != data["partner_other"]:
            role.role = data["role"]
            role.partner_other = data["partner_other"]
            _save_as(role, user, update_fields=["role", "partner_other"])


def _apply(goal: Goal, data: GoalData) -> None:
    for name in GOAL_FIELDS:
        if name in data:
            value = data[name]
            if isinstance(value, str):
                value = value.strip()
            setattr(goal, name, value)
    if goal.owner != "other":
        goal.owner_other = ""


@transaction.atomic
def goal_create(*, process: StrategyProcess, user, data: GoalData, roles: Sequence[RoleData] = ()) -> Goal:
    """A new concept goal at the end of the process's goals. Refused once the document is adopted."""
    _require_staff(user, "documents.change_goal")
    _ensure_document_open(process)
    _check_goal_data(process, data)
    cleaned_roles = _check_roles(roles)
    last = Goal.objects.filter(process=process).aggregate(last=Max("position"))["last"] or 0
    goal = Goal(process=process, position=last + 1)
    _apply(goal, data)
    _save_as(goal, user)
    _replace_roles(goal, cleaned_roles, user)
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, user, data: GoalData, roles: Sequence[RoleData] | None = None) -> Goal:
    """Change a concept goal (and, if given, replace the other partners' roles)."""
    _require_staff(user, "documents.change_goal")
    goal = Goal.objects.select_for_update().select_related("process").get(pk=goal.pk)
    _ensure_goal_editable(goal)
    _ensure_document_open(goal.process)
    merged = {name: getattr(goal, name) for name in GOAL_FIELDS}
    merged.update(data)
    _check_goal_data(goal.process, merged, goal=goal)
    cleaned_roles = _check_roles(roles) if roles is not None else None
    _apply(goal, merged)
    _save_as(goal, user)
    if cleaned_roles is not None:
        _replace_roles(goal, cleaned_roles, user)
    return goal


@transaction.atomic
def goal_delete(*, goal: Goal, user) -> None:
    """Only a concept goal can be removed; the history keeps it."""
    _require_staff(user, "documents.change_goal")
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    _ensure_goal_editable(goal)
    for role in goal.roles.all():
        _delete_as(role, user)
    _delete_as(goal, user)


def smart_refusal(issues) -> ValidationError:
    messages = [_("De doelstelling is nog niet SMART en kan niet naar het RVO:"), *(str(issue) for issue in issues)]
    return ValidationError([ValidationError(message, code="goal_not_smart") for message in messages])


@transaction.atomic
def goal_put_forward(*, goal: Goal, user, on: datetime.date | None = None) -> Goal:
    """Put a concept goal forward to the RVO. Refused with the list of what is missing unless it is SMART. When no
    goal of the process is concept any more, the milestones ``completed_by`` that fact are done (planning)."""
    _require_staff(user, "documents.change_goal")
    goal = Goal.objects.select_for_update().select_related("process", "priority").get(pk=goal.pk)
    if goal.status != Goal.Status.CONCEPT:
        raise ValidationError(_("Alleen een concept kan naar het RVO."), code="goal_not_concept")
    _ensure_document_open(goal.process)
    issues = smart_check(goal, facts=smart_facts(goal.process))
    if issues:
        raise smart_refusal(issues)
    goal.status = Goal.Status.TO_RVO
    goal.put_forward_on = on or timezone.localdate()
    goal.status_note = ""
    _save_as(goal, user, update_fields=["status", "put_forward_on", "status_note", "updated_at"])
    if not Goal.objects.filter(process=goal.process, status=Goal.Status.CONCEPT).exists():
        planning_services.milestones_complete(
            process=goal.process,
            fact=Milestone.CompletedBy.GOALS_PUT_FORWARD,
            by=user,
            when=goal.put_forward_on,
            reason=_("Alle doelstellingen naar het RVO"),
        )
    return goal


@transaction.atomic
def goal_withdraw(*, goal: Goal, user, reason: str) -> Goal:
    """Take a goal back from the RVO to concept, e.g. to process its comments. The reason is kept, and the
    milestones done when all goals went to the RVO are planned again."""
    _require_staff(user, "documents.change_goal")
    goal = Goal.objects.select_for_update().select_related("process").get(pk=goal.pk)
    if goal.status != Goal.Status.TO_RVO:
        raise ValidationError(
            _("Alleen een doelstelling die naar het RVO is, kan terug naar concept."), code="goal_not_put_forward"
        )
    if not (reason or "").strip():
        refuse(_("Geef een reden."), code="goal_reason_missing", field="reason")
    goal.status = Goal.Status.CONCEPT
    goal.put_forward_on = None
    goal.status_note = reason.strip()
    _save_as(goal, user, update_fields=["status", "put_forward_on", "status_note", "updated_at"])
    planning_services.milestones_reopen(
        process=goal.process, fact=Milestone.CompletedBy.GOALS_PUT_FORWARD, by=user, reason=goal.status_note
    )
    return goal


def _adopt_goal(goal: Goal, user, on: datetime.date) -> None:
    goal.status = Goal.Status.ADOPTED
    goal.adopted_on = on
    _save_as(goal, user, update_fields=["status", "adopted_on", "updated_at"])


def _complete_when_all_adopted(process: StrategyProcess, user, on: datetime.date) -> None:
    """Once every goal of the process is adopted, the milestones ``completed_by`` that fact are done."""
    if not Goal.objects.filter(process=process).exclude(status=Goal.Status.ADOPTED).exists():
        planning_services.milestones_complete(
            process=process,
            fact=Milestone.CompletedBy.GOALS_ADOPTED,
            by=user,
            when=on,
            reason=_("Doelstellingen vastgesteld op %(date)s") % {"date": format_date(on)},
        )


@transaction.atomic
def goal_adopt(*, goal: Goal, user, on: datetime.date) -> Goal:
    """The Bestuurscollege adopted a goal that went to the RVO. From now on it is frozen. With the last goal
    adopted, the milestones ``completed_by`` the goals' adoption are done (planning)."""
    _require_staff(user, "documents.change_goal")
    goal = Goal.objects.select_for_update().select_related("process").get(pk=goal.pk)
    if goal.status != Goal.Status.TO_RVO:
        raise ValidationError(
            _("Alleen een doelstelling die naar het RVO is, kan worden vastgesteld."), code="goal_not_put_forward"
        )
    if on is None:
        refuse(_("Vul de datum van vaststelling in."), code="goal_adoption_date_missing", field="on")
    if goal.put_forward_on and on < goal.put_forward_on:
        refuse(
            _("De vaststelling ligt vóór de datum waarop de doelstelling naar het RVO ging."),
            code="goal_adoption_before_put_forward",
            field="on",
        )
    _adopt_goal(goal, user, on)
    _complete_when_all_adopted(goal.process, user, on)
    return goal


# --- The document ---------------------------------------------------------------------------------------------

ARTICLE_39 = (
    "De burgemeesters van de gemeenten in het gebied waarin de regionale eenheid de politietaak uitvoert en de "
    "hoofdofficier van justitie stellen ten minste eenmaal in de vier jaar, met inachtneming van de "
    "doelstellingen, bedoeld in artikel 20, eerste lid, het beleidsplan en jaarlijks het jaarverslag voor de "
    "regionale eenheid vast. Het beleidsplan omvat in ieder geval de verdeling van de beschikbare politiesterkte "
    "waaronder de beschikbare wijkagenten, bedoeld in artikel 38a, eerste lid, over de onderdelen van de "
    "regionale eenheid, rekening houdend met het belang van een goede vervulling van de politietaak in alle "
    "betrokken gemeenten en de doelen, bedoeld in artikel 38b, eerste lid."
)


def default_prose(process: StrategyProcess) -> dict[str, str]:
    """The prose a new document starts with, from the planning note, as the sanitiser stores it."""
    return {name: sanitize_html(html) for name, html in _default_prose(process).items()}


def _default_prose(process: StrategyProcess) -> dict[str, str]:
    period = process.period_display
    return {
        "intro_html": (
            f"<p>De politie is wettelijk verplicht om per eenheid een Meerjarenbeleidsplan (MJB) {period} op te "
            "leveren (art. 39 lid 1 Politiewet 2012). In het MJB komen aan de orde: de lokale prioriteiten "
            "(Veiligheidsstrategie, integrale veiligheidsplannen van de gemeenten), de landelijke "
            "beleidsdoelstellingen, de afspraken met het OM en de capaciteitsverdeling.</p>"
            "<p>Het Veiligheidsnetwerk Oost-Nederland wil, net als de vorige keer, aan de voorkant met de politie en "
            "het OM gezamenlijke beleidsdoelstellingen bepalen voor de komende beleidsperiode. Deze "
            "beleidsdoelstellingen worden opgenomen in het MJB van de politie.</p>"
            "<h3>Wettelijke grondslag</h3>"
            f"<p><strong>Artikel 39 lid 1 Politiewet 2012.</strong> {ARTICLE_39}</p>"
            "<p>Artikel 38a: ten minste één wijkagent per 5.000 inwoners. Artikel 38b: de gemeenteraad stelt ten "
            "minste eenmaal in de vier jaar de doelen op het gebied van veiligheid vast; de burgemeester hoort de "
            "raad over het ontwerp van het beleidsplan.</p>"
            '<p><a href="https://wetten.overheid.nl/BWBR0031788/2017-01-01">Politiewet 2012 op wetten.overheid.nl</a>'
            "</p>"
        ),
        "principles_html": (
            "<ul>"
            "<li>De VS wordt gebaseerd op de lokale prioriteiten, aangevuld met de prioriteiten van politie en OM.</li>"
            "<li>De VS borduurt voort op de vorige Veiligheidsstrategie.</li>"
            "<li>In de VS zijn bestuurlijk strategische ambities opgenomen. Het wordt een kort, bondig en SMART "
            "document met een begeleidende brief waarin de noodzakelijke voorwaarden worden vermeld (zoals de "
            "organisatie en financiering).</li>"
            "<li>Het biedt daarmee een multidisciplinair en integraal kader.</li>"
            "<li>Daarin wordt onderscheid gemaakt tussen wat urgent en wat gewenst is.</li>"
            "<li>Daarbij wordt aangegeven wie waar welke rol heeft.</li>"
            "<li>De VS en het MJB sluiten tekstueel en inhoudelijk op elkaar aan: twee bij elkaar horende documenten, "
            "waarbij de VS een beleidskader vormt voor het MJB.</li>"
            "<li>Het Veiligheidsnetwerk is vanaf het begin betrokken bij de totstandkoming van het MJB; ook de politie "
            "wordt actief meegenomen in het proces van de VS.</li>"
            "<li>De samenwerkende partijen committeren zich om met elkaar te staan voor de integrale aanpak van de in "
            "de VS benoemde prioriteiten en doelstellingen.</li>"
            "</ul>"
        ),
        "preconditions_html": "",
        "mjb_local_html": (
            "<p>De lokale prioriteiten van het MJB zijn de prioriteiten en doelstellingen van de "
            "Veiligheidsstrategie, aangevuld met de prioriteiten uit de integrale veiligheidsplannen van de "
            "gemeenten.</p>"
        ),
        "mjb_national_html": "",
        "mjb_om_html": "",
        "capacity_html": (
            "<p>Het beleidsplan verdeelt de beschikbare politiesterkte, waaronder de wijkagenten, over de onderdelen "
            "van de eenheid (art. 39 Politiewet). Per gemeente is ten minste één wijkagent per 5.000 inwoners "
            "beschikbaar (art. 38a).</p>"
        ),
        "letter_html": (
            "<p>Geachte leden van het Regionaal Veiligheidsoverleg,</p>"
            f"<p>Hierbij bieden wij u de concept-doelstellingen van de Veiligheidsstrategie {period} aan. In deze "
            "brief noemen wij de randvoorwaarden die nodig zijn om de doelstellingen te realiseren: de organisatie "
            "en de financiering.</p>"
        ),
    }


@transaction.atomic
def document_start(*, process: StrategyProcess, user) -> Document:
    """The process's document, made on first use with the default prose; the existing one otherwise."""
    _require_staff(user, "documents.change_document")
    document = document_for(process)
    if document is not None:
        return document
    document = Document(
        process=process,
        title=_("Veiligheidsstrategie en Meerjarenbeleidsplan %(period)s") % {"period": process.period_display},
        **default_prose(process),
    )
    _save_as(document, user)
    return document


def _lock(document: Document) -> Document:
    return Document.objects.select_for_update().select_related("process").get(pk=document.pk)


def _ensure_open(document: Document) -> None:
    if document.is_frozen:
        raise ValidationError(_frozen_document_message(document), code="document_frozen")


@transaction.atomic
def document_update(*, document: Document, user, title: str | None = None, prose: Mapping[str, str]) -> Document:
    """Change the concept's title and prose. The prose is reduced to the safe subset before it is stored."""
    _require_staff(user, "documents.change_document")
    document = _lock(document)
    _ensure_open(document)
    allowed = {*PROSE_FIELDS.values(), "letter_html"}
    unknown = set(prose) - allowed
    if unknown:
        raise ValueError(f"unknown prose fields: {sorted(unknown)}")
    changed = []
    for name, value in prose.items():
        clean = sanitize_html(value)
        if getattr(document, name) != clean:
            setattr(document, name, clean)
            changed.append(name)
    if title is not None and title.strip() and title.strip() != document.title:
        document.title = title.strip()
        changed.append("title")
    if changed:
        _save_as(document, user, update_fields=[*changed, "updated_at"])
    return document


@transaction.atomic
def officer_plans_save(*, process: StrategyProcess, user, officers: Mapping[int, int | None]) -> int:
    """Store the community officers planned per municipality (id -> number; None removes the entry).
    Refused once the document is adopted. Returns how many entries changed."""
    _require_staff(user, "documents.change_document")
    document = Document.objects.select_for_update().filter(process=process).first()
    if document is not None:
        _ensure_open(document)
    known = set(Municipality.objects.filter(pk__in=list(officers)).values_list("pk", flat=True))
    existing = {plan.municipality_id: plan for plan in CommunityOfficerPlan.objects.filter(process=process)}
    changes = 0
    for municipality_id, number in officers.items():
        if municipality_id not in known:
            refuse(_("Onbekende gemeente."), code="officers_municipality_unknown")
        if number is not None and number < 0:
            refuse(_("Het aantal wijkagenten kan niet negatief zijn."), code="officers_negative")
        plan = existing.get(municipality_id)
        if number is None:
            if plan is not None:
                _delete_as(plan, user)
                changes += 1
        elif plan is None:
            _save_as(CommunityOfficerPlan(process=process, municipality_id=municipality_id, officers=number), user)
            changes += 1
        elif plan.officers != number:
            plan.officers = number
            _save_as(plan, user, update_fields=["officers"])
            changes += 1
    return changes


def _make_version(
    document: Document, user, *, major: int, minor: int, date: datetime.date, note: str = ""
) -> DocumentVersion:
    content = document_content(
        document,
        version_label=f"{major}.{minor}",
        status_label=str(document.get_status_display()),
        is_adopted=document.is_frozen,
        date=date,
    )
    version = DocumentVersion(
        document=document,
        major=major,
        minor=minor,
        status=document.status,
        snapshot=snapshot_of(content),
        fingerprint=content.fingerprint(),
        note=note,
        made_on=date,
        created_by=user,
    )
    _save_as(version, user)
    return version


def _next_minor(document: Document) -> tuple[int, int]:
    label = next_version_label(document)
    major, minor = (int(part) for part in label.split("."))
    return major, minor


@transaction.atomic
def version_create(*, document: Document, user, note: str = "", today: datetime.date | None = None) -> DocumentVersion:
    """Freeze the current concept as the next version (0.1, 0.2, ...). Refused once the document is adopted.

    ``today`` is the version's date (default: today; the demo's versions are of 2018).
    """
    _require_staff(user, "documents.change_document")
    document = _lock(document)
    _ensure_open(document)
    major, minor = _next_minor(document)
    return _make_version(
        document, user, major=major, minor=minor, date=today or timezone.localdate(), note=note.strip()
    )


# Which step may follow which, and the date field each step fills.
TRANSITIONS = {
    Status.CONCEPT: (Status.SENT_TO_RVO,),
    Status.SENT_TO_RVO: (Status.FOR_ADOPTION, Status.CONCEPT),
    Status.FOR_ADOPTION: (Status.ADOPTED, Status.CONCEPT),
    Status.ADOPTED: (Status.NOTA,),
    Status.NOTA: (),
}
DATE_FIELDS = {
    Status.SENT_TO_RVO: "sent_to_rvo_on",
    Status.FOR_ADOPTION: "for_adoption_on",
    Status.ADOPTED: "adopted_on",
    Status.NOTA: "nota_on",
}
PREVIOUS_DATE = {
    Status.FOR_ADOPTION: "sent_to_rvo_on",
    Status.ADOPTED: "for_adoption_on",
    Status.NOTA: "adopted_on",
}


WORKFLOW = Workflow(
    prefix="document",
    labels=dict(Status.choices),
    transitions=TRANSITIONS,
    date_fields=DATE_FIELDS,
    previous_date=PREVIOUS_DATE,
    not_allowed_message=gettext_lazy("Van '%(from)s' kan het document niet naar '%(to)s'."),
    concept_reason_message=gettext_lazy("Geef een reden om het document terug te zetten naar concept."),
)


def allowed_transitions(document: Document) -> tuple[str, ...]:
    return WORKFLOW.allowed(document.status)


def _check_goals_ready(process: StrategyProcess) -> None:
    goals = list(Goal.objects.filter(process=process).order_by("position", "pk"))
    if not goals:
        raise ValidationError(_("Het document heeft nog geen doelstellingen."), code="document_no_goals")
    concepts = [goal.title for goal in goals if goal.status == Goal.Status.CONCEPT]
    if concepts:
        raise ValidationError(
            _("Deze doelstellingen zijn nog concept; zet ze eerst door naar het RVO: %(goals)s.")
            % {"goals": ", ".join(concepts)},
            code="document_goals_still_concept",
        )


@transaction.atomic
def document_transition(
    *, document: Document, user, to_status: str, meeting_date: datetime.date | None = None, note: str = ""
) -> DocumentTransition:
    """Move the document one step in its workflow and record who, when, the meeting's date and a note.

    Sending to the RVO needs goals that all went to the RVO; adopting adopts them (on the meeting's date) and makes
    version 1.0, and is refused while the MJB part misses a chosen priority or an adopted goal. Going back to
    concept needs a reason. Every step but the nota stores a new version. The planning follows (planning.services):
    sending it (with its letter) to the RVO completes the milestones ``completed_by`` the letter sent, adopting it
    those of the goals' adoption, the nota those of the nota; back to concept plans the letter's again.
    """
    _require_staff(user, "documents.change_document")
    document = _lock(document)
    from_status = document.status
    note = WORKFLOW.check_step(document, to_status=to_status, meeting_date=meeting_date, note=note)
    date_field = DATE_FIELDS.get(to_status)
    if to_status in (Status.SENT_TO_RVO, Status.ADOPTED):
        _check_goals_ready(document.process)

    if to_status == Status.ADOPTED:
        goals = list(Goal.objects.select_for_update().filter(process=document.process, status=Goal.Status.TO_RVO))
        early = [goal.title for goal in goals if goal.put_forward_on and meeting_date < goal.put_forward_on]
        if early:
            refuse(
                _("De vaststelling ligt vóór de datum waarop deze doelstellingen naar het RVO gingen: %(goals)s.")
                % {"goals": ", ".join(early)},
                code="document_adoption_before_goals_put_forward",
                field="meeting_date",
            )
        for goal in goals:
            _adopt_goal(goal, user, meeting_date)
        _complete_when_all_adopted(document.process, user, meeting_date)

    document.status = to_status
    update_fields = ["status", "updated_at"]
    if date_field:
        setattr(document, date_field, meeting_date)
        update_fields.append(date_field)
    _save_as(document, user, update_fields=update_fields)

    version_date = meeting_date or timezone.localdate()
    if to_status == Status.ADOPTED:
        version = _make_version(document, user, major=1, minor=0, date=meeting_date, note=note)
        problems = _consistency_problems(document, version)
        if problems:
            messages = [_("Het MJB-deel sluit niet aan op de VS; het document kan niet worden vastgesteld:"), *problems]
            raise ValidationError([ValidationError(message, code="document_mjb_inconsistent") for message in messages])
    elif to_status == Status.NOTA:
        version = document.versions.filter(major=1, minor=0).first()
    else:
        major, minor = _next_minor(document)
        version = _make_version(document, user, major=major, minor=minor, date=version_date, note=note)

    _milestones_follow(document, user, to_status=to_status, meeting_date=meeting_date, note=note)
    transition = DocumentTransition(
        document=document,
        from_status=from_status,
        to_status=to_status,
        meeting_date=meeting_date,
        note=note,
        version=version,
        by=user,
    )
    _save_as(transition, user)
    return transition


# The planning's fact each step completes; going back to concept undoes the sending (it goes to the RVO again).
STEP_FACTS = {
    Status.SENT_TO_RVO: Milestone.CompletedBy.LETTER_SENT,
    Status.NOTA: Milestone.CompletedBy.NOTA,
}


def _milestones_follow(document: Document, user, *, to_status: str, meeting_date, note: str) -> None:
    fact = STEP_FACTS.get(to_status)
    if fact:
        planning_services.milestones_complete(
            process=document.process,
            fact=fact,
            by=user,
            when=meeting_date,
            reason=str(dict(Status.choices)[to_status]).capitalize(),
        )
    elif to_status == Status.CONCEPT:
        planning_services.milestones_reopen(
            process=document.process, fact=Milestone.CompletedBy.LETTER_SENT, by=user, reason=note
        )


def _consistency_problems(document: Document, version: DocumentVersion) -> list[str]:
    chosen = top_five(document.process)
    adopted = Goal.objects.filter(process=document.process, status=Goal.Status.ADOPTED).order_by("position", "pk")
    return consistency_check(
        content_from_snapshot(version.snapshot),
        priority_titles=[row.priority.title for row in chosen],
        goal_titles=list(adopted.values_list("title", flat=True)),
    )
