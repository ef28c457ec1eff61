"""The demo round of 2018: the five DVOs each chose seven of the ten at their own meeting (GLM 4 April, GLZ 19 April,
TWN 23 April, IJSS 20 June, NOG 28 June), the round closed on 29 June, and the BBG set its top five with ambitions
at its July meeting, the alternative to 7 June. The 7 June BBG stays in the planning as it was, with its conflicts.

The services check deadlines and moments against the clock, and these all lie in 2018. So the demo writes the
round, the ballots and the decision through the models, with their 2018 dates (also in the history), and checks
the same rules the services hold: the long list is frozen; each ballot is exactly seven distinct priorities of
that list, one per DVO, submitted before its DVO's deadline; the top five is five distinct priorities with an
ambition each and a justification for every higher-ranked priority passed over (voting.decision.check_top_five).

A ballot is submitted by the DVO's demo secretary when that user exists; otherwise it is entered on the DVO's
behalf, by the demo staff user or, when no demo users may be made (production settings), by one inactive system
user without a usable password, "demo-invoer", that can never log in.

Safe to run again: a round that exists is left as it is (also after a staff reset, which is a fresh try); a closed
round without a decision gets the demo decision.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Role, User
from planning.models import District, Milestone, StrategyProcess
from priorities.models import LongList, Priority
from voting.decision import ChosenPriority, _check_meeting, check_top_five
from voting.models import Ballot, BallotChoice, BbgDecision, DecisionPriority, PassedOver, Round, RoundDeadline
from voting.services import (
    _check_preferences,
    _check_priorities,
    _check_remarks,
    dvo_meeting_for,
    end_of_day,
    local_zone,
)

from .planning import DVO_MEETINGS

SYSTEM_USERNAME = "demo-invoer"
STAFF_USERNAME = "staf"  # the demo staff user of planning/demo.py
STAFF_REASON = "Ingevoerd uit het verslag van de DVO-vergadering van %(day)s."

OPENED_AT = datetime.datetime(2018, 3, 30, 12, 0)  # the day the long list went to the partners
CLOSED_AT = datetime.datetime(2018, 6, 29, 10, 0)  # the morning after the last DVO (NOG, 28 June)
SUBMITTED_AT = datetime.time(16, 30)  # on the day of the DVO's meeting

JULY_BBG = "BBG in juli (alternatief voor 7 juni)"
DECIDED_ON = datetime.date(2018, 7, 5)  # a Thursday, like 7 June
CONFIRMED_AT = datetime.datetime(2018, 7, 5, 17, 0)

ONDERMIJNING = "Ondermijning"
HIC = "High impact crimes"
JEUGD = "Jeugdcriminaliteit en jeugdoverlast"
VERWARD = "Personen met verward gedrag"
CYBER = "Cybercrime"
HG = "Huiselijk geweld en kindermishandeling"
RADIC = "Radicalisering en polarisatie"
MENS = "Mensenhandel en uitbuiting"
DRUGS = "Drugs en drugsgerelateerde criminaliteit"
WOON = "Veilige woon- en leefomgeving"

INVOLVED = Ballot.CouncilInvolvement.INVOLVED
INFORMED = Ballot.CouncilInvolvement.INFORMED
NOT_YET = Ballot.CouncilInvolvement.NOT_YET

BALLOTS = {
    # district code: the seven (in order of preference when "ordered"), remarks per choice, overall remark, councils
    "GLM": {
        "choices": [ONDERMIJNING, VERWARD, HIC, CYBER, JEUGD, HG, RADIC],
        "ordered": True,
        "remarks": {
            VERWARD: "De druk op de politie in Arnhem en Ede is groot; regionale afspraken met de GGZ zijn nodig.",
            RADIC: "Arnhem en Ede zien signalen; regionale expertise is welkom voor de kleinere gemeenten.",
        },
        "remark": "De DVO kiest unaniem; ondermijning en verward gedrag wegen het zwaarst.",
        "council": INFORMED,
        "council_note": "De burgemeesters hebben hun raden met een raadsinformatiebrief geïnformeerd over de lange "
        "lijst en de keuze van de DVO.",
    },
    "GLZ": {
        "choices": [ONDERMIJNING, HIC, CYBER, VERWARD, DRUGS, MENS, JEUGD],
        "ordered": True,
        "remarks": {
            DRUGS: "Drugsafval en -labs in het Rivierengebied en het Rijk van Nijmegen.",
            MENS: "Signalen rond de huisvesting van arbeidsmigranten in de fruitteelt.",
        },
        "remark": "",
        "council": INVOLVED,
        "council_note": "In Nijmegen en Tiel is de lange lijst besproken in een informatieve raadsbijeenkomst; de "
        "andere raden zijn per brief geïnformeerd.",
    },
    "TWN": {
        "choices": [ONDERMIJNING, MENS, CYBER, HIC, DRUGS, VERWARD, HG],
        "ordered": True,
        "remarks": {
            MENS: "Twente kiest hiervoor vanwege de grensligging en de signalen van uitbuiting van arbeidsmigranten.",
            DRUGS: "Synthetische drugs en drugsafval in het buitengebied, ook over de grens met Duitsland.",
        },
        "remark": "De DVO vraagt de BBG de grensoverschrijdende criminaliteit zichtbaar mee te nemen.",
        "council": INFORMED,
        "council_note": "De raden zijn via de colleges geïnformeerd; Enschede en Hengelo bespreken het in de "
        "commissie.",
    },
    "IJSS": {
        "choices": [ONDERMIJNING, HIC, CYBER, VERWARD, JEUGD, HG, WOON],
        "ordered": False,
        "remarks": {
            WOON: "Leefbaarheid in de kernen is voor de kleinere gemeenten het belangrijkste thema.",
        },
        "remark": "De DVO heeft geen volgorde aangebracht: de zeven wegen even zwaar.",
        "council": INVOLVED,
        "council_note": "In mei zijn de raden via de colleges geïnformeerd; in Zwolle en Deventer is de keuze in "
        "de raadscommissie besproken.",
    },
    "NOG": {
        "choices": [ONDERMIJNING, VERWARD, HIC, JEUGD, CYBER, DRUGS, MENS],
        "ordered": True,
        "remarks": {
            JEUGD: "Jongeren in de Achterhoek die als drugsrunner worden geronseld.",
        },
        "remark": "",
        "council": NOT_YET,
        "council_note": "De raden worden na de BBG van juli geïnformeerd over de top vijf.",
    },
}

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


def _local(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(tzinfo=local_zone())


def system_user(result) -> User:
    """The inactive user that enters the demo's choices when no demo user may exist; it can never log in."""
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is None:
        user = User(
            username=SYSTEM_USERNAME,
            first_name="Demo",
            last_name="invoer (systeem)",
            is_active=False,
        )
        user.set_unusable_password()
        user.save()
        result.count("gebruikers", created=True)
    return user


