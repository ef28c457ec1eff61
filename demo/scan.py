"""The demo scan: an integral safety plan (IVP) for every municipality of the unit, with the themes it names in its
own words and the state of its ambtelijke toets, and the themes and confidentiality of the scan's other sources.

The municipalities are real (the reference data); the plans are fictional. Everything is derived from the
municipality's CBS code through a hash, never from a random generator seeded by the clock, so every run gives the
same plans. Theme frequencies follow what Dutch IVP's of 2015-2018 typically name: ondermijning and high impact
crimes in most plans, jeugd, personen met verward gedrag and cybercrime in many, radicalisering and mensenhandel in
fewer, mostly in the larger cities. Populations are read from the reference data, never invented.

Like planning/demo.py, a second run finds every row by its natural key and changes nothing.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from simple_history.utils import bulk_create_with_history

from planning.models import Municipality, StrategyProcess
from scan.fragments import scan_changed
from scan.models import MunicipalPlan, PlanTheme, Source, Theme
from scan.services import plan_check_errors

from .upsert import upsert

# --- The plans ---------------------------------------------------------------------------------------------------

# Per theme of the catalogue (migration 0004): the chance that a plan names it, and a few ways a plan words it.
# "{gemeente}" is replaced by the municipality's name.
THEMES = [
    (
        "Ondermijning",
        0.88,
        [
            "Ondermijnende criminaliteit zichtbaar maken en samen met RIEC, politie en OM aanpakken.",
            "Een weerbaar bestuur: de Wet Bibob breder toepassen en signalen van ondermijning opvolgen.",
            "Criminele activiteiten in leegstaande agrarische panden en op bedrijventerreinen tegengaan.",
            "Verweving van onder- en bovenwereld in {gemeente} tegengaan, met een lokaal ondermijningsbeeld.",
        ],
    ),
    (
        "High impact crimes",
        0.66,
        [
            "Terugdringen van high impact crimes: woninginbraak, overvallen en straatroof.",
            "Minder slachtoffers van high impact crimes door preventie en snelle opsporing.",
            "High impact crimes blijven een speerpunt; de aangiftebereidheid moet omhoog.",
        ],
    ),
    (
        "Woninginbraak",
        0.30,
        [
            "Minder woninginbraken door buurtpreventie, WhatsApp-buurtpreventiegroepen en het Politiekeurmerk "
            "Veilig Wonen.",
            "Woninginbraken terugdringen met inbraakpreventie en het donkere-dagenoffensief.",
        ],
    ),
    (
        "Jeugdcriminaliteit",
        0.70,
        [
            "Problematische jeugdgroepen in beeld brengen en aanpakken met de shortlistmethodiek.",
            "Jeugdcriminaliteit en jeugdoverlast terugdringen door vroegsignalering en een persoonsgerichte aanpak.",
            "Aanpak van hinderlijke en overlastgevende jeugdgroepen in de kernen van {gemeente}.",
        ],
    ),
    (
        "Overlast",
        0.14,
        [
            "Overlast in de openbare ruimte terugdringen, met boa's en de wijkagent.",
            "Aanpak van woonoverlast en overlast door personen.",
        ],
    ),
    (
        "Personen met verward gedrag",
        0.46,
        [
            "Een sluitende aanpak voor personen met verward gedrag, samen met de GGZ en de politie.",
            "Meldingen over verwarde personen sneller en beter opvolgen; passend vervoer en opvang.",
        ],
    ),
    (
        "Zorg en veiligheid",
        0.12,
        [
            "Persoonsgerichte aanpak van complexe casuïstiek via het Zorg- en Veiligheidshuis.",
            "Betere verbinding tussen het sociaal domein en het veiligheidsdomein.",
        ],
    ),
    (
        "Cybercrime",
        0.36,
        [
            "Inwoners en ondernemers weerbaarder maken tegen cybercrime.",
            "Bewustwording van digitale risico's bij inwoners, ondernemers en de eigen organisatie.",
        ],
    ),
    (
        "Gedigitaliseerde criminaliteit",
        0.08,
        [
            "Internetoplichting en phishing voorkomen door voorlichting aan inwoners.",
            "Aandacht voor criminaliteit via internet en sociale media, zoals sexting en oplichting.",
        ],
    ),
    (
        "Huiselijk geweld",
        0.40,
        [
            "Huiselijk geweld en kindermishandeling eerder signaleren, samen met Veilig Thuis.",
            "Geweld achter de voordeur doorbreken, met het tijdelijk huisverbod als instrument.",
        ],
    ),
    (
        "Radicalisering",
        0.10,
        [
            "Signalen van radicalisering vroeg herkennen; professionals worden getraind.",
            "Een lokaal netwerk tegen radicalisering met zorg, onderwijs en politie.",
        ],
    ),
    (
        "Polarisatie",
        0.05,
        [
            "Spanningen tussen groepen in wijken tijdig signaleren en duiden.",
            "Maatschappelijke onrust en polarisatie, onder meer rond de opvang van vluchtelingen.",
        ],
    ),
    (
        "Mensenhandel",
        0.08,
        [
            "Signalering van mensenhandel en uitbuiting, onder meer in de prostitutie en bij arbeidsmigranten.",
            "Uitbuiting van arbeidsmigranten beter in beeld brengen.",
        ],
    ),
    (
        "Drugs",
        0.20,
        [
            "Aanpak van hennepteelt, drugslabs en het dumpen van drugsafval.",
            "Drugsoverlast en -handel terugdringen, met preventie onder jongeren.",
        ],
    ),
    (
        "Veilige woon- en leefomgeving",
        0.26,
        [
            "Een veilige en leefbare wijk: samen met bewoners werken aan de buurt.",
            "Het veiligheidsgevoel van de inwoners van {gemeente} vergroten.",
        ],
    ),
    (
        "Verkeersveiligheid",
        0.09,
        [
            "Verkeersveiligheid rond scholen en op de doorgaande wegen verbeteren.",
            "Aanpak van rijden onder invloed en te hard rijden in de kernen.",
        ],
    ),
    (
        "Veilig uitgaan",
        0.07,
        [
            "Veilig uitgaan met het Keurmerk Veilig Uitgaan en afspraken met de horeca.",
            "Veilige evenementen, met aandacht voor alcohol- en drugsgebruik.",
        ],
    ),
    (
        "Fraude",
        0.05,
        [
            "Fraude met zorggelden en uitkeringen voorkomen en aanpakken.",
            "Identiteitsfraude en adresfraude bestrijden.",
        ],
    ),
    (
        "Geweld tegen hulpverleners",
        0.06,
        ["Agressie en geweld tegen hulpverleners, boa's en ambtenaren wordt altijd opgevolgd."],
    ),
    (
        "Georganiseerde criminaliteit",
        0.06,
        ["Geen ruimte voor outlaw motorcycle gangs en andere criminele samenwerkingsverbanden."],
    ),
    (
        "Milieucriminaliteit",
        0.03,
        ["Toezicht op afval- en mestfraude in het buitengebied."],
    ),
    (
        "Fysieke veiligheid",
        0.06,
        ["Brandveiligheid en crisisbeheersing op orde, samen met de veiligheidsregio."],
    ),
]

# Themes that the plans of the larger cities name more often.
CITY_THEMES = {"Radicalisering", "Polarisatie", "Mensenhandel", "Cybercrime", "Drugs", "Veilig uitgaan"}
CITY_FACTOR = 3.0
CITY_POPULATION = 100_000

MIN_THEMES, MAX_THEMES = 3, 7

TITLES = [
    # (weight, title form)
    (6, "Integraal Veiligheidsplan {gemeente} {start}-{end}"),
    (2, "Integraal Veiligheidsbeleid {gemeente} {start}-{end}"),
    (1, "Kadernota Integrale Veiligheid {gemeente} {start}-{end}"),
    (1, "Veiligheidsplan {gemeente} {start}-{end}"),
]
PERIODS = [
    # (weight, (first year, last year))
    (4, (2015, 2018)),
    (3, (2016, 2019)),
    (2, (2017, 2020)),
    (1, (2018, 2021)),
]

# --- The ambtelijke toets --------------------------------------------------------------------------------------

CHECK_SENT_ON = datetime.date(2018, 2, 14)  # the action "Ambtelijke toets per gemeente uitzetten" was done then
# Of the municipalities ranked by a hash of their CBS code: the first two never got the check, the next six did
# not answer yet, the next twelve added a theme; the others answered without changes.
CHECK_NOT_SENT, CHECK_SENT, CHECK_AMENDED = 2, 6, 12

ANSWERS = [
    "Akkoord met de scan.",
    "De scan geeft ons plan juist weer; geen aanvullingen.",
    "Geen opmerkingen; de thema's komen overeen met het uitvoeringsprogramma.",
    "Akkoord. De wijkagenten en de boa's zijn bij de toets betrokken.",
]

# Themes a municipality adds in its answer, with its own words and why; the first one its plan does not name yet.
ADDITIONS = [
    (
        "Personen met verward gedrag",
        "Sinds het plan is vastgesteld is het aantal meldingen over verward gedrag sterk gestegen.",
        "De gemeente vult aan: personen met verward gedrag zijn inmiddels een prioriteit in het uitvoeringsprogramma.",
    ),
    (
        "Cybercrime",
        "Cybercrime en online oplichting van ouderen: voorlichting via de seniorenverenigingen.",
        "De gemeente vult aan: cybercrime is na het plan toegevoegd aan het jaarlijkse uitvoeringsprogramma.",
    ),
    (
        "Ondermijning",
        "Ondermijning in het buitengebied: een integraal controleteam voor leegstaande agrarische panden.",
        "De gemeente vult aan: sinds de bestuurlijke rapportage ondermijning is dit thema opgenomen.",
    ),
    (
        "Mensenhandel",
        "Arbeidsuitbuiting bij de huisvesting van arbeidsmigranten.",
        "De gemeente vult aan: signalen over de huisvesting van arbeidsmigranten vragen om aandacht.",
    ),
    (
        "Huiselijk geweld",
        "Huiselijk geweld: de nieuwe meldcode wordt breed ingevoerd.",
        "De gemeente vult aan: huiselijk geweld staat in het beleidsplan sociaal domein en hoort ook hier.",
    ),
]


@dataclass
class PlanSpec:
    """What the demo says about one municipality's plan."""

    title: str
    period_start_year: int
    period_end_year: int
    themes: list[tuple[str, str]]  # theme name, wording; in catalogue order
    check_status: str
    check_sent_on: datetime.date | None = None
    check_answered_on: datetime.date | None = None
    check_notes: str = ""
    added: list[tuple[str, str]] = field(default_factory=list)  # theme name, wording; added by the municipality


