"""The global search's engine: every kind, ranked, the pages' visibility per role (a confidential source never
found nor counted for a secretary), on PostgreSQL's Dutch full-text search and on the fallback.

Every test that does not name an engine runs twice: with the full-text search (PostgreSQL only) and with the
fallback (on any database, forced on PostgreSQL too).
"""

import pytest
from django.db import connection

from planning.models import Municipality
from scan.models import PlanTheme, Source, Theme
from search import engine
from search.engine import search_for, terms_of
from search.snippets import snippet_html
from tests.documents.factories import GoalFactory, make_document
from tests.planning.factories import ActionFactory, MilestoneFactory, StrategyProcessFactory
from tests.priorities.factories import PriorityFactory
from tests.scan.factories import MunicipalPlanFactory, SourceFactory


@pytest.fixture(params=["full_text", "fallback"])
def search_engine(request, monkeypatch):
    if request.param == "full_text":
        if connection.vendor != "postgresql":
            pytest.skip("the full-text search needs PostgreSQL")
        assert engine.full_text_available()
    else:
        monkeypatch.setattr(engine, "full_text_available", lambda: False)
    return request.param


@pytest.fixture
def world(process):
    plan = MunicipalPlanFactory(process=process, municipality=Municipality.objects.get(name="Arnhem"))
    PlanTheme.objects.create(plan=plan, theme=Theme.objects.order_by("name").first(), wording="Zorg en veiligheid")
    PlanTheme.objects.create(
        plan=plan, theme=Theme.objects.order_by("name").last(), wording="Georganiseerde hennepteelt in het buitengebied"
    )
    return {
        "priority": PriorityFactory(
            process=process, title="Ondermijning", description="Aanpak van hennepteelt en witwassen."
        ),
        "milestone": MilestoneFactory(process=process, title="Overleg wijkagent Arnhem", notes="Zaaltje reserveren"),
        "action": ActionFactory(process=process, title="Bilateraal informeren regioburgemeester"),
        "public": SourceFactory(
            process=process, title="Nationaal Dreigingsbeeld", confidentiality=Source.Confidentiality.PUBLIC
        ),
        "confidential": SourceFactory(
            process=process,
            title="Ondermijningsbeeld Oost",
            notes="Drugslabs in de Achterhoek en de Liemers",
            confidentiality=Source.Confidentiality.CONFIDENTIAL,
        ),
        "plan": plan,
        "document": make_document(process, intro_html="<p>De <strong>cybercriminaliteit</strong> groeit.</p>"),
    }


def keys(result):
    return [(hit.kind.key, hit.title) for hit in result.hits]


@pytest.mark.django_db
def test_staff_find_a_word_of_a_confidential_source(search_engine, world, staff):
    result = search_for(staff, "drugslabs")
    assert keys(result) == [("source", "Ondermijningsbeeld Oost")]
    assert result.counts == {"source": 1}
    assert "<mark>Drugslabs</mark> in de Achterhoek" in result.hits[0].snippet


@pytest.mark.django_db
def test_a_secretary_finds_nothing_of_a_confidential_source_not_even_a_count(search_engine, world, secretary):
    result = search_for(secretary, "drugslabs")
    assert result.hits == []
    assert result.counts == {}
    assert result.total == 0
    # Its title neither: the other hits of "ondermijning" stay.
    titles = [hit.title for hit in search_for(secretary, "ondermijning").hits]
    assert "Ondermijningsbeeld Oost" not in titles
    assert "Ondermijning" in titles


@pytest.mark.django_db
def test_a_bbg_member_sees_public_sources_but_not_confidential_ones(search_engine, world, bbg_member):
    assert keys(search_for(bbg_member, "dreigingsbeeld")) == [("source", "Nationaal Dreigingsbeeld")]
    assert search_for(bbg_member, "achterhoek").total == 0


@pytest.mark.django_db
def test_a_user_without_a_role_finds_nothing(search_engine, world, outsider):
    assert search_for(outsider, "ondermijning").hits == []


@pytest.mark.django_db
def test_every_kind_is_found_with_its_page(search_engine, world, secretary, process):
    goal = GoalFactory(process=process, priority=world["priority"], title="Minder hennepkwekerijen")
    cases = {
        "priority": ("witwassen", world["priority"].get_absolute_url()),
        "milestone": ("zaaltje", world["milestone"].get_absolute_url()),
        "action": ("regioburgemeester", world["action"].get_absolute_url()),
        "source": ("dreigingsbeeld", f"/processen/{process.slug}/bronnen/{world['public'].pk}/"),
        "plan": ("buitengebied", f"/processen/{process.slug}/scan/gemeenten/{world['plan'].municipality_id}/"),
        "goal": ("hennepkwekerijen", goal.get_absolute_url()),
        "document": ("cybercriminaliteit", world["document"].get_absolute_url()),
    }
    for kind, (word, url) in cases.items():
        result = search_for(secretary, word)
        assert [(hit.kind.key, hit.url) for hit in result.hits] == [(kind, url)], word


