"""The demo of the goals and the document: a SMART goal for each of the BBG's confirmed top five, and the document
of the process with versions 0.1, 0.2 and 0.3, its prose taken from the 2018 planning note.

Everything goes through documents.services, by the demo's entry user (demo.voting.entry_user). Each version is the
document as it was on its day: the prose it did not hold yet is left out before the version is made, and put back
after the last one. Safe to run again: everything is found by its natural key (goal title within the process, the
process's document, a version's label) and only what is missing is made, so a second run changes nothing and adds
no history. Without a confirmed top five it makes nothing (goals need it).

Planned community officers are left empty: the planning note gives no numbers, and the demo does not invent them.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from documents import services
from documents.models import DocumentVersion, Goal
from documents.selectors import document_for, next_version_label, top_five
from documents.services import default_prose
from planning.models import StrategyProcess
from priorities.models import Urgency

from .voting import entry_user


@dataclass
class DocumentDemoResult:
    goals_created: int = 0
    versions_created: list[str] = field(default_factory=list)
    document_created: bool = False
    skipped_reason: str = ""


# Goal texts by a word in the priority's title; the first that matches is used, else the general one.
GOAL_TEXTS = [
    (
        "ondermijn",
        {
            "description": "Elke gemeente in Oost-Nederland heeft een actueel ondermijningsbeeld en een "
            "integraal plan van aanpak, opgesteld met politie, OM en RIEC.",
            "indicator": "Gemeenten met een actueel ondermijningsbeeld en plan van aanpak",
            "baseline_value": "31 van de 78 gemeenten",
            "target_value": "78 van de 78 gemeenten",
            "owner": "riec",
            "roles": [
                ("municipalities", "Stellen het beeld en het plan van aanpak vast"),
                ("police", "Levert informatie en capaciteit voor controles"),
                ("prosecution", "Stemt de strafrechtelijke interventies af"),
            ],
        },
    ),
    (
        "cyber",
        {
            "description": "Inwoners en ondernemers zijn weerbaarder tegen cybercriminaliteit en meer aangiften "
            "worden opgelost.",
            "indicator": "Opgehelderde aangiften van cybercrime en gedigitaliseerde criminaliteit",
            "baseline_value": "9%",
            "target_value": "15%",
            "owner": "police",
            "roles": [
                ("municipalities", "Organiseren voorlichting aan inwoners en ondernemers"),
                ("prosecution", "Zorgt voor snelle afdoening"),
            ],
        },
    ),
    (
        "verward",
        {
            "description": "Personen met verward gedrag krijgen op tijd passende zorg; de politie wordt minder "
            "vaak ingezet waar zorg nodig is.",
            "indicator": "Meldingen van personen met verward gedrag (E33) die leiden tot politie-inzet",
            "baseline_value": "100 (index)",
            "target_value": "85 (index)",
            "owner": "municipalities",
            "roles": [
                ("care", "Zorgt voor een sluitende aanpak en 24-uursbereikbaarheid"),
                ("police", "Signaleert en verwijst door"),
            ],
        },
    ),
]
GENERAL_TEXT = {
    "description": "Een gezamenlijke regionale aanpak met concrete producten op de schaal van Oost-Nederland, "
    "die de lokale aanpak in de gemeenten versterkt.",
    "indicator": "Gemeenten die de regionale aanpak toepassen",
    "baseline_value": "0 van de 78 gemeenten",
    "target_value": "60 van de 78 gemeenten",
    "owner": "municipalities",
    "roles": [
        ("police", "Levert informatie en draagt bij aan de uitvoering"),
        ("prosecution", "Stemt de strafrechtelijke aanpak af"),
    ],
}

DEMO_PROSE = {
    "mjb_national_html": (
        "<p>De minister van Justitie en Veiligheid stelt ten minste eenmaal in de vier jaar de doelstellingen voor "
        "de eenheid vast, na het College van procureurs-generaal en de regioburgemeesters te hebben gehoord "
        "(art. 20 Politiewet 2012). Het MJB neemt deze landelijke beleidsdoelstellingen over.</p>"
    ),
    "mjb_om_html": (
        "<p>De afspraken met het Openbaar Ministerie worden met de hoofdofficier van justitie uitgewerkt, in "
        "samenhang met het beleidsplan van het OM (PAG). De strafrechtelijke aanpak van de prioriteiten van de "
        "Veiligheidsstrategie is daarin opgenomen.</p>"
    ),
}
# What each demo version did not hold yet, so that comparing them shows the document growing.
VERSION_GAPS = {
    1: {"mjb_national_html": "", "mjb_om_html": "", "letter_html": ""},
    2: {"letter_html": ""},
    3: {},
}

VERSION_DAYS = [(1, datetime.date(2018, 7, 20)), (2, datetime.date(2018, 8, 24)), (3, datetime.date(2018, 9, 5))]

VERSION_NOTES = {
    1: "Eerste opzet van de Werkgroep Expertteams VNONL (juli 2018).",
    2: "Verwerkt: reacties van de gemeenten op de concept-doelstellingen.",
    3: "Concept voor het RVO van 12 september 2018, met begeleidende brief.",
}


def _texts(title: str) -> dict:
    lowered = title.lower()
    for word, texts in GOAL_TEXTS:
        if word in lowered:
            return texts
    return GENERAL_TEXT


@transaction.atomic
def load_document_demo(result, process: StrategyProcess) -> DocumentDemoResult:
    """Goals for the confirmed top five and the document with versions 0.1..0.3, through documents.services;
    idempotent. ``result`` is the demo's DemoResult (whose entry user does the writing)."""
    outcome = DocumentDemoResult()
    chosen = top_five(process)
    if not chosen:
        outcome.skipped_reason = "De BBG heeft de top vijf nog niet bevestigd; geen doelstellingen gemaakt."
        return outcome
    user = entry_user(result)

    start, end = process.period_start_year, process.period_end_year
    existing = set(Goal.objects.filter(process=process).values_list("title", flat=True))
    for row in chosen:
        title = f"Doelstelling {row.position}: {row.priority.title}"[:200]
        if title in existing:
            continue
        texts = _texts(row.priority.title)
        services.goal_create(
            process=process,
            user=user,
            data=services.GoalData(
                priority=row.priority,
                title=title,
                description=texts["description"],
                indicator=texts["indicator"],
                baseline_value=texts["baseline_value"],
                baseline_date=datetime.date(start - 1, 1, 1),
                target_value=texts["target_value"],
                target_date=datetime.date(end, 12, 31),
                deadline=datetime.date(end, 12, 31),
                owner=texts["owner"],
                urgency=row.priority.urgency or Urgency.URGENT,
                organisation="Een regionale trekker vanuit de Werkgroep Expertteams VNONL, met een vaste "
                "contactpersoon per district.",
                financing_amount=Decimal("50000.00"),
                financing_source="Bijdrage van de gemeenten via het Veiligheidsnetwerk (voorstel)",
            ),
            roles=[services.RoleData(partner=partner, role=role) for partner, role in texts["roles"]],
        )
        outcome.goals_created += 1

    outcome.document_created = document_for(process) is None
    document = services.document_start(process=process, user=user)
    prose = {**default_prose(process), **DEMO_PROSE}
    if outcome.document_created:
        document = services.document_update(document=document, user=user, prose=prose)
    for minor, day in VERSION_DAYS:
        if DocumentVersion.objects.filter(document=document, major=0, minor=minor).exists():
            continue
        if next_version_label(document) != f"0.{minor}":
            break  # staff made versions of their own; the demo adds none between them
        # The document as it was then (what each version did not hold yet), frozen as that version.
        document = services.document_update(document=document, user=user, prose={**prose, **VERSION_GAPS[minor]})
        services.version_create(document=document, user=user, note=VERSION_NOTES[minor], today=day)
        outcome.versions_created.append(f"0.{minor}")
    if outcome.versions_created:
        services.document_update(document=document, user=user, prose=prose)
    return outcome


# After the nota: the RVO and the Bestuurscollege adopt the goals (planning note 2018). Monitoring and the
# organisational and financial proposal both start from the adopted goals.
GOALS_PUT_FORWARD_ON = datetime.date(2018, 9, 12)  # the RVO
GOALS_ADOPTED_ON = datetime.date(2018, 10, 31)  # the Bestuurscollege


def adopt_demo_goals(process: StrategyProcess, user) -> list[Goal]:
    """Put forward and adopt every goal that is SMART (a goal staff changed since is left to them); the adopted
    goals in their order. Loading again changes nothing."""
    for goal in Goal.objects.filter(process=process).exclude(status=Goal.Status.ADOPTED).order_by("position"):
        try:
            if goal.status == Goal.Status.CONCEPT:
                goal = services.goal_put_forward(goal=goal, user=user, on=GOALS_PUT_FORWARD_ON)
            if goal.status == Goal.Status.TO_RVO:
                services.goal_adopt(goal=goal, user=user, on=GOALS_ADOPTED_ON)
        except ValidationError:
            continue
    return list(
        Goal.objects.filter(process=process, status=Goal.Status.ADOPTED)
        .select_related("priority", "process")
        .order_by("position")
    )