class _Draw:
    """Deterministic numbers in [0, 1) from a text key: the same key always gives the same sequence."""

    def __init__(self, key: str):
        self.key = key
        self.count = 0

    def next(self) -> float:
        self.count += 1
        digest = hashlib.sha256(f"{self.key}:{self.count}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    def pick(self, options: list):
        return options[int(self.next() * len(options))]

    def weighted(self, options: list[tuple]):
        """From (weight, value) pairs, a value with a chance proportional to its weight."""
        point = self.next() * sum(weight for weight, _ in options)
        for weight, value in options:
            point -= weight
            if point < 0:
                return value
        return options[-1][1]


def _check_ranks(cbs_codes: list[str]) -> dict[str, int]:
    ordered = sorted(cbs_codes, key=lambda code: hashlib.sha256(f"toets:{code}".encode()).hexdigest())
    return {code: rank for rank, code in enumerate(ordered)}


def plan_spec(*, name: str, cbs_code: str, population: int | None, check_rank: int) -> PlanSpec:
    """The demo plan of one municipality, from its CBS code (the same every run)."""
    draw = _Draw(cbs_code)
    start, end = draw.weighted(PERIODS)
    title = draw.weighted(TITLES).format(gemeente=name, start=start, end=end)

    is_city = population is not None and population >= CITY_POPULATION
    chances = {
        theme: min(0.95, chance * CITY_FACTOR) if is_city and theme in CITY_THEMES else chance
        for theme, chance, _ in THEMES
    }
    named = [theme for theme, _, _ in THEMES if draw.next() < chances[theme]]
    amended = CHECK_NOT_SENT + CHECK_SENT <= check_rank < CHECK_NOT_SENT + CHECK_SENT + CHECK_AMENDED
    most = MAX_THEMES - 1 if amended else MAX_THEMES
    # Too many: keep the likeliest; too few: add the likeliest missing ones.
    if len(named) > most:
        named = sorted(named, key=lambda theme: -chances[theme])[:most]
    for theme in sorted(chances, key=lambda theme: -chances[theme]):
        if len(named) >= MIN_THEMES:
            break
        if theme not in named:
            named.append(theme)
    wordings = {theme: words for theme, _, words in THEMES}
    themes = [(theme, draw.pick(wordings[theme]).format(gemeente=name)) for theme, _, _ in THEMES if theme in named]

    spec = PlanSpec(title=title, period_start_year=start, period_end_year=end, themes=themes, check_status="")
    if check_rank < CHECK_NOT_SENT:
        spec.check_status = MunicipalPlan.CheckStatus.NOT_SENT
        return spec
    spec.check_sent_on = CHECK_SENT_ON
    if check_rank < CHECK_NOT_SENT + CHECK_SENT:
        spec.check_status = MunicipalPlan.CheckStatus.SENT
        return spec
    spec.check_answered_on = CHECK_SENT_ON + datetime.timedelta(days=5 + int(draw.next() * 26))
    if amended:
        theme, wording, note = next(addition for addition in ADDITIONS if addition[0] not in named)
        spec.check_status = MunicipalPlan.CheckStatus.AMENDED
        spec.added = [(theme, wording)]
        spec.check_notes = note
    else:
        spec.check_status = MunicipalPlan.CheckStatus.ANSWERED
        spec.check_notes = draw.pick(ANSWERS)
    return spec


def plan_specs(municipalities) -> dict[int, PlanSpec]:
    """The demo plan of every municipality, by municipality id."""
    municipalities = list(municipalities)
    ranks = _check_ranks([municipality.cbs_code for municipality in municipalities])
    return {
        municipality.pk: plan_spec(
            name=municipality.name,
            cbs_code=municipality.cbs_code,
            population=municipality.population,
            check_rank=ranks[municipality.cbs_code],
        )
        for municipality in municipalities
    }


# --- The sources of the scan ----------------------------------------------------------------------------------

SOURCES = [
    # title, kind, owner
    ("Evaluatie Politiewet 2012", Source.Kind.EVALUATION, "Commissie evaluatie Politiewet 2012"),
    ("Nationaal Dreigingsbeeld 2017", Source.Kind.THREAT_ASSESSMENT, "Politie"),
    ("Midterm review VS 2015-2018", Source.Kind.REVIEW, "Veiligheidsnetwerk Oost-Nederland"),
    ("Aanwezige ondermijningsbeelden", Source.Kind.UNDERMINING, "Gemeenten en RIEC Oost-Nederland"),
    ("Fenomenen RIEC", Source.Kind.RIEC, "RIEC Oost-Nederland"),
    ("Voortgangsrapportages VS 2015-2018", Source.Kind.PROGRESS, "Veiligheidsnetwerk Oost-Nederland"),
    ("PAG beleidsplan OM", Source.Kind.POLICY_PLAN, "Openbaar Ministerie"),
]

# --- The other sources -----------------------------------------------------------------------------------------

PUBLIC = Source.Confidentiality.PUBLIC
INTERNAL = Source.Confidentiality.INTERNAL
CONFIDENTIAL = Source.Confidentiality.CONFIDENTIAL

SOURCE_DETAILS = {
    # title (as in planning/demo.py): confidentiality, themes, reference, notes
    "Evaluatie Politiewet 2012": (
        PUBLIC,
        ["Personen met verward gedrag", "Veilige woon- en leefomgeving"],
        "Rapport van de commissie evaluatie Politiewet 2012 (openbaar)",
        "Gebruikt voor de rol van de wijkagent en de druk van zorgtaken op de politie.",
    ),
    "Nationaal Dreigingsbeeld 2017": (
        PUBLIC,
        ["Ondermijning", "Georganiseerde criminaliteit", "Drugs", "Cybercrime", "Mensenhandel", "Fraude"],
        "Nationaal Dreigingsbeeld 2017, georganiseerde criminaliteit (openbare versie)",
        "De landelijke dreigingen zijn naast de lokale plannen gelegd.",
    ),
    "Midterm review VS 2015-2018": (
        INTERNAL,
        ["Ondermijning", "High impact crimes", "Jeugdcriminaliteit", "Huiselijk geweld", "Cybercrime"],
        "Programmastaf VNONL, werkmap VS 2015-2018",
        "Wat werkte in de VS 2015-2018 en wat nog niet af is.",
    ),
    "Aanwezige ondermijningsbeelden": (
        CONFIDENTIAL,
        ["Ondermijning", "Drugs", "Georganiseerde criminaliteit", "Mensenhandel", "Fraude"],
        "Alleen in te zien bij de programmastaf en het RIEC",
        "Vertrouwelijk: de lokale en districtelijke ondermijningsbeelden. Niet citeren in openbare stukken.",
    ),
    "Fenomenen RIEC": (
        CONFIDENTIAL,
        ["Ondermijning", "Mensenhandel", "Georganiseerde criminaliteit", "Drugs", "Milieucriminaliteit"],
        "Alleen in te zien bij de programmastaf en het RIEC",
        "Vertrouwelijk: de fenomeenanalyses van het RIEC Oost-Nederland.",
    ),
    "Voortgangsrapportages VS 2015-2018": (
        INTERNAL,
        ["High impact crimes", "Woninginbraak", "Jeugdcriminaliteit", "Huiselijk geweld", "Radicalisering"],
        "Programmastaf VNONL, werkmap VS 2015-2018",
        "De jaarlijkse voortgang van de prioriteiten van de VS 2015-2018.",
    ),
    "PAG beleidsplan OM": (
        INTERNAL,
        ["Ondermijning", "Cybercrime", "Huiselijk geweld", "Mensenhandel", "Geweld tegen hulpverleners"],
        "Openbaar Ministerie, arrondissementsparket Oost-Nederland",
        "De prioriteiten van het OM, zodat de VS en het MJB erop aansluiten.",
    ),
}


# --- Loading -----------------------------------------------------------------------------------------------------


def load_scan_demo(result, process: StrategyProcess) -> None:
    """Load or refresh the demo scan of ``process``: a plan for every municipality, and the sources' themes.

    ``result`` is demo.planning.DemoResult; what is made or changed is counted in it. Rows are found by their
    natural key (process and municipality; plan and theme; process and source title); a theme or municipality
    that no longer exists is skipped. Themes that staff added to a plan are left alone.
    """
    themes = {theme.name: theme for theme in Theme.objects.all()}
    municipalities = list(Municipality.objects.order_by("name"))
    specs = plan_specs(municipalities)
    _load_plans(result, process, municipalities, specs, themes)
    for title, kind, owner in SOURCES:
        upsert(result, "bronnen", Source, {"process": process, "title": title}, {"kind": kind, "owner": owner})
    _load_sources(result, process, themes)


def _plan_values(spec: PlanSpec) -> dict:
    errors = plan_check_errors(status=spec.check_status, sent_on=spec.check_sent_on, answered_on=spec.check_answered_on)
    if errors:  # the demo's own data is wrong; fail loudly rather than store it
        raise ValueError(f"Demo plan '{spec.title}': {errors}")
    return {
        "title": spec.title,
        "period_start_year": spec.period_start_year,
        "period_end_year": spec.period_end_year,
        "check_status": spec.check_status,
        "check_sent_on": spec.check_sent_on,
        "check_answered_on": spec.check_answered_on,
        "check_notes": spec.check_notes,
    }


def _load_plans(result, process, municipalities, specs, themes) -> None:
    from .partners import portal_checked_municipalities

    existing = {plan.municipality_id: plan for plan in MunicipalPlan.objects.filter(process=process)}
    # A plan whose toets was answered in the portal (demo/partners.py) reads as the answer left it.
    portal = portal_checked_municipalities(process)
    municipalities = [municipality for municipality in municipalities if municipality.pk not in portal]
    new_plans = []
    for municipality in municipalities:
        values = _plan_values(specs[municipality.pk])
        plan = existing.get(municipality.pk)
        if plan is None:
            new_plans.append(MunicipalPlan(process=process, municipality=municipality, **values))
            continue
        changed = [name for name, value in values.items() if getattr(plan, name) != value]
        if changed:
            for name in changed:
                setattr(plan, name, values[name])
            plan.save(update_fields=changed)
            result.count("plannen", created=False)
    if new_plans:
        for plan in bulk_create_with_history(new_plans, MunicipalPlan):
            existing[plan.municipality_id] = plan
        result.created["plannen"] = result.created.get("plannen", 0) + len(new_plans)
    # bulk_create_with_history may not return primary keys on every database; read them back once.
    plans = {plan.municipality_id: plan for plan in MunicipalPlan.objects.filter(process=process)}

    current = {(row.plan_id, row.theme_id): row for row in PlanTheme.objects.filter(plan__process=process)}
    new_rows = []
    for municipality in municipalities:
        plan, spec = plans[municipality.pk], specs[municipality.pk]
        wanted = [(name, wording, PlanTheme.Origin.SCAN) for name, wording in spec.themes]
        wanted += [(name, wording, PlanTheme.Origin.ADDED) for name, wording in spec.added]
        for name, wording, origin in wanted:
            theme = themes.get(name)
            if theme is None:
                continue
            row = current.get((plan.pk, theme.pk))
            if row is None:
                new_rows.append(PlanTheme(plan=plan, theme=theme, wording=wording, origin=origin))
            elif (row.wording, row.origin) != (wording, origin):
                row.wording, row.origin = wording, origin
                row.save(update_fields=["wording", "origin"])
                result.count("thema's in plannen", created=False)
    if new_rows:
        bulk_create_with_history(new_rows, PlanTheme)
        result.created["thema's in plannen"] = result.created.get("thema's in plannen", 0) + len(new_rows)
    if new_plans or new_rows:
        scan_changed()  # bulk inserts send no post_save: the scan matrix's cached fragments must know


def _load_sources(result, process, themes) -> None:
    sources = {source.title: source for source in Source.objects.filter(process=process).prefetch_related("themes")}
    for title, (confidentiality, theme_names, reference, notes) in SOURCE_DETAILS.items():
        source = sources.get(title)
        if source is None:
            continue
        values = {"confidentiality": confidentiality, "reference": reference, "notes": notes}
        changed = [name for name, value in values.items() if getattr(source, name) != value]
        if changed:
            for name in changed:
                setattr(source, name, values[name])
            source.save(update_fields=changed)
        wanted = {themes[name].pk for name in theme_names if name in themes}
        if {theme.pk for theme in source.themes.all()} != wanted:
            source.themes.set(wanted)
            changed.append("themes")
        if changed:
            result.count("bronnen", created=False)
