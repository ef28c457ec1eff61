"""The rows each worker keeps (core.rows): the process of the URL, its document, its round and a DVO are read from
the memo by a page that only reads, and afresh after any write to them, by a submission and outside a request.
The memo holds data, never a decision: who may see the row is asked on every request."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import fragments
from core.fragments import CONTENT_AREA, bump
from core.rows import cached_row, forget_rows
from documents import services as document_services
from planning.models import District, StrategyProcess
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from voting import services as voting_services

pytestmark = pytest.mark.django_db


def visit(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode(), len(queries)


def process_queries(queries) -> int:
    return sum('FROM "planning_strategyprocess"' in q["sql"] for q in queries)


def test_a_page_reads_the_process_once_then_from_the_memo(client, staff, process):
    client.force_login(staff)
    url = reverse("planning:timeline", kwargs={"slug": process.slug})
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert process_queries(queries.captured_queries) == 0
    forget_rows()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert process_queries(queries.captured_queries) == 1


def test_a_change_of_the_process_shows_at_once(client, staff, process):
    client.force_login(staff)
    url = reverse("planning:timeline", kwargs={"slug": process.slug})
    assert "Veiligheidsstrategie 2019-2022" in visit(client, url)[0]
    process.title = "Veiligheidsstrategie 2019-2022, herzien"
    process.save()
    assert "Veiligheidsstrategie 2019-2022, herzien" in visit(client, url)[0]
    process.delete()
    assert client.get(url).status_code == 404


def test_the_memo_never_lets_a_user_without_a_role_in(client, staff, outsider, process):
    client.force_login(staff)
    url = reverse("planning:timeline", kwargs={"slug": process.slug})
    visit(client, url)  # the process is in the memo now
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 403
    assert "Veiligheidsstrategie 2019-2022" not in response.content.decode()


def test_an_unknown_process_is_not_kept(client, staff, process):
    client.force_login(staff)
    assert client.get(reverse("planning:timeline", kwargs={"slug": "bestaat-niet"})).status_code == 404
    StrategyProcess.objects.filter(pk=process.pk).update(slug="bestaat-niet")  # no signal: the memo must not know it
    response = client.get(reverse("planning:timeline", kwargs={"slug": "bestaat-niet"}))
    assert response.status_code == 200
    assert "Veiligheidsstrategie 2019-2022" in response.content.decode()


def request_for(method: str):
    return getattr(RequestFactory(), method.lower())("/")


def test_each_request_gets_its_own_copy(process):
    request = request_for("GET")
    first = cached_row(request, "process", area="planning", lookup={"slug": process.slug}, fetch=lambda: process)
    first.title = "Gewijzigd door een view"
    second = cached_row(request, "process", area="planning", lookup={"slug": process.slug}, fetch=lambda: None)
    assert second is not first
    assert second.title == "Veiligheidsstrategie 2019-2022"


def test_a_submission_and_an_old_version_read_afresh(process):
    fetched = []

    def fetch():
        fetched.append(1)
        return StrategyProcess.objects.get(pk=process.pk)

    lookup = {"slug": process.slug}
    cached_row(request_for("GET"), "process", area="planning", lookup=lookup, fetch=fetch)
    cached_row(request_for("GET"), "process", area="planning", lookup=lookup, fetch=fetch)
    assert len(fetched) == 1
    cached_row(request_for("POST"), "process", area="planning", lookup=lookup, fetch=fetch)
    assert len(fetched) == 2
    bump("planning")
    cached_row(request_for("GET"), "process", area="planning", lookup=lookup, fetch=fetch)
    assert len(fetched) == 3


def test_without_a_shared_cache_every_request_reads_the_row(settings, process):
    """With a local memory cache per worker (no Redis: ROW_MEMO off) a worker would not see another's write."""
    settings.ROW_MEMO = False
    fetched = []

    def fetch():
        fetched.append(1)
        return StrategyProcess.objects.get(pk=process.pk)

    for _ in range(2):
        row = cached_row(request_for("GET"), "process", area="planning", lookup={"slug": process.slug}, fetch=fetch)
        assert row.title == "Veiligheidsstrategie 2019-2022"
    assert len(fetched) == 2


def test_a_service_without_a_request_always_reads_the_row(process):
    fetched = []

    def fetch():
        fetched.append(1)
        return StrategyProcess.objects.get(pk=process.pk)

    for _ in range(2):
        assert cached_row(None, "process", area="planning", lookup={"slug": process.slug}, fetch=fetch) is not None
    assert len(fetched) == 2


def test_a_version_is_read_once_per_request_and_again_after_a_bump(django_assert_max_num_queries):
    fragments._start_request()
    try:
        first = fragments.data_version(CONTENT_AREA)
        fragments.cache.incr(fragments._version_key(CONTENT_AREA))  # another worker's write
        assert fragments.data_version(CONTENT_AREA) == first  # this request keeps what it read
        bump(CONTENT_AREA)  # this request's own write
        assert fragments.data_version(CONTENT_AREA) == first + 2
    finally:
        fragments._end_request()
    # Outside a request (a task, the shell) every read asks the cache.
    fragments.cache.incr(fragments._version_key(CONTENT_AREA))
    assert fragments.data_version(CONTENT_AREA) == first + 3


def test_a_change_of_the_document_shows_at_once(client, staff, process):
    document_services.document_start(process=process, user=staff)
    client.force_login(staff)
    url = reverse("documents:document", kwargs={"slug": process.slug})
    html, _queries = visit(client, url)
    assert "Documentnaam voor de test" not in html
    _html, cached = visit(client, url)
    document = process.document
    document_services.document_update(document=document, user=staff, title="Documentnaam voor de test", prose={})
    html, _queries = visit(client, url)
    assert "Documentnaam voor de test" in html
    assert visit(client, url)[1] == cached


def open_round(process):
    """A round on a frozen long list, with a deadline for every DVO."""
    make_frozen_long_list(process)
    round = RoundFactory(process=process)
    for district in District.objects.all():
        RoundDeadlineFactory(round=round, district=district)
    return round


def test_closing_the_round_shows_on_the_results_page_at_once(client, staff, process):
    round = open_round(process)
    client.force_login(staff)
    url = reverse("voting:results", kwargs={"slug": process.slug})
    assert "Voorlopige telling" in visit(client, url)[0]
    visit(client, url)  # from the memo now
    voting_services.round_close(round=round, user=staff)
    after, _queries = visit(client, url)
    assert "Voorlopige telling" not in after
    assert "gesloten" in after


def test_a_renamed_dvo_shows_on_its_choice_page_at_once(client, staff, process):
    open_round(process)
    client.force_login(staff)
    url = reverse("voting:ballot", kwargs={"slug": process.slug, "district": "GLM"})
    visit(client, url)
    district = District.objects.get(code="GLM")
    district.name = "DVO Gelderland-Midden (nieuwe naam)"
    district.save()
    assert "DVO Gelderland-Midden (nieuwe naam)" in visit(client, url)[0]