@pytest.mark.django_db
def test_a_plan_is_found_by_its_municipality_and_a_theme_in_its_words(search_engine, world, staff):
    result = search_for(staff, "arnhem hennepteelt")
    # Both words in the plan (municipality and a theme's wording); the milestone has only "Arnhem".
    assert keys(result) == [("plan", world["plan"].title)]
    assert "<mark>hennepteelt</mark> in het buitengebied" in result.hits[0].snippet


@pytest.mark.django_db
def test_a_match_in_the_title_ranks_above_one_in_the_text(search_engine, world, staff, process):
    PriorityFactory(process=process, title="Cybercrime", description="Ook ondermijning speelt mee.")
    titles = [hit.title for hit in search_for(staff, "ondermijning").hits]
    assert titles[0] in ("Ondermijning", "Ondermijningsbeeld Oost")
    assert titles.index("Cybercrime") > titles.index("Ondermijning")


@pytest.mark.django_db
def test_it_narrows_by_process_and_kind(search_engine, world, staff):
    other = StrategyProcessFactory(short_name="VS 2015-2018", slug="vs-2015-2018")
    PriorityFactory(process=other, title="Ondermijning 2015")
    assert {hit.process for hit in search_for(staff, "ondermijning", process=other).hits} == {other}
    only_sources = search_for(staff, "ondermijning", kinds=["source"])
    assert keys(only_sources) == [("source", "Ondermijningsbeeld Oost")]
    assert set(only_sources.counts) == {"source"}


@pytest.mark.django_db
def test_every_word_must_match(search_engine, world, staff):
    assert search_for(staff, "ondermijning zaaltje").total == 0
    assert keys(search_for(staff, "wijkagent zaaltje")) == [("milestone", "Overleg wijkagent Arnhem")]


@pytest.mark.django_db
def test_the_count_covers_more_hits_than_are_shown(search_engine, staff, process):
    for number in range(4):
        ActionFactory(process=process, title=f"Regioburgemeester informeren {number}")
    result = search_for(staff, "regioburgemeester", limit=2)
    assert len(result.hits) == 2
    assert result.counts == {"action": 4}


@pytest.mark.django_db
def test_search_syntax_in_the_question_is_plain_text(search_engine, world, staff):
    assert terms_of("ondermijning & | ! :* ( 'x' <-> _") == ["ondermijning", "x"]
    assert keys(search_for(staff, "ondermijning & !:*", kinds=["priority"])) == [("priority", "Ondermijning")]
    assert search_for(staff, "&&& !!! :*").hits == []


@pytest.mark.django_db
def test_the_queries_stay_flat_however_many_hits(search_engine, world, staff, process, django_assert_max_num_queries):
    for number in range(15):
        plan = MunicipalPlanFactory(process=process, municipality=Municipality.objects.order_by("pk")[number + 1])
        PlanTheme.objects.create(plan=plan, theme=Theme.objects.order_by("name").first(), wording="Hennepteelt")
        ActionFactory(process=process, title=f"Hennepteelt bespreken {number}")
    # One query per kind (eight, with the comments), the plans' themes for their snippets, and the user's own Django
    # permissions (ModelBackend asks them once per user object, before the rules answer).
    with django_assert_max_num_queries(12):
        result = search_for(staff, "hennepteelt")
    assert result.counts["plan"] == 16
    assert result.counts["action"] == 15


@pytest.mark.django_db
@pytest.mark.postgres
def test_the_dutch_configuration_finds_inflections(world, staff):
    # "wijkagenten" and "wijkagent" share the Dutch stem; a substring match would not find the singular.
    found = search_for(staff, "wijkagenten", kinds=["milestone"])
    assert keys(found) == [("milestone", "Overleg wijkagent Arnhem")]
    # Stop words ("de", "van") do not have to occur.
    assert keys(search_for(staff, "de aanpak van witwassen")) == [("priority", "Ondermijning")]


def test_a_snippet_escapes_the_text_and_marks_the_words():
    html = snippet_html({"A": "Titel", "B": "Kijk <script>alert(1)</script> naar Wijkagenten hier"}, ["wijkagent"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Wijkagenten</mark>" in html


def test_a_long_snippet_is_cut_around_the_match():
    text = " ".join(["woord"] * 100) + " ondermijning " + " ".join(["tekst"] * 100)
    html = snippet_html({"B": text}, ["ondermijning"])
    assert html.startswith("… ")
    assert html.endswith(" …")
    assert "<mark>ondermijning</mark>" in html
    assert len(html) < 260
