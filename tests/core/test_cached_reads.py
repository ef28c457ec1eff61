"""The reads that pages cache under a version of their data (core.fragments), one test each: a reader of another
role (or one who does not see confidential sources) is never served what was cached for staff, and a write shows
at once. A planted value stands in for staff's copy: another process's real read, recognisable by its titles."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from core.fragments import CONTENT_AREA, content_changed, fragment_key
from decisions.selectors import confirmed_top_five, decision_for
from planning.fragments import PLANNING_AREA, role_audience
from priorities.fragments import reader_audience
from priorities.models import Priority
from priorities.selectors import priorities_for
from tests.documents.factories import GoalFactory, make_top_five
from tests.planning.factories import MilestoneFactory, StrategyProcessFactory
from tests.voting.factories import RoundDeadlineFactory
from voting.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def other():
    """Another process, whose reads are planted as staff's copy: its titles end in 'andere-cyclus'."""
    return StrategyProcessFactory(slug="andere-cyclus", short_name="Andere cyclus")


def key_of(name, user, *, areas, audience, parts) -> str:
    with translation.override("nl"):
        return fragment_key(name, areas=areas, audience=audience(user), parts=parts)


def plant(name, user, *, value, **where) -> None:
    key = key_of(name, user, **where)
    assert cache.get(key) is not None, "visit the page as this user first"
    cache.set(key, value)


