"""The demo long list: ten priorities for the VS 2019-2022, drawn from the scan and the other sources, each with its
evidence, the partners' roles and the four criteria; approved by the BBG on 29 March 2018 and sent to the partners
the next day, so that the DVOs have a frozen list to choose from. A few priorities of the VS 2015-2018 are made
too, so that the new ones can say which they continue.

Everything goes through priorities/services.py, so the rules hold (at most ten, the freeze, evidence of the own
process). Like planning/demo.py it is safe to run again: a priority is found by its title within its process,
and what exists is left as it is; a frozen list is not touched.
"""

import datetime

from planning.models import Milestone, StrategyProcess
from priorities import services
from priorities.models import MAX_PRIORITIES, Criterion, LongList, Outcome, PartnerRole, Priority, Urgency
from priorities.selectors import majority_proposals
from scan.models import Source, Theme

from .planning import LONG_LIST_CONSENT
from .voting import entry_user

APPROVED_ON = datetime.date(2018, 3, 29)  # the action "Bilateraal informeren regioburgemeester Bruls" was done then
SENT_ON = datetime.date(2018, 3, 30)  # and "Lange lijst aan alle partners voorleggen" the day after

P = PartnerRole.Partner
LEAD = PartnerRole.Role.LEAD
HELPS = PartnerRole.Role.CONTRIBUTES
MET, PARTLY, NOT_MET = Outcome.MET, Outcome.PARTLY, Outcome.NOT_MET

# --- VS 2015-2018 --------------------------------------------------------------------------------------------------

PREDECESSOR_PRIORITIES = [
    # title, description, themes, urgency
    (
        "Aanpak ondermijnende criminaliteit",
        "Zicht krijgen op ondermijning en die integraal aanpakken met gemeenten, politie, OM, Belastingdienst en "
        "RIEC; de bestuurlijke aanpak versterken.",
        ["Ondermijning", "Georganiseerde criminaliteit"],
        Urgency.URGENT,
    ),
    (
        "High impact crimes",
        "Woninginbraken, overvallen en straatroven terugdringen met preventie, een dadergerichte aanpak en "
        "slachtofferzorg.",
        ["High impact crimes", "Woninginbraak"],
        Urgency.URGENT,
    ),
    (
        "Problematische jeugdgroepen",
        "Problematische jeugdgroepen in beeld en aangepakt met de shortlistmethodiek, in alle districten.",
        ["Jeugdcriminaliteit", "Overlast"],
        Urgency.URGENT,
    ),
    (
        "Huiselijk geweld",
        "Huiselijk geweld eerder signaleren en stoppen, met Veilig Thuis en de Zorg- en Veiligheidshuizen.",
        ["Huiselijk geweld"],
        Urgency.DESIRED,
    ),
    (
        "Cybercrime",
        "Bewustwording van cybercrime bij inwoners en ondernemers en een betere opvolging van aangiften.",
        ["Cybercrime"],
        Urgency.DESIRED,
    ),
]

# --- VS 2019-2022: the long list ------------------------------------------------------------------------------------

ALL_SOURCES = [
    "Evaluatie Politiewet 2012",
    "Nationaal Dreigingsbeeld 2017",
    "Midterm review VS 2015-2018",
    "Aanwezige ondermijningsbeelden",
    "Fenomenen RIEC",
    "Voortgangsrapportages VS 2015-2018",
    "PAG beleidsplan OM",
]

