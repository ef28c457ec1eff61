"""The annual progress report: the summary, the VS/MJB document's workflow with versions (each step allowed and
refused), its milestones in the planning, the .docx and the PDF (house style, PDF/UA, charts as vectors) whose text
holds every goal's value and status."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document as DocxDocument
from pypdf import PdfReader

from core.errors import error_items
from monitoring import report, services
from monitoring.models import ProgressReport
from monitoring.services import ValueData
from notifications.models import Reminder
from notifications.services import reminders_plan
from planning.models import Body, Milestone, Person
from planning.services import process_copy

pytestmark = pytest.mark.django_db


def _adopt(process, year, staff, *, rvo=datetime.date(2020, 3, 12), on=datetime.date(2020, 4, 16)):
    services.report_transition(process=process, year=year, user=staff, to_status="sent_to_rvo", meeting_date=rvo)
    services.report_transition(process=process, year=year, user=staff, to_status="for_adoption", meeting_date=rvo)
    return services.report_transition(process=process, year=year, user=staff, to_status="adopted", meeting_date=on)


def test_staff_write_the_summary_sanitised_and_adoption_freezes_it(process, staff, secretary):
    saved = services.report_summary_save(
        process=process, year=2019, user=staff, summary_html="<p>Goed op weg.</p><script>alert(1)</script>"
    )
    assert saved.summary_html == "<p>Goed op weg.</p>"
    with pytest.raises(PermissionDenied):
        services.report_summary_save(process=process, year=2019, user=secretary, summary_html="x")
    _adopt(process, 2019, staff)
    with pytest.raises(ValidationError) as error:
        services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>Anders</p>")
    assert error.value.error_list[0].code == "report_frozen"
    with pytest.raises(ValidationError) as error:
        services.report_version_create(process=process, year=2019, user=staff)
    assert error.value.error_list[0].code == "report_frozen"
    with pytest.raises(ValidationError) as error:
        services.report_summary_save(process=process, year=2030, user=staff, summary_html="")
    assert error.value.error_dict["year"][0].code == "report_outside_period"


def test_each_step_records_who_when_the_meeting_and_a_version(process, goal, indicator, moments, staff):
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4000", source="Politie BVI")
    )
    services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>Op koers.</p>")
    first = services.report_version_create(process=process, year=2019, user=staff, note="Voor de werkgroep")
    assert (first.label, first.status) == ("0.1", "concept")
    assert first.snapshot["summary_html"] == "<p>Op koers.</p>"
    [goal_data] = first.snapshot["priorities"][0]["goals"]
    assert goal_data["title"] == goal.title
    assert goal_data["rows"][0]["indicators"][0]["value"] == "4.000"

    at = datetime.datetime(2020, 3, 12, 16, tzinfo=timezone.get_current_timezone())
    step = services.report_transition(
        process=process,
        year=2019,
        user=staff,
        to_status="sent_to_rvo",
        meeting_date=datetime.date(2020, 3, 12),
        note="Met de cijfers",
        now=at,
    )
    assert (step.from_status, step.to_status, step.by, step.at, step.version.label) == (
        "concept",
        "sent_to_rvo",
        staff,
        at,
        "0.2",
    )
    assert step.version.created_at == at
    back = services.report_transition(
        process=process, year=2019, user=staff, to_status="concept", note="Cijfers nagaan"
    )
    assert back.version.label == "0.3"
    adopted = _adopt(process, 2019, staff)
    report = ProgressReport.objects.get(process=process, year=2019)
    assert (report.status, report.sent_to_rvo_on, report.for_adoption_on, report.adopted_on) == (
        "adopted",
        datetime.date(2020, 3, 12),
        datetime.date(2020, 3, 12),
        datetime.date(2020, 4, 16),
    )
    assert adopted.version.label == "1.0"
    assert [t.to_status for t in report.transitions.all()] == [
        "sent_to_rvo",
        "concept",
        "sent_to_rvo",
        "for_adoption",
        "adopted",
    ]
    assert report.history.filter(history_date=at).exists()  # the history carries the moment given


@pytest.mark.parametrize(
    ("steps", "to_status", "fields", "code"),
    [
        ([], "adopted", {"meeting_date": datetime.date(2020, 4, 1)}, "report_transition_not_allowed"),
        ([], "for_adoption", {"meeting_date": datetime.date(2020, 4, 1)}, "report_transition_not_allowed"),
        ([], "sent_to_rvo", {}, "report_meeting_date_missing"),
        (["sent_to_rvo"], "concept", {"note": " "}, "report_concept_reason_missing"),
        (
            ["sent_to_rvo"],
            "for_adoption",
            {"meeting_date": datetime.date(2020, 3, 1)},
            "report_date_before_previous_step",
        ),
        (["sent_to_rvo", "for_adoption"], "adopted", {"meeting_date": datetime.date(2019, 12, 1)}, None),
        (["sent_to_rvo", "for_adoption"], "adopted", {"meeting_date": datetime.date(2020, 3, 1)}, None),
    ],
)
def test_a_step_that_breaks_a_rule_is_refused_and_changes_nothing(process, staff, steps, to_status, fields, code):
    services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>Samenvatting</p>")
    for step in steps:
        services.report_transition(
            process=process, year=2019, user=staff, to_status=step, meeting_date=datetime.date(2020, 3, 12)
        )
    before = ProgressReport.objects.get(process=process, year=2019)
    with pytest.raises(ValidationError) as error:
        services.report_transition(process=process, year=2019, user=staff, to_status=to_status, **fields)
    codes = [item.code for item in error_items(error.value)]
    if code:
        assert codes == [code]
    else:  # adopted in the year itself, or before the board had it
        assert codes in (["report_adopted_too_early"], ["report_date_before_previous_step"])
    after = ProgressReport.objects.get(process=process, year=2019)
    assert (after.status, after.versions.count()) == (before.status, before.versions.count())


def test_without_a_summary_the_report_does_not_go_to_the_rvo(process, staff):
    with pytest.raises(ValidationError) as error:
        services.report_transition(
            process=process, year=2019, user=staff, to_status="sent_to_rvo", meeting_date=datetime.date(2020, 3, 12)
        )
    assert error.value.error_list[0].code == "report_summary_missing"
    assert "samenvatting" in error.value.messages[0]


def test_an_adopted_report_takes_no_further_step_and_readers_take_none(process, staff, secretary, bbg_member):
    services.report_summary_save(process=process, year=2020, user=staff, summary_html="<p>x</p>")
    for reader in (secretary, bbg_member):
        with pytest.raises(PermissionDenied):
            services.report_transition(
                process=process, year=2020, user=reader, to_status="sent_to_rvo", meeting_date=datetime.date(2021, 3, 1)
            )
    _adopt(process, 2020, staff, rvo=datetime.date(2021, 3, 11), on=datetime.date(2021, 4, 15))
    with pytest.raises(ValidationError) as error:
        services.report_transition(process=process, year=2020, user=staff, to_status="concept", note="Toch niet")
    assert error.value.error_list[0].code == "report_transition_not_allowed"


def test_setting_up_the_monitoring_plans_each_years_report_and_milestone(process, staff):
    board = Body.objects.filter(kind=Body.Kind.BOARD).first() or Body.objects.create(
        short_name="BC", name="Bestuurscollege", kind=Body.Kind.BOARD
    )
    services.moments_generate(process=process, user=staff)
    milestones = Milestone.objects.filter(process=process, title__startswith="Voortgangsrapportage").order_by("ends_on")
    assert [(m.title, m.ends_on, m.kind, m.body) for m in milestones] == [
        (f"Voortgangsrapportage {year} vastgesteld", datetime.date(year + 1, 4, 30), "decision", board)
        for year in range(2019, 2023)
    ]
    reports = ProgressReport.objects.filter(process=process).order_by("year")
    assert [(r.year, r.status, r.milestone.title) for r in reports] == [
        (year, "concept", f"Voortgangsrapportage {year} vastgesteld") for year in range(2019, 2023)
    ]
    services.moments_generate(process=process, user=staff)  # a second set-up plans nothing twice
    assert milestones.count() == 4
    services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>x</p>")
    _adopt(process, 2019, staff)
    assert Milestone.objects.get(title="Voortgangsrapportage 2019 vastgesteld").status == Milestone.Status.DONE
    assert Milestone.objects.get(title="Voortgangsrapportage 2020 vastgesteld").status == Milestone.Status.PLANNED


def test_the_report_milestone_reminds_its_responsible_person(process, staff):
    person = Person.objects.create(name="Programmamanager", user=staff)
    services.reports_plan(process=process, user=staff, responsible=person)
    milestone = ProgressReport.objects.get(process=process, year=2019).milestone
    with time_machine.travel(datetime.datetime(2020, 4, 23, 8, tzinfo=datetime.UTC), tick=False):
        reminders_plan()
        reminders_plan()  # exactly once
    [reminder] = Reminder.objects.filter(kind=Reminder.Kind.MILESTONE, recipient=staff)
    assert reminder.subject == milestone


def test_the_next_process_plans_its_own_reports(process, staff):
    services.reports_plan(process=process, user=staff)
    copy = process_copy(source=process, title="VS 2023-2026", short_name="VS 2023-2026", slug="vs-2023", shift_years=4)
    assert not Milestone.objects.filter(process=copy, title__startswith="Voortgangsrapportage").exists()


def test_the_docx_holds_the_summary_and_every_goal(
    client, process, goal, indicator, moments, staff, bbg_member, secretary
):
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4000", source="Politie BVI")
    )
    services.explanation_save(goal=goal, moment=moments[0], user=staff, explanation="Het keurmerk werkt.")
    services.report_summary_save(
        process=process, year=2019, user=staff, summary_html="<p>Een <strong>goed</strong> eerste jaar.</p>"
    )
    client.force_login(secretary)
    address = reverse("monitoring:report_docx", kwargs={"slug": process.slug, "year": 2019})
    response = client.get(address)
    assert response["Content-Type"].endswith("wordprocessingml.document")
    document = DocxDocument(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Voortgangsrapportage 2019" in paragraphs
    assert "Een goed eerste jaar." in paragraphs
    assert goal.title in paragraphs  # the goal's heading
    assert {goal.title, "Aangiften van woninginbraak", "4.000", "op koers"} <= set(cells)
    assert any("Het keurmerk werkt." in text for text in paragraphs)
    assert "CONCEPT" in document.sections[0].header.paragraphs[0].text
    assert "Versie 0.1" in document.sections[0].header.paragraphs[0].text  # what the next version will be

    # Adopted: written from version 1.0, as the board adopted it, even when a value changes later.
    _adopt(process, 2019, staff)
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="3900", source="Politie BVI")
    )
    document = DocxDocument(io.BytesIO(client.get(address).content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "4.000" in cells
    assert "3.900" not in cells
    header = document.sections[0].header.paragraphs[0].text
    assert "CONCEPT" not in header
    assert "Versie 1.0" in header


def test_staff_take_a_step_on_the_page_and_a_refusal_shows_in_dutch(client, process, staff):
    services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>x</p>")
    client.force_login(staff)
    page = client.get(reverse("monitoring:report", kwargs={"slug": process.slug, "year": 2019})).content.decode()
    step = reverse("monitoring:report_transition", kwargs={"slug": process.slug, "year": 2019, "status": "sent_to_rvo"})
    assert step in page
    refused = client.post(step, {"meeting_date": "", "note": ""})
    assert refused.status_code == 200
    assert "Vul de datum van de vergadering in." in refused.content.decode()
    done = client.post(step, {"meeting_date": "12-03-2020", "note": "Met cijfers"})
    assert done.status_code == 302
    report = ProgressReport.objects.get(process=process, year=2019)
    assert (report.status, report.sent_to_rvo_on) == ("sent_to_rvo", datetime.date(2020, 3, 12))
    page = client.get(reverse("monitoring:report", kwargs={"slug": process.slug, "year": 2019})).content.decode()
    assert "aangeboden aan het RVO" in page
    assert "0.1" in page
    assert "Met cijfers" in page
    version = client.post(
        reverse("monitoring:report_version_create", kwargs={"slug": process.slug, "year": 2019}), {"note": "Na RVO"}
    )
    assert version.status_code == 302
    assert report.versions.count() == 2


def test_a_reader_sees_the_report_without_its_forms_and_may_not_step(client, process, staff, bbg_member):
    services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>Samenvatting 2019</p>")
    client.force_login(bbg_member)
    page = client.get(reverse("monitoring:report", kwargs={"slug": process.slug, "year": 2019})).content.decode()
    assert "Samenvatting 2019" in page
    assert "Aanbieden aan het RVO" not in page
    step = reverse("monitoring:report_transition", kwargs={"slug": process.slug, "year": 2019, "status": "sent_to_rvo"})
    assert client.post(step, {"meeting_date": "12-03-2020"}).status_code == 403
    assert ProgressReport.objects.get(process=process, year=2019).status == "concept"


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


def test_the_adopted_pdf_is_written_from_the_snapshot_charts_included(process, goal, indicator, moments, staff):
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4000", source="Politie BVI")
    )
    services.explanation_save(goal=goal, moment=moments[0], user=staff, explanation="Het keurmerk werkt.")
    services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>Een goed eerste jaar.</p>")
    _adopt(process, 2019, staff)
    adopted = report.report_html(process, 2019)
    assert "4.000" in adopted
    assert adopted.count("<svg") == 1
    assert "Versie</dt><dd>1.0" in adopted

    # A value corrected after adoption shows on the monitoring, not in the adopted report (text nor chart).
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="3900", source="Politie BVI")
    )
    services.explanation_save(goal=goal, moment=moments[0], user=staff, explanation="Later herzien.")
    assert report.report_html(process, 2019) == adopted
    assert "3.900" not in adopted
    # The next year's report, still in concept, reads the monitoring as it is now.
    assert "3.900" in report.report_html(process, 2020)
