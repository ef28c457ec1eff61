"""The search page, the top bar's form and the search in the API: who may search, what they find, bad input."""

import pytest
from django.urls import reverse

from scan.models import Source
from tests.planning.factories import MilestoneFactory
from tests.scan.factories import SourceFactory


@pytest.fixture
def sources(process):
    return {
        "confidential": SourceFactory(
            process=process,
            title="Ondermijningsbeeld Oost",
            notes="Drugslabs in de Achterhoek",
            confidentiality=Source.Confidentiality.CONFIDENTIAL,
        ),
        "public": SourceFactory(
            process=process,
            title="Nationaal Dreigingsbeeld",
            notes="Drugslabs landelijk",
            confidentiality=Source.Confidentiality.PUBLIC,
        ),
    }


def search_page(client, user, **params):
    client.force_login(user)
    return client.get(reverse("search:search"), params)


@pytest.mark.django_db
def test_staff_find_the_confidential_source_on_the_page(client, staff, sources):
    page = search_page(client, staff, q="drugslabs").content.decode()
    assert "2 resultaten voor ‘drugslabs’" in page
    assert "Ondermijningsbeeld Oost" in page
    assert f"/bronnen/{sources['confidential'].pk}/" in page
    assert "<mark>Drugslabs</mark> in de Achterhoek" in page


@pytest.mark.django_db
def test_a_secretary_sees_only_the_public_source_and_its_count(client, secretary, sources):
    page = search_page(client, secretary, q="drugslabs").content.decode()
    assert "1 resultaat voor ‘drugslabs’" in page
    assert "Nationaal Dreigingsbeeld" in page
    assert "Ondermijningsbeeld" not in page
    assert "Achterhoek" not in page
    assert f"/bronnen/{sources['confidential'].pk}/" not in page


@pytest.mark.django_db
def test_the_page_says_when_nothing_is_found(client, bbg_member, sources):
    page = search_page(client, bbg_member, q="achterhoek").content.decode()
    assert "0 resultaten voor ‘achterhoek’" in page
    assert "Niets gevonden" in page


@pytest.mark.django_db
def test_the_kind_filter_and_the_counts_per_kind(client, staff, sources, process):
    MilestoneFactory(process=process, title="Drugslabs bespreken in het RVO")
    page = search_page(client, staff, q="drugslabs").content.decode()
    assert 'soort=source">Bron <span class="badge text-bg-secondary">2</span>' in page
    assert 'soort=milestone">Mijlpaal <span class="badge text-bg-secondary">1</span>' in page
    only = search_page(client, staff, q="drugslabs", soort="milestone").content.decode()
    assert "Drugslabs bespreken in het RVO" in only
    assert "Nationaal Dreigingsbeeld" not in only


@pytest.mark.django_db
def test_bad_input_gets_a_dutch_message_not_a_500(client, staff, sources):
    too_long = search_page(client, staff, q="x" * 201)
    assert too_long.status_code == 200
    assert "Een zoekvraag is hoogstens 200 tekens lang." in too_long.content.decode()
    unknown = search_page(client, staff, q="drugslabs", proces="bestaat-niet", soort="geheim").content.decode()
    assert "Dit proces bestaat niet." in unknown
    assert "Deze soort bestaat niet." in unknown
    assert "Ondermijningsbeeld" not in unknown


@pytest.mark.django_db
def test_anonymous_visitors_go_to_the_login_and_outsiders_get_403(client, outsider):
    response = client.get(reverse("search:search"), {"q": "drugslabs"})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    client.force_login(outsider)
    assert client.get(reverse("search:search"), {"q": "drugslabs"}).status_code == 403


@pytest.mark.django_db
def test_the_top_bar_has_the_search_form_for_users_with_a_role(client, secretary, outsider, process):
    client.force_login(secretary)
    page = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug})).content.decode()
    assert f'action="{reverse("search:search")}" role="search"' in page
    assert '<label for="top-search-q" class="visually-hidden">Zoeken in het portaal</label>' in page
    client.force_login(outsider)
    assert 'id="top-search-q"' not in client.get(reverse("profile")).content.decode()


@pytest.mark.django_db
def test_the_api_answers_the_same_hits_per_role(client, staff, secretary, sources, process):
    url = reverse("search-api")
    client.force_login(staff)
    body = client.get(url, {"q": "drugslabs", "process": process.slug}).json()
    assert body["total"] == 2
    assert body["counts"] == {"source": 2}
    assert {hit["title"] for hit in body["results"]} == {"Ondermijningsbeeld Oost", "Nationaal Dreigingsbeeld"}
    first = body["results"][0]
    assert first["kind"] == "source"
    assert first["html_url"].startswith("http://testserver/processen/vs-2019-2022/bronnen/")
    client.force_login(secretary)
    body = client.get(url, {"q": "achterhoek"}).json()
    assert body == {"query": "achterhoek", "total": 0, "counts": {}, "results": []}


@pytest.mark.django_db
def test_the_api_refuses_bad_input_with_codes(client, staff):
    client.force_login(staff)
    url = reverse("search-api")
    missing = client.get(url)
    assert missing.status_code == 400
    assert missing.json()["errors"] == [{"code": "required", "message": "Geef een zoekvraag op.", "field": "q"}]
    too_long = client.get(url, {"q": "x" * 201}).json()["errors"][0]
    assert (too_long["code"], too_long["field"]) == ("max_length", "q")
    assert client.get(url, {"q": "x", "kind": "geheim"}).json()["errors"][0]["code"] == "invalid_choice"
    assert client.get(url, {"q": "x", "process": "bestaat-niet"}).status_code == 404


@pytest.mark.django_db
def test_the_api_refuses_users_without_a_role(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("search-api"), {"q": "x"}).status_code == 403
