"""The result page and its exports: who sees what when, and what they show."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from core.dates import format_date
from core.fragments import content_changed
from planning.models import Municipality
from planning.selectors import reading_date
from tests.voting.result_factories import add_districts, cast, close

pytestmark = pytest.mark.django_db


def url(name, process):
    return reverse(f"voting:{name}", kwargs={"slug": process.slug})


@pytest.fixture
def three_chose(voting_round, long_list, districts):
    """GLM, TWN and IJSS have chosen; GLZ and NOG not yet.

    GLM: P1..P7 in order; TWN: P1..P7 without order; IJSS: P4..P10 in order. So P4..P7 have three DVOs, P1..P3
    two (GLM+TWN), P8..P10 one (IJSS)."""
    p = long_list
    cast(voting_round, districts["GLM"], p[0:7], preferences=True)
    cast(voting_round, districts["TWN"], p[0:7])
    cast(voting_round, districts["IJSS"], p[3:10], preferences=True)
    return voting_round


def titles_in_order(content: str, titles: list[str]) -> list[str]:
    found = sorted((content.index(title), title) for title in titles if title in content)
    return [title for _, title in found]


# --- Before the round closes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["bbg_member", "secretary"])
def test_before_closing_bbg_and_secretaries_see_progress_only(client, users, role, three_chose, long_list):
    client.force_login(users[role])
    response = client.get(url("results", three_chose.process))
    assert response.status_code == 200
    content = response.content.decode()
    assert "3 van 5 DVO&#x27;s hebben gekozen" in content or "3 van 5 DVO's hebben gekozen" in content
    assert "De uitslag is nog niet openbaar." in content
    for priority in long_list:
        assert priority.title not in content
    assert "Rangorde" not in content
    assert "results-matrix" not in content


@pytest.mark.parametrize("role", ["bbg_member", "secretary"])
@pytest.mark.parametrize("name", ["results_xlsx", "results_pdf"])
def test_before_closing_exports_are_refused_to_bbg_and_secretaries(client, users, role, name, three_chose):
    client.force_login(users[role])
    assert client.get(url(name, three_chose.process)).status_code == 403


def test_staff_see_the_provisional_count_while_the_round_is_open(client, staff, three_chose, long_list):
    client.force_login(staff)
    response = client.get(url("results", three_chose.process))
    content = response.content.decode()
    assert "Voorlopige telling." in content
    assert "Rangorde" in content
    assert long_list[3].title in content


def test_anonymous_goes_to_login_and_outsider_is_refused(client, outsider, three_chose):
    for name in ("results", "results_xlsx", "results_pdf"):
        response = client.get(url(name, three_chose.process))
        assert response.status_code == 302
        assert "/account/inloggen/" in response["Location"]
    client.force_login(outsider)
    for name in ("results", "results_xlsx", "results_pdf"):
        assert client.get(url(name, three_chose.process)).status_code == 403


def test_without_a_round_the_page_says_so_and_exports_are_404(client, process, staff, bbg_member):
    client.force_login(bbg_member)
    assert "Er is nog geen keuzeronde voor dit proces." in client.get(url("results", process)).content.decode()
    client.force_login(staff)
    assert client.get(url("results_xlsx", process)).status_code == 404


# --- After closing or release ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["bbg_member", "secretary", "staff"])
def test_after_closing_everyone_with_a_role_sees_the_ranking(client, users, role, three_chose, long_list):
    close(three_chose)
    client.force_login(users[role])
    content = client.get(url("results", three_chose.process)).content.decode()
    assert "De uitslag is nog niet openbaar." not in content
    assert "Voorlopige telling." not in content
    # The tie-break rule is written on the page.
    assert "(1) meer DVO" in content
    assert "(2) meer inwoners" in content
    assert "(3) een hogere voorkeursscore (Borda)" in content
    assert "(4) de hogere plaats op de" in content
    assert "plaats 1 levert 7 punten op" in content
    # P4..P7 (3 DVOs) first, then P1..P3 (2), then P8..P10 (1).
    ranking = content[content.index('class="table table-sm table-striped') : content.index("</table>")]
    expected = [long_list[i].title for i in (3, 4, 5, 6, 0, 1, 2)]
    assert titles_in_order(ranking, expected) == expected
    assert "3 van 5" in ranking


def test_after_release_bbg_sees_the_result_before_closing(client, bbg_member, three_chose, long_list):
    three_chose.results_released_at = timezone.now()
    three_chose.save(update_fields=["results_released_at"])
    client.force_login(bbg_member)
    content = client.get(url("results", three_chose.process)).content.decode()
    assert long_list[3].title in content
    assert client.get(url("results_xlsx", three_chose.process)).status_code == 200


def test_the_page_shows_where_a_tie_was_broken(client, bbg_member, three_chose, long_list):
    close(three_chose)
    client.force_login(bbg_member)
    content = client.get(url("results", three_chose.process)).content.decode()
    assert "Gelijke stand gebroken." in content
    assert "de volgorde is beslist door" in content


def test_matrix_shows_who_chose_what_with_preference(client, bbg_member, three_chose, long_list):
    close(three_chose)
    client.force_login(bbg_member)
    content = client.get(url("results", three_chose.process)).content.decode()
    matrix = content[content.index("results-matrix") :]
    assert "gekozen, voorkeur 1" in matrix  # GLM's first
    assert "gekozen, zonder volgorde" in matrix  # TWN gave no order
    assert "niet gekozen" in matrix
    assert "nog niet gekozen" in matrix  # GLZ and NOG
    for code in ("GLM", "GLZ", "TWN", "IJSS", "NOG"):
        assert f">{code}</abbr>" in matrix


def test_chart_has_numbers_and_a_text_alternative(client, bbg_member, three_chose, long_list):
    close(three_chose)
    client.force_login(bbg_member)
    content = client.get(url("results", three_chose.process)).content.decode()
    assert 'role="img"' in content
    desc = re.search(r'<desc id="results-chart-desc">(.*?)</desc>', content, re.S).group(1)
    assert f"1. {long_list[3].title}: 3 van 5" in desc
    assert "<script" not in content.split("</main>")[0]


def test_unknown_populations_are_left_out_and_named(client, bbg_member, three_chose, districts, long_list):
    close(three_chose)
    Municipality.objects.filter(district=districts["GLM"]).update(population=None)
    client.force_login(bbg_member)
    content = client.get(url("results", three_chose.process)).content.decode()
    some = Municipality.objects.filter(district=districts["GLM"]).first().name
    assert "Inwonertal onbekend van" in content
    assert some in content


# --- Exports --------------------------------------------------------------------------------------------------


def test_xlsx_has_the_ranking_and_the_matrix(client, bbg_member, three_chose, long_list, districts):
    close(three_chose)
    client.force_login(bbg_member)
    response = client.get(url("results_xlsx", three_chose.process))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Rangorde", "Matrix"]
    ranking = workbook["Rangorde"]
    assert ranking["A1"].value == "Plaats"
    assert ranking["B1"].value == "Prioriteit"
    assert [ranking.cell(row=r, column=2).value for r in range(2, 12)] == [
        long_list[i].title for i in (3, 4, 5, 6, 0, 1, 2, 7, 8, 9)
    ]
    assert ranking["D2"].value == 3  # DVOs
    assert ranking["E2"].value == "GLM, TWN, IJSS"
    assert ranking["G2"].value == "nee"  # 3 of 5 = 60% < 66.67%
    texts = [ranking.cell(row=r, column=1).value for r in range(12, ranking.max_row + 1)]
    assert any(text and "(2) meer inwoners" in str(text) for text in texts)
    matrix = workbook["Matrix"]
    header = [cell.value for cell in matrix[1]]
    assert header == ["Plaats", "Prioriteit", "GLM", "GLZ", "TWN", "IJSS", "NOG"]
    first = [cell.value for cell in matrix[2]]
    # P4: GLM place 4, TWN without order, IJSS place 1.
    assert first[:7] == [1, long_list[3].title, "x (4)", None, "x", "x (1)", None]


def test_pdf_has_title_date_rule_ranking_and_matrix(client, bbg_member, three_chose, long_list):
    close(three_chose)
    client.force_login(bbg_member)
    response = client.get(url("results_pdf", three_chose.process))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    flat = " ".join(text.split())
    assert "Uitslag van de keuze van de DVO's" in flat
    assert three_chose.process.title in flat
    # A past process (2019-2022, read today) is 'stand van' its own last date (planning.selectors.reading_date).
    assert format_date(reading_date(three_chose.process)) in flat
    assert "(2) meer inwoners" in flat
    assert "Rangorde" in flat
    assert "Keuzes per DVO" in flat
    assert long_list[3].title in flat
    assert "IJSS" in flat
    assert "NOG" in flat


# --- Query counts ---------------------------------------------------------------------------------------------


def _count_queries(client, process) -> int:
    """The queries of a visit that counts afresh (no cached result: the content's version moved on)."""
    content_changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("results", process))
    assert response.status_code == 200
    return len(queries)