def page(client, user, name, process, **kwargs) -> str:
    client.force_login(user)
    response = client.get(reverse(name, kwargs={"slug": process.slug, **kwargs}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_dashboards_upcoming_milestones(client, staff, secretary, process, other):
    today = timezone.localdate()
    MilestoneFactory(process=process, title="DVO eigen cyclus", starts_on=today, ends_on=today)
    MilestoneFactory(process=other, title="DVO andere-cyclus", starts_on=today, ends_on=today)
    assert "DVO eigen cyclus" in page(client, staff, "planning:dashboard", process)
    where = {"areas": [PLANNING_AREA], "audience": role_audience, "parts": [process.pk, today.isoformat()]}
    cached = cache.get(key_of("planning-dashboard", staff, **where))
    planted = {part: html.replace("DVO eigen cyclus", "DVO andere-cyclus") for part, html in cached.items()}
    plant("planning-dashboard", staff, value=planted, **where)
    assert "DVO andere-cyclus" in page(client, staff, "planning:dashboard", process)  # the key staff's page reads
    html = page(client, secretary, "planning:dashboard", process)
    assert "DVO andere-cyclus" not in html
    assert "DVO eigen cyclus" in html
    MilestoneFactory(process=process, title="BBG nieuw", starts_on=today, ends_on=today)
    assert "BBG nieuw" in page(client, staff, "planning:dashboard", process)


def test_the_dashboards_top_five_and_the_results_decision(client, staff, secretary, process, other):
    make_top_five(process)
    make_top_five(other)
    third = StrategyProcessFactory(slug="derde-cyclus")
    make_top_five(third, confirmed=False)
    round = Round.objects.get(process=process)
    assert "Prioriteit 1 vs-2019-2022" in page(client, staff, "planning:dashboard", process)
    assert "De BBG heeft de top vijf vastgesteld." in page(client, staff, "voting:results", process)
    common = {"areas": [CONTENT_AREA], "audience": role_audience}
    plant("decisions-dashboard-top-five", staff, parts=[process.pk], value=confirmed_top_five(other), **common)
    unconfirmed = decision_for(Round.objects.get(process=third))
    plant("decisions-result-decision", staff, parts=[round.pk], value=unconfirmed, **common)
    assert "Prioriteit 1 andere-cyclus" in page(client, staff, "planning:dashboard", process)
    assert "nog niet bevestigd" in page(client, staff, "voting:results", process)
    html = page(client, secretary, "planning:dashboard", process)
    assert "Prioriteit 1 andere-cyclus" not in html
    assert "Prioriteit 1 vs-2019-2022" in html
    html = page(client, secretary, "voting:results", process)
    assert "nog niet bevestigd" not in html
    assert "De BBG heeft de top vijf vastgesteld." in html
    # A bulk write that bypasses save() moves the content on itself.
    Priority.objects.filter(process=process, position=1).update(title="Ondermijning")
    content_changed()
    assert "Ondermijning" in page(client, secretary, "planning:dashboard", process)


def test_the_long_list_its_table_and_the_ballots_priorities(client, staff, secretary, bbg_member, process, other):
    make_top_five(process)
    make_top_five(other)
    Round.objects.filter(process=process).update(status=Round.Status.OPEN, closed_at=None)
    RoundDeadlineFactory(round=Round.objects.get(process=process), district=secretary.district)
    pages = [("priorities:longlist", {}), ("voting:ballot", {"district": "GLM"})]
    for name, kwargs in pages:
        assert "Prioriteit 1 vs-2019-2022" in page(client, staff, name, process, **kwargs)
    common = {"areas": [CONTENT_AREA], "audience": reader_audience, "parts": [process.pk]}
    theirs = list(priorities_for(other, staff))
    for priority in theirs:
        priority.cells, priority.proposal = [], None
    plant("voting-ballot-priorities", staff, value=theirs, **common)
    body = {**common, "parts": [process.pk, True]}  # the long list's page below the menus, for who may change it
    html = cache.get(key_of("priorities-longlist-body", staff, **body))
    plant("priorities-longlist-body", staff, value=html.replace("vs-2019-2022", "andere-cyclus"), **body)
    for name, kwargs in pages:
        assert "Prioriteit 1 andere-cyclus" in page(client, staff, name, process, **kwargs), name
    for reader, name, kwargs in [(bbg_member, *pages[0]), (secretary, *pages[0]), (secretary, *pages[1])]:
        html = page(client, reader, name, process, **kwargs)
        assert "Prioriteit 1 andere-cyclus" not in html, (reader, name)
        assert "Prioriteit 1 vs-2019-2022" in html, (reader, name)
    first = Priority.objects.get(process=process, position=1)
    first.title = "Ondermijning aanpakken"
    first.save()
    for name, kwargs in pages:
        assert "Ondermijning aanpakken" in page(client, staff, name, process, **kwargs), name


def test_who_sees_confidential_sources_has_an_audience_of_their_own(staff, bbg_member):
    assert reader_audience(staff) != reader_audience(bbg_member)
    assert reader_audience(staff).endswith(":confidential:True")
    assert reader_audience(bbg_member).endswith(":confidential:False")


def test_the_goal_list(client, staff, secretary, bbg_member, process, other):
    make_top_five(process)
    make_top_five(other)
    mine = GoalFactory(process=process, priority=Priority.objects.filter(process=process).first(), title="Doel eigen")
    GoalFactory(process=other, priority=Priority.objects.filter(process=other).first(), title="Doel andere-cyclus")
    assert "Doel eigen" in page(client, staff, "documents:goal_list", process)
    common = {"areas": [CONTENT_AREA], "audience": role_audience, "parts": [process.pk]}
    cached = cache.get(key_of("documents-goal-list", staff, **common))
    planted = {part: html.replace("Doel eigen", "Doel andere-cyclus") for part, html in cached.items()}
    plant("documents-goal-list", staff, value=planted, **common)
    assert "Doel andere-cyclus" in page(client, staff, "documents:goal_list", process)  # the key staff's page reads
    for reader in (secretary, bbg_member):
        html = page(client, reader, "documents:goal_list", process)
        assert "Doel andere-cyclus" not in html, reader
        assert "Doel eigen" in html, reader
    mine.title = "Doel herschreven"
    mine.save()
    assert "Doel herschreven" in page(client, staff, "documents:goal_list", process)


def test_the_decision_page(client, staff, secretary, bbg_member, process):
    make_top_five(process)
    assert "Prioriteit 1 vs-2019-2022" in page(client, staff, "decisions:detail", process)
    common = {"areas": [CONTENT_AREA], "audience": role_audience, "parts": [process.pk]}
    cached = cache.get(key_of("decisions-decision", staff, **common))
    plant("decisions-decision", staff, value=cached.replace("vs-2019-2022", "andere-cyclus"), **common)
    assert "Prioriteit 1 andere-cyclus" in page(client, staff, "decisions:detail", process)  # the key staff reads
    for reader in (secretary, bbg_member):
        html = page(client, reader, "decisions:detail", process)
        assert "Prioriteit 1 andere-cyclus" not in html, reader
        assert "Prioriteit 1 vs-2019-2022" in html, reader
    first = Priority.objects.get(process=process, position=1)
    first.title = "Ondermijning aanpakken"
    first.save()
    assert "Ondermijning aanpakken" in page(client, staff, "decisions:detail", process)
