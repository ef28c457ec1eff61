"""The DVO choice page's cached reads (voting/views/ballots.py): the round, deadline and ballot ("voting-ballot-
state") and the read-only page of a locked choice ("voting-ballot-locked"). A copy cached for staff is never
served to the DVO's secretary; a write, and the clock passing a deadline, show at once."""

import datetime
import hashlib

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from core.fragments import CONTENT_AREA, fragment_key
from planning.fragments import role_audience
from tests.documents.factories import make_top_five
from tests.planning.factories import StrategyProcessFactory
from tests.voting.factories import BallotFactory, RoundDeadlineFactory
from voting.models import Ballot, Round
from voting.services import lock_reason

pytestmark = pytest.mark.django_db

AMSTERDAM = datetime.timezone(datetime.timedelta(hours=2))


def ballot_page(client, user, process, code="GLM") -> str:
    client.force_login(user)
    response = client.get(reverse("voting:ballot", kwargs={"slug": process.slug, "district": code}))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def closed(process, districts):
    """The 2018 round closed, with GLM's ballot whose remark is 'Eigen keuze GLM'."""
    make_top_five(process)
    round = Round.objects.get(process=process)
    BallotFactory(round=round, district=districts["GLM"], remark="Eigen keuze GLM")
    return round


def locked_key(user, round, district, passed=False):
    """The key of the read-only page as ``user`` reads it for a closed ``round``."""
    with translation.override("nl"):
        message = lock_reason(round, None, staff=user.is_programme_staff)
        return fragment_key(
            "voting-ballot-locked",
            areas=[CONTENT_AREA],
            audience=role_audience(user),
            parts=[round.process_id, district.pk, passed, hashlib.sha256(message.encode()).hexdigest()[:16]],
        )


def test_the_read_only_page_is_cached_per_role(client, staff, secretary, process, districts, closed):
    html = ballot_page(client, staff, process)
    assert "Eigen keuze GLM" in html
    assert "De keuze van de DVO" in html
    assert 'name="choice"' not in html  # read-only: no form
    key = locked_key(staff, closed, districts["GLM"])
    assert "Eigen keuze GLM" in cache.get(key)
    cache.set(key, "<p>Kopie voor de staf andere-cyclus</p>")
    assert "Kopie voor de staf andere-cyclus" in ballot_page(client, staff, process)  # the key staff's page reads
    html = ballot_page(client, secretary, process)
    assert "Kopie voor de staf andere-cyclus" not in html
    assert "Eigen keuze GLM" in html
    # A write shows at once.
    ballot = Ballot.objects.get(round=closed, district=districts["GLM"])
    ballot.remark = "Gewijzigde toelichting"
    ballot.save()
    for user in (staff, secretary):
        assert "Gewijzigde toelichting" in ballot_page(client, user, process)


def test_the_round_deadline_and_ballot_are_cached_per_role(client, staff, secretary, process, districts, closed):
    other = StrategyProcessFactory(slug="andere-cyclus")
    make_top_five(other)
    theirs = Round.objects.get(process=other)
    BallotFactory(round=theirs, district=districts["GLM"], remark="Keuze andere-cyclus")
    ballot_page(client, staff, process)
    with translation.override("nl"):
        key = fragment_key(
            "voting-ballot-state",
            areas=[CONTENT_AREA],
            audience=role_audience(staff),
            parts=[process.pk, districts["GLM"].pk],
        )
    state = cache.get(key)
    assert state["ballot"].remark == "Eigen keuze GLM"
    planted = {**state, "ballot": Ballot.objects.get(round=theirs, district=districts["GLM"])}
    cache.set(key, planted)
    cache.delete(locked_key(staff, closed, districts["GLM"]))  # the page is rendered again, from the planted state
    html = ballot_page(client, staff, process)
    assert "Keuze andere-cyclus" in html  # the key staff's page reads
    html = ballot_page(client, secretary, process)
    assert "Keuze andere-cyclus" not in html
    assert "Eigen keuze GLM" in html


def test_the_clock_passing_the_deadline_locks_the_page_at_once(client, secretary, process, districts):
    make_top_five(process)
    round = Round.objects.get(process=process)
    round.status, round.closed_at = Round.Status.OPEN, None
    round.save()
    deadline = datetime.datetime(2030, 4, 4, 23, 59, tzinfo=AMSTERDAM)
    RoundDeadlineFactory(round=round, district=districts["GLM"], deadline=deadline)
    with time_machine.travel(deadline - datetime.timedelta(minutes=1), tick=False):
        html = ballot_page(client, secretary, process)
        assert 'name="choice"' in html
        assert "verstreken" not in html
    with time_machine.travel(deadline + datetime.timedelta(minutes=1), tick=False):
        html = ballot_page(client, secretary, process)
        assert 'name="choice"' not in html
        assert "De termijn van uw DVO is verstreken op" in html
    with time_machine.travel(deadline - datetime.timedelta(minutes=1), tick=False):
        assert 'name="choice"' in ballot_page(client, secretary, process)  # the cached state holds no lock
