"""The BBG's top five of 2018, decided at its July meeting (the alternative to 7 June, when two DVOs had not met yet
and a member was absent) on the closed round's result, recorded and confirmed through decisions.services with its
2018 moments. The 7 June BBG stays in the planning as it was, with its conflicts.

Safe to run again: a closed round without a decision gets the demo decision; an existing decision is left alone.
When staff changed the ballots so that the demo's five no longer fit the result, the decision is left to staff.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from decisions import services
from decisions.models import BbgDecision
from planning.models import Milestone, StrategyProcess
from priorities.models import Priority
from voting.models import Round

from .voting import CYBER, DRUGS, DUTCH, HG, HIC, JEUGD, MENS, ONDERMIJNING, RADIC, VERWARD, WOON, entry_user

JULY_BBG = "BBG in juli (alternatief voor 7 juni)"
DECIDED_ON = datetime.date(2018, 7, 5)  # a Thursday, like 7 June
CONFIRMED_AT = datetime.datetime(2018, 7, 5, 17, 0, tzinfo=DUTCH)

TOP_FIVE = [
    (
        ONDERMIJNING,
        "In 2022 heeft elke gemeente in Oost-Nederland een actueel ondermijningsbeeld en een integraal plan van "
        "aanpak, en gebruiken alle gemeenten de Wet Bibob volgens één regionale handreiking.",
    ),
    (
        VERWARD,
        "In 2020 is er in elk district een sluitende aanpak van melding tot zorg, met regionale afspraken over "
        "vervoer en beoordeling, zodat de politie niet langer op zorg hoeft te wachten.",
    ),
    (
        CYBER,
        "Inwoners en ondernemers zijn weerbaarder tegen cybercrime: elke gemeente voert met de politie een "
        "bewustwordingscampagne en elke aangifte van online fraude krijgt een terugkoppeling.",
    ),
    (
        HIC,
        "De daling van woninginbraken, overvallen en straatroven wordt vastgehouden: in 2022 ligt het aantal high "
        "impact crimes niet hoger dan in 2018, en ieder slachtoffer wordt binnen een week benaderd.",
    ),
    (
        MENS,
        "In 2022 heeft elke gemeente een aanspreekpunt mensenhandel en zijn toezichthouders getraind in het "
        "herkennen van uitbuiting; het aantal signalen dat leidt tot zorg of een onderzoek neemt toe.",
    ),
]

# Why the BBG passes over a priority that the DVOs ranked higher than one it chose (only the ones the result ranks
# higher are stored; voting.decision works out which).
PASSED_OVER = {
    JEUGD: "De aanpak van jeugdgroepen is in alle districten ingebed en vraagt geen extra regionale inzet. De "
    "criminele uitbuiting van jongeren krijgt een plek binnen ondermijning en mensenhandel.",
    HG: "Huiselijk geweld is belegd bij Veilig Thuis en het sociaal domein; de regionale meerwaarde is beperkt.",
    DRUGS: "Drugs en drugsgerelateerde criminaliteit worden aangepakt als onderdeel van de prioriteit ondermijning.",
    RADIC: "De signalen zijn beperkt tot enkele gemeenten; de landelijke ondersteuning volstaat.",
    WOON: "Dit is regulier lokaal veiligheidsbeleid; een aanpak op de schaal van Oost-Nederland voegt weinig toe.",
}

DECISION_NOTES = (
    "Besloten in de BBG van juli 2018, na de keuzes van alle vijf DVO's en met burgemeester Van Veldhuizen "
    "aanwezig; de BBG van 7 juni kon dat niet. De BBG kiest mensenhandel en uitbuiting vanwege de "
    "grensoverschrijdende aard en de sterke signalen in Twente, Gelderland-Zuid en Noord- en Oost-Gelderland. "
    "Regioburgemeester Bruls is daarna geïnformeerd."
)


@transaction.atomic
def load_decision_demo(result, process: StrategyProcess) -> BbgDecision | None:
    """The BBG's confirmed top five of the process's closed round, or None when there is none to make."""
    round = Round.objects.filter(process=process).first()
    if round is None or not round.is_closed or BbgDecision.objects.filter(round=round).exists():
        return None
    priorities = {priority.title: priority for priority in Priority.objects.filter(process=process)}
    if any(title not in priorities for title, _ambition in TOP_FIVE):
        return None
    user = entry_user(result)
    confirmed_at = CONFIRMED_AT
    meeting = Milestone.objects.filter(process=process, title=JULY_BBG).select_related("body").first()
    try:
        decision = services.decision_record(
            round=round,
            user=user,
            decided_on=DECIDED_ON,
            chosen=[
                services.ChosenPriority(priority_id=priorities[title].pk, ambition=ambition)
                for title, ambition in TOP_FIVE
            ],
            justifications={priorities[title].pk: text for title, text in PASSED_OVER.items() if title in priorities},
            meeting=meeting,
            notes=DECISION_NOTES,
            now=confirmed_at,
        )
    except ValidationError:
        # The round's ballots are not the demo's (staff changed them): leave the decision to staff.
        return None
    decision = services.decision_confirm(decision=decision, user=user, now=confirmed_at)
    result.count("besluiten BBG", created=True)
    if meeting is not None:
        result.count("mijlpalen", created=False)  # the July BBG is marked done
    return decision
