"""The demo's planning: the real planning of the Veiligheidsstrategie 2019-2022, as the 2018 planning note wrote it,
with the VS 2015-2018 as its predecessor.

A new process is started through planning.services.process_create (which gives it its phases); everything is then
found or updated by natural key (process slug, phase order, milestone and action title within the process, person
name), and a row is saved only when something differs, so that running it again changes nothing and adds no
history. Dates and periods are written in the note's own words and read with core.dates.parse_when.
"""

import datetime

from core.dates import parse_when
from planning.models import Absence, Action, Body, Membership, Milestone, Person, Phase, StrategyProcess
from planning.services import milestone_cancel, milestone_complete, process_create
from planning.services_schedule import milestone_save

from .upsert import upsert

# --- The processes ---------------------------------------------------------------------------------------------

PREDECESSOR = {
    "slug": "vs-2015-2018",
    "title": "Veiligheidsstrategie 2015-2018",
    "short_name": "VS 2015-2018",
    "period_start_year": 2015,
    "period_end_year": 2018,
    "description": (
        "De vorige Veiligheidsstrategie van het Veiligheidsnetwerk Oost-Nederland. De VS 2019-2022 borduurt "
        "hierop voort; de midterm review en de voortgangsrapportages ervan zijn bronnen voor de scan, en eind 2018 "
        "volgt een endterm review light."
    ),
}

PROCESS = {
    "slug": "vs-2019-2022",
    "title": "Veiligheidsstrategie 2019-2022",
    "short_name": "VS 2019-2022",
    "period_start_year": 2019,
    "period_end_year": 2022,
    "description": (
        "De politie is wettelijk verplicht per eenheid een Meerjarenbeleidsplan (MJB) 2019-2022 op te leveren "
        "(art. 39 lid 1 Politiewet). Het Veiligheidsnetwerk wil, net als de vorige keer, aan de voorkant met de "
        "politie en het OM gezamenlijke beleidsdoelstellingen bepalen; die worden opgenomen in het MJB.\n\n"
        "Uitgangspunten: de VS wordt gebaseerd op de lokale prioriteiten, aangevuld met die van politie en OM; "
        "ze borduurt voort op de VS 2015-2018; het wordt een kort, bondig en SMART document met een begeleidende "
        "brief over de noodzakelijke voorwaarden (organisatie en financiering); er wordt onderscheid gemaakt "
        "tussen wat urgent en wat gewenst is, en aangegeven wie welke rol heeft. De VS en het MJB sluiten "
        "tekstueel en inhoudelijk op elkaar aan; de VS vormt het beleidskader voor het MJB."
    ),
}

PHASES = [
    # order, name, description
    (
        1,
        "Scan en lange lijst",
        "Scan van alle integrale veiligheidsplannen en overige bronnen; maximaal tien prioriteiten.",
    ),
    (2, "Keuze DVO's", "De vijf DVO's kiezen elk 7 van de 10 prioriteiten."),
    (3, "Top vijf BBG", "De BBG bepaalt op basis van de DVO's een top vijf met bijbehorende ambities."),
    (4, "Doelstellingen", "Uitwerking van de top vijf tot ongeveer vijf concept-doelstellingen."),
    (5, "Vaststelling", "Concept-doelstellingen via het RVO naar het Bestuurscollege ter vaststelling."),
    (6, "Bestuurlijke nota en MJB", "Bestuurlijke nota, endterm review light en het concept-MJB van de politie."),
    (7, "MJB en VS 2019", "MJB en VS als één document langs minister, DVO's, gemeenteraden en Bestuurscollege."),
]

PLANNED = Milestone.Status.PLANNED
TENTATIVE = Milestone.Status.TENTATIVE
K = Milestone.Kind
BY = Milestone.CompletedBy

# Keys used below for the 7 June BBG and its dependencies; the tests and the browser test find them by title.
BBG_TOP_FIVE = "BBG bepaalt top vijf prioriteiten en ambities"
DVO_MEETINGS = [
    # district code, day in the note's words
    ("GLM", "4 april 2018"),
    ("GLZ", "19 april 2018"),
    ("TWN", "23 april 2018"),
    ("IJSS", "20 juni 2018"),
    ("NOG", "28 juni 2018"),
]


def dvo_title(code: str) -> str:
    return f"DVO {code} kiest 7 van de 10 prioriteiten"


LONG_LIST_CONSENT = "BBG stemt in met de lange lijst"