PRIORITIES = [
    {
        "title": "Ondermijning",
        "description": "Ondermijnende criminaliteit (drugs, witwassen, misbruik van vastgoed en bedrijven) raakt "
        "alle gemeenten van Oost-Nederland, ook het buitengebied. Doel is een weerbare overheid en samenleving: "
        "signalen delen, de bestuurlijke aanpak (Bibob, sluitingen) naast de strafrechtelijke, en criminele "
        "verdienmodellen doorbreken.",
        "urgency": Urgency.URGENT,
        "themes": ["Ondermijning", "Georganiseerde criminaliteit"],
        "sources": [
            "Aanwezige ondermijningsbeelden",
            "Fenomenen RIEC",
            "Nationaal Dreigingsbeeld 2017",
            "PAG beleidsplan OM",
            "Midterm review VS 2015-2018",
        ],
        "continues": "Aanpak ondermijnende criminaliteit",
        "roles": [(P.MUNICIPALITIES, LEAD), (P.POLICE, HELPS), (P.PROSECUTION, HELPS), (P.RIEC, HELPS)],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                MET,
                "Ondermijning is vaak onzichtbaar en vraagt om informatie-uitwisseling en een gezamenlijke "
                "bestuurlijke en strafrechtelijke aanpak die geen partner alleen kan bieden.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                MET,
                "Criminele netwerken houden zich niet aan gemeente- of districtsgrenzen; het RIEC werkt op de "
                "schaal van Oost-Nederland.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                MET,
                "Een regionaal ondermijningsbeeld, een handreiking Bibob voor kleine gemeenten en "
                "gezamenlijke integrale controles.",
            ),
        },
    },
    {
        "title": "High impact crimes",
        "description": "Woninginbraken, overvallen, straatroven en geweld hebben grote impact op slachtoffers en "
        "hun omgeving. De daling van de afgelopen jaren vasthouden met preventie, een persoonsgerichte aanpak van "
        "daders en goede slachtofferzorg.",
        "urgency": Urgency.URGENT,
        "themes": ["High impact crimes", "Woninginbraak"],
        "sources": ["Voortgangsrapportages VS 2015-2018", "Midterm review VS 2015-2018"],
        "continues": "High impact crimes",
        "roles": [(P.POLICE, LEAD), (P.MUNICIPALITIES, HELPS), (P.PROSECUTION, HELPS)],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                PARTLY,
                "De aanpak is grotendeels regulier politiewerk geworden; extra inzet is nodig voor "
                "mobiel banditisme en de persoonsgerichte aanpak van veelplegers.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                MET,
                "Rondtrekkende daders werken over de districtsgrenzen heen; een regionaal beeld helpt de "
                "inzet te sturen.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                MET,
                "Een gezamenlijk donkere-dagenoffensief en een regionale aanpak van mobiel banditisme.",
            ),
        },
    },
    {
        "title": "Jeugdcriminaliteit en jeugdoverlast",
        "description": "Problematische jeugdgroepen en jonge criminelen vroeg in beeld brengen en aanpakken, met "
        "aandacht voor jongeren die afglijden naar ondermijnende criminaliteit (drugsrunners, "
        "geldezels).",
        "urgency": Urgency.URGENT,
        "themes": ["Jeugdcriminaliteit", "Overlast"],
        "sources": ["Voortgangsrapportages VS 2015-2018", "Midterm review VS 2015-2018"],
        "continues": "Problematische jeugdgroepen",
        "roles": [(P.MUNICIPALITIES, LEAD), (P.POLICE, HELPS), (P.PROSECUTION, HELPS), (P.CARE, HELPS)],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                PARTLY,
                "De shortlistmethodiek is in de meeste gemeenten ingebed; nieuw is de verbinding met ondermijning.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                PARTLY,
                "De aanpak is vooral lokaal; regionaal kan kennis over de werving van jongeren worden gedeeld.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                PARTLY,
                "Een regionaal kennisdocument over criminele uitbuiting van jongeren.",
            ),
        },
    },
    {
        "title": "Personen met verward gedrag",
        "description": "Een sluitende aanpak voor personen met verward gedrag, van melding tot zorg: passend "
        "vervoer, opvang en een persoonsgerichte aanpak van zorg en veiligheid samen.",
        "urgency": Urgency.URGENT,
        "themes": ["Personen met verward gedrag", "Zorg en veiligheid"],
        "sources": ["Evaluatie Politiewet 2012", "Midterm review VS 2015-2018"],
        "roles": [
            (P.MUNICIPALITIES, LEAD),
            (P.CARE, HELPS),
            (P.POLICE, HELPS),
            (P.OTHER, HELPS, "Zorg- en Veiligheidshuizen"),
        ],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                MET,
                "Het aantal meldingen stijgt en de politie besteedt er steeds meer capaciteit aan; zorg en "
                "veiligheid moeten anders samenwerken.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                MET,
                "Zorgaanbieders, GGZ en ambulancezorg werken op regionale schaal; afspraken zijn alleen "
                "regionaal te maken.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                MET,
                "Regionale afspraken over vervoer en beoordeling, en een gedeelde werkwijze voor de "
                "Zorg- en Veiligheidshuizen.",
            ),
        },
    },
    {
        "title": "Cybercrime",
        "description": "Criminaliteit met en tegen ICT groeit snel, terwijl de aangiftebereidheid laag is. Doel "
        "is weerbare inwoners, ondernemers en overheden en een betere opvolging van aangiften van online "
        "fraude en oplichting.",
        "urgency": Urgency.URGENT,
        "themes": ["Cybercrime", "Gedigitaliseerde criminaliteit"],
        "sources": ["Nationaal Dreigingsbeeld 2017", "PAG beleidsplan OM", "Midterm review VS 2015-2018"],
        "continues": "Cybercrime",
        "roles": [(P.POLICE, LEAD), (P.PROSECUTION, HELPS), (P.MUNICIPALITIES, HELPS)],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                MET,
                "De kennis en capaciteit voor cybercrime is schaars; de reguliere aanpak houdt de groei niet bij.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                MET,
                "Een gemeente kan dit niet alleen; kennis en campagnes zijn regionaal te bundelen.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                MET,
                "Een regionale bewustwordingscampagne en een netwerk van digitale wijkagenten.",
            ),
        },
    },
    {
        "title": "Huiselijk geweld en kindermishandeling",
        "description": "Geweld in afhankelijkheidsrelaties eerder signaleren en duurzaam stoppen, met Veilig "
        "Thuis, de Zorg- en Veiligheidshuizen, politie en OM (de verbeterde meldcode).",
        "urgency": Urgency.DESIRED,
        "themes": ["Huiselijk geweld"],
        "sources": ["PAG beleidsplan OM", "Voortgangsrapportages VS 2015-2018"],
        "continues": "Huiselijk geweld",
        "roles": [
            (P.MUNICIPALITIES, LEAD),
            (P.OTHER, HELPS, "Veilig Thuis"),
            (P.POLICE, HELPS),
            (P.PROSECUTION, HELPS),
        ],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                PARTLY,
                "De aanpak is belegd bij Veilig Thuis en het sociaal domein; extra aandacht vraagt de "
                "verbinding met de strafrechtketen.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                PARTLY,
                "Veilig Thuis werkt per veiligheidsregio; een aanpak op de schaal van Oost-Nederland voegt "
                "beperkt toe.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                PARTLY,
                "Afspraken over de samenwerking tussen Veilig Thuis en de strafrechtketen.",
            ),
        },
    },
    {
        "title": "Radicalisering en polarisatie",
        "description": "Signalen van radicalisering, extremisme en spanningen tussen groepen vroeg herkennen en "
        "duiden, met een persoonsgerichte aanpak in de gemeenten met de meeste signalen.",
        "urgency": Urgency.DESIRED,
        "themes": ["Radicalisering", "Polarisatie"],
        "sources": ["Voortgangsrapportages VS 2015-2018"],
        "roles": [(P.MUNICIPALITIES, LEAD), (P.POLICE, HELPS), (P.PROSECUTION, HELPS), (P.CARE, HELPS)],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                PARTLY,
                "De aanpak vraagt specialistische kennis die kleine gemeenten missen.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                MET,
                "Een regionale pool van deskundigen kan alle gemeenten ondersteunen.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                PARTLY,
                "Een regionaal expertteam en trainingen voor professionals.",
            ),
        },
    },
    {
        "title": "Mensenhandel en uitbuiting",
        "description": "Seksuele uitbuiting, arbeidsuitbuiting en criminele uitbuiting beter in beeld brengen en "
        "aanpakken; in het grensgebied en bij de huisvesting van arbeidsmigranten zijn de signalen het sterkst.",
        "urgency": Urgency.URGENT,
        "themes": ["Mensenhandel"],
        "sources": ["Fenomenen RIEC", "Nationaal Dreigingsbeeld 2017", "PAG beleidsplan OM"],
        "roles": [(P.PROSECUTION, LEAD), (P.POLICE, HELPS), (P.MUNICIPALITIES, HELPS), (P.RIEC, HELPS)],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                MET,
                "Mensenhandel komt zelden vanzelf aan het licht; het vraagt actieve signalering door "
                "gemeenten, inspecties en politie.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                MET,
                "De netwerken werken grensoverschrijdend; één regionaal beeld en een regionale zorgcoördinatie "
                "voegen veel toe.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                MET,
                "Een regionaal signaleringsnetwerk en een handreiking voor gemeentelijke toezichthouders.",
            ),
        },
    },
    {
        "title": "Drugs en drugsgerelateerde criminaliteit",
        "description": "Hennepteelt, synthetische drugs en drugsafval in het buitengebied, en de overlast en het "
        "geweld rond de drugshandel.",
        "urgency": Urgency.DESIRED,
        "themes": ["Drugs"],
        "sources": ["Aanwezige ondermijningsbeelden", "Fenomenen RIEC", "Nationaal Dreigingsbeeld 2017"],
        "roles": [(P.POLICE, LEAD), (P.MUNICIPALITIES, HELPS), (P.PROSECUTION, HELPS)],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                PARTLY,
                "Deels regulier politiewerk; drugsafval en -labs in het buitengebied vragen extra inzet.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                PARTLY,
                "Overlapt grotendeels met ondermijning; regionaal vooral zinvol als onderdeel daarvan.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                MET,
                "Een regionale aanpak van drugsafval met de provincies en de waterschappen.",
            ),
        },
    },
    {
        "title": "Veilige woon- en leefomgeving",
        "description": "Leefbare en veilige wijken en kernen: overlast, verloedering en het veiligheidsgevoel "
        "van inwoners, samen met bewoners, woningcorporaties en de wijkagent.",
        "urgency": Urgency.DESIRED,
        "themes": ["Veilige woon- en leefomgeving", "Overlast"],
        "sources": ["Evaluatie Politiewet 2012"],
        "roles": [(P.MUNICIPALITIES, LEAD), (P.POLICE, HELPS), (P.OTHER, HELPS, "woningcorporaties")],
        "criteria": {
            Criterion.MORE_THAN_REGULAR: (
                NOT_MET,
                "Dit is de kern van het reguliere lokale veiligheidsbeleid en het werk van de wijkagent.",
            ),
            Criterion.REGIONAL_ADDED_VALUE: (
                NOT_MET,
                "De aanpak is per wijk en kern verschillend; een regionale aanpak voegt weinig toe.",
            ),
            Criterion.CONCRETE_PRODUCTS: (
                PARTLY,
                "Hooguit het delen van goede voorbeelden tussen gemeenten.",
            ),
        },
    },
]


