"""The proposal as a document with versions: the PDF (the nota's house style: cover, contents, "pagina x van y",
PDF/UA-1) and the .docx hold per goal the organisation, the cost items and funding per source per year in Dutch
amounts, the coverage warning, the key per municipality and what was done about the three municipalities without a
population, and who decided what; the offer and the adoption each freeze a version, and an adopted version never
changes; downloads go through the render cache with the nota's progress page."""

import datetime
import io

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document as WordDocument

from audit.models import AuditEvent
from documents.rendering import Kind
from documents.rendering.cache import Status, cached_file, set_status
from planning.models import District, Municipality
from proposal import services
from proposal.content import version_content
from proposal.models import CostItem, Funding, Proposal, ProposalVersion

pytestmark = pytest.mark.django_db

OFFERED = datetime.date(2019, 4, 10)


def codes(error):
    error = error.value
    if hasattr(error, "error_dict"):
        return [item.code for items in error.error_dict.values() for item in items]
    return [item.code for item in error.error_list]


@pytest.fixture
def worked_out(proposal, plan, staff):
    """A proposal with a budget for its first goal (2020 not covered), Geldermalsen's population entered with its
    source and Lingewaal and Neerijnen excluded with a reason."""
    services.cost_item_add(plan=plan, user=staff, year=2019, description="Programmamanager", amount="91234.56")
    services.cost_item_add(plan=plan, user=staff, year=2020, description="Opleiding wijkteams", amount="60000")
    services.funding_add(plan=plan, user=staff, year=2019, source=Funding.Source.POLICE, amount="41234.56")
    services.funding_add(plan=plan, user=staff, year=2019, source=Funding.Source.MUNICIPALITIES, amount="50000")
    services.funding_add(plan=plan, user=staff, year=2020, source=Funding.Source.PROVINCE, amount="10000")
    services.plan_update(plan=plan, user=staff, lead_partner="police", programme_team="Een programmamanager (0,8 fte)")
    services.key_population_enter(
        proposal=proposal,
        user=staff,
        municipality=Municipality.objects.get(name="Geldermalsen"),
        population=26_000,
        source="CBS, 1 januari 2018",
    )
    for name in ("Lingewaal", "Neerijnen"):
        services.key_municipality_exclude(
            proposal=proposal,
            user=staff,
            municipality=Municipality.objects.get(name=name),
            reason="Per 1 januari 2019 opgegaan in West Betuwe",
        )
    return Proposal.objects.get(pk=proposal.pk)


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def download(client, proposal, label, name="version_pdf"):
    response = client.get(reverse(f"proposal:{name}", kwargs={"slug": proposal.process.slug, "label": label}))
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def test_the_pdf_holds_the_goals_budget_key_and_decisions_in_the_house_style(client, bbg_member, worked_out, staff):
    proposal = services.proposal_offer(proposal=worked_out, user=staff, offered_on=OFFERED)
    services.proposal_decision_record(
        proposal=proposal,
        user=staff,
        district=District.objects.get(code="GLM"),
        outcome="conditions",
        decided_on=datetime.date(2019, 4, 20),
        conditions="Evaluatie na twee jaar.",
    )
    services.proposal_version_create(proposal=proposal, user=staff, note="Met het besluit van GLM")
    client.force_login(bbg_member)
    reader, text = pdf_text(download(client, proposal, "0.2"))
    goal = proposal.plans.order_by("goal__position").first().goal

    assert goal.title in text
    assert "Inhoud" in text
    assert "Besluitvorming" in text
    pages = len(reader.pages)
    assert f"pagina 2 van {pages}" in text
    assert f"pagina {pages} van {pages}" in text
    assert "CONCEPT" in text
    assert "Programmamanager € 91.234,56" in text
    assert "Politie € 41.234,56" in text
    assert "Provincie € 10.000,00" in text
    assert "Let op: de financiering dekt de kosten niet in 1 jaar: 2020 (tekort € 50.000,00)." in text
    assert "Geldermalsen: inwonertal ingevoerd: 26.000 (bron: CBS, 1 januari 2018)." in text
    assert "Lingewaal: buiten de verdeling gelaten, reden: Per 1 januari 2019 opgegaan in West Betuwe" in text
    assert "Neerijnen: buiten de verdeling gelaten" in text
    assert "Aandeel gemeenten 2019 € 50.000,00" in text
    assert "GLM Gelderland-Midden akkoord onder voorwaarden 20 april 2019 Evaluatie na twee jaar." in text
    assert "Nog geen besluit van 78 colleges" in text
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root
    assert 'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data().decode()
    assert reader.metadata.title == proposal.title
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.DOCUMENT_DOWNLOAD, user=bbg_member).count() == 1


