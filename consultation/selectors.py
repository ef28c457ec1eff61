"""Reads of the consultation that several places share: the rounds of a process, the overview by district (counts
per status and what is missing), and a municipality's log over every round. Fixed numbers of queries."""

from collections import Counter
from dataclasses import dataclass, field

from planning.models import District, Municipality, StrategyProcess

from .models import ConsultationRound, CouncilEntry


def rounds_of(process: StrategyProcess) -> list[ConsultationRound]:
    return list(ConsultationRound.objects.filter(process=process).select_related("version").order_by("sent_on", "pk"))


def latest_round(process: StrategyProcess) -> ConsultationRound | None:
    return (
        ConsultationRound.objects.filter(process=process)
        .select_related("version", "process")
        .order_by("-sent_on", "-pk")
        .first()
    )


def entries_of(consultation: ConsultationRound):
    return CouncilEntry.objects.filter(round=consultation).select_related("municipality__district")


@dataclass
class DistrictOverview:
    district: District
    entries: list[CouncilEntry] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def missing(self) -> list[CouncilEntry]:
        return [entry for entry in self.entries if entry.is_open]

    @property
    def status_counts(self) -> list[tuple[str, str, int]]:
        return [(value, label, self.counts.get(value, 0)) for value, label in CouncilEntry.Status.choices]


def overview_by_district(consultation: ConsultationRound) -> list[DistrictOverview]:
    """Per district its entries, the count per status and the councils that have not answered yet. Two queries."""
    districts = {district.pk: DistrictOverview(district) for district in District.objects.order_by("order", "code")}
    for entry in entries_of(consultation).order_by("municipality__district__order", "municipality__name"):
        row = districts[entry.municipality.district_id]
        row.entries.append(entry)
        row.counts[entry.status] += 1
    return [row for row in districts.values() if row.entries]


def totals(rows: list[DistrictOverview]) -> Counter:
    counts = Counter()
    for row in rows:
        counts.update(row.counts)
    return counts


def municipality_log(process: StrategyProcess, municipality: Municipality) -> list[tuple[CouncilEntry, list]]:
    """Every round's entry of one municipality, each with its historical records (newest first). Two queries."""
    entries = list(
        CouncilEntry.objects.filter(round__process=process, municipality=municipality)
        .select_related("round__version", "municipality")
        .order_by("round__sent_on", "round__pk")
    )
    records = {}
    for record in (
        CouncilEntry.history.filter(id__in=[entry.pk for entry in entries])
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    ):
        records.setdefault(record.id, []).append(record)
    return [(entry, records.get(entry.pk, [])) for entry in entries]