def load_priorities_demo(result, process: StrategyProcess) -> LongList:
    """Load the demo long list of ``process`` (and a few priorities of its predecessor), approve it at the BBG
    of March 2018 and send it to the partners. Counts what it made in ``result`` (demo.planning.DemoResult).

    Runs after the scan demo: criterion 1 confirms the scan's proposal. Only a draft list is filled in; a list
    that is approved or sent is left as it is.
    """
    themes = {theme.name: theme for theme in Theme.objects.all()}
    predecessor = process.predecessor
    continued = {}
    if predecessor is not None:
        continued = _load_predecessor(result, predecessor, themes)

    long_list, _ = LongList.objects.get_or_create(process=process)
    if long_list.is_frozen:
        return long_list

    sources = {source.title: source for source in Source.objects.filter(process=process)}
    existing = {priority.title: priority for priority in Priority.objects.filter(process=process)}
    for data in PRIORITIES:
        if data["title"] in existing or len(existing) >= MAX_PRIORITIES:
            continue
        priority = services.priority_create(
            process=process,
            title=data["title"],
            description=data["description"],
            urgency=data["urgency"],
            themes=[themes[name] for name in data["themes"] if name in themes],
            sources=[sources[title] for title in data["sources"] if title in sources],
            continues=continued.get(data.get("continues")),
            roles=[_role(role) for role in data["roles"]],
        )
        existing[priority.title] = priority
        result.count("prioriteiten", created=True)

    _assess(result, process, existing)
    if existing:
        meeting = Milestone.objects.filter(process=process, title=LONG_LIST_CONSENT).first()
        services.longlist_approve(process=process, approved_on=APPROVED_ON, meeting=meeting, user=entry_user(result))
        long_list = services.longlist_send(process=process, sent_on=SENT_ON)
        result.count("lange lijsten", created=False)
    return long_list


