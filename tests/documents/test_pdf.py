"""The PDF of the VS/MJB document and its letter, read back with pypdf: what it says, on which pages, with which
metadata. Each PDF is rendered once per module (rendering is the slow part)."""

import dataclasses
import io
import re

import pypdf
import pytest

from demo.rendering import demo_content
from documents.content import Section
from documents.rendering import Kind
from documents.rendering.pdf import Timings, render_pdf


def small_content(*, adopted: bool = False):
    """The demo document cut down to the parts the tests look at, with the 78 municipalities (a table over more
    than one page)."""
    content = demo_content(adopted=adopted)
    keep = {"intro", "priorities", "goals", "preconditions", "capacity"}
    return dataclasses.replace(content, sections=[section for section in content.sections if section.key in keep])


def read(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


@pytest.fixture(scope="module")
def concept():
    content = small_content()
    timings = Timings()
    pdf = render_pdf(content, Kind.DOCUMENT, timings=timings)
    reader = read(pdf)
    return {"content": content, "reader": reader, "pages": page_texts(reader), "timings": timings}


@pytest.fixture(scope="module")
def archive():
    content = dataclasses.replace(small_content(adopted=True), capacity=[])
    reader = read(render_pdf(content, Kind.ARCHIVE))
    return {"content": content, "reader": reader, "pages": page_texts(reader)}


@pytest.fixture(scope="module")
def letter():
    content = small_content()
    reader = read(render_pdf(content, Kind.LETTER))
    return {"content": content, "reader": reader, "pages": page_texts(reader)}


def test_cover_names_title_process_version_status_and_date(concept):
    cover = concept["pages"][0]
    assert "Veiligheidsstrategie en" in cover
    assert "Meerjarenbeleidsplan 2019-2022" in cover
    assert "Veiligheidsstrategie 2019-2022" in cover
    assert "Versie 0.3" in cover
    assert "Status concept" in cover
    assert "12 september 2018" in cover


def test_every_page_says_pagina_x_van_n(concept):
    total = len(concept["pages"])
    assert total >= 5
    for number, text in enumerate(concept["pages"], start=1):
        assert f"pagina {number} van {total}" in text


def test_running_header_has_title_and_version_after_the_cover(concept):
    for text in concept["pages"][1:]:
        assert "Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022 Versie 0.3" in text


def test_concept_has_the_watermark_on_every_page(concept):
    assert all("CONCEPT" in text for text in concept["pages"])


def test_adopted_version_has_no_watermark(archive):
    assert archive["pages"]
    assert not any("CONCEPT" in text for text in archive["pages"])
    assert "Versie 1.0" in archive["pages"][0]


def test_table_of_contents_gives_the_page_of_each_section(concept):
    toc = concept["pages"][1]
    assert "Inhoud" in toc
    for number, section in enumerate(concept["content"].sections, start=1):
        match = re.search(rf"{number}\. {re.escape(section.title)}[ .]*?(\d+)\s*$", toc, re.MULTILINE)
        assert match, f"no page number for {section.title!r} in the contents"
        page = int(match[1])
        assert f"{number}. {section.title}" in concept["pages"][page - 1]


def test_sections_come_in_order(concept):
    text = "\n".join(concept["pages"][2:])
    positions = [text.index(f"{n}. {s.title}") for n, s in enumerate(concept["content"].sections, start=1)]
    assert positions == sorted(positions)


def test_priorities_and_their_ambitions_are_in_it(concept):
    text = "\n".join(concept["pages"])
    for priority in concept["content"].priorities:
        assert priority.title in text
    assert "Minder ruimte voor criminele structuren" in text


def test_goals_are_in_it_with_baseline_target_and_deadline(concept):
    text = " ".join(" ".join(concept["pages"]).split())
    for goal in concept["content"].goals:
        assert goal.title in text
    assert "312 meldingen (1 januari 2018)" in text
    assert "31 december 2022" in text


def test_capacity_table_lists_every_municipality_with_unknown_population_as_onbekend(concept):
    text = " ".join(" ".join(concept["pages"]).split())
    assert "Deventer 99.653 20 20 0" in text
    assert "Dalfsen 28.242 6 5 1" in text  # a shortfall
    assert "Geldermalsen onbekend onbekend niet ingevuld onbekend" in text
    for row in concept["content"].capacity:
        assert row.municipality in text


def test_capacity_table_repeats_its_header_on_every_page_it_spans(concept):
    header = "District Gemeente Inwoners Norm Gepland Tekort"
    district_rows = re.compile(r"^(IJsselland|Twente|Noord- en Oost-Gelderland|Gelderland-\w+) ", re.MULTILINE)
    spanned = [text for text in concept["pages"] if district_rows.search(text)]
    assert len(spanned) >= 2
    assert all(header in text for text in spanned)


def test_only_the_shipped_fonts_are_embedded(concept):
    fonts = set()
    for page in concept["reader"].pages:
        for font in page["/Resources"].get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts
    assert all("VS-Sans" in name for name in fonts), fonts
    fetched = concept["timings"].fetched
    assert "https://vs-portaal.invalid/static/fonts/DejaVuSans.ttf" in fetched
    assert "https://vs-portaal.invalid/static/documents/pdf.css" in fetched


def test_document_is_tagged_pdf_ua_with_title_and_language(concept):
    reader = concept["reader"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp


def test_archive_copy_is_pdf_a_and_still_tagged(archive):
    root = archive["reader"].trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="3"', xmp)
    assert re.search(r'pdfaid:conformance="B"', xmp)
    assert "/OutputIntents" in root
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "nl"


def test_letter_has_its_text_and_the_preconditions(letter):
    text = "\n".join(letter["pages"])
    assert "Begeleidende brief" in text
    assert "Geachte leden van het Regionaal Veiligheidsoverleg" in text
    assert "Randvoorwaarden: organisatie en financiering" in text
    assert "€ 250.000" in text
    assert all("CONCEPT" in page for page in letter["pages"])
    assert letter["reader"].metadata.title.startswith("Begeleidende brief bij")
    assert letter["reader"].trailer["/Root"]["/Lang"] == "nl"


def test_prose_html_keeps_its_structure():
    content = dataclasses.replace(
        small_content(),
        sections=[Section("intro", "Inleiding", "<h3>Kop drie</h3><p>Een <strong>vette</strong> zin.</p>")],
        capacity=[],
    )
    text = "\n".join(page_texts(read(render_pdf(content))))
    assert "Kop drie" in text
    assert "Een vette zin." in text
