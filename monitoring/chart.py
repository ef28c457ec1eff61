"""The small line chart of a goal (server-rendered SVG, like the results chart): the baseline and the target
joined by a dashed line (the expected path), and the measured values of the first indicator over time, each a
dot coloured by the status at that moment. The same data feeds the table version beside it, and the report's PDF
draws the same SVG (vectors). templates/monitoring/includes/chart.html renders it."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .selectors import GoalMonitoring
from .units import format_value

STATUS_COLOURS = {
    "achieved": "#1e6b35",
    "on_course": "#0b4f8a",
    "attention": "#8a5a00",
    "behind": "#a4262c",
    None: "#555555",
}


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    value_text: str
    colour: str
    provisional: bool = False


@dataclass(frozen=True)
class Chart:
    anchor: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    title: str
    unit_label: str
    baseline: Point
    target: Point
    points: list[Point]
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def description(self) -> str:
        parts = [f"{self.baseline.label}: {self.baseline.value_text}", f"{self.target.label}: {self.target.value_text}"]
        parts += [f"{p.label}: {p.value_text}" for p in self.points]
        return "; ".join(parts)


def goal_chart(item: GoalMonitoring, *, width: int = 640, height: int = 260, small: bool = False) -> Chart | None:
    """The chart of the goal's first indicator, or None when the goal has no indicator."""
    if not item.indicators:
        return None
    indicator = item.indicators[0]
    left, right, top, bottom = (36, 12, 10, 22) if small else (70, 20, 16, 36)
    start, end = item.start, item.end
    measured = [
        (row, progress) for row in item.moments for progress in row.indicators[:1] if progress.value is not None
    ]
    values = [indicator.baseline, indicator.target, *(progress.value for _, progress in measured)]
    low, high = min(values), max(values)
    if indicator.unit == "percentage":
        low, high = min(low, Decimal(0)), max(high, Decimal(0))
    if low > 0 and indicator.unit != "yes_no":
        low = Decimal(0)
    span = (high - low) or Decimal(1)
    high += span / 10
    span = high - low
    last = max([end, *(row.moment.measured_on for row, _ in measured)])
    days = max((last - start).days, 1)

    def x(day: datetime.date) -> float:
        return left + (width - left - right) * max((day - start).days, 0) / days

    def y(value: Decimal) -> float:
        return float(top + (height - top - bottom) * (1 - (value - low) / span))

    unit = indicator.unit

    def point(day, value, label, colour, provisional=False):
        return Point(x(day), y(value), label, format_value(value, unit), colour, provisional)

    points = [
        point(
            row.moment.measured_on,
            progress.value,
            row.moment.label,
            STATUS_COLOURS.get(row.status, STATUS_COLOURS[None]),
            any(m.provisional for m in row.values[indicator.pk]),
        )
        for row, progress in measured
    ]

    ticks = 3 if small else 5
    y_ticks = [
        (y(low + span * i / ticks), format_value((low + span * i / ticks).quantize(Decimal("1")), unit))
        for i in range(ticks + 1)
    ]
    if unit == "yes_no":
        y_ticks = [(y(Decimal(0)), _("nee")), (y(Decimal(1)), _("ja"))]
    # A year's label sits at its end, where its measurement moment (31 December) lies.
    years = range(start.year + 1 if start.month == 12 else start.year, last.year + 1)
    x_ticks = [(x(datetime.date(year, 12, 31)), str(year)) for year in years] if not small else []
    return Chart(
        anchor=f"chart-{indicator.pk}-{width}",
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        title=indicator.name,
        unit_label=indicator.get_unit_display(),
        baseline=point(start, indicator.baseline, _("Nulmeting"), "#555555"),
        target=point(end, indicator.target, _("Streefwaarde"), "#555555"),
        points=points,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
    )
