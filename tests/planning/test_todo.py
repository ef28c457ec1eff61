"""Issue 11, the start pages by role: what each user should do now, each item linked to where it is done."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from decisions.models import BbgDecision
from tests.planning.factories import MilestoneFactory, StrategyProcessFactory
from tests.voting.factories import BallotFactory, RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from voting.models import Round

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 3, 20, 10, 0, tzinfo=AMS)


@pytest.fixture
def current(db, districts):
    """A current cycle (2027-2030) with its round open; GLM's deadline on 4 April 2026, the others later."""
    process = StrategyProcessFactory(short_name="VS 2027-2030", slug="vs-2027-2030", period_start_year=2027,
                                     period_end_year=2030)  # fmt: skip
    make_frozen_long_list(process)
    voting_round = RoundFactory(process=process)
    for offset, code in enumerate(["GLM", "TWN", "IJSS", "NOG", "VNOG"]):
        if code in districts:
            RoundDeadlineFactory(round=voting_round, district=districts[code],
                                 deadline=datetime.datetime(2026, 4, 4 + 7 * offset, 23, 59, tzinfo=AMS))  # fmt: skip
    return process


@pytest.fixture
def past(db):
    """The historic cycle: its round closed long ago; nothing of it is to do."""
    process = StrategyProcessFactory(short_name="VS 2019-2022", slug="vs-2019-2022")
    make_frozen_long_list(process)
    RoundFactory(process=process, status=Round.Status.CLOSED)
    MilestoneFactory(process=process, title="Oude mijlpaal")  # overdue since 2018
    return process


def home(client, user):
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        return client.get(reverse("planning:home")).content.decode()


def test_secretary_is_told_their_dvo_must_still_choose_with_the_deadline_and_the_button(client, secretary, current,
                                                                                         past):  # fmt: skip
    page = home(client, secretary)
    assert "Uw DVO moet nog kiezen – uiterlijk 4 april 2026 23:59" in page
    assert f'href="{reverse("voting:ballot", kwargs={"slug": "vs-2027-2030", "district": "GLM"})}"' in page
    assert "Keuze invullen" in page
    assert "binnenkort" not in page  # 15 days away
    assert "VS 2019-2022" not in page.split("Alle processen")[0]  # nothing of the past cycle under "Wat nu"


def test_secretary_whose_dvo_chose_is_told_until_when_it_can_change(client, secretary, current):
    BallotFactory(round=current.round, district=secretary.district, submitted_at=NOW - datetime.timedelta(days=2))
    page = home(client, secretary)
    assert "Uw DVO heeft gekozen op 18 maart 2026 – wijzigen kan tot 4 april 2026 23:59" in page
    assert "Uw DVO moet nog kiezen" not in page
    assert "Keuze bekijken" in page


def test_the_deadline_within_a_week_is_marked(client, secretary, current):
    client.force_login(secretary)
    with time_machine.travel(datetime.datetime(2026, 4, 1, 9, 0, tzinfo=AMS), tick=False):
        page = client.get(reverse("planning:home")).content.decode()
    assert "binnenkort" in page


def test_staff_see_the_round_waiting_the_milestones_of_this_week_and_the_conflicts(client, staff, current, districts,
                                                                                 past):  # fmt: skip
    BallotFactory(round=current.round, district=districts["GLM"])
    MilestoneFactory(process=current, title="DVO GLM vergadert", starts_on=datetime.date(2026, 3, 24))
    MilestoneFactory(process=current, title="Te laat", starts_on=datetime.date(2026, 3, 1))
    page = home(client, staff)
    total = current.round.deadlines.count()
    assert f"Keuzeronde loopt: 1 van {total} DVO&#x27;s hebben gekozen" in page
    assert "Eerstvolgende termijn: GLM, 4 april 2026 23:59" in page
    assert "Deze week: DVO GLM vergadert – uiterlijk 24 maart 2026" in page
    assert "1 open knelpunt in de planning" in page
    assert reverse("planning:conflict_list", kwargs={"slug": "vs-2027-2030"}) in page
    assert "Oude mijlpaal" not in page


def test_staff_are_asked_to_record_the_top_five_once_the_round_is_closed(client, staff, current):
    Round.objects.filter(pk=current.round.pk).update(status=Round.Status.CLOSED)
    page = home(client, staff)
    assert "De top vijf van de BBG vastleggen" in page
    assert reverse("decisions:edit", kwargs={"slug": "vs-2027-2030"}) in page


def test_bbg_sees_the_result_and_the_confirmed_decision_when_ready(client, bbg_member, current, staff):
    page = home(client, bbg_member)
    assert "Er staat nu niets voor u klaar." in page
    Round.objects.filter(pk=current.round.pk).update(status=Round.Status.CLOSED)
    BbgDecision.objects.create(round=current.round, decided_on=datetime.date(2026, 6, 7), confirmed_at=NOW,
                               confirmed_by=staff)  # fmt: skip
    page = home(client, bbg_member)
    assert "De uitslag van de DVO-keuze is bekend" in page
    assert reverse("voting:results", kwargs={"slug": "vs-2027-2030"}) in page
    assert "De BBG heeft de top vijf vastgesteld op 7 juni 2026" in page


def test_the_dashboard_of_the_current_cycle_says_what_to_do(client, secretary, current):
    client.force_login(secretary)
    with time_machine.travel(NOW, tick=False):
        page = client.get(reverse("planning:dashboard", kwargs={"slug": current.slug})).content.decode()
    assert "Uw DVO moet nog kiezen – uiterlijk 4 april 2026 23:59" in page


def test_the_start_page_queries_do_not_grow_with_the_processes(client, staff, current, django_assert_max_num_queries):
    for _n in range(3):
        process = StrategyProcessFactory(period_start_year=2027, period_end_year=2030)
        make_frozen_long_list(process)
        RoundFactory(process=process)
    client.force_login(staff)
    with time_machine.travel(NOW, tick=False), django_assert_max_num_queries(60):
        page = client.get(reverse("planning:home")).content.decode()
    assert page.count("Keuzeronde loopt") == 4


def test_a_process_with_open_milestones_never_says_none_are_open(client, staff, past):
    page = home(client, staff)
    assert "Geen open mijlpalen meer" not in page
    # A closed past cycle is read as of its last date: its last milestone is open there, not overdue.
    assert "Nog 1 mijlpaal open" in page


def test_a_past_cycle_counts_overdue_as_of_its_own_last_date(client, staff, past):
    MilestoneFactory(process=past, title="Latere mijlpaal", starts_on=datetime.date(2018, 12, 31))  # fmt: skip
    page = home(client, staff)
    assert "Geen komende mijlpalen; wat nog openstaat, is over tijd" in page
    assert "1 mijlpaal over tijd" in page
