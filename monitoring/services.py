"""Writes of the monitoring, each holding a rule.

- A measurement moment lies inside the process's period (1 January of its first year to 31 December of its last)
  and is unique per date; a moment with values is not deleted.
- An indicator has a unit (number, percentage, yes/no, euros); its baseline and target are valid values of that
  unit and differ.
- A value is a valid value of its indicator's unit (a percentage 0-100, yes/no, no negative numbers or euros,
  at most two decimals), has a source, is for the whole unit or, for a regional indicator, a district or a
  municipality, and belongs to a moment of the goal's own process. Only staff and the goal's owner contacts enter
  values. Entering a set of values is all or nothing.
- The owner's explanation and the partners' actions (of the same process) per goal and moment; staff may override
  the computed status (monitoring.progress) with a reason.

Refusals are core.errors ``refuse`` (ValidationError with a stable code and a Dutch message) and ``deny`` (403).
Every write records the user in the history.
"""

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.errors import deny, error_items, refuse
from core.prose import clean_prose
from documents.models import Goal
from planning.models import Action, District, Municipality, StrategyProcess

from .models import (
    EXPLANATION_MAX_LENGTH,
    REMARK_MAX_LENGTH,
    Indicator,
    Measurement,
    MeasurementMoment,
    OwnerContact,
    ProgressAssessment,
    ProgressReport,
    ProgressStatus,
    Unit,
)

MAX_VALUE = Decimal("999999999999.99")
NAME_MAX_LENGTH = 300
SOURCE_MAX_LENGTH = 300
THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")
YES_WORDS = {"ja", "yes", "true", "1", "1.00", "1,00"}
NO_WORDS = {"nee", "no", "false", "0", "0.00", "0,00"}


def _save_as(obj, user, **kwargs) -> None:
    obj._history_user = user
    obj.save(**kwargs)


def _delete_as(obj, user) -> None:
    obj._history_user = user
    obj.delete()


def _require(user, perm: str, obj=None) -> None:
    if user is None or not user.has_perm(perm, obj):
        deny(_("U hebt geen toestemming voor deze handeling."))


def period_bounds(process: StrategyProcess) -> tuple[datetime.date, datetime.date]:
    return datetime.date(process.period_start_year, 1, 1), datetime.date(process.period_end_year, 12, 31)


# --- Values and units -------------------------------------------------------------------------------------------


def parse_value(raw, unit: str, *, field: str = "value") -> Decimal:
    """A value of ``unit`` from what a person or a client sent: a number with a decimal point or comma ("12,5"),
    "ja"/"nee" or true/false for yes/no. Refused with a Dutch message when it is no valid value of the unit."""
    if isinstance(raw, bool):
        raw = "1" if raw else "0"
    text = str(raw if raw is not None else "").strip().replace("\u00a0", "").replace(" ", "")
    if unit == Unit.YES_NO:
        if text.lower() in YES_WORDS:
            return Decimal(1)
        if text.lower() in NO_WORDS:
            return Decimal(0)
        refuse(_("Vul ‘ja’ of ‘nee’ in."), code="value_not_yes_no", field=field)
    if not text:
        refuse(_("Vul een waarde in."), code="value_missing", field=field)
    if unit == Unit.PERCENTAGE:
        text = text.removesuffix("%")
    if unit == Unit.EUROS:
        text = text.removeprefix("€")
    if "," in text or THOUSANDS.fullmatch(text):
        # Dutch notation: 1.234,56 and 4.150 (four thousand one hundred and fifty)
        text = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        refuse(_("‘%(value)s’ is geen getal.") % {"value": str(raw)[:40]}, code="value_not_a_number", field=field)
    if not value.is_finite():
        refuse(_("‘%(value)s’ is geen getal.") % {"value": str(raw)[:40]}, code="value_not_a_number", field=field)
    check_value(value, unit, field=field)
    return value


