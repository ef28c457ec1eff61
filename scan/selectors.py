"""Reads of the scan that several places share: the shares of municipalities (and inhabitants) naming each
theme, the scan matrix, the municipalities' plans, and the sources a user may see.

Everything here runs a fixed number of queries, however many municipalities, themes or plans there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet

from core.dates import format_date
from planning.majority import reaches_majority
from planning.models import Municipality, StrategyProcess

from .models import MunicipalPlan, PlanTheme, Source, Theme

SORT_NAME = "naam"
SORT_COUNT = "aantal"
SORTS = (SORT_NAME, SORT_COUNT)


# --- Confidentiality: the one rule for sources ------------------------------------------------------------------


def sources_visible_to(user, process: StrategyProcess | None = None) -> QuerySet[Source]:
    """The sources ``user`` may see, of one process or of all.

    Confidential sources (undermining reports, RIEC material) are for programme staff only: every page, the
    API, search and filter results, exports and downloads reach sources through this function. A user without a
    role sees none.
    """
    sources = Source.objects.all() if process is None else Source.objects.filter(process=process)
    if not user.has_perm("scan.view_source"):
        return sources.none()
    if not user.has_perm("scan.view_confidential_source"):
        sources = sources.exclude(confidentiality=Source.Confidentiality.CONFIDENTIAL)
    return sources


def search_sources(
    sources: QuerySet[Source], *, text: str = "", kind: str = "", theme_id: int | None = None
) -> QuerySet[Source]:
    """Narrow already visible sources by a search text (title, owner, reference, notes), kind and theme."""
    if text:
        sources = sources.filter(
            Q(title__icontains=text)
            | Q(owner__icontains=text)
            | Q(reference__icontains=text)
            | Q(notes__icontains=text)
        )
    if kind:
        sources = sources.filter(kind=kind)
    if theme_id:
        sources = sources.filter(themes=theme_id)
    return sources.distinct() if theme_id else sources


# --- Shares of municipalities and inhabitants ---------------------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityShare:
    """How many of the unit's municipalities name something, and what part of the unit that is.

    ``share_municipalities`` and ``share_inhabitants`` are percentages (0-100), not rounded. Inhabitants count
    only municipalities with a known population; those naming it without a known population are listed in
    ``unknown_population`` (and left out of both the numerator and the denominator of ``share_inhabitants``).
    """

    count: int
    total_municipalities: int
    share_municipalities: float
    inhabitants: int
    total_inhabitants: int
    share_inhabitants: float | None
    unknown_population: tuple[str, ...]
    per_district: dict[str, int]
    municipality_ids: frozenset[int]

    def meets(self, threshold) -> bool:
        """Whether the municipalities are an overwhelming majority at ``threshold`` percent
        (process.majority_threshold; the one rule is planning.majority.reaches_majority)."""
        return reaches_majority(self.count, self.total_municipalities, threshold)


@dataclass(frozen=True)
class ThemeShare(MunicipalityShare):
    theme_id: int = 0
    theme_name: str = ""


@dataclass
class _ScanData:
    themes: list[Theme]
    municipalities: list[Municipality]
    # theme id -> municipality id -> the PlanTheme row (as a light object)
    naming: dict[int, dict[int, PlanTheme]]


def _load(process: StrategyProcess) -> _ScanData:
    themes = list(Theme.objects.all())
    municipalities = list(
        Municipality.objects.select_related("district")
        .only("id", "name", "population", "district__id", "district__code", "district__name", "district__order")
        .order_by("district__order", "district__code", "name")
    )
    naming: dict[int, dict[int, PlanTheme]] = {}
    rows = (
        PlanTheme.objects.filter(plan__process=process)
        .select_related(None)
        .annotate(municipality_id=F("plan__municipality_id"))
        .only("id", "plan_id", "theme_id", "wording", "origin")
    )
    for row in rows:
        naming.setdefault(row.theme_id, {})[row.municipality_id] = row
    return _ScanData(themes=themes, municipalities=municipalities, naming=naming)


def _share(municipalities: list[Municipality], naming_ids: set[int]) -> dict:
    total = len(municipalities)
    total_inhabitants = sum(m.population for m in municipalities if m.population is not None)
    count = 0
    inhabitants = 0
    unknown: list[str] = []
    per_district: dict[str, int] = {}
    for municipality in municipalities:
        per_district.setdefault(municipality.district.code, 0)
        if municipality.pk not in naming_ids:
            continue
        count += 1
        per_district[municipality.district.code] += 1
        if municipality.population is None:
            unknown.append(municipality.name)
        else:
            inhabitants += municipality.population
    return {
        "count": count,
        "total_municipalities": total,
        "share_municipalities": 100.0 * count / total if total else 0.0,
        "inhabitants": inhabitants,
        "total_inhabitants": total_inhabitants,
        "share_inhabitants": 100.0 * inhabitants / total_inhabitants if total_inhabitants else None,
        "unknown_population": tuple(unknown),
        "per_district": per_district,
        "municipality_ids": frozenset(naming_ids),
    }


def _theme_shares(data: _ScanData) -> dict[int, ThemeShare]:
    return {
        theme.pk: ThemeShare(
            theme_id=theme.pk,
            theme_name=theme.name,
            **_share(data.municipalities, set(data.naming.get(theme.pk, {}))),
        )
        for theme in data.themes
    }


def theme_shares(process: StrategyProcess) -> dict[int, ThemeShare]:
    """Per theme of the catalogue (also those no plan names): how many of the unit's municipalities name it in
    their plan for ``process``, their share of all the unit's municipalities (every Municipality row), their
    share of the inhabitants (known populations only; municipalities with an unknown population are listed in
    ``unknown_population`` and left out of the inhabitant share), and the count per district code.

    Three queries, whatever the number of municipalities and themes.
    """
    return _theme_shares(_load(process))


def themes_share(process: StrategyProcess, theme_ids) -> MunicipalityShare:
    """The share of municipalities whose plan names at least one of ``theme_ids`` (e.g. a priority's themes)."""
    municipalities = list(
        Municipality.objects.select_related("district").only("id", "name", "population", "district__code")
    )
    naming_ids = set(
        PlanTheme.objects.filter(plan__process=process, theme_id__in=list(theme_ids)).values_list(
            "plan__municipality_id", flat=True
        )
    )
    return MunicipalityShare(**_share(municipalities, naming_ids))


def unknown_population_municipalities() -> list[Municipality]:
    return list(Municipality.objects.filter(population__isnull=True).order_by("name"))


# --- The matrix -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixCell:
    theme: Theme
    plan_theme: PlanTheme | None


@dataclass
class MatrixRow:
    municipality: Municipality
    cells: list[MatrixCell]
    count: int


@dataclass(frozen=True)
class HeatCell:
    theme: Theme
    count: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.count / self.total if self.total else 0.0

    @property
    def level(self) -> int:
        """0 (nobody) to 4 (three quarters or more), for the colour; the number is always shown as text."""
        if self.count == 0:
            return 0
        return min(4, 1 + int(self.percent // 25))


@dataclass
class HeatRow:
    district_code: str
    district_name: str
    municipality_count: int
    cells: list[HeatCell]


@dataclass
class ScanMatrix:
    process: StrategyProcess
    sort: str
    themes: list[Theme]
    shares: list[ThemeShare]
    rows: list[MatrixRow]
    heat_rows: list[HeatRow]
    total_municipalities: int
    total_inhabitants: int
    unknown_population: list[Municipality] = field(default_factory=list)

    @property
    def columns(self) -> list[tuple[Theme, ThemeShare]]:
        return list(zip(self.themes, self.shares, strict=True))


def scan_matrix(process: StrategyProcess, *, sort: str = SORT_NAME) -> ScanMatrix:
    """Municipalities x themes for ``process``, with per theme the shares (see theme_shares) and a heat map of
    districts x themes. ``sort`` orders the themes: SORT_NAME (A-Z) or SORT_COUNT (most named first).
    Three queries, whatever the size."""
    data = _load(process)
    shares = _theme_shares(data)
    themes = sorted(data.themes, key=lambda theme: theme.name.lower())
    if sort == SORT_COUNT:
        themes.sort(key=lambda theme: -shares[theme.pk].count)
    else:
        sort = SORT_NAME

    rows = []
    for municipality in data.municipalities:
        cells = [MatrixCell(theme, data.naming.get(theme.pk, {}).get(municipality.pk)) for theme in themes]
        rows.append(MatrixRow(municipality, cells, sum(1 for cell in cells if cell.plan_theme)))

    districts: dict[str, list[Municipality]] = {}
    for municipality in data.municipalities:
        districts.setdefault(municipality.district.code, []).append(municipality)
    heat_rows = []
    for code, members in districts.items():
        heat_rows.append(
            HeatRow(
                district_code=code,
                district_name=members[0].district.name,
                municipality_count=len(members),
                cells=[HeatCell(theme, shares[theme.pk].per_district.get(code, 0), len(members)) for theme in themes],
            )
        )

    return ScanMatrix(
        process=process,
        sort=sort,
        themes=themes,
        shares=[shares[theme.pk] for theme in themes],
        rows=rows,
        heat_rows=heat_rows,
        total_municipalities=len(data.municipalities),
        total_inhabitants=sum(m.population for m in data.municipalities if m.population is not None),
        unknown_population=sorted(
            (m for m in data.municipalities if m.population is None), key=lambda m: m.name.lower()
        ),
    )


# --- The plans list ---------------------------------------------------------------------------------------------------


def format_optional_date(date) -> str:
    return format_date(date) if date else ""


@dataclass
class PlanRow:
    municipality: Municipality
    plan: MunicipalPlan | None

    @property
    def sent_display(self) -> str:
        return format_optional_date(self.plan and self.plan.check_sent_on)

    @property
    def answered_display(self) -> str:
        return format_optional_date(self.plan and self.plan.check_answered_on)


def plans_overview(process: StrategyProcess) -> list[PlanRow]:
    """Every municipality of the unit with its plan for ``process`` (or None), in two queries."""
    plans = {
        plan.municipality_id: plan
        for plan in MunicipalPlan.objects.filter(process=process).annotate(
            theme_count=Count("plan_themes"),
            amended_count=Count("plan_themes", filter=~Q(plan_themes__origin=PlanTheme.Origin.SCAN)),
        )
    }
    municipalities = Municipality.objects.select_related("district").order_by(
        "district__order", "district__code", "name"
    )
    return [PlanRow(municipality, plans.get(municipality.pk)) for municipality in municipalities]


def plan_themes_of(plan: MunicipalPlan) -> list[PlanTheme]:
    if plan.pk is None:
        return []
    return list(plan.plan_themes.select_related("theme").order_by("theme__name"))


__all__ = [
    "MunicipalityShare",
    "ScanMatrix",
    "ThemeShare",
    "plans_overview",
    "scan_matrix",
    "sources_visible_to",
    "theme_shares",
    "themes_share",
]
