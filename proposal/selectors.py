"""Reads of the proposal that several places share: its plans with their budget, the coverage check per year, the
municipalities' share per year and the cost-sharing key per municipality. Fixed numbers of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planning.models import District, Municipality

from . import key
from .models import CostItem, Funding, GoalPlan, KeyMunicipality, Proposal, ProposalVersion

ZERO = Decimal("0.00")


def period_years(proposal: Proposal) -> list[int]:
    process = proposal.process
    return list(range(process.period_start_year, process.period_end_year + 1))


def plans_of(proposal: Proposal) -> list[GoalPlan]:
    """The plans with their goal, roles, costs and funding. Five queries."""
    return list(
        GoalPlan.objects.filter(proposal=proposal)
        .select_related("goal")
        .prefetch_related(
            "goal__roles",
            Prefetch("costs", queryset=CostItem.objects.order_by("year", "pk")),
            Prefetch("funding", queryset=Funding.objects.order_by("year", "source", "pk")),
        )
        .order_by("goal__position", "pk")
    )


@dataclass
class YearCoverage:
    year: int
    cost: Decimal = ZERO
    funding: Decimal = ZERO
    by_source: dict = field(default_factory=lambda: defaultdict(lambda: ZERO))

    @property
    def shortfall(self) -> Decimal:
        return max(self.cost - self.funding, ZERO)

    @property
    def surplus(self) -> Decimal:
        return max(self.funding - self.cost, ZERO)

    @property
    def covered(self) -> bool:
        return self.funding >= self.cost


@dataclass
class PlanCoverage:
    plan: GoalPlan
    years: list[YearCoverage]

    @property
    def warnings(self) -> list[YearCoverage]:
        return [year for year in self.years if not year.covered]


def coverage(plan: GoalPlan, years: list[int]) -> PlanCoverage:
    """Cost and funding per year of the period for one plan (its costs and funding prefetched)."""
    rows = {year: YearCoverage(year) for year in years}
    for item in plan.costs.all():
        rows.setdefault(item.year, YearCoverage(item.year)).cost += item.amount
    for funding in plan.funding.all():
        row = rows.setdefault(funding.year, YearCoverage(funding.year))
        row.funding += funding.amount
        row.by_source[funding.source] += funding.amount
    return PlanCoverage(plan, [rows[year] for year in sorted(rows)])


def totals_per_year(coverages: list[PlanCoverage], years: list[int]) -> list[YearCoverage]:
    rows = {year: YearCoverage(year) for year in years}
    for plan in coverages:
        for year in plan.years:
            row = rows.setdefault(year.year, YearCoverage(year.year))
            row.cost += year.cost
            row.funding += year.funding
            for source, amount in year.by_source.items():
                row.by_source[source] += amount
    return [rows[year] for year in sorted(rows)]


def municipal_share_by_year(proposal: Proposal) -> dict[int, Decimal]:
    """What the municipalities together pay per year: the funding with source 'gemeenten'. One query."""
    shares: dict[int, Decimal] = dict.fromkeys(period_years(proposal), ZERO)
    for year, amount in Funding.objects.filter(
        plan__proposal=proposal, source=Funding.Source.MUNICIPALITIES
    ).values_list("year", "amount"):
        shares[year] = shares.get(year, ZERO) + amount
    return dict(sorted(shares.items()))


@dataclass
class KeyRow:
    municipality: Municipality
    population: int | None
    population_note: str  # "" or how the population was entered
    shares: dict[int, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.shares.values(), ZERO)


@dataclass
class KeyResult:
    method: str
    rows: list[KeyRow] = field(default_factory=list)
    excluded: list[KeyMunicipality] = field(default_factory=list)
    entered: list[KeyMunicipality] = field(default_factory=list)
    unresolved: list[Municipality] = field(default_factory=list)
    share_by_year: dict[int, Decimal] = field(default_factory=dict)
    refusal: str = ""  # a Dutch message when the key cannot be computed
    refusal_code: str = ""

    @property
    def total(self) -> Decimal:
        return sum(self.share_by_year.values(), ZERO)


def key_result(proposal: Proposal) -> KeyResult:
    """The municipalities' share per year divided by the proposal's key, per municipality, in cents that add up
    exactly to each year's share. A population-based key with a municipality whose population is unknown (and
    neither entered nor excluded) is not computed: ``refusal`` says which. Three queries."""
    adjustments = {
        row.municipality_id: row
        for row in KeyMunicipality.objects.filter(proposal=proposal).select_related("municipality")
    }
    municipalities = list(Municipality.objects.select_related("district").order_by("name"))
    result = KeyResult(method=proposal.key_method, share_by_year=municipal_share_by_year(proposal))
    members = []
    populations = {}
    for municipality in municipalities:
        adjustment = adjustments.get(municipality.pk)
        if adjustment is not None and adjustment.excluded:
            result.excluded.append(adjustment)
            continue
        population = municipality.population
        note = ""
        if adjustment is not None and adjustment.population is not None:
            population = adjustment.population
            note = _("ingevoerd, bron: %(source)s") % {"source": adjustment.population_source}
            result.entered.append(adjustment)
        if population is None and proposal.key_method != key.EQUAL:
            result.unresolved.append(municipality)
        populations[municipality.pk] = (municipality, population, note)
        members.append(key.Member(municipality.pk, municipality.name, population))
    if result.unresolved:
        result.refusal_code = "key_population_unknown"
        result.refusal = _(
            "De verdeelsleutel wordt niet berekend: van %(names)s is het inwonertal niet bekend. Vul het inwonertal "
            "met de bron in, of sluit de gemeente uit met een reden."
        ) % {"names": ", ".join(m.name for m in result.unresolved)}
        return result
    shares: dict[int, dict[int, Decimal]] = defaultdict(dict)
    try:
        for year, amount in result.share_by_year.items():
            if not amount:
                for pk in populations:
                    shares[pk][year] = ZERO
                continue
            cents = key.divide(
                proposal.key_method, key.to_cents(amount), members, fixed=key.to_cents(proposal.fixed_amount)
            )
            for pk, share in cents.items():
                shares[pk][year] = key.from_cents(share)
    except key.KeyRefusal as refusal:
        result.refusal_code = refusal.code
        result.refusal = str(KEY_MESSAGES.get(refusal.code, _("De verdeelsleutel kan niet worden berekend.")))
        return result
    result.rows = [
        KeyRow(municipality, population, note, shares.get(pk, {}))
        for pk, (municipality, population, note) in populations.items()
    ]
    return result


KEY_MESSAGES = {
    "key_fixed_exceeds_total": gettext_lazy(
        "Het vaste bedrag per gemeente is samen meer dan het aandeel van de gemeenten."
    ),
    "key_no_weight": gettext_lazy("Er is geen gemeente met inwoners om het aandeel over te verdelen."),
}


def decisions_overview(proposal: Proposal):
    """Who has decided what: the five DVOs and every College of B&W, each with its decision or None. Three
    queries."""
    decisions = list(proposal.decisions.select_related("district", "municipality"))
    by_district = {d.district_id: d for d in decisions if d.district_id}
    by_municipality = {d.municipality_id: d for d in decisions if d.municipality_id}
    dvos = [(district, by_district.get(district.pk)) for district in District.objects.order_by("order")]
    colleges = [(m, by_municipality.get(m.pk)) for m in Municipality.objects.order_by("name")]
    return dvos, colleges


def versions_of(proposal: Proposal) -> list[ProposalVersion]:
    return list(proposal.versions.select_related("created_by").order_by("major", "minor"))


def version_by_label(proposal: Proposal, label: str) -> ProposalVersion | None:
    try:
        major, minor = (int(part) for part in label.split("."))
    except ValueError:
        return None
    if not (0 <= major <= 32767 and 0 <= minor <= 32767):
        return None
    return proposal.versions.select_related("proposal__process").filter(major=major, minor=minor).first()


def next_version_label(proposal: Proposal) -> str:
    """The label the next concept version gets: 0.1, 0.2, ... (1.0 is the adoption's)."""
    last = proposal.versions.order_by("major", "minor").last()
    return f"{last.major}.{last.minor + 1}" if last else "0.1"
