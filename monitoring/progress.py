"""The status rule: how far a goal is from its target at a measurement moment. The page states this same rule
(``RULE_TEXT``); the dashboard, the goal page, the API and the progress report all call ``assess``.

For each indicator, with the value at the moment (the unit-wide value; without one, the districts' or
municipalities' values taken together: summed for numbers and euros, averaged for percentages, "yes" only when
all say yes):

- progress = (value - baseline) / (target - baseline): 0 at the baseline, 1 at the target, whichever way the
  target lies (a goal to lower a figure progresses as the figure falls);
- expected = the share of the time from the baseline date to the target date that has passed at the moment;
- achieved when progress >= 1; on course when progress >= expected - 10 points; needs attention when progress >=
  expected - 25 points; behind otherwise. A yes/no indicator is achieved at "yes"; at "no" it needs attention
  until the target date and is behind from then on.

A goal with several indicators takes the worst status of those that have a value; without any value it has no
status at that moment. Staff may override the status with a reason; the override wins, and both are shown.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .models import Indicator, Measurement, ProgressStatus, Unit
from .units import format_value

ON_COURSE_MARGIN = Decimal("0.10")
ATTENTION_MARGIN = Decimal("0.25")

RULE_TEXT = _(
    "De status volgt uit de waarden: de voortgang is (waarde min nulmeting) gedeeld door (streefwaarde "
    "min nulmeting), de verwachte voortgang het deel van de tijd van de nulmeting tot de streefdatum dat "
    "voorbij is. Behaald: voortgang 100% of meer. Op koers: hooguit 10 procentpunten achter op de "
    "verwachting. Aandacht nodig: hooguit 25 procentpunten achter. Achter: verder achter. Een "
    "ja/nee-indicator is behaald bij ‘ja’; bij ‘nee’ is er aandacht nodig tot de streefdatum en daarna "
    "achter. Bij meer indicatoren telt de slechtste status. Zonder waarde op een meetmoment is er geen "
    "status. De programmastaf kan de status met een reden anders vaststellen."
)

# Worst first: a goal takes the worst status of its indicators.
SEVERITY = [ProgressStatus.BEHIND, ProgressStatus.ATTENTION, ProgressStatus.ON_COURSE, ProgressStatus.ACHIEVED]


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: Indicator
    value: Decimal | None
    progress: Decimal | None
    expected: Decimal
    status: str | None
    provisional: bool = False

    @property
    def value_text(self) -> str:
        return format_value(self.value, self.indicator.unit)

    @property
    def status_label(self) -> str:
        return str(ProgressStatus(self.status).label) if self.status else ""

    @property
    def progress_percent(self) -> int | None:
        return None if self.progress is None else round(self.progress * 100)

    @property
    def expected_percent(self) -> int:
        return round(self.expected * 100)


def combined_value(indicator: Indicator, values: Sequence[Measurement]) -> Decimal | None:
    """The unit-wide value of ``indicator`` among ``values`` (one moment's), or the regional values combined."""
    whole = [m.value for m in values if m.district_id is None and m.municipality_id is None]
    if whole:
        return whole[0]
    regional = [m.value for m in values]
    if not regional:
        return None
    if indicator.unit == Unit.PERCENTAGE:
        return (sum(regional) / len(regional)).quantize(Decimal("0.01"))
    if indicator.unit == Unit.YES_NO:
        return Decimal(1) if all(value == 1 for value in regional) else Decimal(0)
    return sum(regional)


def expected_share(start: datetime.date, end: datetime.date, on: datetime.date) -> Decimal:
    if end <= start:
        return Decimal(1)
    share = Decimal((on - start).days) / Decimal((end - start).days)
    return min(max(share, Decimal(0)), Decimal(1))


def indicator_status(
    indicator: Indicator, value: Decimal | None, *, start: datetime.date, end: datetime.date, on: datetime.date
) -> IndicatorProgress:
    expected = expected_share(start, end, on)
    if value is None:
        return IndicatorProgress(indicator, None, None, expected, None)
    if indicator.unit == Unit.YES_NO:
        reached = value == indicator.target
        status = (
            ProgressStatus.ACHIEVED if reached else (ProgressStatus.ATTENTION if on < end else ProgressStatus.BEHIND)
        )
        return IndicatorProgress(indicator, value, Decimal(1) if reached else Decimal(0), expected, status)
    progress = (value - indicator.baseline) / (indicator.target - indicator.baseline)
    if progress >= 1:
        status = ProgressStatus.ACHIEVED
    elif progress >= expected - ON_COURSE_MARGIN:
        status = ProgressStatus.ON_COURSE
    elif progress >= expected - ATTENTION_MARGIN:
        status = ProgressStatus.ATTENTION
    else:
        status = ProgressStatus.BEHIND
    return IndicatorProgress(indicator, value, progress.quantize(Decimal("0.001")), expected, status)


def worst(statuses: Iterable[str | None]) -> str | None:
    present = [status for status in statuses if status]
    if not present:
        return None
    return min(present, key=SEVERITY.index)
