"""The document page's preview and checks are a cached fragment under the version of all content
(core.fragments.CONTENT_AREA): served from the cache while nothing changed, rendered afresh after any write to
what the document draws on, and kept per role and language, so that a secretary is never served what was made for
staff."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from core.fragments import CONTENT_AREA, fragment_key
from documents import services
from planning.fragments import role_audience

pytestmark = pytest.mark.django_db

MARKER = "PREVIEW MADE FOR ANOTHER READER"


def visit(client, process) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("documents:document", kwargs={"slug": process.slug}))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def key_of(user, document, language="nl") -> str:
    with translation.override(language):
        return fragment_key(
            "document-preview",
            areas=[CONTENT_AREA],
            audience=role_audience(user),
            parts=[document.pk, timezone.localdate().isoformat()],
        )


def plant(user, document, language="nl") -> None:
    """Put MARKER in the first section of the cached preview that ``user``'s role reads in ``language``."""
    key = key_of(user, document, language)
    read = cache.get(key)
    assert read is not None, "visit the page as this role first"
    title = re.search(r"<h[23][^>]*>([^<]+)</h[23]>", read["html"]).group(1)
    assert title in read["html"]
    cache.set(key, {**read, "html": read["html"].replace(title, MARKER)})
    # The page's body around the preview is cached too (document-page-pieces): dropped, so that it is written again from
    # the planted preview.
    for can_change in (True, False):
        cache.delete(page_key_of(user, document, can_change, language))


def page_key_of(user, document, can_change, language="nl") -> str:
    with translation.override(language):
        return fragment_key(
            "document-page-pieces",
            areas=[CONTENT_AREA],
            audience=role_audience(user),
            parts=[document.pk, timezone.localdate().isoformat(), can_change],
        )


def test_a_second_visit_is_served_from_the_cache_with_the_same_page(client, staff, process, goal, document):
    client.force_login(staff)
    first, rendered = visit(client, process)
    second, cached = visit(client, process)
    assert cached < rendered - 5  # the goals, top five, priorities, capacity and consultation are not read again
    assert without_tokens(second) == without_tokens(first)
    assert "Woninginbraken terugdringen" in second


def test_a_secretary_is_never_served_the_preview_made_for_staff(client, staff, secretary, process, goal, document):
    client.force_login(staff)
    visit(client, process)
    plant(staff, document)
    assert MARKER in visit(client, process)[0]  # the planted key is the one staff's page reads
    client.force_login(secretary)
    html, _queries = visit(client, process)
    assert MARKER not in html
    assert "Woninginbraken terugdringen" in html


def test_english_is_never_served_the_dutch_preview(client, staff, process, goal, document):
    client.force_login(staff)
    visit(client, process)
    plant(staff, document)
    client.cookies["django_language"] = "en"
    html, _queries = visit(client, process)
    assert MARKER not in html
    assert "Woninginbraken terugdringen" in html


def test_a_goal_changed_anywhere_shows_at_once(client, staff, process, goal, document, priorities):
    client.force_login(staff)
    visit(client, process)
    goal.title = "Woninginbraken halveren"
    goal.save()  # as the admin or any form would
    html, _queries = visit(client, process)
    assert "Woninginbraken halveren" in html
    assert "Woninginbraken terugdringen" not in html
    priority = priorities[0]
    priority.title = "Veilig thuis"
    priority.save()
    assert "Veilig thuis" in visit(client, process)[0]


def test_the_site_settings_and_a_many_to_many_change_move_the_content_on(process, goal, document, staff, priorities):
    from scan.models import Theme
    from sitesettings.models import SiteSettings

    before = key_of(staff, document)
    settings_row = SiteSettings.get_solo()
    settings_row.network_name = "Veiligheidsnetwerk Elders"
    settings_row.save()
    after_settings = key_of(staff, document)
    assert after_settings != before
    priorities[0].themes.add(Theme.objects.create(name="Nieuw thema"))
    assert key_of(staff, document) != after_settings


def test_a_new_version_and_a_step_show_at_once(client, staff, process, goal, document):
    client.force_login(staff)
    first = visit(client, process)[0]
    assert "Er is nog geen versie vastgelegd." in first
    assert "Het document is nog niet verder gegaan dan concept." in first
    version = services.version_create(document=document, user=staff, note="Voor de BBG van juni")
    html = visit(client, process)[0]
    assert "Voor de BBG van juni" in html
    assert f"PDF versie {version.label}" in html
    services.goal_put_forward(goal=goal, user=staff, on=datetime.date(2018, 9, 5))
    services.document_transition(
        document=document, user=staff, to_status="sent_to_rvo", meeting_date=datetime.date(2018, 9, 5)
    )
    html = visit(client, process)[0]
    assert "Het document is nog niet verder gegaan dan concept." not in html
    assert '<span class="visually-hidden">naar</span>' in html


def test_the_cached_page_carries_each_requests_own_csrf_token_and_its_form_works(process, goal, document, staff):
    """The body is cached with a placeholder for the CSRF token (core.fragments.cached_form_pieces): every page has
    its own request's token, none has the placeholder, and the form posts with it under CSRF checks."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    first, _queries = visit(client, process)
    second, _queries = visit(client, process)
    assert cache.get(page_key_of(staff, document, True)) is not None
    assert "__vs_csrf_token__" not in first
    token = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', second)
    assert len(token) == 3  # the logout form's, the language form's and the version form's (last)
    assert token[-1] not in first  # masked afresh for each request
    response = client.post(
        reverse("documents:version_create", kwargs={"slug": process.slug}),
        {"note": "Na de DVO-vergaderingen", "csrfmiddlewaretoken": token[-1]},
    )
    assert response.status_code == 302
    assert "Na de DVO-vergaderingen" in visit(client, process)[0]  # the new version shows at once


def test_a_browser_that_accepts_gzip_gets_the_same_page_with_its_own_token_outside_the_pieces(
    client, staff, process, goal, document
):
    """The body is kept as compressed pieces cut at the CSRF token (core.fragments.cached_form_pieces): the gzip
    answer unpacks to the page a client without gzip gets, with the request's own token, and the pieces in the
    cache hold no token at all."""
    import gzip

    client.force_login(staff)
    url = reverse("documents:document", kwargs={"slug": process.slug})
    plain = client.get(url).content.decode()
    compressed = client.get(url, headers={"accept-encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"
    unpacked = gzip.decompress(compressed.content).decode()
    assert without_tokens(unpacked) == without_tokens(plain)
    assert "vs-deflated" not in unpacked
    assert "__vs_csrf_token__" not in unpacked
    pieces = cache.get(page_key_of(staff, document, True))
    assert len(pieces) == 2  # cut at the version form's token
    texts = [piece.data().decode() for piece in pieces]
    token = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', unpacked)[-1]
    assert not any(token in text for text in texts)
    assert texts[0].endswith('name="csrfmiddlewaretoken" value="')