def check_value(value: Decimal, unit: str, *, field: str = "value") -> None:
    if unit not in Unit.values:
        refuse(_("Onbekende eenheid."), code="indicator_unit_unknown", field="unit")
    if value.as_tuple().exponent < -2:
        refuse(_("Gebruik ten hoogste twee decimalen."), code="value_too_precise", field=field)
    if unit == Unit.YES_NO and value not in (0, 1):
        refuse(_("Vul ‘ja’ of ‘nee’ in."), code="value_not_yes_no", field=field)
    if unit == Unit.PERCENTAGE and not (0 <= value <= 100):
        refuse(
            _("Een percentage ligt tussen 0 en 100; %(value)s kan niet.") % {"value": value},
            code="value_out_of_range",
            field=field,
        )
    if value < 0:
        refuse(
            _("Een %(unit)s kan niet negatief zijn.") % {"unit": Unit(unit).label}, code="value_negative", field=field
        )
    if value > MAX_VALUE:
        refuse(_("Deze waarde is te groot."), code="value_too_large", field=field)


def _text(value, *, field: str, max_length: int, required: bool = False, label: str = "") -> str:
    text = (value or "").strip()
    if required and not text:
        refuse(_("Vul %(label)s in.") % {"label": label}, code=f"{field}_missing", field=field)
    if len(text) > max_length:
        refuse(
            _("Ten hoogste %(limit)s tekens (nu %(count)s).") % {"limit": max_length, "count": len(text)},
            code="max_length",
            field=field,
        )
    return text


# --- Measurement moments ----------------------------------------------------------------------------------------


@transaction.atomic
def moment_create(*, process: StrategyProcess, user, measured_on: datetime.date, label: str = "") -> MeasurementMoment:
    """A measurement moment inside the process's period, one per date."""
    _require(user, "monitoring.change_monitoring")
    if not isinstance(measured_on, datetime.date):
        refuse(_("Vul een geldige datum in."), code="moment_date_missing", field="measured_on")
    start, end = period_bounds(process)
    if not (start <= measured_on <= end):
        refuse(
            _("De peildatum moet binnen de periode %(period)s liggen.") % {"period": process.period_display},
            code="moment_outside_period",
            field="measured_on",
        )
    if MeasurementMoment.objects.filter(process=process, measured_on=measured_on).exists():
        refuse(_("Er is al een meetmoment op deze datum."), code="moment_exists", field="measured_on")
    label = _text(label, field="label", max_length=100) or _("Peildatum %(date)s") % {
        "date": measured_on.strftime("%d-%m-%Y")
    }
    moment = MeasurementMoment(process=process, measured_on=measured_on, label=label)
    _save_as(moment, user)
    return moment


@transaction.atomic
def moments_generate(*, process: StrategyProcess, user, half_yearly: bool = False) -> list[MeasurementMoment]:
    """The moments of a yearly (31 December) or half-yearly (also 30 June) rhythm over the period; dates that
    already have a moment are skipped."""
    _require(user, "monitoring.change_monitoring")
    existing = set(MeasurementMoment.objects.filter(process=process).values_list("measured_on", flat=True))
    made = []
    for year in range(process.period_start_year, process.period_end_year + 1):
        dates = (
            [datetime.date(year, 6, 30), datetime.date(year, 12, 31)] if half_yearly else [datetime.date(year, 12, 31)]
        )
        for day in dates:
            if day in existing:
                continue
            label = (
                _("Peildatum %(year)s") % {"year": year} if day.month == 12 else _("Halfjaar %(year)s") % {"year": year}
            )
            made.append(moment_create(process=process, user=user, measured_on=day, label=label))
    return made


@transaction.atomic
def moment_delete(*, moment: MeasurementMoment, user) -> None:
    _require(user, "monitoring.change_monitoring")
    if moment.measurements.exists() or moment.assessments.exists():
        refuse(_("Dit meetmoment heeft al waarden en kan niet worden verwijderd."), code="moment_has_values")
    _delete_as(moment, user)


# --- Indicators -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorData:
    name: str
    unit: str
    baseline: object
    target: object
    scope: str = Indicator.Scope.UNIT


