"""The scan matrix's cached fragment (core.fragments): served from the cache while the scan's data is unchanged,
rendered afresh after any write (service, model save, delete, bulk write with scan_changed), per language, and
never carrying the staff-only form to another role."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import fragments
from planning.models import Municipality
from scan.fragments import scan_changed
from scan.models import MunicipalPlan, PlanTheme, Theme
from scan.services import plan_theme_add, plan_theme_update
from tests.scan.factories import (
    fast_passwords_fixture,  # noqa: F401  (the fast_passwords fixture)
    name_theme,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

ADD_FORM = "Thema toevoegen aan een plan"


@pytest.fixture
def arnhem_names_cybercrime(process):
    arnhem = Municipality.objects.get(name="Arnhem")
    name_theme(process, arnhem, Theme.objects.get(name="Cybercrime"), wording="Digitale veiligheid")
    return arnhem


def page(client, process, **params) -> str:
    response = client.get(reverse("scan:matrix", kwargs={"slug": process.slug}), params)
    assert response.status_code == 200
    return response.content.decode()


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def queries(client, process) -> int:
    with CaptureQueriesContext(connection) as context:
        page(client, process)
    return len(context.captured_queries)


def test_second_request_is_served_from_the_cache_with_the_same_tables(client, staff, process, arnhem_names_cybercrime):
    client.force_login(staff)
    first = page(client, process)
    uncached = queries(client, process)  # the fragment is in the cache now
    cache.clear()
    client.force_login(staff)
    rendered = queries(client, process)
    assert uncached < rendered  # the matrix's own reads are skipped
    assert without_tokens(page(client, process)) == without_tokens(first)
    assert "Arnhem noemt Cybercrime: Digitale veiligheid" in first


def test_secretary_is_not_served_the_staff_form_from_a_fragment_made_for_staff(
    client, staff, secretary, process, arnhem_names_cybercrime
):
    client.force_login(staff)
    assert ADD_FORM in page(client, process)  # staff's request fills the cache
    client.force_login(secretary)
    html = page(client, process)
    assert "Arnhem noemt Cybercrime: Digitale veiligheid" in html  # the shared tables
    assert ADD_FORM not in html
    assert 'name="theme"' not in html


def test_bbg_member_after_staff_sees_no_staff_form(client, staff, bbg_member, process, arnhem_names_cybercrime):
    client.force_login(staff)
    page(client, process)
    client.force_login(bbg_member)
    assert ADD_FORM not in page(client, process)


def test_a_theme_added_through_the_service_shows_at_once(client, staff, process, arnhem_names_cybercrime):
    client.force_login(staff)
    assert "Arnhem noemt Ondermijning" not in page(client, process)
    plan = MunicipalPlan.objects.get(process=process, municipality=arnhem_names_cybercrime)
    plan_theme_add(plan=plan, theme=Theme.objects.get(name="Ondermijning"), wording="Weerbaar bestuur")
    assert "Arnhem noemt Ondermijning: Weerbaar bestuur" in page(client, process)


def test_a_changed_wording_and_a_removed_mark_show_at_once(client, staff, process, arnhem_names_cybercrime):
    client.force_login(staff)
    page(client, process)
    plan_theme = PlanTheme.objects.get(plan__municipality=arnhem_names_cybercrime)
    plan_theme_update(plan_theme=plan_theme, wording="Cyberweerbaarheid", origin=PlanTheme.Origin.CHANGED)
    html = page(client, process)
    assert "Arnhem noemt Cybercrime: Cyberweerbaarheid (gewijzigd door de gemeente)" in html
    plan_theme.delete()
    assert "Arnhem noemt Cybercrime" not in page(client, process)


def test_a_renamed_municipality_and_theme_show_at_once(client, staff, process, arnhem_names_cybercrime):
    client.force_login(staff)
    page(client, process)
    arnhem_names_cybercrime.name = "Arnhem-Zuid"
    arnhem_names_cybercrime.save()
    theme = Theme.objects.get(name="Cybercrime")
    theme.name = "Digitale criminaliteit"
    theme.save()
    html = page(client, process)
    assert "Arnhem-Zuid noemt Digitale criminaliteit" in html


def test_a_bulk_write_shows_after_scan_changed(client, staff, process, arnhem_names_cybercrime):
    client.force_login(staff)
    page(client, process)
    plan = MunicipalPlan.objects.get(process=process, municipality=arnhem_names_cybercrime)
    PlanTheme.objects.bulk_create([PlanTheme(plan=plan, theme=Theme.objects.get(name="Mensenhandel"))])
    scan_changed()
    assert "Arnhem noemt Mensenhandel" in page(client, process)


def test_each_language_and_sort_order_has_its_own_fragment(client, staff, process, arnhem_names_cybercrime):
    client.force_login(staff)
    dutch = page(client, process)
    client.cookies["django_language"] = "en"
    english = page(client, process, sorteer="aantal")
    assert "noemt Cybercrime" in dutch
    assert "noemt Cybercrime" not in english
    assert "Municipalities × themes" in english or "Municipalities" in english


def test_a_version_missing_from_the_cache_starts_above_any_earlier_one():
    # Started afresh within the same millisecond many times over: the random part alone would go down about half the
    # time (it did, once, in CI).
    for _ in range(50):
        before = fragments.data_version("test-area")
        cache.clear()
        assert fragments.data_version("test-area") > before


def test_a_version_bumped_after_a_flush_starts_above_the_one_before():
    first = fragments.data_version("test-area")
    fragments.bump("test-area")
    bumped = fragments.data_version("test-area")
    cache.clear()
    fragments.bump("test-area")
    assert bumped > first
    assert fragments.data_version("test-area") > bumped


def test_a_bump_inside_a_transaction_moves_the_version_again_on_commit(django_capture_on_commit_callbacks):
    start = fragments.data_version("test-area")
    with django_capture_on_commit_callbacks(execute=True):
        fragments.bump("test-area")
        assert fragments.data_version("test-area") == start + 1
    assert fragments.data_version("test-area") == start + 2


def test_a_cache_that_does_not_answer_costs_the_rendering_not_the_page(monkeypatch):
    def broken(*_args, **_kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(fragments.cache, "get", broken)
    assert fragments.cached_fragment("t", areas=["a"], audience="all", render=lambda: "rendered") == "rendered"


def test_the_add_forms_lists_come_from_the_cache_and_a_new_theme_shows_at_once(client, staff, bbg_member, process):
    client.force_login(staff)
    first = page(client, process)
    assert ">Cybercrime</option>" in first
    with CaptureQueriesContext(connection) as context:
        page(client, process)
    assert not any('"scan_theme"' in query["sql"] for query in context.captured_queries)
    Theme.objects.create(name="Drugsafval")
    assert ">Drugsafval</option>" in page(client, process)
    client.force_login(bbg_member)
    assert ADD_FORM not in page(client, process)  # the cached lists never bring the form to a reader


def test_a_browser_that_accepts_gzip_gets_the_same_page_with_the_pieces_compressed_once(
    client, staff, process, arnhem_names_cybercrime
):
    """The matrix's pieces are cached compressed (core.deflated) and spliced into the page's own compression: the
    gzip answer unpacks (CRC and length checked) to the very page a client without gzip gets, and neither holds a
    placeholder."""
    import gzip

    client.force_login(staff)
    url = reverse("scan:matrix", kwargs={"slug": process.slug})
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    assert int(plain["Content-Length"]) == len(plain.content)
    compressed = client.get(url, headers={"accept-encoding": "gzip, deflate"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert int(compressed["Content-Length"]) == len(compressed.content)
    assert len(compressed.content) < len(plain.content) / 5
    unpacked = gzip.decompress(compressed.content).decode()
    assert without_tokens(unpacked) == without_tokens(plain.content.decode())
    assert "Digitale veiligheid" in unpacked
    assert "vs-deflated" not in unpacked
    assert "vs-deflated" not in plain.content.decode()
    # A write shows at once in the compressed page too.
    name_theme(
        process,
        Municipality.objects.get(name="Renkum"),
        Theme.objects.get(name="Cybercrime"),
        wording="Renkum digitaal",
    )
    again = client.get(url, headers={"accept-encoding": "gzip"})
    assert "Renkum digitaal" in gzip.decompress(again.content).decode()
