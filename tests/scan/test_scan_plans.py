"""The municipalities' plans and the theme catalogue: list, page, edit with themes, the inline add-a-theme
form, the ambtelijke toets and the municipality's additions, and who may do what."""

import pytest
from django.urls import reverse

from planning.models import Municipality
from scan.models import MunicipalPlan, PlanTheme, Theme
from tests.scan.factories import (
    fast_passwords_fixture,  # noqa: F401  (the fast_passwords fixture)
    name_theme,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def url(name, process, municipality):
    return reverse(f"scan:{name}", kwargs={"slug": process.slug, "municipality_pk": municipality.pk})


@pytest.fixture
def arnhem():
    return Municipality.objects.get(name="Arnhem")


def test_theme_catalogue_is_loaded():
    names = set(Theme.objects.values_list("name", flat=True))
    assert {"Ondermijning", "Cybercrime", "Jeugdcriminaliteit", "Huiselijk geweld", "Radicalisering"} <= names
    assert {"High impact crimes", "Personen met verward gedrag", "Mensenhandel", "Polarisatie"} <= names


def test_plan_list_shows_every_municipality_and_unknown_population(client, secretary, process, arnhem):
    MunicipalPlan.objects.create(
        process=process, municipality=arnhem, title="IVP Arnhem", check_status="sent", check_sent_on="2018-04-04"
    )
    client.force_login(secretary)
    response = client.get(reverse("scan:plan_list", kwargs={"slug": process.slug}))
    html = response.content.decode()
    assert len(response.context["rows"]) == 78
    assert "1 van 78 gemeenten hebben een gescand plan." in html
    assert "verstuurd, verstuurd 4 april 2018" in html
    assert html.count("onbekend") >= 3
    assert "nog niet gescand" in html


def test_staff_edits_a_plan_with_themes(client, staff, process, arnhem):
    client.force_login(staff)
    drugs = Theme.objects.get(name="Drugs")
    response = client.post(
        url("plan_update", process, arnhem),
        {
            "plan-title": "Veilig Arnhem 2019-2022",
            "plan-period_start_year": "2019",
            "plan-period_end_year": "2022",
            "plan-check_status": "answered",
            "plan-check_sent_on": "2018-02-01",
            "plan-check_answered_on": "2018-03-01",
            "plan-check_notes": "Drugs toegevoegd",
            "themas-TOTAL_FORMS": "1",
            "themas-INITIAL_FORMS": "0",
            "themas-MIN_NUM_FORMS": "0",
            "themas-MAX_NUM_FORMS": "1000",
            "themas-0-theme": drugs.pk,
            "themas-0-wording": "Drugsoverlast",
            "themas-0-origin": "added",
        },
    )
    assert response.status_code == 302
    plan = MunicipalPlan.objects.get(process=process, municipality=arnhem)
    assert plan.title == "Veilig Arnhem 2019-2022"
    assert plan.check_status == MunicipalPlan.CheckStatus.AMENDED  # the municipality added a theme
    assert plan.plan_themes.get().wording == "Drugsoverlast"
    page = client.get(response.url).content.decode()
    assert "aangevuld door de gemeente" in page
    assert "1 maart 2018" in page


def test_plan_form_refuses_answer_before_sending(client, staff, process, arnhem):
    client.force_login(staff)
    response = client.post(
        url("plan_update", process, arnhem),
        {
            "plan-check_status": "answered",
            "plan-check_sent_on": "2018-03-01",
            "plan-check_answered_on": "2018-02-01",
            "themas-TOTAL_FORMS": "0",
            "themas-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert "De toets kan niet zijn beantwoord vóór hij is verstuurd." in response.content.decode()
    assert not MunicipalPlan.objects.exists()


def test_staff_adds_a_theme_from_the_matrix_and_the_counts_change(client, staff, process, arnhem):
    client.force_login(staff)
    matrix_url = reverse("scan:matrix", kwargs={"slug": process.slug})
    cyber = Theme.objects.get(name="Cybercrime")
    before = client.get(matrix_url).context["matrix"]
    assert before.shares[before.themes.index(cyber)].count == 0

    response = client.post(
        reverse("scan:plan_theme_add", kwargs={"slug": process.slug}),
        {
            "municipality": arnhem.pk,
            "theme": cyber.pk,
            "wording": "Digitale weerbaarheid",
            "origin": "scan",
            "next": matrix_url,
        },
    )
    assert response.status_code == 302
    assert response.url == matrix_url
    after = client.get(matrix_url)
    matrix = after.context["matrix"]
    assert matrix.shares[matrix.themes.index(cyber)].count == 1
    assert "&#x27;Cybercrime&#x27; is toegevoegd aan het plan van Arnhem." in after.content.decode()

    again = client.post(
        reverse("scan:plan_theme_add", kwargs={"slug": process.slug}),
        {"municipality": arnhem.pk, "theme": cyber.pk, "origin": "scan"},
    )
    assert again.status_code == 400
    assert "noemt &#x27;Cybercrime&#x27; al" in again.content.decode()
    assert PlanTheme.objects.count() == 1


def test_adding_by_the_municipality_after_the_check_marks_it_amended(client, staff, process, arnhem):
    MunicipalPlan.objects.create(process=process, municipality=arnhem, check_status="sent", check_sent_on="2018-02-01")
    client.force_login(staff)
    client.post(
        reverse("scan:plan_theme_add", kwargs={"slug": process.slug}),
        {"municipality": arnhem.pk, "theme": Theme.objects.get(name="Mensenhandel").pk, "origin": "added"},
    )
    assert MunicipalPlan.objects.get().check_status == MunicipalPlan.CheckStatus.AMENDED


def test_add_theme_refuses_an_outside_next(client, staff, process, arnhem):
    client.force_login(staff)
    response = client.post(
        reverse("scan:plan_theme_add", kwargs={"slug": process.slug}),
        {
            "municipality": arnhem.pk,
            "theme": Theme.objects.get(name="Drugs").pk,
            "origin": "scan",
            "next": "https://evil.example/",
        },
    )
    assert response.url == reverse("scan:matrix", kwargs={"slug": process.slug})


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_read_only_roles_read_but_cannot_write_plans_or_themes(client, users, role, process, arnhem):
    name_theme(process, arnhem, Theme.objects.get(name="Drugs"), wording="Drugs in Arnhem")
    client.force_login(users[role])
    page = client.get(url("plan_detail", process, arnhem))
    assert page.status_code == 200
    assert "Drugs in Arnhem" in page.content.decode()
    assert "Plan bewerken" not in page.content.decode()
    assert client.get(url("plan_update", process, arnhem)).status_code == 403
    assert client.post(url("plan_update", process, arnhem), {"plan-title": "x"}).status_code == 403
    add = client.post(
        reverse("scan:plan_theme_add", kwargs={"slug": process.slug}),
        {"municipality": arnhem.pk, "theme": Theme.objects.get(name="Cybercrime").pk, "origin": "scan"},
    )
    assert add.status_code == 403
    assert PlanTheme.objects.count() == 1
    assert client.get(reverse("scan:theme_list")).status_code == 200
    assert client.get(reverse("scan:theme_create")).status_code == 403
    assert client.post(reverse("scan:theme_create"), {"name": "Nieuw"}).status_code == 403
    assert not Theme.objects.filter(name="Nieuw").exists()


def test_staff_adds_and_edits_a_theme(client, staff):
    client.force_login(staff)
    response = client.post(reverse("scan:theme_create"), {"name": "Veilige haven", "description": "Havens"})
    assert response.status_code == 302
    theme = Theme.objects.get(name="Veilige haven")
    client.post(reverse("scan:theme_update", kwargs={"pk": theme.pk}), {"name": "Veilige havens"})
    theme.refresh_from_db()
    assert theme.name == "Veilige havens"
    duplicate = client.post(reverse("scan:theme_create"), {"name": "Cybercrime"})
    assert "Er is al een thema met deze naam." in duplicate.content.decode()


def test_anonymous_and_outsider_on_plan_pages(client, outsider, process, arnhem):
    response = client.get(url("plan_detail", process, arnhem))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert client.get(reverse("scan:theme_list")).status_code == 302
    client.force_login(outsider)
    assert client.get(url("plan_detail", process, arnhem)).status_code == 403
    assert client.get(reverse("scan:plan_list", kwargs={"slug": process.slug})).status_code == 403
    assert client.get(reverse("scan:theme_list")).status_code == 403