def _indicator_fields(data: IndicatorData) -> dict:
    name = _text(data.name, field="name", max_length=NAME_MAX_LENGTH, required=True, label=_("de indicator"))
    if data.unit not in Unit.values:
        refuse(_("Kies een eenheid: aantal, percentage, ja/nee of euro."), code="indicator_unit_unknown", field="unit")
    if data.scope not in Indicator.Scope.values:
        refuse(_("Kies of de indicator regionaal wordt gemeten."), code="indicator_scope_unknown", field="scope")
    baseline = parse_value(data.baseline, data.unit, field="baseline")
    target = parse_value(data.target, data.unit, field="target")
    if baseline == target:
        refuse(
            _("De streefwaarde moet verschillen van de nulmeting."), code="indicator_target_is_baseline", field="target"
        )
    return {"name": name, "unit": data.unit, "baseline": baseline, "target": target, "scope": data.scope}


def _unique_name(goal: Goal, name: str, exclude: int | None = None) -> None:
    others = Indicator.objects.filter(goal=goal, name=name)
    if exclude:
        others = others.exclude(pk=exclude)
    if others.exists():
        refuse(_("Deze doelstelling heeft al een indicator met deze naam."), code="indicator_exists", field="name")


@transaction.atomic
def indicator_create(*, goal: Goal, user, data: IndicatorData) -> Indicator:
    """An indicator of a goal, with a valid unit, baseline and target."""
    _require(user, "monitoring.change_monitoring")
    fields = _indicator_fields(data)
    _unique_name(goal, fields["name"])
    position = (goal.indicators.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    indicator = Indicator(goal=goal, position=position, **fields)
    _save_as(indicator, user)
    return indicator


@transaction.atomic
def indicator_update(*, indicator: Indicator, user, data: IndicatorData) -> Indicator:
    """Change an indicator. Its unit is fixed once it has values (they were validated against it)."""
    _require(user, "monitoring.change_monitoring")
    indicator = Indicator.objects.select_for_update().order_by().get(pk=indicator.pk)
    fields = _indicator_fields(data)
    if fields["unit"] != indicator.unit and indicator.measurements.exists():
        refuse(_("De eenheid ligt vast zodra er waarden zijn ingevoerd."), code="indicator_unit_fixed", field="unit")
    if fields["scope"] != indicator.scope and indicator.measurements.exclude(district=None, municipality=None).exists():
        refuse(
            _("Er zijn al regionale waarden; de regionale meting ligt vast."),
            code="indicator_scope_fixed",
            field="scope",
        )
    _unique_name(indicator.goal, fields["name"], exclude=indicator.pk)
    for name, value in fields.items():
        setattr(indicator, name, value)
    _save_as(indicator, user)
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, user) -> None:
    _require(user, "monitoring.change_monitoring")
    if indicator.measurements.exists():
        refuse(_("Deze indicator heeft al waarden en kan niet worden verwijderd."), code="indicator_has_values")
    _delete_as(indicator, user)


# --- Owner contacts ---------------------------------------------------------------------------------------------


@transaction.atomic
def contact_add(*, goal: Goal, user, contact) -> OwnerContact:
    """Make ``contact`` (a user with a role) an owner contact of ``goal``: they enter its values."""
    _require(user, "monitoring.change_monitoring")
    if contact is None or not contact.has_role:
        refuse(_("Kies een actieve gebruiker met een rol."), code="contact_without_role", field="user")
    if OwnerContact.objects.filter(goal=goal, user=contact).exists():
        refuse(_("Deze gebruiker is al contactpersoon van deze doelstelling."), code="contact_exists", field="user")
    item = OwnerContact(goal=goal, user=contact)
    _save_as(item, user)
    return item


@transaction.atomic
def contact_remove(*, item: OwnerContact, user) -> None:
    _require(user, "monitoring.change_monitoring")
    _delete_as(item, user)


# --- Measurements -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueData:
    indicator: Indicator
    value: object
    source: str
    remark: str = ""
    provisional: bool = False
    district: District | None = None
    municipality: Municipality | None = None


