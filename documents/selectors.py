"""Reads of the goals and the document that several places share: the SMART facts, the goals with their check,
the capacity rows of art. 38a, the document's content (the contract in documents/content.py) built from the
current data or rebuilt from a version's snapshot, and the consistency check between the VS and the MJB part.

Each function costs a fixed number of queries, however many goals or municipalities there are.
"""

import datetime
import json
import math
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import numbers
from core.dates import format_date
from core.sanitize import sanitize_html
from decisions.selectors import confirmed_top_five
from planning.models import Municipality, StrategyProcess
from planning.selectors import reading_date
from priorities.models import PartnerRole, Urgency

from .content import CapacityRow, DocumentContent, GoalItem, PriorityItem, Section
from .diff import html_to_text
from .hooks import DOCUMENT_CHAPTERS
from .models import CommunityOfficerPlan, Document, DocumentVersion, Goal, GoalPartnerRole
from .smart import SmartFacts, SmartIssue, smart_check

# Art. 38a Politiewet: at least one community officer per this many inhabitants.
INHABITANTS_PER_OFFICER = 5000

# The sections in the order of the document; prose fields of Document that belong to them.
SECTION_TITLES = {
    "intro": gettext_lazy("Inleiding en aanleiding"),
    "principles": gettext_lazy("Uitgangspunten"),
    "priorities": gettext_lazy("Prioriteiten en ambities"),
    "goals": gettext_lazy("Doelstellingen"),
    "roles": gettext_lazy("Rollen van de partners"),
    "preconditions": gettext_lazy("Randvoorwaarden: organisatie en financiering"),
    "mjb_local": gettext_lazy("MJB: lokale prioriteiten"),
    "mjb_national": gettext_lazy("MJB: landelijke beleidsdoelstellingen"),
    "mjb_om": gettext_lazy("MJB: afspraken met het Openbaar Ministerie"),
    "capacity": gettext_lazy("MJB: verdeling van de politiecapaciteit"),
}
SECTION_KEYS = list(SECTION_TITLES)
PROSE_FIELDS = {
    "intro": "intro_html",
    "principles": "principles_html",
    "preconditions": "preconditions_html",
    "mjb_local": "mjb_local_html",
    "mjb_national": "mjb_national_html",
    "mjb_om": "mjb_om_html",
    "capacity": "capacity_html",
}
GENERATED_SECTIONS = {"priorities", "goals", "roles", "preconditions", "mjb_local", "capacity"}


def section_title(key: str) -> str:
    return str(SECTION_TITLES.get(key, key))


# The document's language: its numbers, amounts and dates are Dutch (DocumentContent.language).
DOCUMENT_LANGUAGE = "nl"


# --- Numbers in Dutch -----------------------------------------------------------------------------------------


def format_number(value: int) -> str:
    """10000 -> '10.000': the document is Dutch whatever the language of the request that builds it."""
    with translation.override(DOCUMENT_LANGUAGE):
        return numbers.format_number(value)


def format_amount(amount: Decimal) -> str:
    """Decimal('250000.5') -> '€ 250.000,50', in the document's language."""
    with translation.override(DOCUMENT_LANGUAGE):
        return numbers.format_amount(amount)


# --- The top five and the goals -------------------------------------------------------------------------------


def top_five(process: StrategyProcess) -> list:
    """The BBG's confirmed top five (DecisionPriority rows with their priority), empty if not confirmed yet.
    Two queries."""
    decision = confirmed_top_five(process)
    return list(decision.chosen.all()) if decision else []


def smart_facts(process: StrategyProcess, chosen: list | None = None) -> SmartFacts:
    """The facts the SMART check needs. Pass ``chosen`` (from top_five) to save its queries."""
    if chosen is None:
        decision = confirmed_top_five(process)
        ids = {row.priority_id for row in decision.chosen.all()} if decision else None
    else:
        ids = {row.priority_id for row in chosen} or None
    return SmartFacts(process.period_start_year, process.period_end_year, ids)


def goals_for(process: StrategyProcess):
    """The process's goals in order, with their priority and roles. Two queries when evaluated."""
    return (
        Goal.objects.filter(process=process)
        .select_related("priority", "process")
        .prefetch_related(Prefetch("roles", queryset=GoalPartnerRole.objects.order_by("partner", "pk")))
        .order_by("position", "pk")
    )


@dataclass
class CheckedGoal:
    goal: Goal
    issues: list[SmartIssue]

    @property
    def is_smart(self) -> bool:
        return not self.issues


def checked_goals(process: StrategyProcess, chosen: list | None = None) -> list[CheckedGoal]:
    """Every goal of the process with its SMART check. Four queries."""
    facts = smart_facts(process, top_five(process) if chosen is None else chosen)
    return [CheckedGoal(goal, smart_check(goal, facts=facts, roles=goal.roles.all())) for goal in goals_for(process)]


