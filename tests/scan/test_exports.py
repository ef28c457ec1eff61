"""The scan's exports: .xlsx read back with openpyxl, CSV with a BOM and ';'."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from planning.models import Municipality
from scan.exports import matrix_csv
from scan.models import PlanTheme, Theme
from scan.selectors import scan_matrix
from tests.scan.factories import (
    fast_passwords_fixture,  # noqa: F401  (the fast_passwords fixture)
    name_theme,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture
def scanned(process):
    ondermijning = Theme.objects.get(name="Ondermijning")
    for name in ("Arnhem", "Nijmegen", "Lingewaal"):
        name_theme(process, Municipality.objects.get(name=name), ondermijning, wording=f"Ondermijning in {name}")
    name_theme(
        process,
        Municipality.objects.get(name="Zwolle"),
        Theme.objects.get(name="Cybercrime"),
        wording="=HYPERLINK(evil)",
        origin=PlanTheme.Origin.ADDED,
    )
    return ondermijning


def test_xlsx_has_shares_matrix_and_note(client, staff, process, scanned):
    client.force_login(staff)
    response = client.get(reverse("scan:matrix_xlsx", kwargs={"slug": process.slug}), {"sorteer": "aantal"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="scan-{process.slug}.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Per thema", "Matrix", "Bronnen"]

    summary = workbook["Per thema"]
    header = [cell.value for cell in summary[1]]
    assert header[:5] == [
        "Thema",
        "Aantal gemeenten",
        "Aandeel gemeenten (%)",
        "Aandeel inwoners (%)",
        "Gemeenten met onbekend inwonertal",
    ]
    assert set(header[5:]) == {"IJSS", "TWN", "NOG", "GLM", "GLZ"}
    first = [cell.value for cell in summary[2]]
    assert first[0] == "Ondermijning"
    assert first[1] == 3
    assert first[2] == pytest.approx(3 / 78)
    known = sum(Municipality.objects.get(name=n).population for n in ("Arnhem", "Nijmegen"))
    total = sum(m.population for m in Municipality.objects.exclude(population=None))
    assert first[3] == pytest.approx(known / total)
    assert first[4] == "Lingewaal"
    assert first[5 + header[5:].index("GLZ")] == 2
    notes = [row[0] for row in summary.iter_rows(values_only=True) if row[0] and "Inwonertal onbekend" in row[0]]
    assert notes == [
        "Inwonertal onbekend van Geldermalsen, Lingewaal, Neerijnen: deze gemeenten tellen niet mee in het aandeel "
        "inwoners."
    ]

    grid = workbook["Matrix"]
    rows = {row[0]: row for row in grid.iter_rows(min_row=2, values_only=True)}
    themes = [cell.value for cell in grid[1]]
    assert len(rows) == 78
    assert rows["Arnhem"][themes.index("Ondermijning")] == "x"
    assert rows["Zwolle"][themes.index("Cybercrime")] == "x (aangevuld)"
    assert rows["Zwolle"][themes.index("Ondermijning")] in (None, "")


def test_xlsx_never_writes_a_formula(process, scanned):
    from scan.exports import matrix_xlsx

    evil = Theme.objects.create(name="=1+1")
    name_theme(process, Municipality.objects.get(name="Arnhem"), evil)
    workbook = load_workbook(io.BytesIO(matrix_xlsx(scan_matrix(process), [])))
    values = [row[0] for row in workbook["Per thema"].iter_rows(values_only=True)]
    assert "=1+1" in values
    cell = next(c for c in workbook["Per thema"]["A"] if c.value == "=1+1")
    assert cell.data_type == "s"


def test_csv_has_bom_semicolons_and_dutch_decimals(client, staff, process, scanned):
    client.force_login(staff)
    response = client.get(reverse("scan:matrix_csv", kwargs={"slug": process.slug}), {"sorteer": "aantal"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Thema", "Aantal gemeenten", "Aandeel gemeenten (%)", "Aandeel inwoners (%)"]
    assert rows[1][:3] == ["Ondermijning", "3", "3,8"]
    assert rows[1][4] == "Lingewaal"
    assert rows[-1][0].startswith("Inwonertal onbekend van Geldermalsen, Lingewaal, Neerijnen")


def test_csv_escapes_formula_like_text(process):
    Theme.objects.create(name="=cmd")
    text = matrix_csv(scan_matrix(process)).decode("utf-8-sig")
    assert "\n'=cmd;" in text.replace("\r\n", "\n")


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_read_only_roles_may_export(client, users, role, process, scanned):
    client.force_login(users[role])
    assert client.get(reverse("scan:matrix_csv", kwargs={"slug": process.slug})).status_code == 200


def test_outsider_cannot_export(client, outsider, process):
    client.force_login(outsider)
    assert client.get(reverse("scan:matrix_xlsx", kwargs={"slug": process.slug})).status_code == 403
