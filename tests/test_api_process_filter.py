"""`?process=<slug>` on every list of things that belong to a process: only that process's rows, ballots, rounds
and decisions included."""

import pytest
from django.urls import reverse

from planning.models import Municipality
from scan.models import Source
from tests.documents.factories import GoalFactory
from tests.planning.factories import ActionFactory, MilestoneFactory, StrategyProcessFactory
from tests.scan.factories import MunicipalPlanFactory, SourceFactory
from tests.voting.factories import BallotFactory, RoundFactory, make_frozen_long_list

pytestmark = pytest.mark.django_db


def fill(process, districts):
    priorities = make_frozen_long_list(process)
    round = RoundFactory(process=process)
    BallotFactory(round=round, district=districts["GLM"])
    MilestoneFactory(process=process)
    ActionFactory(process=process)
    MunicipalPlanFactory(process=process, municipality=Municipality.objects.order_by("pk").first())
    SourceFactory(process=process, confidentiality=Source.Confidentiality.PUBLIC)
    GoalFactory(process=process, priority=priorities[0])


LISTS = ["milestone", "action", "municipalplan", "source", "priority", "ballot", "goal", "round"]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_filters_by_process(client, process, districts, staff, name):
    other = StrategyProcessFactory(slug="vs-2023-2026", short_name="VS 2023-2026")
    fill(process, districts)
    fill(other, districts)
    client.force_login(staff)
    url = reverse(f"{name}-list")

    def processes(params):
        data = client.get(url, params).json()
        rows = data["results"] if isinstance(data, dict) else data
        return {row["process"] for row in rows}

    assert processes({}) == {process.slug, other.slug}
    assert processes({"process": other.slug}) == {other.slug}
    assert processes({"process": process.slug}) == {process.slug}
    assert processes({"process": "bestaat-niet"}) == set()


@pytest.mark.parametrize("name", ["process", "priority", "milestone", "action"])
def test_html_url_is_on_the_requests_host(client, process, districts, staff, settings, name):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "vs.example.org"]
    settings.SITE_URL = "https://elders.example.nl"
    fill(process, districts)
    client.force_login(staff)
    data = client.get(reverse(f"{name}-list"), HTTP_HOST="vs.example.org").json()
    rows = data["results"] if isinstance(data, dict) else data
    assert rows
    assert all(row["html_url"].startswith("http://vs.example.org/") for row in rows), rows[0]["html_url"]
