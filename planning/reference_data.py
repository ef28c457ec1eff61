"""The unit's reference data, shipped with the project: districts, municipalities (CBS, 1 January 2018) and the
bodies the planning names. Loaded by a data migration; `load_reference_data` is safe to run again."""

import csv
import datetime
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "municipalities_oost_nederland_2018.csv"
POPULATION_DATE = datetime.date(2018, 1, 1)

# In the order the planning note lists the DVO meetings.
DISTRICT_ORDER = ["GLM", "GLZ", "TWN", "IJSS", "NOG"]

BODIES = [
    # short name, name, kind
    ("BBG", "Bestuurlijke Begeleidingsgroep VNONL", "steering_group"),
    ("RVO", "Regionaal Veiligheidsoverleg Oost-Nederland", "regional_meeting"),
    ("Bestuurscollege", "Bestuurscollege eenheid Oost-Nederland", "board"),
    ("Werkgroep Expertteams", "Werkgroep Expertteams VNONL", "working_group"),
    ("Minister J&V", "Minister van Justitie en Veiligheid (V&J)", "minister"),
    ("Gemeenteraden", "Gemeenteraden in Oost-Nederland", "councils"),
    ("Colleges B&W", "Colleges van burgemeester en wethouders", "executives"),
    ("OM", "Openbaar Ministerie, arrondissementsparket Oost-Nederland", "partner"),
    ("Politie", "Politie eenheid Oost-Nederland", "partner"),
    ("RIEC", "RIEC Oost-Nederland", "partner"),
    ("VNONL", "Veiligheidsnetwerk Oost-Nederland", "network"),
]


def read_municipalities(path: Path = DATA_FILE) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_data(District, Municipality, Body) -> None:
    """Create or update the districts, their DVOs, the municipalities and the other bodies.

    Takes the model classes so that a migration can pass its historical models.
    """
    rows = read_municipalities()
    districts = {}
    for row in rows:
        code = row["district_code"]
        if code in districts:
            continue
        districts[code], _ = District.objects.update_or_create(
            code=code,
            defaults={
                "name": row["district_name"],
                "veiligheidsregio": row["veiligheidsregio"],
                "order": DISTRICT_ORDER.index(code) + 1 if code in DISTRICT_ORDER else 99,
            },
        )
    for row in rows:
        population = row["population_2018"].strip()
        Municipality.objects.update_or_create(
            cbs_code=row["cbs_code"],
            defaults={
                "district": districts[row["district_code"]],
                "name": row["municipality"],
                "population": int(population) if population else None,
                "population_date": POPULATION_DATE if population else None,
            },
        )
    for code, district in districts.items():
        Body.objects.update_or_create(
            short_name=f"DVO {code}",
            defaults={"name": f"Districtelijk Veiligheidsoverleg {district.name}", "kind": "dvo", "district": district},
        )
    for short_name, name, kind in BODIES:
        Body.objects.update_or_create(short_name=short_name, defaults={"name": name, "kind": kind})
