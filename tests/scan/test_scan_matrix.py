"""The scan matrix: counts and shares per theme, the unknown-population note, sorting, the heat map, the theme
shares for the long list, permissions, and a flat number of queries at 1x and 10x the municipalities."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from planning.models import District, Municipality
from scan.fragments import scan_changed
from scan.models import MunicipalPlan, PlanTheme, Theme
from scan.selectors import SORT_COUNT, scan_matrix, theme_shares, themes_share
from tests.scan.factories import (
    ThemeFactory,
    fast_passwords_fixture,  # noqa: F401  (the fast_passwords fixture)
    name_theme,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def municipality(name):
    return Municipality.objects.get(name=name)


@pytest.fixture
def scanned(process):
    """Ondermijning: Arnhem, Enschede and Geldermalsen (population unknown); Cybercrime: Arnhem only."""
    ondermijning = Theme.objects.get(name="Ondermijning")
    cybercrime = Theme.objects.get(name="Cybercrime")
    name_theme(process, municipality("Arnhem"), ondermijning, wording="Aanpak ondermijnende criminaliteit")
    name_theme(process, municipality("Enschede"), ondermijning, origin=PlanTheme.Origin.ADDED)
    name_theme(process, municipality("Geldermalsen"), ondermijning)
    name_theme(process, municipality("Arnhem"), cybercrime, wording="Digitale veiligheid")
    return {"ondermijning": ondermijning, "cybercrime": cybercrime}


def known_total():
    return sum(m.population for m in Municipality.objects.exclude(population=None))


def test_theme_shares_counts_municipalities_and_known_inhabitants(process, scanned):
    share = theme_shares(process)[scanned["ondermijning"].pk]

    assert share.count == 3
    assert share.total_municipalities == 78
    assert share.share_municipalities == pytest.approx(100 * 3 / 78)
    known = municipality("Arnhem").population + municipality("Enschede").population
    assert share.inhabitants == known
    assert share.total_inhabitants == known_total()
    assert share.share_inhabitants == pytest.approx(100 * known / known_total())
    assert share.unknown_population == ("Geldermalsen",)
    assert share.per_district["GLM"] == 1
    assert share.per_district["TWN"] == 1
    assert share.per_district["GLZ"] == 1
    assert share.per_district["IJSS"] == 0
    assert not share.meets(process.majority_threshold)


def test_theme_shares_include_themes_no_plan_names(process, scanned):
    shares = theme_shares(process)
    assert set(shares) == set(Theme.objects.values_list("pk", flat=True))
    assert shares[Theme.objects.get(name="Mensenhandel").pk].count == 0
    assert shares[Theme.objects.get(name="Mensenhandel").pk].share_inhabitants == 0


def test_themes_share_counts_a_municipality_once_for_several_themes(process, scanned):
    share = themes_share(process, [scanned["ondermijning"].pk, scanned["cybercrime"].pk])
    assert share.count == 3
    assert share.municipality_ids == {municipality(n).pk for n in ("Arnhem", "Enschede", "Geldermalsen")}


def test_other_process_does_not_count(process, scanned):
    from tests.planning.factories import StrategyProcessFactory

    other = StrategyProcessFactory()
    assert theme_shares(other)[scanned["ondermijning"].pk].count == 0


def test_matrix_sorts_by_count(process, scanned):
    matrix = scan_matrix(process, sort=SORT_COUNT)
    assert [t.name for t in matrix.themes[:2]] == ["Ondermijning", "Cybercrime"]
    by_name = scan_matrix(process)
    names = [t.name for t in by_name.themes]
    assert names == sorted(names, key=str.lower)


def test_matrix_heat_map_counts_per_district(process, scanned):
    matrix = scan_matrix(process, sort=SORT_COUNT)
    glm = next(row for row in matrix.heat_rows if row.district_code == "GLM")
    assert glm.municipality_count == 15
    cell = glm.cells[0]
    assert (cell.theme.name, cell.count, cell.total) == ("Ondermijning", 1, 15)
    assert cell.level == 1


def test_staff_sees_matrix_with_counts_note_and_wording(client, staff, process, scanned):
    client.force_login(staff)
    response = client.get(reverse("scan:matrix", kwargs={"slug": process.slug}), {"sorteer": "aantal"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Inwonertal onbekend van:" in html
    assert "Geldermalsen, Lingewaal, Neerijnen" in html
    assert 'title="Ondermijning: Aanpak ondermijnende criminaliteit"' in html
    assert "Arnhem noemt Cybercrime: Digitale veiligheid" in html
    assert "aangevuld door de gemeente" in html  # Enschede's addition is marked
    assert '<tr data-theme="Ondermijning">' in html
    assert "3,8%" in html  # 3 of 78
    assert "zonder Geldermalsen: inwonertal onbekend" in html
    assert "Thema toevoegen aan een plan" in html
    # Sorted by count: Ondermijning (3) is the first theme row of the shares table.
    assert html.index('<tr data-theme="Ondermijning">') < html.index('<tr data-theme="Cybercrime">')
    assert html.index('<tr data-theme="Cybercrime">') < html.index("<tr data-theme=", html.index("Cybercrime") + 1)


@pytest.mark.parametrize("role", ["secretary", "bbg_member", "administrator"])
def test_every_role_reads_the_matrix(client, users, role, process, scanned):
    client.force_login(users[role])
    response = client.get(reverse("scan:matrix", kwargs={"slug": process.slug}))
    assert response.status_code == 200
    assert "Ondermijning" in response.content.decode()
    assert ("Thema toevoegen aan een plan" in response.content.decode()) == (role == "administrator")


def test_anonymous_goes_to_login(client, process):
    response = client.get(reverse("scan:matrix", kwargs={"slug": process.slug}))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_outsider_gets_403(client, outsider, process):
    client.force_login(outsider)
    assert client.get(reverse("scan:matrix", kwargs={"slug": process.slug})).status_code == 403


def test_unknown_process_is_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("scan:matrix", kwargs={"slug": "bestaat-niet"})).status_code == 404


def add_municipalities_with_plans(process, number: int) -> None:
    """``number`` extra municipalities, each with a plan naming one to five themes."""
    district_ids = list(District.objects.values_list("pk", flat=True))
    extra = Municipality.objects.bulk_create(
        Municipality(district_id=district_ids[i % 5], name=f"Extra {i}", cbs_code=f"E{i:05d}", population=1000 + i)
        for i in range(number)
    )
    plans = MunicipalPlan.objects.bulk_create(MunicipalPlan(process=process, municipality=m) for m in extra)
    themes = list(Theme.objects.all()[:5])
    PlanTheme.objects.bulk_create(
        PlanTheme(plan=plan, theme=theme, wording="x") for i, plan in enumerate(plans) for theme in themes[: i % 5 + 1]
    )
    scan_changed()  # bulk inserts send no signals; the cached matrix must learn of them


def _queries(client, url) -> int:
    """The queries of rendering the page (the cached matrix fragment emptied first)."""
    cache.clear()
    client.force_login(User.objects.get(username="staf"))
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url_name", ["scan:matrix", "scan:matrix_xlsx", "scan:matrix_csv", "scan:plan_list"])
def test_query_count_is_flat_at_1x_and_10x_municipalities(client, staff, process, scanned, url_name):
    client.force_login(staff)
    url = reverse(url_name, kwargs={"slug": process.slug})
    client.get(url)  # warm up the session and caches
    at_1x = _queries(client, url)

    add_municipalities_with_plans(process, 78 * 9)
    ThemeFactory.create_batch(10)
    assert Municipality.objects.count() == 780

    at_10x = _queries(client, url)
    assert at_10x == at_1x
    if url_name == "scan:matrix":
        # Session, user and the navigation's unread-notification count come on top of the matrix's own reads.
        assert at_1x <= 12