_DVO_DESCRIPTION = (
    "De 10 prioriteiten voor de VS en het MJB worden gezamenlijk aan de DVO voorgelegd met het verzoek er 7 te "
    "kiezen. Daarbij het advies aan de burgemeesters om hun gemeenteraden bij het proces te betrekken of erover "
    "te informeren."
)

# Each milestone: title (unique within the process), phase order, when (the note's words), body short name,
# kind, the status it starts with (planned or tentative), the fact that completes it (``completed_by``),
# description, deliverables, notes, and the titles it depends on. No status is written here once the milestone
# exists: the facts (the long list's approval, the DVOs' choices, the BBG's decision, the goals) complete it
# through planning.services, and ``complete_past_milestones`` records the rest of 2018-2019 the same way.
MILESTONES = [
    # --- 1. Scan en lange lijst (januari - maart 2018) ---
    {
        "title": "BBG: strategie, vorm en tijdspad bespreken",
        "phase": 1,
        "when": "25 januari 2018",
        "body": "BBG",
        "kind": K.MEETING,
        "status": PLANNED,
        "description": "De BBG bespreekt de strategie, de vorm en het tijdspad van de VS 2019-2022.",
        "notes": "Zie de vragen in de planningsnotitie.",
    },
    {
        "title": "Scan van alle integrale veiligheidsplannen",
        "phase": 1,
        "when": "januari - maart 2018",
        "body": "VNONL",
        "kind": K.DELIVERABLE,
        "status": PLANNED,
        "description": "Scan maken van alle integrale veiligheidsplannen (IVP's) van de gemeenten in Oost-Nederland.",
        "deliverables": "Scan per gemeente van de lokale prioriteiten.",
    },
    {
        "title": "Ambtelijke toets per gemeente",
        "phase": 1,
        "when": "januari - maart 2018",
        "body": "Colleges B&W",
        "kind": K.ACTION,
        "status": PLANNED,
        "description": (
            "Per gemeente wordt nog een ambtelijke toets gedaan op de scan, met de mogelijkheid tot aanvullingen "
            "of wijzigingen."
        ),
    },
    {
        "title": "Overige bronnen verwerken",
        "phase": 1,
        "when": "januari - maart 2018",
        "body": "VNONL",
        "kind": K.DELIVERABLE,
        "status": PLANNED,
        "description": (
            "Overige bronnen zijn: de evaluatie Politiewet, Nationaal Dreigingsbeeld 2017, midterm review, "
            "aanwezige ondermijningsbeelden, fenomenen RIEC, voortgangsrapportages en het PAG beleidsplan OM."
        ),
    },
    {
        "title": "Lange lijst van maximaal tien prioriteiten",
        "phase": 1,
        "when": "maart 2018",
        "body": "VNONL",
        "kind": K.DELIVERABLE,
        "status": PLANNED,
        "completed_by": BY.LONGLIST_APPROVED,
        "description": "De scan en de overige bronnen leiden tot maximaal tien prioriteiten.",
        "deliverables": "Lange lijst van maximaal tien prioriteiten, getoetst aan de vier criteria voor een "
        "regionale prioriteit.",
        "depends_on": [
            "Scan van alle integrale veiligheidsplannen",
            "Ambtelijke toets per gemeente",
            "Overige bronnen verwerken",
        ],
    },
    {
        "title": LONG_LIST_CONSENT,
        "phase": 1,
        "when": "maart 2018",
        "body": "BBG",
        "kind": K.DECISION,
        "status": PLANNED,
        "completed_by": BY.LONGLIST_APPROVED,
        "description": "Na instemming van de BBG wordt de lange lijst aan alle partners voorgelegd.",
        "notes": "In een extra BBG eind maart als die mogelijk is, anders schriftelijk.",
        "depends_on": ["Lange lijst van maximaal tien prioriteiten"],
    },
    {
        "title": "Extra BBG eind maart",
        "phase": 1,
        "when": "maart 2018",
        "body": "BBG",
        "kind": K.MEETING,
        "status": TENTATIVE,
        "description": "Kijken of nog een BBG mogelijk is aan het einde van maart.",
        "notes": "Onder voorbehoud: nog niet zeker of deze BBG doorgaat.",
    },
    # --- 2. Keuze DVO's (april - juni 2018) ---
    *[
        {
            "title": dvo_title(code),
            "phase": 2,
            "when": when,
            "body": f"DVO {code}",
            "kind": K.MEETING,
            "status": PLANNED,
            "completed_by": BY.DVO_CHOICE,
            "description": _DVO_DESCRIPTION,
            "deliverables": "Keuze van 7 van de 10 prioriteiten.",
            "depends_on": [LONG_LIST_CONSENT],
        }
        for code, when in DVO_MEETINGS
    ],
    # --- 3. Top vijf BBG ---
    {
        "title": BBG_TOP_FIVE,
        "phase": 3,
        "when": "7 juni 2018",
        "body": "BBG",
        "kind": K.DECISION,
        "status": PLANNED,
        "completed_by": BY.TOP_FIVE,
        "description": "De BBG bepaalt op basis van de bespreking in de DVO's een top vijf aan prioriteiten en "
        "daarbij horende ambities.",
        "deliverables": "Top vijf prioriteiten met ambities.",
        "notes": "NB. Burgemeester Van Veldhuizen is dan afwezig. Kijken of BBG naar juli kan. "
        "Daarna regioburgemeester Bruls informeren.",
        "depends_on": [dvo_title(code) for code, _ in DVO_MEETINGS],
    },
    {
        "title": "BBG in juli (alternatief voor 7 juni)",
        "phase": 3,
        "when": "juli 2018",
        "body": "BBG",
        "kind": K.MEETING,
        # Done when the demo's BBG decision (demo/decisions.py), taken at this meeting, is confirmed.
        "status": PLANNED,
        "description": "Mogelijke BBG in juli, na alle vijf DVO's en met burgemeester Van Veldhuizen, als de BBG "
        "van 7 juni wordt verplaatst.",
        "notes": "Kijken of BBG naar juli kan. De BBG heeft hier op 5 juli 2018 de top vijf met ambities bepaald.",
        "depends_on": [dvo_title(code) for code, _ in DVO_MEETINGS],
    },
    # --- 4. Doelstellingen (juli - augustus 2018) ---
    {
        "title": "Uitwerken tot ongeveer vijf concept-doelstellingen",
        "phase": 4,
        "when": "juli - augustus 2018",
        "body": "Werkgroep Expertteams",
        "kind": K.DELIVERABLE,
        "status": PLANNED,
        "completed_by": BY.GOALS_PUT_FORWARD,
        "description": "Uitwerken van de gekozen prioriteiten en ambities naar (ongeveer) vijf concept-doelstellingen "
        "door de Werkgroep Expertteams VNONL, met actieve betrokkenheid van gemeenten.",
        "deliverables": "Ongeveer vijf SMART concept-doelstellingen.",
        "depends_on": [BBG_TOP_FIVE],
    },
    # --- 5. Vaststelling ---
    {
        "title": "RVO: concept-doelstellingen en begeleidende brief",
        "phase": 5,
        "when": "12 september 2018",
        "body": "RVO",
        "kind": K.MEETING,
        "status": PLANNED,
        "completed_by": BY.LETTER_SENT,
        "description": "Concept-doelstellingen VS naar het RVO van 12 september, met een begeleidende brief over "
        "onder andere de randvoorwaarden.",
        "deliverables": "Concept-doelstellingen; begeleidende brief over randvoorwaarden (organisatie, financiering).",
        "depends_on": ["Uitwerken tot ongeveer vijf concept-doelstellingen"],
    },
    {
        "title": "Bestuurscollege stelt doelstellingen VS vast",
        "phase": 5,
        "when": "31 oktober 2018",
        "body": "Bestuurscollege",
        "kind": K.DECISION,
        "status": PLANNED,
        "completed_by": BY.GOALS_ADOPTED,
        "description": "Concept-doelstellingen VS en brief ter vaststelling naar het Bestuurscollege van 31 oktober.",
        "deliverables": "Vastgestelde doelstellingen VS 2019-2022.",
        "depends_on": ["RVO: concept-doelstellingen en begeleidende brief"],
    },
    {
        "title": "Vastgestelde doelstellingen naar de politie voor het MJB",
        "phase": 5,
        "when": "november 2018",
        "body": "VNONL",
        "kind": K.INFORMATION,
        "status": PLANNED,
        "description": "Vastgestelde doelstellingen met begeleidende brief meegeven aan de politie voor haar MJB.",
        "depends_on": ["Bestuurscollege stelt doelstellingen VS vast"],
    },
    # --- 6. Bestuurlijke nota en MJB (november 2018 - eind 2018) ---
    {
        "title": "Uitschrijven doelstellingen VS tot een bestuurlijke nota",
        "phase": 6,
        "when": "november 2018",
        "body": "VNONL",
        "kind": K.DELIVERABLE,
        "status": PLANNED,
        "completed_by": BY.NOTA,
        "description": "De vastgestelde doelstellingen van de VS worden uitgeschreven tot een bestuurlijke nota.",
        "deliverables": "Bestuurlijke nota VS 2019-2022.",
        "depends_on": ["Bestuurscollege stelt doelstellingen VS vast"],
    },
    {
        "title": "Aanvang endterm review light VS 2015-2018",
        "phase": 6,
        "when": "november 2018",
        "body": "VNONL",
        "kind": K.ACTION,
        "status": PLANNED,
        "description": "Start van de korte evaluatie (endterm review light) van de VS 2015-2018.",
    },
    {
        "title": "Concept MJB politie is klaar",
        "phase": 6,
        "when": "november 2018",
        "body": "Politie",
        "kind": K.DELIVERABLE,
        "status": PLANNED,
        "description": "Het concept-Meerjarenbeleidsplan 2019-2022 van de politie is klaar.",
        "deliverables": "Concept MJB 2019-2022.",
        "depends_on": ["Bestuurscollege stelt doelstellingen VS vast"],
    },
    {
        "title": "Endterm review light gereed",
        "phase": 6,
        "when": "eind 2018",
        "body": "VNONL",
        "kind": K.DELIVERABLE,
        "status": PLANNED,
        "description": "De endterm review light van de VS 2015-2018 is gereed.",
        "deliverables": "Endterm review light VS 2015-2018.",
    },
    # --- 7. MJB en VS 2019 ---
    {
        "title": "Concept MJB aangeboden aan de minister van V&J",
        "phase": 7,
        "when": "begin 2019",
        "body": "Minister J&V",
        "kind": K.INFORMATION,
        "status": PLANNED,
        "description": "Het concept-MJB van de politie wordt aangeboden aan de minister van V&J.",
        "depends_on": ["Concept MJB politie is klaar"],
    },
    {
        "title": "MJB en VS als één document naar DVO's en gemeenteraden",
        "phase": 7,
        "when": "maart - april 2019",
        "body": "Gemeenteraden",
        "kind": K.INFORMATION,
        "status": PLANNED,
        "description": "MJB en VS 2019-2022 worden als één document aangeboden aan de DVO's en de gemeenteraden.",
        "notes": "De gemeenteraden worden alleen geconsulteerd over het politieonderdeel, namelijk het MJB "
        "(art. 38b Politiewet).",
        "depends_on": [
            "Uitschrijven doelstellingen VS tot een bestuurlijke nota",
            "Concept MJB aangeboden aan de minister van V&J",
        ],
    },
    {
        "title": "Bestuurscollege stelt het MJB vast",
        "phase": 7,
        "when": "april 2019",
        "body": "Bestuurscollege",
        "kind": K.DECISION,
        "status": PLANNED,
        "description": "Na de DVO's en gemeenteraden gaan beide documenten naar het Bestuurscollege, waar het MJB "
        "wordt vastgesteld.",
        "notes": "Volgt op de consultatie van DVO's en gemeenteraden (maart - april 2019); die valt in dezelfde "
        "maanden, daarom hier geen harde afhankelijkheid.",
    },
    {
        "title": "VS uitwerken tot organisatorisch en financieel voorstel",
        "phase": 7,
        "when": "april 2019",
        "body": "VNONL",
        "kind": K.DELIVERABLE,
        "status": PLANNED,
        "description": "De VS uitwerken tot een organisatorisch en financieel voorstel dat door de BBG aan de DVO's "
        "en Colleges van B&W kan worden aangeboden.",
        "deliverables": "Organisatorisch en financieel voorstel.",
        "depends_on": ["Uitschrijven doelstellingen VS tot een bestuurlijke nota"],
    },
    {
        "title": "Formele besluitvorming in RVO en Bestuurscollege",
        "phase": 7,
        "when": "april 2019",
        "body": "RVO",
        "kind": K.DECISION,
        "status": TENTATIVE,
        "description": "Formele besluitvorming over het organisatorisch en financieel voorstel in RVO en "
        "Bestuurscollege?",
        "notes": "Open vraag in de planningsnotitie.",
    },
]