def goal_issues(goal: Goal) -> list[SmartIssue]:
    return smart_check(goal, facts=smart_facts(goal.process))


# --- Capacity: community officers against art. 38a ------------------------------------------------------------


def officer_norm(population: int | None) -> int | None:
    """At least one community officer per 5,000 inhabitants, rounded up; None when the population is unknown."""
    if population is None:
        return None
    return math.ceil(population / INHABITANTS_PER_OFFICER)


def capacity_rows(process: StrategyProcess) -> list[CapacityRow]:
    """Every municipality of the unit with its norm and the officers planned for it. Two queries."""
    planned = dict(CommunityOfficerPlan.objects.filter(process=process).values_list("municipality_id", "officers"))
    rows = []
    for municipality in Municipality.objects.select_related("district").order_by("district__order", "name"):
        norm = officer_norm(municipality.population)
        officers = planned.get(municipality.pk)
        shortfall = max(norm - officers, 0) if norm is not None and officers is not None else None
        rows.append(
            CapacityRow(
                district=str(municipality.district),
                municipality=municipality.name,
                population=municipality.population,
                norm=norm,
                planned=officers,
                shortfall=shortfall,
            )
        )
    return rows


@dataclass
class CapacityTotals:
    """Totals over the municipalities whose population is known; the others are listed apart, never guessed."""

    population: int = 0
    norm: int = 0
    planned: int = 0
    shortfall: int = 0
    municipalities: int = 0
    short_municipalities: list[str] = field(default_factory=list)
    unknown_population: list[str] = field(default_factory=list)
    planned_where_unknown: int = 0
    not_entered: list[str] = field(default_factory=list)

    @property
    def entered(self) -> int:
        """The municipalities with a known population whose planned officers are filled in."""
        return self.municipalities - len(self.not_entered)


def capacity_totals(rows: list[CapacityRow]) -> CapacityTotals:
    totals = CapacityTotals()
    for row in rows:
        if row.population is None:
            totals.unknown_population.append(row.municipality)
            totals.planned_where_unknown += row.planned or 0
            continue
        totals.municipalities += 1
        totals.population += row.population
        totals.norm += row.norm or 0
        totals.planned += row.planned or 0
        if row.planned is None:
            totals.not_entered.append(row.municipality)
        if row.shortfall:
            totals.shortfall += row.shortfall
            totals.short_municipalities.append(row.municipality)
    return totals


# --- The document's content -----------------------------------------------------------------------------------


def document_for(process: StrategyProcess) -> Document | None:
    return Document.objects.filter(process=process).select_related("process").first()


def _value_and_date(value: str, date: datetime.date | None) -> str:
    if value and date:
        return f"{value} ({format_date(date)})"
    if date:
        return f"– ({format_date(date)})"
    return value


def _goal_item(position: int, goal: Goal) -> GoalItem:
    return GoalItem(
        position=position,
        priority_title=goal.priority.title,
        title=goal.title,
        description=goal.description,
        indicator=goal.indicator,
        baseline=_value_and_date(goal.baseline_value, goal.baseline_date),
        target=_value_and_date(goal.target_value, goal.target_date),
        deadline=goal.deadline,
        owner=goal.owner_display,
        partner_roles=[f"{role.partner_display}: {role.role}" for role in goal.roles.all()],
        urgency=str(goal.get_urgency_display()) if goal.urgency else "",
        status=str(goal.get_status_display()),
    )


def _roles_by_partner(chosen: list, goals: list[Goal], priority_roles: list[PartnerRole]) -> list[tuple[str, list]]:
    """Per partner what it does: lead of or contributing to a priority, owner of or a role in a goal."""
    by_partner: dict[str, list[str]] = {}
    for role in priority_roles:
        by_partner.setdefault(role.partner_display, []).append(
            _("%(role)s bij prioriteit '%(priority)s'")
            % {"role": str(role.get_role_display()).capitalize(), "priority": role.priority.title}
        )
    for goal in goals:
        if goal.owner:
            by_partner.setdefault(goal.owner_display, []).append(
                _("Eigenaar van doelstelling '%(goal)s'") % {"goal": goal.title}
            )
        for role in goal.roles.all():
            by_partner.setdefault(role.partner_display, []).append(
                _("%(role)s (doelstelling '%(goal)s')") % {"role": role.role, "goal": goal.title}
            )
    return sorted(by_partner.items(), key=lambda item: item[0].lower())