def test_result_page_query_count_is_the_same_for_5_and_50_dvos(client, staff, voting_round, long_list, districts):
    close(voting_round)
    for district in districts.values():
        cast(voting_round, district, long_list[:7], preferences=True)
    client.force_login(staff)
    _count_queries(client, voting_round.process)  # warm up (session, content types)
    five = _count_queries(client, voting_round.process)

    for district in add_districts(45):
        cast(voting_round, district, long_list[3:10])
    fifty = _count_queries(client, voting_round.process)
    assert five == fifty
    content = client.get(url("results", voting_round.process)).content.decode()
    assert "50 van 50 DVO" in content


def test_pdf_never_splits_a_row_over_two_pages(three_chose, long_list):
    """Long remarks make tall rows; WeasyPrint's layout puts each row on one page (the header row repeats)."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from voting.exports import result_context
    from voting.selectors import round_result

    close(three_chose)
    for priority in long_list:
        priority.title = f"{priority.title}: " + "een lange omschrijving van deze prioriteit " * 3
        priority.save(update_fields=["title"])
    html = render_to_string("voting/pdf/results.html", result_context(three_chose.process, round_result(three_chose)))
    document = HTML(string=html).render()

    def body_rows(box, in_head=False):
        tag = getattr(box, "element_tag", None)
        in_head = in_head or tag == "thead"
        if tag == "tr" and not in_head:
            yield box.element
        for child in getattr(box, "children", ()):
            yield from body_rows(child, in_head)

    seen: dict = {}
    for number, page in enumerate(document.pages):
        for element in set(body_rows(page._page_box)):
            seen.setdefault(element, set()).add(number)
    assert len(document.pages) > 1
    assert seen
    split = [" ".join(element.itertext()).strip()[:60] for element, pages in seen.items() if len(pages) > 1]
    assert not split, split
