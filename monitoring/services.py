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
- The annual progress report follows the VS/MJB document's workflow (documents.workflow) with versions; setting up
  the monitoring plans each year's report and its milestone in the planning; an adopted report is frozen.

Every service takes ``now`` (default: the moment of the call) for the moment the history records, so that the
demo's 2019-2022 carries its own dates.

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
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import deny, error_items, refuse
from core.limits import TEXT_MAX_LENGTH
from core.prose import clean_prose
from documents.models import Goal
from documents.workflow import Workflow
from planning.models import Action, Body, District, Milestone, Municipality, Person, StrategyProcess
from planning.services_schedule import milestone_save

from .hooks import REPORT_ADOPTED
from .models import (
    EXPLANATION_MAX_LENGTH,
    REMARK_MAX_LENGTH,
    Indicator,
    Measurement,
    MeasurementMoment,
    OwnerContact,
    ProgressAssessment,
    ProgressReport,
    ProgressReportTransition,
    ProgressReportVersion,
    ProgressStatus,
    Unit,
)
from .report_data import report_data
from .selectors import period_bounds

MAX_VALUE = Decimal("999999999999.99")
NAME_MAX_LENGTH = 300
SOURCE_MAX_LENGTH = 300
THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")
YES_WORDS = {"ja", "yes", "true", "1", "1.00", "1,00"}
NO_WORDS = {"nee", "no", "false", "0", "0.00", "0,00"}


def _save_as(obj, user, *, now: datetime.datetime | None = None, **kwargs) -> None:
    """Save with ``user`` (and the moment ``now``, when given: the demo's 2019-2022) recorded in the history."""
    obj._history_user = user
    if now is not None:
        obj._history_date = now
    obj.save(**kwargs)


def _delete_as(obj, user, *, now: datetime.datetime | None = None) -> None:
    obj._history_user = user
    if now is not None:
        obj._history_date = now
    obj.delete()


def _require(user, perm: str, obj=None) -> None:
    if user is None or not user.has_perm(perm, obj):
        deny(_("U hebt geen toestemming voor deze handeling."))


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
def moment_create(
    *, process: StrategyProcess, user, measured_on: datetime.date, label: str = "", now: datetime.datetime | None = None
) -> MeasurementMoment:
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
    _save_as(moment, user, now=now)
    return moment


@transaction.atomic
def moments_generate(
    *, process: StrategyProcess, user, half_yearly: bool = False, now: datetime.datetime | None = None
) -> list[MeasurementMoment]:
    """Set up the monitoring of a process: the moments of a yearly (31 December) or half-yearly (also 30 June)
    rhythm over the period (dates that already have a moment are skipped), and each year's progress report with
    its milestone in the planning (``reports_plan``)."""
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
            made.append(moment_create(process=process, user=user, measured_on=day, label=label, now=now))
    reports_plan(process=process, user=user, now=now)
    return made


@transaction.atomic
def moment_delete(*, moment: MeasurementMoment, user, now: datetime.datetime | None = None) -> None:
    _require(user, "monitoring.change_monitoring")
    if moment.measurements.exists() or moment.assessments.exists():
        refuse(_("Dit meetmoment heeft al waarden en kan niet worden verwijderd."), code="moment_has_values")
    _delete_as(moment, user, now=now)


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
def indicator_create(*, goal: Goal, user, data: IndicatorData, now: datetime.datetime | None = None) -> Indicator:
    """An indicator of a goal, with a valid unit, baseline and target."""
    _require(user, "monitoring.change_monitoring")
    fields = _indicator_fields(data)
    _unique_name(goal, fields["name"])
    position = (goal.indicators.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    indicator = Indicator(goal=goal, position=position, **fields)
    _save_as(indicator, user, now=now)
    return indicator


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, user, data: IndicatorData, now: datetime.datetime | None = None
) -> Indicator:
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
    _save_as(indicator, user, now=now)
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, user, now: datetime.datetime | None = None) -> None:
    _require(user, "monitoring.change_monitoring")
    if indicator.measurements.exists():
        refuse(_("Deze indicator heeft al waarden en kan niet worden verwijderd."), code="indicator_has_values")
    _delete_as(indicator, user, now=now)


# --- Owner contacts ---------------------------------------------------------------------------------------------