def test_the_docx_has_the_same_chapters_and_amounts(client, staff, worked_out):
    version = services.proposal_version_create(proposal=worked_out, user=staff)
    client.force_login(staff)
    word = WordDocument(io.BytesIO(download(client, worked_out, version.label, "version_docx")))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading 1")]
    goal = worked_out.plans.order_by("goal__position").first().goal
    assert headings[0] == "1. Inleiding"
    assert f"2. Doelstelling 1: {goal.title}" in headings
    assert headings[-2:] == ["5. Verdeelsleutel van het aandeel van de gemeenten", "6. Besluitvorming"]
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert {"Programmamanager", "€ 91.234,56", "tekort € 50.000,00", "Geldermalsen", "Arnhem"} <= cells
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Lingewaal: buiten de verdeling gelaten, reden: Per 1 januari 2019 opgegaan in West Betuwe" in text
    assert "CONCEPT" in word.sections[0].header.paragraphs[0].text


def test_the_offer_and_the_adoption_freeze_versions_and_an_adopted_one_never_changes(worked_out, staff):
    proposal = services.proposal_offer(proposal=worked_out, user=staff, offered_on=OFFERED)
    services.proposal_adopt(
        proposal=proposal, user=staff, rvo_on=datetime.date(2019, 5, 2), board_adopted_on=datetime.date(2019, 5, 16)
    )
    versions = list(proposal.versions.order_by("major", "minor"))
    assert [(v.label, v.status) for v in versions] == [("0.1", "offered"), ("1.0", "adopted")]
    adopted = versions[-1]
    content = version_content(adopted)
    assert content.is_adopted
    assert content.status_label == "vastgesteld"
    assert content.date == datetime.date(2019, 5, 16)
    before = (adopted.snapshot, adopted.fingerprint)

    with pytest.raises(ValidationError) as error:
        services.proposal_version_create(proposal=proposal, user=staff)
    assert codes(error) == ["proposal_frozen"]
    # Whatever happens to the data afterwards (here behind the services' back), version 1.0 reads as adopted.
    CostItem.objects.filter(plan__proposal=proposal).update(amount=1)
    Municipality.objects.filter(name="Arnhem").update(population=1)
    adopted = ProposalVersion.objects.get(pk=adopted.pk)
    assert (adopted.snapshot, adopted.fingerprint) == before
    assert version_content(adopted).fingerprint() == adopted.fingerprint
    key = next(s for s in version_content(adopted).sections if s.key == "key")
    assert "Gemeenten zonder bekend inwonertal" in key.html


def test_only_staff_freeze_a_version(worked_out, bbg_member, secretary, client):
    for user in (bbg_member, secretary):
        with pytest.raises(PermissionDenied):
            services.proposal_version_create(proposal=worked_out, user=user)
        client.force_login(user)
        url = reverse("proposal:version_create", kwargs={"slug": worked_out.process.slug})
        assert client.post(url, {"note": "x"}).status_code == 403
    assert not worked_out.versions.exists()


def test_staff_freeze_a_version_on_the_page_and_find_its_downloads(client, staff, worked_out):
    client.force_login(staff)
    page = reverse("proposal:detail", kwargs={"slug": worked_out.process.slug})
    assert "Voorstel vastleggen als versie 0.1" in client.get(page).content.decode()
    response = client.post(
        reverse("proposal:version_create", kwargs={"slug": worked_out.process.slug}), {"note": "Eerste opzet"}
    )
    assert response.status_code == 302
    html = client.get(page).content.decode()
    assert "PDF versie 0.1" in html
    assert "Word (.docx) versie 0.1" in html
    assert "Eerste opzet" in html
    assert "Voorstel vastleggen als versie 0.2" in html


def test_a_download_not_yet_rendered_shows_the_progress_and_its_status(client, staff, worked_out, settings):
    version = services.proposal_version_create(proposal=worked_out, user=staff)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    fingerprint = version.fingerprint
    set_status(fingerprint, Kind.DOCUMENT, Status.RENDERING, 40)  # a worker is at it
    client.force_login(staff)
    kwargs = {"slug": worked_out.process.slug, "label": "0.1"}
    response = client.get(reverse("proposal:version_pdf", kwargs=kwargs))
    assert response.status_code == 202
    assert "Bezig met opmaken" in response.content.decode()
    status = client.get(reverse("proposal:render_status", kwargs=kwargs) + "?kind=document").json()
    assert status["status"] == "rendering"
    assert status["progress"] == 40
    assert client.get(reverse("proposal:render_status", kwargs=kwargs) + "?kind=pdfa").status_code == 404
    assert cached_file(fingerprint, Kind.DOCUMENT) is None


def test_an_unknown_version_is_404(client, bbg_member, worked_out):
    client.force_login(bbg_member)
    for label in ("0.9", "x", "1.2.3", "99999999.1"):
        url = reverse("proposal:version_pdf", kwargs={"slug": worked_out.process.slug, "label": label})
        assert client.get(url).status_code == 404