def _role(role: tuple) -> services.RoleData:
    partner, kind, *other = role
    return {"partner": partner, "role": kind, "partner_other": other[0] if other else ""}


def _assess(result, process: StrategyProcess, priorities: dict[str, Priority]) -> None:
    """The four criteria of every demo priority that has none yet; criterion 1 takes the scan's proposal."""
    by_title = {data["title"]: data for data in PRIORITIES}
    todo = [
        priority for title, priority in priorities.items() if title in by_title and not priority.assessments.exists()
    ]
    if not todo:
        return
    proposals = majority_proposals(
        process, Priority.objects.filter(pk__in=[p.pk for p in todo]).prefetch_related("themes")
    )
    for priority in todo:
        assessments = [
            {"criterion": Criterion.MAJORITY, "outcome": proposals[priority.pk].outcome, "justification": ""}
        ]
        assessments += [
            {"criterion": criterion, "outcome": outcome, "justification": text}
            for criterion, (outcome, text) in by_title[priority.title]["criteria"].items()
        ]
        services.criteria_assess(priority=priority, assessments=assessments)
        result.created["beoordelingen"] = result.created.get("beoordelingen", 0) + len(assessments)


def _load_predecessor(result, predecessor: StrategyProcess, themes) -> dict[str, Priority]:
    """The VS 2015-2018's priorities that the new list continues, by title (made while its list is a draft)."""
    existing = {priority.title: priority for priority in Priority.objects.filter(process=predecessor)}
    long_list = LongList.objects.filter(process=predecessor).first()
    if long_list is not None and long_list.is_frozen:
        return existing
    for title, description, theme_names, urgency in PREDECESSOR_PRIORITIES:
        if title in existing or len(existing) >= MAX_PRIORITIES:
            continue
        existing[title] = services.priority_create(
            process=predecessor,
            title=title,
            description=description,
            urgency=urgency,
            themes=[themes[name] for name in theme_names if name in themes],
        )
        result.count("prioriteiten", created=True)
    return existing