# --- People ------------------------------------------------------------------------------------------------------

PROGRAMME_MANAGER = "Programmamanager VNONL"
POLICY_ADVISER = "Beleidsadviseur VNONL"
BRULS = "Hubert Bruls"
VAN_VELDHUIZEN = "Onno van Veldhuizen"

PEOPLE = [
    # name, function, organisation, [(body, membership role)]
    (
        BRULS,
        "burgemeester van Nijmegen, regioburgemeester eenheid Oost-Nederland",
        "Gemeente Nijmegen",
        [("BBG", Membership.Role.CHAIR), ("RVO", Membership.Role.CHAIR), ("Bestuurscollege", Membership.Role.CHAIR)],
    ),
    (
        VAN_VELDHUIZEN,
        "burgemeester van Enschede",
        "Gemeente Enschede",
        [("BBG", Membership.Role.MEMBER)],
    ),
    (
        "Hoofdofficier van justitie Oost-Nederland",
        "hoofdofficier van justitie",
        "Openbaar Ministerie, arrondissementsparket Oost-Nederland",
        [("BBG", Membership.Role.MEMBER), ("RVO", Membership.Role.MEMBER), ("Bestuurscollege", Membership.Role.MEMBER)],
    ),
    (
        "Politiechef eenheid Oost-Nederland",
        "politiechef",
        "Politie eenheid Oost-Nederland",
        [
            ("BBG", Membership.Role.MEMBER),
            ("RVO", Membership.Role.ADVISER),
            ("Bestuurscollege", Membership.Role.ADVISER),
        ],
    ),
    (
        "Voorzitter DVO IJsselland",
        "burgemeester, voorzitter DVO IJsselland",
        "",
        [("RVO", Membership.Role.MEMBER), ("DVO IJSS", Membership.Role.CHAIR)],
    ),
    (
        "Voorzitter DVO Noord- en Oost-Gelderland",
        "burgemeester, voorzitter DVO Noord- en Oost-Gelderland",
        "",
        [("RVO", Membership.Role.MEMBER), ("DVO NOG", Membership.Role.CHAIR)],
    ),
    (
        PROGRAMME_MANAGER,
        "programmamanager Veiligheidsnetwerk Oost-Nederland",
        "Veiligheidsnetwerk Oost-Nederland",
        [("BBG", Membership.Role.SECRETARY), ("VNONL", Membership.Role.MEMBER)],
    ),
    (
        POLICY_ADVISER,
        "beleidsadviseur programmastaf",
        "Veiligheidsnetwerk Oost-Nederland",
        [("VNONL", Membership.Role.MEMBER), ("Werkgroep Expertteams", Membership.Role.SECRETARY)],
    ),
]

