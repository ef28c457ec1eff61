"""A version shows the day it was made on the document page and in its PDF alike, and the wijkagenten figures on
the page say what the PDF says (nothing entered is "nog niet ingevuld" in both, never "gepland 0, tekort 0")."""

import datetime
import io

import pypdf
import pytest
from django.urls import reverse

from documents import services
from documents.selectors import capacity_rows, capacity_totals
from planning.models import Municipality
from tests.documents.test_rendering import private_storage  # noqa: F401

NOTHING_ENTERED = "het aantal geplande wijkagenten is nog niet ingevuld"


@pytest.fixture(autouse=True)
def _eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True


def page_text(client, process) -> str:
    response = client.get(reverse("documents:document", kwargs={"slug": process.slug}))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def pdf_text(client, version) -> str:
    response = client.get(
        reverse("documents:version_pdf", kwargs={"slug": version.document.process.slug, "label": version.label})
    )
    data = b"".join(response.streaming_content)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def test_staff_see_the_day_a_version_was_made_on_the_page_and_in_the_pdf(
    client,
    staff,
    process,
    document,
    private_storage,  # noqa: F811
):
    version = services.version_create(document=document, user=staff, today=datetime.date(2018, 9, 5))
    client.force_login(staff)
    page = page_text(client, process)
    row = page.split('href="' + version.get_absolute_url() + '"', 1)[1].split("</tr>", 1)[0]
    assert "5 september 2018" in row
    assert "5 september 2018" in pdf_text(client, version)


def test_nothing_entered_reads_the_same_on_the_page_and_in_the_pdf(
    client,
    staff,
    process,
    document,
    private_storage,  # noqa: F811
):
    norm = capacity_totals(capacity_rows(process)).norm
    version = services.version_create(document=document, user=staff)
    client.force_login(staff)
    page = page_text(client, process)
    assert f"Norm {norm} wijkagenten (75 gemeenten met bekend inwonertal); {NOTHING_ENTERED}." in page
    assert "gepland 0" not in page
    pdf = pdf_text(client, version)
    assert f"Norm {norm} wijkagenten" in pdf
    assert NOTHING_ENTERED in pdf


def test_a_partly_entered_plan_names_what_is_missing_on_the_page_and_in_the_pdf(
    client,
    staff,
    process,
    document,
    private_storage,  # noqa: F811
):
    arnhem = Municipality.objects.get(name="Arnhem")
    services.officer_plans_save(process=process, user=staff, officers={arnhem.pk: 1})
    totals = capacity_totals(capacity_rows(process))
    version = services.version_create(document=document, user=staff)
    client.force_login(staff)
    expected = f"Norm {totals.norm}. Ingevuld voor 1 van de 75 gemeenten: gepland 1, tekort {totals.shortfall}."
    assert expected in page_text(client, process)
    pdf = pdf_text(client, version)
    assert f"gepland 1, tekort {totals.shortfall}" in pdf
    assert "Voor 74 gemeenten is het aantal wijkagenten nog niet ingevuld." in pdf
