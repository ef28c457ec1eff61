"""Reads of the long list that several pages and the API share: the list with its relations in a fixed number of
queries and the scan's support for a priority's themes (criterion 1).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from planning.majority import reaches_majority, reaches_plain_majority
from planning.models import Municipality, StrategyProcess
from scan.models import PlanTheme
from scan.selectors import sources_visible_to

from .models import CRITERION_SHORT_LABELS, OUTCOME_SYMBOLS, Criterion, LongList, Outcome, PartnerRole, Priority

# --- Sources: confidential ones are for programme staff only, everywhere (the scan's rule) -------------------


def user_sees_confidential(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("scan.view_confidential_source"))


# --- The long list --------------------------------------------------------------------------------------------


def long_list_for(process: StrategyProcess) -> LongList:
    """The process's consent state; a process without one is a draft (the row is made on the first write)."""
    try:
        return process.long_list
    except LongList.DoesNotExist:
        return LongList(process=process)


def priorities_for(process: StrategyProcess, user) -> QuerySet[Priority]:
    """The process's priorities with themes, the sources the user may see, roles and assessments prefetched.
    Through the process's own manager, so each priority's ``process`` is this one (no query per row for its URL)."""
    return (
        process.priorities.all()
        .select_related("continues__process")
        .prefetch_related(
            "themes",
            Prefetch("sources", queryset=sources_visible_to(user)),
            Prefetch("roles", queryset=PartnerRole.objects.order_by("role", "partner", "pk")),
            "assessments",
        )
    )


# --- The scan's support (criterion 1) -------------------------------------------------------------------------


def municipality_total() -> int:
    return Municipality.objects.count()


def theme_municipality_counts(process: StrategyProcess, theme_ids) -> dict[int, int]:
    """Per theme, how many municipalities' plans for this process name it (one query)."""
    rows = (
        PlanTheme.objects.filter(plan__process=process, theme_id__in=list(theme_ids))
        .values("theme_id")
        .annotate(municipalities=Count("plan__municipality", distinct=True))
    )
    return {row["theme_id"]: row["municipalities"] for row in rows}


def priority_municipality_counts(process: StrategyProcess, priority_ids) -> dict[int, int]:
    """Per priority, how many distinct municipalities' plans for this process name ANY of its themes.

    One aggregate query over PlanTheme, joined to the priorities through the themes; a municipality that names
    two of a priority's themes counts once.
    """
    rows = (
        PlanTheme.objects.filter(plan__process=process, theme__priorities__in=list(priority_ids))
        .values("theme__priorities")
        .annotate(municipalities=Count("plan__municipality", distinct=True))
    )
    return {row["theme__priorities"]: row["municipalities"] for row in rows}


def share_percent(count: int, total: int) -> Decimal:
    if not total:
        return Decimal("0")
    return (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class MajorityProposal:
    """The scan's proposal for criterion 1 of one priority."""

    municipalities: int
    total: int
    threshold: Decimal
    has_themes: bool

    @property
    def share(self) -> Decimal:
        return share_percent(self.municipalities, self.total)

    @property
    def outcome(self) -> str:
        """Met at or above the process's threshold, partly for a plain majority below it, otherwise not met."""
        # The one rule of an overwhelming majority: planning.majority.
        if self.has_themes and reaches_majority(self.municipalities, self.total, self.threshold):
            return Outcome.MET
        if self.has_themes and reaches_plain_majority(self.municipalities, self.total):
            return Outcome.PARTLY
        return Outcome.NOT_MET

    @property
    def outcome_display(self) -> str:
        return str(Outcome(self.outcome).label)

    @property
    def symbol(self) -> str:
        return OUTCOME_SYMBOLS[self.outcome]

    @property
    def explanation(self) -> str:
        if not self.has_themes:
            return _("Voorstel uit de scan: de prioriteit heeft nog geen thema's, dus geen steun uit de scan.")
        return _(
            "Voorstel uit de scan: %(count)s van de %(total)s gemeenten (%(share)s%%) noemen een van de thema's "
            "in hun veiligheidsplan; de drempel is %(threshold)s%%."
        ) % {
            "count": self.municipalities,
            "total": self.total,
            "share": number_format(self.share, 1),
            "threshold": number_format(self.threshold, 2),
        }


def majority_proposals(process: StrategyProcess, priorities) -> dict[int, MajorityProposal]:
    """Criterion 1 proposed from the scan for each priority: two queries however many municipalities there are.

    ``priorities`` should have their themes prefetched (only whether a priority has themes is read).
    """
    priorities = list(priorities)
    counts = priority_municipality_counts(process, [priority.pk for priority in priorities])
    total = municipality_total()
    return {
        priority.pk: MajorityProposal(
            municipalities=counts.get(priority.pk, 0),
            total=total,
            threshold=Decimal(process.majority_threshold),
            has_themes=bool(priority.themes.all()),
        )
        for priority in priorities
    }


# --- Rows for the pages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionCell:
    criterion: str
    label: str
    short_label: str
    assessment: object  # CriterionAssessment or None

    @property
    def outcome_display(self) -> str:
        # The label straight from the choices: get_outcome_display() builds its lookup afresh on every call.
        if not self.assessment:
            return ""
        outcome = self.assessment.outcome
        return str(Outcome(outcome).label) if outcome in Outcome.values else outcome

    @property
    def symbol(self) -> str:
        return self.assessment.symbol if self.assessment else "–"


def criterion_cells(priority: Priority) -> list[CriterionCell]:
    """The four criteria in their fixed order, each with the priority's assessment (from the prefetch) or None."""
    by_criterion = {assessment.criterion: assessment for assessment in priority.assessments.all()}
    return [
        CriterionCell(
            criterion=criterion.value,
            label=str(criterion.label),
            short_label=str(CRITERION_SHORT_LABELS[criterion]),
            assessment=by_criterion.get(criterion.value),
        )
        for criterion in Criterion
    ]