# Who answers for a milestone, by its body (the chair, or the staff member who does the work).
RESPONSIBLE_BY_BODY = {
    "BBG": BRULS,
    "RVO": BRULS,
    "Bestuurscollege": BRULS,
    "VNONL": PROGRAMME_MANAGER,
    "Werkgroep Expertteams": POLICY_ADVISER,
    "Politie": "Politiechef eenheid Oost-Nederland",
}

ABSENCES = [
    # person, first day, last day, reason
    (VAN_VELDHUIZEN, "7 juni 2018", "7 juni 2018", "afwezig bij de BBG van 7 juni"),
]

# --- Actions -----------------------------------------------------------------------------------------------------

ACTIONS = [
    # title, milestone title, owner, due, done on, description
    (
        "Ambtelijke toets per gemeente uitzetten",
        "Ambtelijke toets per gemeente",
        POLICY_ADVISER,
        "15 februari 2018",
        "14 februari 2018",
        "De scan per gemeente ambtelijk laten toetsen, met ruimte voor aanvullingen en wijzigingen.",
    ),
    (
        "Bilateraal informeren regioburgemeester Bruls en het RVO",
        LONG_LIST_CONSENT,
        PROGRAMME_MANAGER,
        "30 maart 2018",
        "29 maart 2018",
        "Regioburgemeester Bruls en het RVO bilateraal informeren over de lange lijst.",
    ),
    (
        "Lange lijst aan alle partners voorleggen",
        LONG_LIST_CONSENT,
        PROGRAMME_MANAGER,
        "30 maart 2018",
        "30 maart 2018",
        "Na instemming van de BBG de tien prioriteiten aan alle partners voorleggen.",
    ),
    (
        "Advies aan burgemeesters: gemeenteraden betrekken/informeren",
        dvo_title("GLM"),
        PROGRAMME_MANAGER,
        "4 april 2018",
        "4 april 2018",
        "Advies aan de burgemeesters om ervoor te zorgen dat hun gemeenteraden bij het proces betrokken of erover "
        "geïnformeerd worden; meegegeven met de stukken voor alle DVO's.",
    ),
    (
        "Nagaan of de BBG naar juli kan",
        BBG_TOP_FIVE,
        PROGRAMME_MANAGER,
        "15 mei 2018",
        "15 mei 2018",
        "Burgemeester Van Veldhuizen is op 7 juni afwezig en DVO IJSS en DVO NOG vergaderen pas daarna.",
    ),
    (
        "Keuzes van de DVO's bundelen voor de BBG",
        BBG_TOP_FIVE,
        POLICY_ADVISER,
        "31 mei 2018",
        "29 juni 2018",
        "De keuzes van de DVO's bundelen en rangschikken als stuk voor de BBG.",
    ),
    (
        "Informeren regioburgemeester Bruls",
        BBG_TOP_FIVE,
        PROGRAMME_MANAGER,
        "15 juni 2018",
        "6 juli 2018",
        "Regioburgemeester Bruls informeren over de top vijf en de ambities van de BBG.",
    ),
    (
        "Begeleidende brief over randvoorwaarden opstellen",
        "RVO: concept-doelstellingen en begeleidende brief",
        PROGRAMME_MANAGER,
        "5 september 2018",
        "5 september 2018",
        "Brief bij de concept-doelstellingen over onder andere organisatie en financiering.",
    ),
]