def _entry_user(result) -> User:
    """Who enters on a DVO's behalf and records the BBG's decision: the demo staff user, or the system user."""
    staff = User.objects.filter(username=STAFF_USERNAME, is_active=True, role=Role.STAFF).first()
    return staff or system_user(result)


def _secretary(district: District) -> User | None:
    username = f"secretaris-{district.code.lower()}"
    return User.objects.filter(username=username, is_active=True, role=Role.DVO_SECRETARY, district=district).first()


@transaction.atomic
def load_voting_demo(result, process: StrategyProcess) -> Round | None:
    """Load the round of 2018 for ``process`` (after the long-list demo) and the BBG's top five.

    Counts what it made in ``result`` (demo.planning.DemoResult). Returns the round, or None when the long list
    is not frozen or does not hold the demo's priorities (then there is nothing to choose from).
    """
    long_list = LongList.objects.filter(process=process).first()
    if long_list is None or not long_list.is_frozen:
        return None
    priorities = {priority.title: priority for priority in Priority.objects.filter(process=process)}
    if any(title not in priorities for ballot in BALLOTS.values() for title in ballot["choices"]):
        return None

    round = Round.objects.filter(process=process).first()
    if round is None:
        round = _load_round(result, process, priorities)
    if round.is_closed and not BbgDecision.objects.filter(round=round).exists():
        _load_decision(result, round, priorities)
    return round


