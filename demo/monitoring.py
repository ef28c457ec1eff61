"""The demo of the monitoring (issue 14): the VS 2019-2022 goals adopted by the Bestuurscollege on 31 October 2018,
yearly measurement moments on 31 December 2019-2022, one progress report a year (2019-2021 adopted, 2022 in
concept), an indicator with a unit per goal and fictional but plausible
values for each year (2022 still provisional), the owners' explanations, and the demo's DVO secretary of
Gelderland-Midden and the staff user as owner contacts, so that the dashboard shows every status.

Everything goes through documents.services and monitoring.services, by the demo's entry user, with ``now`` set to
the day it happened: the set-up in November 2018, each year's values and explanations in January after it, each
report's summary in February, the RVO in March and the Bestuurscollege in April (so the history, the versions and
the steps carry 2018-2023 dates). Setting up the monitoring plans each year's report and its milestone
"Voortgangsrapportage <jaar> vastgesteld" (the programme manager responsible); an adopted report's milestone is
done. Idempotent: goals already adopted, moments on a taken date, indicators with a taken name, unchanged values and
reports past a step are left alone, so a second run adds no history.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from documents.models import Goal
from monitoring import services
from monitoring.models import (
    Indicator,
    Measurement,
    MeasurementMoment,
    OwnerContact,
    ProgressAssessment,
    ProgressReport,
    Unit,
)
from planning.models import District, Person, StrategyProcess

from .documents import adopt_demo_goals
from .planning import PROGRAMME_MANAGER
from .voting import entry_user


@dataclass(frozen=True)
class Series:
    name: str
    unit: str
    baseline: str
    target: str
    values: tuple[str, str, str, str]  # 2019..2022
    source: str
    scope: str = Indicator.Scope.UNIT
    explanations: tuple[str, ...] = ()


# By a word in the priority's title (as demo/documents.py), else the general series.
SERIES = [
    (
        "ondermijn",
        Series(
            "Gemeenten met een actueel ondermijningsbeeld en plan van aanpak",
            Unit.NUMBER,
            "31",
            "78",
            ("44", "57", "69", "78"),
            "RIEC Oost-Nederland, jaarverslag",
            explanations=(
                "Dertien gemeenten stelden hun eerste ondermijningsbeeld vast; het RIEC leverde de bouwstenen.",
                "Ondanks corona zijn de beelden doorgegaan, deels digitaal.",
                "Nog negen gemeenten; de laatste staan gepland voor het voorjaar.",
                "Alle 78 gemeenten hebben een actueel beeld en een plan van aanpak (voorlopig, wacht op het "
                "jaarverslag van het RIEC).",
            ),
        ),
    ),
    (
        "cyber",
        Series(
            "Opgehelderde aangiften van cybercrime",
            Unit.PERCENTAGE,
            "9",
            "15",
            ("9,5", "10", "10,5", "11"),
            "Politie Oost-Nederland, BVI",
            explanations=(
                "De aangiften stijgen sneller dan de capaciteit van het cyberteam.",
                "Corona bracht veel meer online fraude; de ophelderingsgraad blijft achter.",
                "Extra digitale rechercheurs zijn geworven maar nog niet allemaal inzetbaar.",
                "De streefwaarde wordt niet gehaald; de aanbeveling voor de volgende strategie volgt in de "
                "eindevaluatie.",
            ),
        ),
    ),
    (
        "verward",
        Series(
            "Meldingen verward gedrag (E33) met politie-inzet, index",
            Unit.NUMBER,
            "100",
            "85",
            ("98", "96", "93", "91"),
            "Politie Oost-Nederland, meldingen E33",
            scope=Indicator.Scope.DISTRICT,
            explanations=(
                "De zorgketen is in twee districten 24 uur bereikbaar.",
                "De landelijke wet verplichte ggz vraagt veel van de gemeenten; de daling vlakt af.",
                "De aanpak personen met verward gedrag is in alle districten ingevoerd.",
                "Verbetering, maar de streefwaarde van 85 is nog niet bereikt.",
            ),
        ),
    ),
]
GENERAL = Series(
    "Gemeenten die de regionale aanpak toepassen",
    Unit.NUMBER,
    "0",
    "60",
    ("16", "31", "46", "62"),
    "Veiligheidsnetwerk Oost-Nederland, uitvraag gemeenten",
    explanations=(
        "De eerste gemeenten in Twente en IJsselland zijn begonnen.",
        "De aanpak loopt volgens plan.",
        "Drie op de vier gemeenten werken met de aanpak.",
        "De streefwaarde is gehaald.",
    ),
)
# Each district's share of the regional index (they add up to five times the whole).
DISTRICT_FACTORS = {"GLM": "1.02", "GLZ": "0.97", "TWN": "1.05", "IJSS": "0.95", "NOG": "1.01"}


def _series(goal: Goal) -> Series:
    lowered = goal.priority.title.lower()
    return next((series for word, series in SERIES if word in lowered), GENERAL)


def _regional(value: str, factor: str) -> str:
    return str((Decimal(value.replace(",", ".")) * Decimal(factor)).quantize(Decimal("1")))


@transaction.atomic
def load_monitoring_demo(result, process: StrategyProcess) -> int:
    """Adopt the goals and fill the monitoring of 2019-2022; returns the number of values it stored or changed."""
    user = entry_user(result)
    goals = adopt_demo_goals(process, user)
    if not goals:
        return 0
    set_up = _at(datetime.date(2018, 11, 1))
    services.reports_plan(
        process=process, user=user, responsible=Person.objects.filter(name=PROGRAMME_MANAGER).first(), now=set_up
    )
    services.moments_generate(process=process, user=user, now=set_up)
    moments = {
        moment.measured_on.year: moment
        for moment in MeasurementMoment.objects.filter(process=process, measured_on__month=12, measured_on__day=31)
    }
    User = get_user_model()
    contacts = list(User.objects.filter(username__in=["secretaris-glm", "staf"], is_active=True))
    districts = list(District.objects.order_by("order", "name"))
    before = Measurement.history.count()
    for position, goal in enumerate(goals):
        series = _series(goal)
        indicator = goal.indicators.filter(name=series.name).first() or services.indicator_create(
            goal=goal,
            user=user,
            data=services.IndicatorData(
                name=series.name,
                unit=series.unit,
                baseline=series.baseline,
                target=series.target,
                scope=series.scope,
            ),
            now=set_up,
        )
        # The first goal is the GLM secretary's (the browser test enters its values); all have the staff user.
        for contact in contacts:
            if (contact.username == "staf" or position == 0) and not OwnerContact.objects.filter(
                goal=goal, user=contact
            ).exists():
                services.contact_add(goal=goal, user=user, contact=contact, now=set_up)
        for index, year in enumerate(range(2019, 2023)):
            moment = moments.get(year)
            if moment is None:
                continue
            provisional = year == 2022
            values = [
                services.ValueData(
                    indicator=indicator, value=series.values[index], source=series.source, provisional=provisional
                )
            ]
            if series.scope == Indicator.Scope.DISTRICT:
                values += [
                    services.ValueData(
                        indicator=indicator,
                        value=_regional(series.values[index], DISTRICT_FACTORS.get(district.code, "1")),
                        source=series.source,
                        provisional=provisional,
                        district=district,
                    )
                    for district in districts
                ]
            services.values_save(
                goal=goal, moment=moment, user=user, values=values, now=_at(datetime.date(year + 1, 1, 20))
            )
            explanation = series.explanations[index] if index < len(series.explanations) else ""
            if not ProgressAssessment.objects.filter(goal=goal, moment=moment).exclude(explanation="").exists():
                services.explanation_save(
                    goal=goal,
                    moment=moment,
                    user=user,
                    explanation=explanation,
                    now=_at(datetime.date(year + 1, 1, 27)),
                )
    changed = Measurement.history.count() - before
    return changed + _load_reports(process, user)


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """A moment of the demo's past, in the portal's time zone."""
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=timezone.get_current_timezone())


# The yearly reports: 2019, 2020 and 2021 offered to the RVO in March and adopted by the Bestuurscollege in April
# after the year, 2022 in concept (its figures are provisional).
REPORTS = {
    2019: (
        "<p>Het eerste jaar van de Veiligheidsstrategie 2019-2022 is goed begonnen: de aanpak van ondermijning en "
        "de regionale aanpak liggen op koers. De ophelderingsgraad van cybercrime blijft achter.</p>",
        datetime.date(2020, 3, 12),
        datetime.date(2020, 4, 16),
    ),
    2020: (
        "<p>Corona vroeg veel van alle partners. Toch zijn de meeste doelstellingen op koers gebleven; cybercrime "
        "en verward gedrag vragen om extra inzet.</p>",
        datetime.date(2021, 3, 11),
        datetime.date(2021, 4, 15),
    ),
    2021: (
        "<p>Drie doelstellingen liggen op koers; voor cybercrime is extra digitale recherchecapaciteit geworven.</p>",
        datetime.date(2022, 3, 10),
        datetime.date(2022, 4, 14),
    ),
    2022: (
        "<p>Concept: de cijfers over 2022 zijn voorlopig. Ondermijning en de regionale aanpak hebben hun "
        "streefwaarde gehaald; cybercrime niet.</p>",
        None,
        None,
    ),
}
Status = ProgressReport.Status


def _load_reports(process: StrategyProcess, user) -> int:
    """Each year's summary, a first version, and the steps to the RVO and the Bestuurscollege, on their days."""
    changed = 0
    for year, (summary, rvo_on, adopted_on) in REPORTS.items():
        report = ProgressReport.objects.filter(process=process, year=year).first()
        if report is None or (report.status == Status.CONCEPT and not report.summary_html):
            written = _at(datetime.date(year + 1, 2, 14))
            services.report_summary_save(process=process, year=year, user=user, summary_html=summary, now=written)
            services.report_version_create(
                process=process, year=year, user=user, note="Eerste concept voor de werkgroep.", now=written
            )
            changed += 1
            report = ProgressReport.objects.get(process=process, year=year)
        if rvo_on is None:
            continue
        steps = [
            (Status.SENT_TO_RVO, rvo_on, "Aangeboden met de cijfers van de partners."),
            (Status.FOR_ADOPTION, rvo_on + datetime.timedelta(days=14), "Het RVO adviseert vast te stellen."),
            (Status.ADOPTED, adopted_on, "Vastgesteld; input voor het jaarverslag van de politie."),
        ]
        order = [Status.CONCEPT, *[step for step, _day, _note in steps]]
        for to_status, day, note in steps:
            if order.index(report.status) >= order.index(to_status):
                continue
            services.report_transition(
                process=process,
                year=year,
                user=user,
                to_status=to_status,
                meeting_date=day,
                note=note,
                now=_at(day, 16),
            )
            report.refresh_from_db()
            changed += 1
    return changed
