import pytest
from django.urls import reverse

from tests.voting.factories import RoundFactory, make_frozen_long_list


@pytest.mark.django_db
def test_a_missing_page_is_explained_in_dutch_within_the_site(client, staff):
    client.force_login(staff)
    response = client.get("/processen/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="nl">' in html
    assert "Pagina niet gevonden" in html
    assert "Not Found" not in html
    assert "VS-portaal" in html


@pytest.mark.django_db
def test_another_dvos_ballot_gives_the_dutch_404(client, secretary, process, districts):
    make_frozen_long_list(process)
    RoundFactory(process=process)
    client.force_login(secretary)
    response = client.get(reverse("voting:ballot", kwargs={"slug": process.slug, "district": "TWN"}))
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.django_db
def test_no_permission_is_explained_in_dutch(client, outsider, process):
    client.force_login(outsider)
    response = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug}))
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