def _process(result, data: dict, predecessor: StrategyProcess | None = None) -> StrategyProcess:
    """The demo process of ``data``: started through the service when it is new, else brought up to date."""
    values = {key: value for key, value in data.items() if key != "slug"}
    if predecessor is not None:
        values["predecessor"] = predecessor
    if not StrategyProcess.objects.filter(slug=data["slug"]).exists():
        result.count("processen", created=True)
        return process_create(slug=data["slug"], **values)
    return upsert(result, "processen", StrategyProcess, {"slug": data["slug"]}, values)


def load_planning_demo(result) -> tuple[StrategyProcess, dict[str, Person]]:
    """Load or refresh the planning of VS 2019-2022 (and its predecessor VS 2015-2018): phases, people and their
    seats, the absence at the BBG of 7 June, milestones with their dependencies, and actions. Returns the process
    and the people by name."""
    predecessor = _process(result, PREDECESSOR)
    process = _process(result, PROCESS, predecessor)
    # The phases the service gave, named and described as the planning note has them.
    phases = {
        order: upsert(
            result, "fasen", Phase, {"process": process, "order": order}, {"name": name, "description": description}
        )
        for order, name, description in PHASES
    }

    bodies = {body.short_name: body for body in Body.objects.all()}
    people = {}
    for name, function, organisation, seats in PEOPLE:
        person = upsert(
            result, "personen", Person, {"name": name}, {"function": function, "organisation": organisation}
        )
        people[name] = person
        for body_name, role in seats:
            upsert(result, "lidmaatschappen", Membership, {"person": person, "body": bodies[body_name]}, {"role": role})
    for name, first, last, reason in ABSENCES:
        upsert(
            result,
            "afwezigheden",
            Absence,
            {"person": people[name], "starts_on": parse_when(first).starts_on},
            {"ends_on": parse_when(last).ends_on, "reason": reason},
        )

    milestones = {}
    for data in MILESTONES:
        when = parse_when(data["when"])
        status = (
            {}
            if Milestone.objects.filter(process=process, title=data["title"]).exists()
            else {"status": data["status"]}
        )
        milestones[data["title"]] = upsert(
            result,
            "mijlpalen",
            Milestone,
            {"process": process, "title": data["title"]},
            {
                **status,
                "phase": phases[data["phase"]],
                "starts_on": when.starts_on,
                "ends_on": when.ends_on,
                "precision": when.precision,
                "body": bodies[data["body"]],
                "responsible_person": people.get(RESPONSIBLE_BY_BODY.get(data["body"])),
                "kind": data["kind"],
                "completed_by": data.get("completed_by", ""),
                "description": data.get("description", ""),
                "deliverables": data.get("deliverables", ""),
                "notes": data.get("notes", ""),
            },
        )
    for data in MILESTONES:
        milestone = milestones[data["title"]]
        wanted = [milestones[title] for title in data.get("depends_on", [])]
        if set(milestone.depends_on.values_list("pk", flat=True)) != {m.pk for m in wanted}:
            # Through the service, like the page and the API: same process, not itself, no cycle.
            milestone_save(milestone=milestone, depends_on=wanted)
            result.count("afhankelijkheden", created=False)

    for title, milestone_title, owner, due, done, description in ACTIONS:
        upsert(
            result,
            "acties",
            Action,
            {"process": process, "title": title},
            {
                "milestone": milestones[milestone_title],
                "owner": people[owner],
                "due_on": parse_when(due).starts_on,
                "done_on": parse_when(done).starts_on if done else None,
                "description": description,
            },
        )

    return process, people


