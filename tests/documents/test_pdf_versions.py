"""The PDF and .docx of a real version, made from the data by the selectors (the top five, a SMART goal, the
capacity of the 78 municipalities) and downloaded through the views."""

import io

import docx
import pypdf
import pytest
from django.urls import reverse

from documents import services
from tests.documents.test_rendering import private_storage  # noqa: F401


@pytest.fixture(autouse=True)
def _eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def version(document, goal, staff, private_storage):  # noqa: F811
    return services.version_create(document=document, user=staff)


def download(client, name, version) -> bytes:
    kwargs = {"slug": version.document.process.slug, "label": version.label}
    response = client.get(reverse(f"documents:{name}", kwargs=kwargs))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_the_pdf_of_a_version_has_its_priorities_goal_and_capacity(client, staff, version, priorities, goal):
    client.force_login(staff)
    pages = pdf_pages(download(client, "version_pdf", version))
    text = "\n".join(pages)
    flat = " ".join(text.split())
    assert f"Versie {version.label}" in text
    assert all("CONCEPT" in page for page in pages)
    assert all(f"pagina {n} van {len(pages)}" in page for n, page in enumerate(pages, start=1))
    for priority in priorities[:5]:
        assert priority.title in flat
    assert goal.title in flat
    assert "4.200 aangiften" in flat
    assert "Geldermalsen" in text
    assert "onbekend" in text
    assert "Deventer" in text


def test_the_letter_of_a_version_has_the_preconditions(client, staff, version, goal):
    client.force_login(staff)
    text = " ".join(" ".join(pdf_pages(download(client, "version_letter_pdf", version))).split())
    assert "Randvoorwaarden: organisatie en financiering" in text
    assert "Een regionale projectleider." in text
    assert "Bijdrage gemeenten" in text


def test_the_docx_of_a_version_has_the_headings_and_the_goal(client, staff, version, goal):
    client.force_login(staff)
    document = docx.Document(io.BytesIO(download(client, "version_docx", version)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert any("Doelstellingen" in heading for heading in headings)
    assert any("politiecapaciteit" in heading for heading in headings)
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert goal.title in body
    assert "4.200 aangiften" in cells
    assert "Geldermalsen" in cells