def _check_moment(goal: Goal, moment: MeasurementMoment) -> None:
    if moment.process_id != goal.process_id:
        refuse(_("Dit meetmoment hoort bij een ander proces."), code="moment_other_process", field="moment")
    if goal.status != Goal.Status.ADOPTED:
        refuse(
            _("Alleen een vastgestelde doelstelling wordt gemonitord; ‘%(goal)s’ is nog niet vastgesteld.")
            % {"goal": goal.title},
            code="goal_not_adopted",
        )


def _save_value(*, moment: MeasurementMoment, user, data: ValueData) -> Measurement:
    indicator = data.indicator
    if data.district is not None and data.municipality is not None:
        refuse(
            _("Een waarde geldt voor een district of voor een gemeente, niet voor beide."), code="measurement_two_areas"
        )
    if data.district is not None and indicator.scope != Indicator.Scope.DISTRICT:
        refuse(
            _("Deze indicator wordt niet per district gemeten."), code="measurement_area_not_allowed", field="district"
        )
    if data.municipality is not None and indicator.scope != Indicator.Scope.MUNICIPALITY:
        refuse(
            _("Deze indicator wordt niet per gemeente gemeten."),
            code="measurement_area_not_allowed",
            field="municipality",
        )
    value = parse_value(data.value, indicator.unit)
    source = _text(
        data.source, field="source", max_length=SOURCE_MAX_LENGTH, required=True, label=_("de bron van het cijfer")
    )
    remark = _text(data.remark, field="remark", max_length=REMARK_MAX_LENGTH)
    measurement = (
        Measurement.objects.select_for_update()
        .order_by()
        .filter(indicator=indicator, moment=moment, district=data.district, municipality=data.municipality)
        .first()
    )
    if measurement is None:
        measurement = Measurement(
            indicator=indicator, moment=moment, district=data.district, municipality=data.municipality
        )
    elif (measurement.value, measurement.source, measurement.remark, measurement.provisional) == (
        value,
        source,
        remark,
        bool(data.provisional),
    ):
        return measurement  # unchanged: no history row
    measurement.value = value
    measurement.source = source
    measurement.remark = remark
    measurement.provisional = bool(data.provisional)
    measurement.entered_by = user
    try:
        with transaction.atomic():
            _save_as(measurement, user)
    except IntegrityError:
        refuse(_("Deze waarde is net door iemand anders ingevoerd; laad de pagina opnieuw."), code="measurement_exists")
    return measurement


@transaction.atomic
def measurement_save(*, moment: MeasurementMoment, user, data: ValueData) -> Measurement:
    """Enter or change one value (staff, or an owner contact of the indicator's goal)."""
    goal = data.indicator.goal
    _require(user, "monitoring.enter_values", goal)
    _check_moment(goal, moment)
    return _save_value(moment=moment, user=user, data=data)


@transaction.atomic
def values_save(*, goal: Goal, moment: MeasurementMoment, user, values: Sequence[ValueData]) -> list[Measurement]:
    """Enter a goal's values at a moment, all or nothing: the first refusal stores none of them. Each refusal
    names the indicator (and area) it is about."""
    _require(user, "monitoring.enter_values", goal)
    _check_moment(goal, moment)
    saved = []
    for position, data in enumerate(values):
        if data.indicator.goal_id != goal.pk:
            refuse(_("Deze indicator hoort bij een andere doelstelling."), code="indicator_other_goal")
        try:
            saved.append(_save_value(moment=moment, user=user, data=data))
        except ValidationError as error:
            area = data.district or data.municipality
            where = f"{data.indicator.name}{f' ({area})' if area else ''}"
            messages = [f"{where}: {message}" for message in error.messages]
            code = error_items(error)[0].code
            refuse(" ".join(messages), code=code, field=f"values.{position}")
    return saved


@transaction.atomic
def measurement_delete(*, measurement: Measurement, user) -> None:
    _require(user, "monitoring.enter_values", measurement.indicator.goal)
    _delete_as(measurement, user)