def _preconditions_html(goals: list[Goal]) -> str:
    rows = [goal for goal in goals if goal.organisation or goal.financing_amount is not None or goal.financing_source]
    total = sum((goal.financing_amount for goal in goals if goal.financing_amount is not None), Decimal(0))
    return render_to_string(
        "documents/sections/preconditions.html",
        {
            "goals": [
                {
                    "title": goal.title,
                    "organisation": goal.organisation,
                    "amount": format_amount(goal.financing_amount) if goal.financing_amount is not None else "",
                    "source": goal.financing_source,
                }
                for goal in rows
            ],
            "total": format_amount(total) if rows else "",
        },
    )


def _capacity_html(rows: list[CapacityRow]) -> str:
    totals = capacity_totals(rows)
    display = [
        {
            "row": row,
            "population": format_number(row.population) if row.population is not None else None,
        }
        for row in rows
    ]
    return render_to_string(
        "documents/sections/capacity.html",
        {
            "rows": display,
            "totals": totals,
            "total_population": format_number(totals.population),
            "per_officer": format_number(INHABITANTS_PER_OFFICER),
        },
    )


def document_content(
    document: Document,
    *,
    version_label: str,
    status_label: str,
    is_adopted: bool,
    date: datetime.date,
    chosen: list | None = None,
) -> DocumentContent:
    """The document as it reads now: its prose (sanitised again) and the sections generated from the current
    top five (``chosen``, from top_five, read here when not given), goals, roles and capacity plan. Seven
    queries, five with ``chosen``."""
    process = document.process
    if chosen is None:
        chosen = top_five(process)
    goals = list(goals_for(process))
    priority_roles = list(
        PartnerRole.objects.filter(priority_id__in=[row.priority_id for row in chosen])
        .select_related("priority")
        .order_by("priority__position", "role", "partner")
    )
    rows = capacity_rows(process)
    prose = {key: sanitize_html(getattr(document, name)) for key, name in PROSE_FIELDS.items()}

    priority_items = [
        PriorityItem(
            position=row.position,
            title=row.priority.title,
            ambition=row.ambition,
            urgency=str(Urgency(row.priority.urgency).label) if row.priority.urgency in Urgency.values else "",
        )
        for row in chosen
    ]
    goal_items = [_goal_item(position, goal) for position, goal in enumerate(goals, start=1)]
    goals_by_priority: dict[int, list[Goal]] = {}
    for goal in goals:
        goals_by_priority.setdefault(goal.priority_id, []).append(goal)
    preconditions = _preconditions_html(goals)

    generated = {
        "priorities": render_to_string("documents/sections/priorities.html", {"priorities": priority_items}),
        "goals": render_to_string(
            "documents/sections/goals.html",
            {
                "goals": [
                    {"item": item, "deadline": format_date(item.deadline) if item.deadline else ""}
                    for item in goal_items
                ]
            },
        ),
        "roles": render_to_string(
            "documents/sections/roles.html", {"partners": _roles_by_partner(chosen, goals, priority_roles)}
        ),
        "preconditions": preconditions,
        "mjb_local": render_to_string(
            "documents/sections/mjb_local.html",
            {
                "priorities": [
                    {"item": item, "goals": goals_by_priority.get(row.priority_id, [])}
                    for item, row in zip(priority_items, chosen, strict=True)
                ],
                "other_goals": [goal for goal in goals if goal.priority_id not in {r.priority_id for r in chosen}],
            },
        ),
        "capacity": _capacity_html(rows),
    }
    sections = []
    for key in SECTION_KEYS:
        parts = [prose.get(key, ""), generated.get(key, "")]
        if key == "preconditions":
            parts.reverse()  # the goals' preconditions first, then the explanation
        html = "\n".join(part.strip() for part in parts if part and part.strip())
        sections.append(Section(key=key, title=section_title(key), html=html, generated=key in GENERATED_SECTIONS))
    for chapters in DOCUMENT_CHAPTERS.call(document):
        sections.extend(chapters)

    letter_html = "\n".join(
        part
        for part in [
            sanitize_html(document.letter_html),
            render_to_string("documents/sections/letter_preconditions.html", {"preconditions": preconditions}),
        ]
        if part.strip()
    )
    return DocumentContent(
        process_title=process.title,
        document_title=document.title,
        version_label=version_label,
        status_label=status_label,
        is_adopted=is_adopted,
        date=date,
        sections=sections,
        priorities=priority_items,
        goals=goal_items,
        capacity=rows,
        letter_html=letter_html,
    )


def next_version_label(document: Document, versions: list[DocumentVersion] | None = None) -> str:
    """The label the next version of the concept gets: 0.1, 0.2, ..."""
    if versions is None:
        versions = list(document.versions.order_by("major", "minor"))
    if not versions:
        return "0.1"
    last = versions[-1]
    return f"{last.major}.{last.minor + 1}"