def _load_round(result, process: StrategyProcess, priorities: dict[str, Priority]) -> Round:
    user = _entry_user(result)
    opened_at, closed_at = _local(OPENED_AT), _local(CLOSED_AT)
    round = Round(process=process, status=Round.Status.OPEN, opened_at=opened_at)
    round._history_user, round._history_date = user, opened_at
    round.save()
    result.count("keuzerondes", created=True)

    meeting_days = dict(DVO_MEETINGS)
    for district in District.objects.order_by("order", "code"):
        meeting = dvo_meeting_for(process, district)
        if meeting is None:
            raise ValueError(f"The demo planning has no meeting of DVO {district.code}.")
        deadline = RoundDeadline(round=round, district=district, meeting=meeting, deadline=end_of_day(meeting.ends_on))
        deadline._history_user, deadline._history_date = user, opened_at
        deadline.save()
        data = BALLOTS[district.code]
        submitted_at = datetime.datetime.combine(meeting.ends_on, SUBMITTED_AT, tzinfo=local_zone())
        if submitted_at > deadline.deadline:
            raise ValueError(f"The demo ballot of DVO {district.code} comes after its deadline.")
        _enter_ballot(
            round,
            district,
            data,
            priorities,
            submitted_at=submitted_at,
            secretary=_secretary(district),
            staff=user,
            day=meeting_days.get(district.code, str(meeting.ends_on)),
        )
        result.count("keuzes van DVO's", created=True)

    round.status, round.closed_at = Round.Status.CLOSED, closed_at
    round._history_user, round._history_date = user, closed_at
    round.save(update_fields=["status", "closed_at"])
    return round


def _enter_ballot(round, district, data, priorities, *, submitted_at, secretary, staff, day) -> Ballot:
    """One DVO's seven, checked by the same rules as voting.services.ballot_submit, with its 2018 moment."""
    ids = [priorities[title].pk for title in data["choices"]]
    chosen = _check_priorities(round, ids)
    order = {pk: place for place, pk in enumerate(ids, start=1)} if data["ordered"] else {}
    preferences = _check_preferences(ids, order, round.choices_required)
    remarks = _check_remarks(ids, {priorities[title].pk: text for title, text in data["remarks"].items()})

    user = secretary or staff
    ballot = Ballot(
        round=round,
        district=district,
        submitted_by=user,
        submitted_at=submitted_at,
        entered_by_staff=secretary is None,
        staff_reason="" if secretary else STAFF_REASON % {"day": day},
        remark=data["remark"],
        council_involvement=data["council"],
        council_note=data["council_note"],
    )
    ballot.full_clean()
    ballot._history_user, ballot._history_date = user, submitted_at
    if secretary is None:
        ballot._change_reason = ballot.staff_reason
    ballot.save()
    for pk in ids:
        choice = BallotChoice(
            ballot=ballot, priority=chosen[pk], preference=preferences.get(pk), remark=remarks.get(pk, "")
        )
        # One history date for the ballot and its choices: the ballot's history page groups them by it.
        choice._history_user, choice._history_date = user, submitted_at
        choice.save()
    return ballot


def _load_decision(result, round: Round, priorities: dict[str, Priority]) -> BbgDecision | None:
    """The BBG's top five at its July meeting, confirmed; that meeting's milestone is marked done."""
    user = _entry_user(result)
    meeting = Milestone.objects.filter(process=round.process, title=JULY_BBG).select_related("body").first()
    _check_meeting(round, meeting)
    chosen = [ChosenPriority(priority_id=priorities[title].pk, ambition=ambition) for title, ambition in TOP_FIVE]
    justifications = {priorities[title].pk: text for title, text in PASSED_OVER.items() if title in priorities}
    try:
        required = check_top_five(round, chosen, justifications)
    except ValidationError:
        # The round's ballots are not the demo's (staff changed them): leave the decision to staff.
        return None

    confirmed_at = _local(CONFIRMED_AT)
    decision = BbgDecision(
        round=round,
        meeting=meeting,
        decided_on=DECIDED_ON,
        notes=DECISION_NOTES,
        confirmed_at=confirmed_at,
        confirmed_by=user,
    )
    rows = [decision]
    rows += [
        DecisionPriority(decision=decision, priority_id=item.priority_id, position=position, ambition=item.ambition)
        for position, item in enumerate(chosen, start=1)
    ]
    rows += [PassedOver(decision=decision, priority_id=pk, justification=text) for pk, text in required.items()]
    for row in rows:
        row._history_user, row._history_date = user, confirmed_at
        row.save()
    result.count("besluiten BBG", created=True)

    if meeting is not None and meeting.status != Milestone.Status.DONE:
        meeting.status = Milestone.Status.DONE
        meeting._history_user = user
        meeting.save(update_fields=["status", "updated_at"])
        result.count("mijlpalen", created=False)
    return decision