# --- Progress ---------------------------------------------------------------------------------------------------


def _assessment(goal: Goal, moment: MeasurementMoment) -> ProgressAssessment:
    assessment = ProgressAssessment.objects.select_for_update().order_by().filter(goal=goal, moment=moment).first()
    return assessment or ProgressAssessment(goal=goal, moment=moment)


@transaction.atomic
def explanation_save(
    *, goal: Goal, moment: MeasurementMoment, user, explanation: str, actions: Sequence[Action] = ()
) -> ProgressAssessment:
    """The owner's explanation at a moment and the planning's actions the partners took (of the same process)."""
    _require(user, "monitoring.enter_values", goal)
    _check_moment(goal, moment)
    text = _text(explanation, field="explanation", max_length=EXPLANATION_MAX_LENGTH)
    if any(action.process_id != goal.process_id for action in actions):
        refuse(_("Een actie hoort bij een ander proces."), code="action_other_process", field="actions")
    assessment = _assessment(goal, moment)
    assessment.explanation = text
    _save_as(assessment, user)
    assessment.actions.set(actions)
    return assessment


@transaction.atomic
def status_override(
    *, goal: Goal, moment: MeasurementMoment, user, status: str, reason: str = ""
) -> ProgressAssessment:
    """Staff set the status themselves, with a reason; an empty status returns to the computed one."""
    _require(user, "monitoring.change_monitoring")
    _check_moment(goal, moment)
    if status and status not in ProgressStatus.values:
        refuse(_("Kies een status."), code="status_unknown", field="status")
    reason = _text(reason, field="reason", max_length=REMARK_MAX_LENGTH)
    if status and not reason:
        refuse(_("Geef een reden als u de status zelf vaststelt."), code="status_reason_missing", field="reason")
    assessment = _assessment(goal, moment)
    assessment.override_status = status
    assessment.override_reason = reason if status else ""
    _save_as(assessment, user)
    return assessment


# --- The annual progress report -------------------------------------------------------------------------------


def _report(process: StrategyProcess, year: int) -> ProgressReport:
    start, end = process.period_start_year, process.period_end_year
    if not (start <= year <= end):
        refuse(
            _("Een voortgangsrapportage gaat over een jaar van de periode %(period)s.")
            % {"period": process.period_display},
            code="report_outside_period",
            field="year",
        )
    report = ProgressReport.objects.select_for_update().filter(process=process, year=year).first()
    return report or ProgressReport(process=process, year=year)


@transaction.atomic
def report_summary_save(*, process: StrategyProcess, year: int, user, summary_html: str) -> ProgressReport:
    """Staff write the executive summary of a year's report (sanitised prose); an adopted report is frozen."""
    _require(user, "monitoring.change_monitoring")
    report = _report(process, year)
    if report.status == ProgressReport.Status.ADOPTED:
        refuse(_("Deze voortgangsrapportage is vastgesteld en kan niet meer worden gewijzigd."), code="report_frozen")
    report.summary_html = clean_prose(summary_html)
    report.full_clean(exclude=["process"])
    _save_as(report, user)
    return report


@transaction.atomic
def report_adopt(*, process: StrategyProcess, year: int, user, on: datetime.date) -> ProgressReport:
    """The Bestuurscollege adopted the year's report; from now on it is frozen."""
    _require(user, "monitoring.change_monitoring")
    report = _report(process, year)
    if report.status == ProgressReport.Status.ADOPTED:
        refuse(_("Deze voortgangsrapportage is al vastgesteld."), code="report_frozen")
    if not isinstance(on, datetime.date):
        refuse(_("Vul de datum van vaststelling in."), code="report_date_missing", field="on")
    if on.year <= year:
        refuse(
            _("Een rapportage over %(year)s wordt na afloop van dat jaar vastgesteld.") % {"year": year},
            code="report_adopted_too_early",
            field="on",
        )
    report.status = ProgressReport.Status.ADOPTED
    report.adopted_on = on
    _save_as(report, user)
    return report