@transaction.atomic
def contact_add(*, goal: Goal, user, contact, now: datetime.datetime | None = None) -> OwnerContact:
    """Make ``contact`` (a user with a role) an owner contact of ``goal``: they enter its values."""
    _require(user, "monitoring.change_monitoring")
    if contact is None or not contact.has_role:
        refuse(_("Kies een actieve gebruiker met een rol."), code="contact_without_role", field="user")
    if OwnerContact.objects.filter(goal=goal, user=contact).exists():
        refuse(_("Deze gebruiker is al contactpersoon van deze doelstelling."), code="contact_exists", field="user")
    item = OwnerContact(goal=goal, user=contact)
    _save_as(item, user, now=now)
    return item


@transaction.atomic
def contact_remove(*, item: OwnerContact, user, now: datetime.datetime | None = None) -> None:
    _require(user, "monitoring.change_monitoring")
    _delete_as(item, user, now=now)


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


def _save_value(*, moment: MeasurementMoment, user, data: ValueData, now: datetime.datetime | None) -> Measurement:
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
            _save_as(measurement, user, now=now)
    except IntegrityError:
        refuse(_("Deze waarde is net door iemand anders ingevoerd; laad de pagina opnieuw."), code="measurement_exists")
    return measurement


@transaction.atomic
def measurement_save(
    *, moment: MeasurementMoment, user, data: ValueData, now: datetime.datetime | None = None
) -> Measurement:
    """Enter or change one value (staff, or an owner contact of the indicator's goal)."""
    goal = data.indicator.goal
    _require(user, "monitoring.enter_values", goal)
    _check_moment(goal, moment)
    return _save_value(moment=moment, user=user, data=data, now=now)


@transaction.atomic
def values_save(
    *,
    goal: Goal,
    moment: MeasurementMoment,
    user,
    values: Sequence[ValueData],
    now: datetime.datetime | None = None,
) -> list[Measurement]:
    """Enter a goal's values at a moment, all or nothing: the first refusal stores none of them. Each refusal
    names the indicator (and area) it is about."""
    _require(user, "monitoring.enter_values", goal)
    _check_moment(goal, moment)
    saved = []
    for position, data in enumerate(values):
        if data.indicator.goal_id != goal.pk:
            refuse(_("Deze indicator hoort bij een andere doelstelling."), code="indicator_other_goal")
        try:
            saved.append(_save_value(moment=moment, user=user, data=data, now=now))
        except ValidationError as error:
            area = data.district or data.municipality
            where = f"{data.indicator.name}{f' ({area})' if area else ''}"
            messages = [f"{where}: {message}" for message in error.messages]
            code = error_items(error)[0].code
            refuse(" ".join(messages), code=code, field=f"values.{position}")
    return saved


@transaction.atomic
def measurement_delete(*, measurement: Measurement, user, now: datetime.datetime | None = None) -> None:
    _require(user, "monitoring.enter_values", measurement.indicator.goal)
    _delete_as(measurement, user, now=now)


# --- Progress ---------------------------------------------------------------------------------------------------


def _assessment(goal: Goal, moment: MeasurementMoment) -> ProgressAssessment:
    assessment = ProgressAssessment.objects.select_for_update().order_by().filter(goal=goal, moment=moment).first()
    return assessment or ProgressAssessment(goal=goal, moment=moment)


@transaction.atomic
def explanation_save(
    *,
    goal: Goal,
    moment: MeasurementMoment,
    user,
    explanation: str,
    actions: Sequence[Action] = (),
    now: datetime.datetime | None = None,
) -> ProgressAssessment:
    """The owner's explanation at a moment and the planning's actions the partners took (of the same process)."""
    _require(user, "monitoring.enter_values", goal)
    _check_moment(goal, moment)
    text = _text(explanation, field="explanation", max_length=EXPLANATION_MAX_LENGTH)
    if any(action.process_id != goal.process_id for action in actions):
        refuse(_("Een actie hoort bij een ander proces."), code="action_other_process", field="actions")
    assessment = _assessment(goal, moment)
    assessment.explanation = text
    _save_as(assessment, user, now=now)
    assessment.actions.set(actions)
    return assessment


