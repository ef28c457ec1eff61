"""The demo round of 2018: the five DVOs each chose seven of the ten at their own meeting (GLM 4 April, GLZ 19 April,
TWN 23 April, IJSS 20 June, NOG 28 June), and the round closed on 29 June. The BBG's top five follows in
demo/decisions.py.

Every step goes through voting.services with its 2018 moment (``now``), which is also the date in the history: the
services hold the rules (the long list is frozen; exactly seven distinct priorities of that list, one ballot per
DVO, before its deadline; staff entering on a DVO's behalf give a reason). No receipts are mailed for choices of
2018.

A ballot is submitted by the DVO's demo secretary when that user exists; otherwise it is entered on the DVO's
behalf, by the demo staff user or, when no demo users may be made (production settings), by the system user
"demo-invoer", which acts as staff but can never log in.

Safe to run again: a round that exists is left as it is (also after a staff reset, which is a fresh try).
"""

import datetime
import zoneinfo

from django.db import transaction

from accounts.models import Role, User
from planning.models import District, StrategyProcess
from priorities.models import LongList, Priority
from voting import services
from voting.models import Ballot, Round, RoundDeadline
from voting.services import local_zone

from .planning import DVO_MEETINGS

SYSTEM_USERNAME = "demo-invoer"
STAFF_USERNAME = "staf"  # the demo staff user of planning/demo.py
STAFF_REASON = "Ingevoerd uit het verslag van de DVO-vergadering van %(day)s."

# The demo's moments are Dutch local time.
DUTCH = zoneinfo.ZoneInfo("Europe/Amsterdam")
OPENED_AT = datetime.datetime(2018, 3, 30, 12, 0, tzinfo=DUTCH)  # the day the long list went to the partners
CLOSED_AT = datetime.datetime(2018, 6, 29, 10, 0, tzinfo=DUTCH)  # the morning after the last DVO (NOG, 28 June)
SUBMITTED_AT = datetime.time(16, 30)  # on the day of the DVO's meeting


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


def system_user(result) -> User:
    """The user that enters the demo's choices when no demo user may exist (production settings).

    It acts as programme staff, because the services hold the rules for it as for anyone, but it can never log
    in: its password is unusable and it has no email address (no password reset, no login by mail or SSO).
    """
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is None:
        user = User(username=SYSTEM_USERNAME, first_name="Demo", last_name="invoer (systeem)", role=Role.STAFF)
        user.set_unusable_password()
        user.save()
        result.count("gebruikers", created=True)
    elif not (user.is_active and user.role == Role.STAFF and not user.has_usable_password()):
        # An older demo made it inactive and without a role; the services need it to act as staff.
        user.is_active, user.role = True, Role.STAFF
        user.set_unusable_password()
        user.save(update_fields=["is_active", "role", "password"])
        result.count("gebruikers", created=False)
    return user


def entry_user(result) -> User:
    """Who enters on a DVO's behalf and records the BBG's decision: the demo staff user, or the system user."""
    staff = User.objects.filter(username=STAFF_USERNAME, is_active=True, role=Role.STAFF).first()
    return staff or system_user(result)


def _secretary(district: District) -> User | None:
    username = f"secretaris-{district.code.lower()}"
    return User.objects.filter(username=username, is_active=True, role=Role.DVO_SECRETARY, district=district).first()


@transaction.atomic
def load_voting_demo(result, process: StrategyProcess) -> Round | None:
    """Load the round of 2018 for ``process`` (after the long-list demo), through voting.services.

    Counts what it made in ``result`` (demo.loader.DemoResult). Returns the round, or None when the long list is
    not frozen or does not hold the demo's priorities (then there is nothing to choose from). A round that exists
    is left as it is.
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
    return round


def _load_round(result, process: StrategyProcess, priorities: dict[str, Priority]) -> Round:
    """Create and open the round the day the list went out, each DVO's seven on its meeting day, close it the
    morning after the last DVO: every step through the service, with its 2018 moment."""
    user = entry_user(result)
    opened_at, closed_at = OPENED_AT, CLOSED_AT
    # Each DVO's deadline is the end of its meeting day (the service takes the meetings from the planning).
    round = services.round_create(process=process, user=user, now=opened_at)
    missing = services.missing_deadlines(round)
    if missing:
        raise ValueError(f"The demo planning has no meeting of DVO {', '.join(d.code for d in missing)}.")
    round = services.round_open(round=round, user=user, now=opened_at)
    result.count("keuzerondes", created=True)

    meeting_days = dict(DVO_MEETINGS)
    for deadline in RoundDeadline.objects.filter(round=round).select_related("district", "meeting"):
        district = deadline.district
        data = BALLOTS[district.code]
        ids = [priorities[title].pk for title in data["choices"]]
        secretary = _secretary(district)
        day = meeting_days.get(district.code, str(deadline.meeting.ends_on))
        services.ballot_submit(
            round=round,
            district=district,
            user=secretary or user,
            priority_ids=ids,
            preferences={pk: place for place, pk in enumerate(ids, start=1)} if data["ordered"] else None,
            remarks={priorities[title].pk: text for title, text in data["remarks"].items()},
            remark=data["remark"],
            council_involvement=data["council"],
            council_note=data["council_note"],
            on_behalf_reason=None if secretary else STAFF_REASON % {"day": day},
            now=datetime.datetime.combine(deadline.meeting.ends_on, SUBMITTED_AT, tzinfo=local_zone()),
            send_receipt=False,
        )
        result.count("keuzes van DVO's", created=True)

    return services.round_close(round=round, user=user, now=closed_at)