# --- What happened in 2018-2019 that the portal holds no fact for -------------------------------------------------

# The milestones no fact of the demo completes, done as of the day they happened (the note's day, or the end of
# its period), with what happened as the reason.
DONE_BY_HAND = [
    # title, day (None: the milestone's last day), reason
    ("BBG: strategie, vorm en tijdspad bespreken", None, "Besproken in de BBG van 25 januari 2018."),
    ("Scan van alle integrale veiligheidsplannen", None, "Scan van de 78 IVP's afgerond."),
    ("Ambtelijke toets per gemeente", None, "De gemeenten hebben de scan ambtelijk getoetst."),
    ("Overige bronnen verwerken", None, "De overige bronnen zijn in de scan verwerkt."),
    (
        "RVO: concept-doelstellingen en begeleidende brief",
        datetime.date(2018, 9, 12),
        "Concept-doelstellingen (versie 0.3) met begeleidende brief naar het RVO.",
    ),
    ("Vastgestelde doelstellingen naar de politie voor het MJB", None, "Meegegeven aan de politie voor het MJB."),
    ("Uitschrijven doelstellingen VS tot een bestuurlijke nota", None, "Bestuurlijke nota geschreven."),
    ("Aanvang endterm review light VS 2015-2018", None, "Endterm review light gestart."),
    ("Concept MJB politie is klaar", None, "Concept-MJB van de politie gereed."),
    ("Endterm review light gereed", None, "Endterm review light afgerond."),
    ("Concept MJB aangeboden aan de minister van V&J", None, "Concept-MJB aan de minister aangeboden."),
    (
        "MJB en VS als één document naar DVO's en gemeenteraden",
        datetime.date(2019, 3, 1),
        "MJB en VS als één document naar de DVO's en de 78 gemeenteraden.",
    ),
    ("Bestuurscollege stelt het MJB vast", None, "Het Bestuurscollege heeft het MJB vastgesteld."),
    (
        "VS uitwerken tot organisatorisch en financieel voorstel",
        datetime.date(2019, 4, 11),
        "Organisatorisch en financieel voorstel door de BBG aangeboden.",
    ),
]
# The meetings under reservation that did not take place.
CANCELLED = [
    ("Extra BBG eind maart", "Geen extra BBG: de BBG stemde op 29 maart 2018 buiten een vergadering in."),
    (
        "Formele besluitvorming in RVO en Bestuurscollege",
        "Het voorstel ging naar de DVO's en de colleges; een aparte besluitvorming in RVO en Bestuurscollege "
        "was niet nodig.",
    ),
]


def complete_past_milestones(result, process: StrategyProcess, user) -> None:
    """The rest of the historic planning as it went, through planning.services like every fact: what happened
    is done (who: ``user``, the demo's entry user; when: its day in 2018-2019), what did not take place is
    cancelled. Run after the other steps, so a milestone a fact completes is left to that fact; only an open
    milestone changes, so a second run changes nothing."""
    milestones = {m.title: m for m in Milestone.objects.filter(process=process, status__in=Milestone.OPEN_STATUSES)}
    for title, day, reason in DONE_BY_HAND:
        milestone = milestones.get(title)
        if milestone is not None:
            milestone_complete(milestone=milestone, by=user, when=day or milestone.ends_on, reason=reason)
            result.count("mijlpalen", created=False)
    for title, reason in CANCELLED:
        milestone = milestones.get(title)
        if milestone is not None:
            milestone_cancel(milestone=milestone, by=user, when=milestone.ends_on, reason=reason)
            result.count("mijlpalen", created=False)