@transaction.atomic
def status_override(
    *,
    goal: Goal,
    moment: MeasurementMoment,
    user,
    status: str,
    reason: str = "",
    now: datetime.datetime | None = None,
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
    _save_as(assessment, user, now=now)
    return assessment


# --- The annual progress report -------------------------------------------------------------------------------
#
# The VS/MJB document's workflow (documents.workflow): concept -> offered to the RVO -> for adoption by the
# Bestuurscollege -> adopted; from the RVO or the board back to concept with a reason. Each step and each new
# version stores a snapshot (0.1, 0.2, ..., 1.0 on adoption); an adopted report is frozen.

ReportStatus = ProgressReport.Status
REPORT_WORKFLOW = Workflow(
    prefix="report",
    labels=dict(ReportStatus.choices),
    transitions={
        ReportStatus.CONCEPT: (ReportStatus.SENT_TO_RVO,),
        ReportStatus.SENT_TO_RVO: (ReportStatus.FOR_ADOPTION, ReportStatus.CONCEPT),
        ReportStatus.FOR_ADOPTION: (ReportStatus.ADOPTED, ReportStatus.CONCEPT),
        ReportStatus.ADOPTED: (),
    },
    date_fields={
        ReportStatus.SENT_TO_RVO: "sent_to_rvo_on",
        ReportStatus.FOR_ADOPTION: "for_adoption_on",
        ReportStatus.ADOPTED: "adopted_on",
    },
    previous_date={ReportStatus.FOR_ADOPTION: "sent_to_rvo_on", ReportStatus.ADOPTED: "for_adoption_on"},
    not_allowed_message=gettext_lazy("Van '%(from)s' kan de voortgangsrapportage niet naar '%(to)s'."),
    concept_reason_message=gettext_lazy("Geef een reden om de voortgangsrapportage terug te zetten naar concept."),
)
# The day the Bestuurscollege is planned to adopt a year's report: in the spring after the year.
REPORT_ADOPTION_MONTH, REPORT_ADOPTION_DAY = 4, 30


def report_milestone_title(year: int) -> str:
    return _("Voortgangsrapportage %(year)s vastgesteld") % {"year": year}


def _check_report_year(process: StrategyProcess, year: int) -> None:
    if not (process.period_start_year <= year <= process.period_end_year):
        refuse(
            _("Een voortgangsrapportage gaat over een jaar van de periode %(period)s.")
            % {"period": process.period_display},
            code="report_outside_period",
            field="year",
        )


def _report(process: StrategyProcess, year: int) -> ProgressReport:
    _check_report_year(process, year)
    report = ProgressReport.objects.select_for_update().filter(process=process, year=year).first()
    return report or ProgressReport(process=process, year=year)


def _ensure_report_open(report: ProgressReport) -> None:
    if report.is_frozen:
        refuse(_("Deze voortgangsrapportage is vastgesteld en kan niet meer worden gewijzigd."), code="report_frozen")


@transaction.atomic
def reports_plan(
    *, process: StrategyProcess, user, responsible: Person | None = None, now: datetime.datetime | None = None
) -> list[ProgressReport]:
    """Each year of the period gets its progress report (in concept) and, in the planning, its milestone
    "Voortgangsrapportage <jaar> vastgesteld": a decision of the Bestuurscollege on 30 April of the year after,
    saved through planning.services_schedule.milestone_save, so that the planning's conflicts and reminders
    (to ``responsible``) hold for it as for every milestone. Years that have their report and milestone are left
    alone."""
    _require(user, "monitoring.change_monitoring")
    board = Body.objects.filter(kind=Body.Kind.BOARD).order_by("pk").first()
    reports = []
    for year in range(process.period_start_year, process.period_end_year + 1):
        report = _report(process, year)
        if report.pk is None:
            _save_as(report, user, now=now)
        if report.milestone_id is None:
            day = datetime.date(year + 1, REPORT_ADOPTION_MONTH, REPORT_ADOPTION_DAY)
            milestone = Milestone(
                process=process,
                title=report_milestone_title(year),
                description=_("Het Bestuurscollege stelt de voortgangsrapportage over %(year)s vast.") % {"year": year},
                kind=Milestone.Kind.DECISION,
                starts_on=day,
                ends_on=day,
                body=board,
                responsible_person=responsible,
                status=Milestone.Status.DONE if report.is_frozen else Milestone.Status.PLANNED,
            )
            _record(milestone, user, now)
            milestone_save(milestone=milestone)
            report.milestone = milestone
            _save_as(report, user, now=now, update_fields=["milestone", "updated_at"])
        reports.append(report)
    return reports


def _record(obj, user, now: datetime.datetime | None) -> None:
    """The history's user and moment of the next save of an object another app's service saves."""
    obj._history_user = user
    if now is not None:
        obj._history_date = now


@transaction.atomic
def report_summary_save(
    *, process: StrategyProcess, year: int, user, summary_html: str, now: datetime.datetime | None = None
) -> ProgressReport:
    """Staff write the executive summary of a year's report (sanitised prose); an adopted report is frozen."""
    _require(user, "monitoring.change_monitoring")
    report = _report(process, year)
    _ensure_report_open(report)
    report.summary_html = clean_prose(summary_html)
    report.full_clean(exclude=["process", "milestone"])
    _save_as(report, user, now=now)
    return report


def _next_minor(report: ProgressReport) -> int:
    last = report.versions.filter(major=0).order_by("-minor").values_list("minor", flat=True).first()
    return (last or 0) + 1


def _make_version(
    report: ProgressReport, user, *, major: int, minor: int, note: str, now: datetime.datetime | None
) -> ProgressReportVersion:
    version = ProgressReportVersion(
        report=report,
        major=major,
        minor=minor,
        status=report.status,
        snapshot=report_data(report.process, report.year, summary_html=report.summary_html),
        note=note,
        created_by=user,
        created_at=now or timezone.now(),
    )
    _save_as(version, user, now=now)
    return version


@transaction.atomic
def report_version_create(
    *, process: StrategyProcess, year: int, user, note: str = "", now: datetime.datetime | None = None
) -> ProgressReportVersion:
    """Freeze the report as it is now (its summary and the monitoring's values, statuses and explanations) as the
    next version 0.1, 0.2, ...; refused once it is adopted."""
    _require(user, "monitoring.change_monitoring")
    report = _report(process, year)
    _ensure_report_open(report)
    note = _text(note, field="note", max_length=TEXT_MAX_LENGTH)
    if report.pk is None:
        _save_as(report, user, now=now)
    return _make_version(report, user, major=0, minor=_next_minor(report), note=note, now=now)


@transaction.atomic
def report_transition(
    *,
    process: StrategyProcess,
    year: int,
    user,
    to_status: str,
    meeting_date: datetime.date | None = None,
    note: str = "",
    now: datetime.datetime | None = None,
) -> ProgressReportTransition:
    """Move a year's report one step in the VS/MJB document's workflow (documents.workflow: the step allowed from
    its status, a reason to go back to concept, the meeting's date, not before the previous step) and record who,
    when, the date and a note, with the version the step made.

    Offering it to the RVO needs the executive summary (``report_summary_missing``); the Bestuurscollege adopts a
    report only after its year (``report_adopted_too_early``), which makes version 1.0, freezes the report and
    marks its milestone in the planning done.
    """
    _require(user, "monitoring.change_monitoring")
    report = _report(process, year)
    note = REPORT_WORKFLOW.check_step(report, to_status=to_status, meeting_date=meeting_date, note=note)
    if len(note) > TEXT_MAX_LENGTH:
        refuse(_("Ten hoogste %(limit)s tekens.") % {"limit": TEXT_MAX_LENGTH}, code="max_length", field="note")
    if to_status == ReportStatus.SENT_TO_RVO and not report.summary_html.strip():
        refuse(
            _("Schrijf eerst de samenvatting; zonder samenvatting gaat de rapportage niet naar het RVO."),
            code="report_summary_missing",
        )
    if to_status == ReportStatus.ADOPTED and meeting_date.year <= year:
        refuse(
            _("Een rapportage over %(year)s wordt na afloop van dat jaar vastgesteld.") % {"year": year},
            code="report_adopted_too_early",
            field="meeting_date",
        )
    if report.pk is None:
        _save_as(report, user, now=now)
    from_status = report.status
    report.status = to_status
    date_field = REPORT_WORKFLOW.date_fields.get(to_status)
    if date_field:
        setattr(report, date_field, meeting_date)
    _save_as(report, user, now=now)

    if to_status == ReportStatus.ADOPTED:
        version = _make_version(report, user, major=1, minor=0, note=note, now=now)
        milestone = Milestone.objects.select_for_update().filter(pk=report.milestone_id).first()
        if milestone is not None and milestone.status != Milestone.Status.DONE:
            milestone.status = Milestone.Status.DONE
            _record(milestone, user, now)
            milestone_save(milestone=milestone)
        REPORT_ADOPTED.call(report=report, user=user)
    else:
        version = _make_version(report, user, major=0, minor=_next_minor(report), note=note, now=now)
    transition = ProgressReportTransition(
        report=report,
        from_status=from_status,
        to_status=to_status,
        meeting_date=meeting_date,
        note=note,
        version=version,
        by=user,
        at=now or timezone.now(),
    )
    _save_as(transition, user, now=now)
    return transition
