"""The annual progress report: the summary and adoption rules, and the PDF (house style, PDF/UA, charts as vectors)
whose text holds every goal's value and status."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from monitoring import report, services
from monitoring.models import ProgressReport
from monitoring.services import ValueData

pytestmark = pytest.mark.django_db


def test_staff_write_the_summary_sanitised_and_adoption_freezes_it(process, staff, secretary):
    saved = services.report_summary_save(
        process=process, year=2019, user=staff, summary_html="<p>Goed op weg.</p><script>alert(1)</script>"
    )
    assert saved.summary_html == "<p>Goed op weg.</p>"
    with pytest.raises(PermissionDenied):
        services.report_summary_save(process=process, year=2019, user=secretary, summary_html="x")
    with pytest.raises(ValidationError) as error:
        services.report_adopt(process=process, year=2019, user=staff, on=datetime.date(2019, 6, 1))
    assert error.value.error_dict["on"][0].code == "report_adopted_too_early"
    services.report_adopt(process=process, year=2019, user=staff, on=datetime.date(2020, 3, 12))
    with pytest.raises(ValidationError) as error:
        services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>Anders</p>")
    assert error.value.error_list[0].code == "report_frozen"
    with pytest.raises(ValidationError):
        services.report_summary_save(process=process, year=2030, user=staff, summary_html="")
    assert ProgressReport.history.filter(year=2019).count() == 2


def test_the_pdf_holds_every_goals_value_status_and_chart(
    client, django_capture_on_commit_callbacks, process, goal, indicator, moments, staff, bbg_member
):
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4000", source="Politie BVI")
    )
    services.explanation_save(goal=goal, moment=moments[0], user=staff, explanation="Het keurmerk werkt.")
    services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>Een goed eerste jaar.</p>")
    client.force_login(bbg_member)
    address = reverse("monitoring:report_pdf", kwargs={"slug": process.slug, "year": 2019})
    with django_capture_on_commit_callbacks() as callbacks:
        waiting = client.get(address)
    assert "De PDF wordt gemaakt" in waiting.content.decode()
    assert waiting["Refresh"] == "3"
    assert len(callbacks) == 1  # the render is queued, not done in the request
    report.render_report(process.pk, 2019)  # what the worker does
    response = client.get(address)
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(page.extract_text() for page in pdf.pages)
    for words in (
        "Voortgangsrapportage 2019",
        "Een goed eerste jaar.",
        goal.title,
        "4.000",
        "op koers",
        "Het keurmerk werkt.",
    ):
        assert words in text, words
    assert "CONCEPT" in text
    assert pdf.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged (PDF/UA)
    html = report.report_html(process, 2019)
    assert html.count("<svg") == 1  # the chart as a vector, not an image
    assert report.cached_pdf(html)  # the second download is served from the cache
