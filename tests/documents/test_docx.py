"""The .docx export, read back with python-docx: the headings, the prose converted from the safe HTML subset, the
goals and the capacity as tables."""

import dataclasses
import io

import docx
import pytest

from demo.rendering import demo_content
from documents.content import Section
from documents.rendering.docx import render_docx


@pytest.fixture(scope="module")
def exported():
    content = demo_content()
    return {"content": content, "document": docx.Document(io.BytesIO(render_docx(content)))}


def paragraphs(document, style_prefix=""):
    return [p.text for p in document.paragraphs if p.style.name.startswith(style_prefix)]


def table_texts(document):
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def test_it_has_the_title_and_the_version(exported):
    document = exported["document"]
    assert paragraphs(document, "Title") == ["Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022"]
    assert "Versie: 0.3" in paragraphs(document)
    assert "Datum: 12 september 2018" in paragraphs(document)
    assert document.core_properties.title == "Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022"
    assert document.core_properties.language == "nl"


def test_each_section_is_a_numbered_heading_in_order(exported):
    headings = paragraphs(exported["document"], "Heading 1")
    expected = [f"{n}. {section.title}" for n, section in enumerate(exported["content"].sections, start=1)]
    assert headings == expected


def test_the_goals_are_a_table_with_their_measures(exported):
    goals = next(table for table in table_texts(exported["document"]) if table[0][1] == "Doelstelling")
    assert goals[0] == ["Nr.", "Doelstelling", "Indicator", "Nulmeting", "Streefwaarde", "Uiterlijk"]
    titles = [row[1] for row in goals[1:]]
    assert titles == [goal.title for goal in exported["content"].goals]
    assert goals[1][3] == "312 meldingen (1 januari 2018)"
    assert goals[1][5] == "31 december 2022"


def test_the_capacity_is_a_table_with_unknown_population_as_onbekend(exported):
    capacity = next(table for table in table_texts(exported["document"]) if table[0][0] == "District")
    assert len(capacity) == 1 + 78
    rows = {row[1]: row for row in capacity[1:]}
    assert rows["Deventer"] == ["IJsselland", "Deventer", "99.653", "20", "20", "0"]
    assert rows["Geldermalsen"][2:] == ["onbekend", "onbekend", "niet ingevuld", "onbekend"]


def test_concept_says_concept_in_the_header(exported):
    header = exported["document"].sections[0].header.paragraphs[0].text
    assert header.startswith("CONCEPT")
    assert "Versie 0.3" in header


def test_prose_html_becomes_paragraphs_lists_headings_and_tables():
    html = (
        "<p>Een <strong>vette</strong> en <em>schuine</em> zin.<br>Tweede regel.</p>"
        "<h3>Kop</h3><h4>Subkop</h4>"
        "<ul><li>een</li><li>twee<ul><li>genest</li></ul></li></ul>"
        "<ol><li>eerste</li></ol>"
        "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr>"
        '<tr><td colspan="2">breed</td></tr></tbody></table>'
        '<p><a href="https://example.org/">de bron</a></p>'
    )
    content = dataclasses.replace(demo_content(), sections=[Section("intro", "Inleiding", html)])
    document = docx.Document(io.BytesIO(render_docx(content)))
    body = document.paragraphs
    first = next(p for p in body if p.text.startswith("Een vette"))
    assert first.text == "Een vette en schuine zin.\nTweede regel."
    assert [run.text for run in first.runs if run.bold] == ["vette"]
    assert [run.text for run in first.runs if run.italic] == ["schuine"]
    assert paragraphs(document, "Heading 2") == ["Kop"]
    assert paragraphs(document, "Heading 3") == ["Subkop"]
    assert paragraphs(document, "List Bullet") == ["een", "twee", "genest"]
    assert [p.style.name for p in body if p.text == "genest"] == ["List Bullet 2"]
    assert paragraphs(document, "List Number") == ["eerste"]
    assert table_texts(document) == [[["A", "B"], ["1", "2"], ["breed", "breed"]]]
    assert "de bron (https://example.org/)" in paragraphs(document)


def test_blocks_inside_list_items_and_cells_go_on_lines_of_their_own():
    html = (
        "<ol><li><h3>Ondermijning</h3><p>Ambitie: minder ruimte.</p></li></ol>"
        "<table><tbody><tr><th>Politie</th><td><ul><li>trekker</li><li>eigenaar</li></ul></td></tr></tbody></table>"
    )
    content = dataclasses.replace(demo_content(), sections=[Section("priorities", "Prioriteiten", html, True)])
    document = docx.Document(io.BytesIO(render_docx(content)))
    assert paragraphs(document, "List Number") == ["Ondermijning\nAmbitie: minder ruimte."]
    assert table_texts(document) == [[["Politie", "• trekker\n• eigenaar"]]]