def draft_content(
    document: Document, versions: list[DocumentVersion] | None = None, chosen: list | None = None
) -> DocumentContent:
    """The current concept (what the next version will hold), for the preview on the document page. Pass
    ``versions`` (versions_of) and ``chosen`` (top_five) when the page has read them already."""
    label = "1.0" if document.is_frozen else next_version_label(document, versions)
    return document_content(
        document,
        version_label=label,
        status_label=str(document.get_status_display()),
        is_adopted=document.is_frozen,
        date=document.adopted_on if document.is_frozen else reading_date(document.process),
        chosen=chosen,
    )


# --- Snapshots ------------------------------------------------------------------------------------------------


def snapshot_of(content: DocumentContent) -> dict:
    """The content as JSON data (dates as ISO strings), to store on a DocumentVersion."""
    return json.loads(json.dumps(asdict(content), cls=DjangoJSONEncoder))


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _build(cls, data: dict, **converted):
    """An instance of the dataclass from ``data``, ignoring keys it does not know (a newer snapshot) and leaving
    missing ones to their defaults (an older snapshot)."""
    names = {f.name for f in fields(cls)}
    values = {key: value for key, value in data.items() if key in names}
    values.update(converted)
    return cls(**values)


def content_from_snapshot(data: dict) -> DocumentContent:
    """Rebuild the DocumentContent stored by ``snapshot_of``: equal to the content that was stored."""
    return _build(
        DocumentContent,
        data,
        date=_date(data.get("date")),
        sections=[_build(Section, item) for item in data.get("sections", [])],
        priorities=[_build(PriorityItem, item) for item in data.get("priorities", [])],
        goals=[
            _build(
                GoalItem, item, deadline=_date(item.get("deadline")), partner_roles=list(item.get("partner_roles", []))
            )
            for item in data.get("goals", [])
        ],
        capacity=[_build(CapacityRow, item) for item in data.get("capacity", [])],
    )


def build_document_content(version: DocumentVersion | Document) -> DocumentContent:
    """The content of a version, exactly as it was frozen (from its snapshot). Given the Document itself, the
    current concept (built from the current data)."""
    if isinstance(version, Document):
        return draft_content(version)
    if version.snapshot:
        return content_from_snapshot(version.snapshot)
    return draft_content(version.document)


def versions_of(document: Document) -> list[DocumentVersion]:
    return list(document.versions.select_related("created_by").order_by("major", "minor"))


def version_by_label(document: Document, label: str) -> DocumentVersion | None:
    try:
        major, minor = (int(part) for part in label.split("."))
    except ValueError:
        return None
    return document.versions.select_related("created_by", "document__process").filter(major=major, minor=minor).first()


def transitions_of(document: Document):
    return document.transitions.select_related("by", "version").order_by("at", "pk")


# --- Consistency between the VS and the MJB part --------------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def consistency_check(content: DocumentContent, *, priority_titles: list[str], goal_titles: list[str]) -> list[str]:
    """What the MJB part (its local priorities) misses of the VS: every chosen priority and every adopted goal must
    appear in it. Returns the problems in Dutch; empty when the two match."""
    section = next((s for s in content.sections if s.key == "mjb_local"), None)
    if section is None:
        return [_("Het document heeft geen MJB-hoofdstuk met de lokale prioriteiten.")]
    text = _normalise(html_to_text(section.html) or strip_tags(section.html))
    problems = []
    for title in priority_titles:
        if _normalise(title) not in text:
            problems.append(_("De prioriteit '%(title)s' staat niet in het MJB-deel.") % {"title": title})
    for title in goal_titles:
        if _normalise(title) not in text:
            problems.append(
                _("De vastgestelde doelstelling '%(title)s' staat niet in het MJB-deel.") % {"title": title}
            )
    return problems


@dataclass(frozen=True)
class ConsistencyBasis:
    """What a document is checked against: the titles of the current top five and of the adopted goals."""

    priority_titles: list[str]
    goal_titles: list[str]


def consistency_basis(process: StrategyProcess, chosen: list | None = None) -> ConsistencyBasis:
    """The process's current top five and adopted goals, read once for every check of a page. Pass ``chosen``
    (from top_five) to save its two queries; one query then."""
    if chosen is None:
        chosen = top_five(process)
    adopted = Goal.objects.filter(process=process, status=Goal.Status.ADOPTED).order_by("position", "pk")
    return ConsistencyBasis(
        priority_titles=[row.priority.title for row in chosen],
        goal_titles=list(adopted.values_list("title", flat=True)),
    )


def document_consistency(
    process: StrategyProcess, content: DocumentContent, basis: ConsistencyBasis | None = None
) -> list[str]:
    """The consistency check of ``content`` against the process's current top five and adopted goals (``basis``,
    read here when not given)."""
    if basis is None:
        basis = consistency_basis(process)
    return consistency_check(content, priority_titles=basis.priority_titles, goal_titles=basis.goal_titles)
