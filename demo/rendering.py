"""A demo-sized DocumentContent built without a database: five priorities, five goals, the unit's 78
municipalities from the shipped reference data, and prose sections. Used by bench/pdf_render.py and the rendering
tests; ``scale`` repeats the prose (and goals) to make a long document.
"""

import datetime
import math

from documents.content import CapacityRow, DocumentContent, GoalItem, PriorityItem, Section
from planning.reference_data import read_municipalities

PRIORITIES = [
    ("Ondermijning", "Minder ruimte voor criminele structuren in het buitengebied en op bedrijventerreinen."),
    ("Cybercrime", "Inwoners en ondernemers zijn weerbaarder tegen gedigitaliseerde criminaliteit."),
    ("Jeugd en veiligheid", "Minder jongeren glijden af naar criminaliteit; risicojongeren zijn in beeld."),
    ("Zorg en veiligheid", "Personen met verward gedrag krijgen op tijd passende zorg en begeleiding."),
    ("High impact crimes", "Minder woninginbraken, overvallen en straatroven dan in 2018."),
]
PARTNERS = ["Politie", "Openbaar Ministerie", "Gemeenten", "RIEC Oost-Nederland", "Zorgpartners"]
PROSE = (
    "<p>De Veiligheidsstrategie beschrijft de gezamenlijke regionale prioriteiten van de gemeenten, het "
    "<strong>Openbaar Ministerie</strong> en de politie in Oost-Nederland voor de periode 2019-2022. Zij vormt het "
    "beleidskader voor het Meerjarenbeleidsplan van de politie (art. 39 Politiewet 2012).</p>"
    "<ul><li>kort en <em>SMART</em>;</li><li>voortbouwend op de strategie 2015-2018;</li>"
    "<li>met een heldere verdeling van rollen.</li></ul>"
    "<h3>Werkwijze</h3><p>De prioriteiten zijn gekozen op basis van de integrale veiligheidsplannen van alle "
    "gemeenten, de keuzes van de districtelijke veiligheidsoverleggen en het besluit van de Bestuurlijke "
    "Begeleidingsgroep. Per prioriteit is een ambitie geformuleerd en zijn doelstellingen uitgewerkt.</p>"
)


def demo_content(*, scale: int = 1, adopted: bool = False) -> DocumentContent:
    """The demo document; ``scale`` multiplies the prose and the goals (10 gives a long document)."""
    priorities = [
        PriorityItem(position=n, title=title, ambition=ambition, urgency="urgent" if n <= 3 else "gewenst")
        for n, (title, ambition) in enumerate(PRIORITIES, start=1)
    ]
    goals = [
        GoalItem(
            position=n,
            priority_title=PRIORITIES[(n - 1) % 5][0],
            title=f"Doelstelling {n}: {PRIORITIES[(n - 1) % 5][0].lower()} aanpakken",
            description="Samen met de partners brengen we het probleem in kaart en pakken we het gericht aan.",
            indicator="aantal geregistreerde incidenten",
            baseline="312 meldingen (1 januari 2018)",
            target="250 meldingen (31 december 2022)",
            deadline=datetime.date(2022, 12, 31),
            owner=PARTNERS[(n - 1) % len(PARTNERS)],
            partner_roles=[f"{partner}: levert informatie" for partner in PARTNERS if partner != PARTNERS[0]][:3],
            urgency="urgent" if n % 2 else "gewenst",
            status="concept",
        )
        for n in range(1, 5 * scale + 1)
    ]
    sections = [
        Section("intro", "Inleiding en aanleiding", PROSE * scale),
        Section("principles", "Uitgangspunten", PROSE * scale),
        Section("priorities", "Prioriteiten en ambities", "", generated=True),
        Section("goals", "Doelstellingen", "", generated=True),
        Section("roles", "Rollen van de partners", _roles_html(), generated=True),
        Section("preconditions", "Randvoorwaarden", _preconditions_html()),
        Section("mjb_local", "Lokale prioriteiten", PROSE * scale),
        Section("mjb_national", "Landelijke beleidsdoelstellingen", PROSE * scale),
        Section("mjb_om", "Afspraken met het Openbaar Ministerie", PROSE * scale),
        Section("capacity", "Verdeling van de politiecapaciteit", "", generated=True),
    ]
    return DocumentContent(
        process_title="Veiligheidsstrategie 2019-2022",
        document_title="Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022",
        version_label="1.0" if adopted else "0.3",
        status_label="vastgesteld" if adopted else "concept",
        is_adopted=adopted,
        date=datetime.date(2018, 10, 31) if adopted else datetime.date(2018, 9, 12),
        sections=sections,
        priorities=priorities,
        goals=goals,
        capacity=demo_capacity(),
        letter_html=(
            "<p>Geachte leden van het Regionaal Veiligheidsoverleg,</p>"
            "<p>Hierbij bieden wij u de concept-doelstellingen van de Veiligheidsstrategie 2019-2022 aan.</p>"
            "<p>Met vriendelijke groet,</p><p>Veiligheidsnetwerk Oost-Nederland</p>"
            "<h3>Randvoorwaarden: organisatie en financiering</h3>" + _preconditions_html()
        ),
    )


def demo_capacity() -> list[CapacityRow]:
    """The 78 municipalities with a plan that falls one short in every seventh; unknown populations stay None."""
    rows = []
    for index, row in enumerate(read_municipalities()):
        population = int(row["population_2018"]) if row["population_2018"].strip() else None
        norm = math.ceil(population / 5000) if population is not None else None
        planned = None if norm is None else (norm - 1 if index % 7 == 0 else norm)
        shortfall = None if norm is None or planned is None else max(norm - planned, 0)
        rows.append(
            CapacityRow(
                district=row["district_name"],
                municipality=row["municipality"],
                population=population,
                norm=norm,
                planned=planned,
                shortfall=shortfall,
            )
        )
    return rows


def _roles_html() -> str:
    items = "".join(
        f"<li><strong>{partner}</strong>: trekker of partner bij de doelstellingen.</li>" for partner in PARTNERS
    )
    return f"<ul>{items}</ul>"


def _preconditions_html() -> str:
    return (
        "<h4>Organisatie</h4><p>Elke doelstelling heeft een trekker met mandaat en capaciteit.</p>"
        "<h4>Financiering</h4><p>De uitvoering vraagt jaarlijks € 250.000, te dekken uit de bijdrage van de "
        "gemeenten aan het Veiligheidsnetwerk.</p>"
    )
