"""Sources: list, search, detail, create and edit; confidential sources reach programme staff only, on every
page, in search results, in the CSV export and the scan's Excel export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from scan.models import Source, Theme
from scan.selectors import sources_visible_to
from tests.planning.factories import StrategyProcessFactory
from tests.scan.factories import (
    SourceFactory,
    fast_passwords_fixture,  # noqa: F401  (the fast_passwords fixture)
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

STAFF_ROLES = ["staff", "administrator"]
READ_ONLY_ROLES = ["secretary", "bbg_member"]


@pytest.fixture
def sources(process):
    ondermijning = Theme.objects.get(name="Ondermijning")
    public = SourceFactory(
        process=process,
        title="Nationaal Dreigingsbeeld 2017",
        kind=Source.Kind.THREAT_ASSESSMENT,
        owner="Politie",
        reference="https://example.org/ndb2017",
        confidentiality=Source.Confidentiality.PUBLIC,
    )
    secret = SourceFactory(
        process=process,
        title="Ondermijningsbeeld Twente",
        kind=Source.Kind.UNDERMINING,
        owner="RIEC Oost-Nederland",
        reference="kluis RIEC",
        confidentiality=Source.Confidentiality.CONFIDENTIAL,
    )
    public.themes.add(ondermijning)
    secret.themes.add(ondermijning)
    return {"public": public, "secret": secret, "theme": ondermijning}


def list_url(process, **params):
    return reverse("scan:source_list", kwargs={"slug": process.slug})


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_programme_staff_see_confidential_sources(role, users, sources, process):
    visible = sources_visible_to(users[role], process)
    assert set(visible) == {sources["public"], sources["secret"]}


@pytest.mark.parametrize("role", [*READ_ONLY_ROLES, "outsider"])
def test_others_do_not_see_confidential_sources(role, users, sources, process):
    visible = set(sources_visible_to(users[role], process))
    assert sources["secret"] not in visible
    assert (sources["public"] in visible) == (role != "outsider")


def test_sources_of_another_process_are_left_out(staff, sources, process):
    other = SourceFactory(process=StrategyProcessFactory(), reference="x")
    assert other not in set(sources_visible_to(staff, process))


@pytest.mark.parametrize("role", STAFF_ROLES + READ_ONLY_ROLES)
def test_source_list_and_search(client, users, role, sources, process):
    client.force_login(users[role])
    sees = role in STAFF_ROLES

    html = client.get(list_url(process)).content.decode()
    assert "Nationaal Dreigingsbeeld 2017" in html
    assert ("Ondermijningsbeeld Twente" in html) == sees

    for params in ({"q": "Twente"}, {"kind": "undermining"}, {"theme": sources["theme"].pk}, {"q": "RIEC"}):
        response = client.get(list_url(process), params)
        assert response.status_code == 200
        assert ("Ondermijningsbeeld Twente" in response.content.decode()) == sees, params
        assert (sources["secret"] in response.context["sources"]) == sees


@pytest.mark.parametrize("role", STAFF_ROLES + READ_ONLY_ROLES)
def test_source_detail(client, users, role, sources, process):
    client.force_login(users[role])
    secret = client.get(reverse("scan:source_detail", kwargs={"slug": process.slug, "pk": sources["secret"].pk}))
    public = client.get(reverse("scan:source_detail", kwargs={"slug": process.slug, "pk": sources["public"].pk}))
    assert public.status_code == 200
    assert "https://example.org/ndb2017" in public.content.decode()
    if role in STAFF_ROLES:
        assert secret.status_code == 200
        assert "Vertrouwelijk: alleen zichtbaar voor de programmastaf." in secret.content.decode()
    else:
        assert secret.status_code == 404
        assert "Ondermijningsbeeld" not in secret.content.decode()


@pytest.mark.parametrize("role", STAFF_ROLES + READ_ONLY_ROLES)
def test_sources_csv_export(client, users, role, sources, process):
    client.force_login(users[role])
    response = client.get(reverse("scan:source_export_csv", kwargs={"slug": process.slug}))
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffTitel;Soort;Datum")
    assert "Nationaal Dreigingsbeeld 2017;dreigingsbeeld" in text
    assert ("Ondermijningsbeeld Twente" in text) == (role in STAFF_ROLES)


@pytest.mark.parametrize("role", STAFF_ROLES + READ_ONLY_ROLES)
def test_scan_xlsx_lists_only_visible_sources(client, users, role, sources, process):
    client.force_login(users[role])
    response = client.get(reverse("scan:matrix_xlsx", kwargs={"slug": process.slug}))
    sheet = load_workbook(io.BytesIO(response.content))["Bronnen"]
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Nationaal Dreigingsbeeld 2017" in titles
    assert ("Ondermijningsbeeld Twente" in titles) == (role in STAFF_ROLES)


def test_staff_creates_a_source_with_reference(client, staff, process):
    client.force_login(staff)
    theme = Theme.objects.get(name="Cybercrime")
    response = client.post(
        reverse("scan:source_create", kwargs={"slug": process.slug}),
        {
            "title": "Evaluatie Politiewet 2012",
            "kind": "evaluation",
            "published_on": "2017-10-09",
            "owner": "Commissie Kuijken",
            "reference": "Kamerstukken 29628 nr. 740",
            "themes": [theme.pk],
            "confidentiality": "public",
        },
    )
    source = Source.objects.get(title="Evaluatie Politiewet 2012")
    assert response.status_code == 302
    assert source.process == process
    assert list(source.themes.all()) == [theme]
    detail = client.get(response.url).content.decode()
    assert "9 oktober 2017" in detail
    assert "Commissie Kuijken" in detail


def test_a_source_needs_a_document_or_reference(client, staff, process):
    client.force_login(staff)
    response = client.post(
        reverse("scan:source_create", kwargs={"slug": process.slug}),
        {"title": "Leeg", "kind": "other", "confidentiality": "internal"},
    )
    assert response.status_code == 400
    assert "Voeg een document toe of vul een vindplaats in." in response.content.decode()
    assert not Source.objects.exists()


def test_staff_edits_a_confidential_source(client, staff, sources, process):
    client.force_login(staff)
    url = reverse("scan:source_update", kwargs={"slug": process.slug, "pk": sources["secret"].pk})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Ondermijningsbeeld Twente 2018",
            "kind": "undermining",
            "reference": "kluis",
            "confidentiality": "confidential",
        },
    )
    assert response.status_code == 302
    sources["secret"].refresh_from_db()
    assert sources["secret"].title == "Ondermijningsbeeld Twente 2018"


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_cannot_write_sources(client, users, role, sources, process):
    client.force_login(users[role])
    create = reverse("scan:source_create", kwargs={"slug": process.slug})
    update = reverse("scan:source_update", kwargs={"slug": process.slug, "pk": sources["public"].pk})
    assert client.get(create).status_code == 403
    assert (
        client.post(create, {"title": "x", "kind": "other", "reference": "y", "confidentiality": "public"}).status_code
        == 403
    )
    assert (
        client.post(update, {"title": "x", "kind": "other", "reference": "y", "confidentiality": "public"}).status_code
        == 403
    )
    assert Source.objects.count() == 2
    sources["public"].refresh_from_db()
    assert sources["public"].title == "Nationaal Dreigingsbeeld 2017"


def test_anonymous_and_outsider(client, outsider, sources, process):
    response = client.get(list_url(process))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    client.force_login(outsider)
    assert client.get(list_url(process)).status_code == 403
    assert client.get(reverse("scan:source_export_csv", kwargs={"slug": process.slug})).status_code == 403
