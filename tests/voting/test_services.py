"""The round and ballot services: the rules of the DVO choice, held whatever page or API calls them."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from planning.models import Body, Milestone
from priorities.models import LongList
from tests.planning.factories import MilestoneFactory, StrategyProcessFactory
from tests.voting.factories import BallotFactory, make_frozen_long_list
from voting import selectors, services
from voting.models import Ballot, BallotChoice, Round, RoundDeadline

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def submit(round, district, user, ids, **kwargs):
    return services.ballot_submit(round=round, district=district, user=user, priority_ids=ids, **kwargs)


# --- round_create ---------------------------------------------------------------------------------------------


def test_round_needs_a_frozen_long_list(process, staff):
    LongList.objects.create(process=process)
    with pytest.raises(ValidationError) as error:
        services.round_create(process=process, user=staff)
    assert "nog niet door de BBG vastgesteld" in error.value.messages[0]
    assert error.value.code == "longlist_not_frozen"
    assert not Round.objects.exists()


def test_round_takes_each_dvo_deadline_from_its_meeting(process, staff, districts, long_list):
    glm = MilestoneFactory(
        process=process,
        title="DVO GLM",
        starts_on=datetime.date(2018, 4, 4),
        body=Body.objects.get(district__code="GLM"),
    )
    MilestoneFactory(
        process=process,
        title="DVO TWN (vervallen)",
        starts_on=datetime.date(2018, 4, 10),
        status=Milestone.Status.CANCELLED,
        body=Body.objects.get(district__code="TWN"),
    )
    twn = MilestoneFactory(
        process=process,
        title="DVO TWN",
        starts_on=datetime.date(2018, 4, 23),
        body=Body.objects.get(district__code="TWN"),
    )
    round = services.round_create(process=process, user=staff)

    deadlines = {row.district.code: row for row in round.deadlines.select_related("district", "meeting")}
    assert deadlines["GLM"].meeting == glm
    assert deadlines["GLM"].deadline == datetime.datetime(2018, 4, 4, 23, 59, tzinfo=AMS)
    assert deadlines["TWN"].meeting == twn
    assert deadlines["TWN"].deadline == datetime.datetime(2018, 4, 23, 23, 59, tzinfo=AMS)
    # Districts without a meeting get no default; staff must set it before opening.
    assert set(deadlines) == {"GLM", "TWN"}
    assert round.status == Round.Status.DRAFT
    with pytest.raises(ValidationError) as error:
        services.round_open(round=round, user=staff)
    assert "Stel eerst een termijn in voor: " in error.value.messages[0]
    assert "GLZ" in error.value.messages[0]
    assert error.value.code == "round_deadline_missing"


def test_one_round_per_process(voting_round, process, staff):
    with pytest.raises(ValidationError, match="al een keuzeronde"):
        services.round_create(process=process, user=staff)


def test_only_staff_run_the_round(voting_round, secretary, bbg_member):
    for user in (secretary, bbg_member):
        with pytest.raises(PermissionDenied):
            services.round_close(round=voting_round, user=user)


def test_deadline_update_sets_a_missing_deadline_and_then_the_round_opens(process, staff, districts, long_list):
    round = services.round_create(process=process, user=staff)
    for district in districts.values():
        services.deadline_update(
            round=round, district=district, deadline=datetime.datetime(2018, 6, 28, 23, 59, tzinfo=AMS), user=staff
        )
    round = services.round_open(round=round, user=staff)
    assert round.is_open
    assert RoundDeadline.objects.filter(round=round).count() == 5


# --- ballot_submit: what counts as a ballot -------------------------------------------------------------------


def test_secretary_can_submit_seven(voting_round, districts, secretary, seven_ids):
    ballot = submit(voting_round, districts["GLM"], secretary, seven_ids, council_involvement="involved")
    assert ballot.entered_by_staff is False
    assert sorted(ballot.choices.values_list("priority_id", flat=True)) == sorted(seven_ids)


@pytest.mark.parametrize("count", [6, 8])
def test_it_rejects_six_or_eight(voting_round, districts, secretary, long_list, count):
    ids = [priority.pk for priority in long_list[:count]]
    with pytest.raises(ValidationError) as error:
        submit(voting_round, districts["GLM"], secretary, ids)
    assert error.value.messages == [f"Kies precies 7 prioriteiten; u hebt er {count} gekozen."]
    assert error.value.code == "ballot_wrong_count"
    assert not Ballot.objects.exists()
    assert not BallotChoice.objects.exists()


def test_it_rejects_a_duplicate(voting_round, districts, secretary, long_list):
    ids = [priority.pk for priority in long_list[:6]] + [long_list[0].pk]
    with pytest.raises(ValidationError, match="meer dan eens gekozen"):
        submit(voting_round, districts["GLM"], secretary, ids)
    assert not Ballot.objects.exists()


def test_it_rejects_a_priority_of_another_process(voting_round, districts, secretary, long_list):
    other = make_frozen_long_list(StrategyProcessFactory())
    ids = [priority.pk for priority in long_list[:6]] + [other[0].pk]
    with pytest.raises(ValidationError) as error:
        submit(voting_round, districts["GLM"], secretary, ids)
    assert "staat niet op de lange lijst van VS 2019-2022" in error.value.messages[0]
    assert not Ballot.objects.exists()


@pytest.mark.parametrize("tampered", [999_999, "abc", None, True])
def test_it_rejects_a_tampered_id(voting_round, districts, secretary, long_list, tampered):
    ids = [priority.pk for priority in long_list[:6]] + [tampered]
    with pytest.raises(ValidationError):
        submit(voting_round, districts["GLM"], secretary, ids)
    assert not Ballot.objects.exists()


def test_preferences_are_all_or_none_and_distinct(voting_round, districts, secretary, seven_ids):
    glm = districts["GLM"]
    with pytest.raises(ValidationError, match="alle 7 gekozen prioriteiten een plaats"):
        submit(voting_round, glm, secretary, seven_ids, preferences={seven_ids[0]: 1})
    with pytest.raises(ValidationError, match="maar één keer voorkomen"):
        submit(voting_round, glm, secretary, seven_ids, preferences=dict.fromkeys(seven_ids, 1))
    with pytest.raises(ValidationError, match="tussen 1 en 7"):
        submit(voting_round, glm, secretary, seven_ids, preferences={pk: n + 2 for n, pk in enumerate(seven_ids)})
    assert not Ballot.objects.exists()
    order = {pk: 7 - n for n, pk in enumerate(seven_ids)}
    ballot = submit(voting_round, glm, secretary, seven_ids, preferences=order)
    assert {c.priority_id: c.preference for c in ballot.choices.all()} == order


def test_secretary_acts_for_own_dvo_only(voting_round, districts, secretary, bbg_member, seven_ids):
    with pytest.raises(PermissionDenied):
        submit(voting_round, districts["TWN"], secretary, seven_ids)
    with pytest.raises(PermissionDenied):
        submit(voting_round, districts["GLM"], bbg_member, seven_ids)
    assert not Ballot.objects.exists()


def test_staff_on_behalf_requires_a_reason_and_is_marked(voting_round, districts, staff, seven_ids):
    with pytest.raises(ValidationError, match="Geef een reden op"):
        submit(voting_round, districts["NOG"], staff, seven_ids)
    assert not Ballot.objects.exists()
    ballot = submit(voting_round, districts["NOG"], staff, seven_ids, on_behalf_reason="Per e-mail doorgegeven")
    assert ballot.entered_by_staff is True
    assert ballot.staff_reason == "Per e-mail doorgegeven"
    assert ballot.submitted_by == staff


# --- Deadlines and closing ------------------------------------------------------------------------------------


def test_after_the_deadline_the_secretary_is_refused_but_staff_may_correct(
    voting_round, districts, secretary, staff, seven_ids
):
    RoundDeadline.objects.filter(round=voting_round, district=districts["GLM"]).update(
        deadline=datetime.datetime(2018, 4, 4, 23, 59, tzinfo=AMS)
    )
    with time_machine.travel(datetime.datetime(2018, 4, 5, 9, 0, tzinfo=AMS)):
        with pytest.raises(ValidationError) as error:
            submit(voting_round, districts["GLM"], secretary, seven_ids)
        assert error.value.code == "deadline_passed"
        assert error.value.messages == [
            "De termijn van uw DVO is verstreken op 4 april 2018 23:59; de keuze ligt vast."
        ]
        assert not Ballot.objects.exists()
        ballot = submit(voting_round, districts["GLM"], staff, seven_ids, on_behalf_reason="Vergadering uitgelopen")
        assert ballot.entered_by_staff


def test_before_the_deadline_the_secretary_may_submit(voting_round, districts, secretary, seven_ids):
    RoundDeadline.objects.filter(round=voting_round, district=districts["GLM"]).update(
        deadline=datetime.datetime(2018, 4, 4, 23, 59, tzinfo=AMS)
    )
    with time_machine.travel(datetime.datetime(2018, 4, 4, 23, 58, tzinfo=AMS)):
        assert submit(voting_round, districts["GLM"], secretary, seven_ids).pk


def test_after_closing_nobody_may_submit(voting_round, districts, secretary, staff, seven_ids):
    services.round_close(round=voting_round, user=staff)
    for user, kwargs in ((secretary, {}), (staff, {"on_behalf_reason": "correctie"})):
        with pytest.raises(ValidationError, match="gesloten") as error:
            submit(voting_round, districts["GLM"], user, seven_ids, **kwargs)
        assert error.value.code == "round_closed"
    assert not Ballot.objects.exists()


def test_not_while_the_long_list_is_reopened(voting_round, districts, secretary, seven_ids, process):
    LongList.objects.filter(process=process).update(status=LongList.Status.DRAFT, approved_on=None, sent_on=None)
    with pytest.raises(ValidationError, match="heropend"):
        submit(voting_round, districts["GLM"], secretary, seven_ids)


# --- Replacing, history, receipt ------------------------------------------------------------------------------


def test_replacing_keeps_one_row_and_the_history_shows_both(voting_round, districts, secretary, long_list):
    first = [p.pk for p in long_list[:7]]
    second = [p.pk for p in long_list[1:8]]
    with time_machine.travel(datetime.datetime(2018, 4, 2, 10, 0, tzinfo=AMS)):
        submit(voting_round, districts["GLM"], secretary, first)
    with time_machine.travel(datetime.datetime(2018, 4, 3, 10, 0, tzinfo=AMS)):
        ballot = submit(voting_round, districts["GLM"], secretary, second)
    assert Ballot.objects.filter(round=voting_round, district=districts["GLM"]).count() == 1
    assert sorted(ballot.choices.values_list("priority_id", flat=True)) == sorted(second)

    versions = selectors.ballot_history(voting_round, districts["GLM"])
    assert len(versions) == 2
    newest, oldest = versions
    assert {c.title for c in oldest.choices} == {p.title for p in long_list[:7]}
    assert {c.title for c in newest.choices} == {p.title for p in long_list[1:8]}
    assert newest.added == [long_list[7].title]
    assert newest.removed == [long_list[0].title]


def test_the_receipt_lists_the_seven(
    voting_round, districts, secretary, staff, seven_ids, long_list, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(voting_round, districts["GLM"], staff, seven_ids, on_behalf_reason="Telefonisch doorgegeven")
    to_secretary = [m for m in mail.outbox if secretary.email in m.to]
    assert len(to_secretary) == 1
    message = to_secretary[0]
    assert staff.email in message.to
    assert message.subject == "Ontvangstbevestiging: keuze van DVO GLM voor VS 2019-2022"
    for priority in long_list[:7]:
        assert priority.title in message.body
        assert priority.title in message.alternatives[0][0]
    for priority in long_list[7:]:
        assert priority.title not in message.body
    assert "Ingevoerd door de programmastaf namens de DVO" in message.body


def test_process_has_ballots(voting_round, process, districts, secretary, seven_ids):
    assert selectors.process_has_ballots(process) is False
    submit(voting_round, districts["GLM"], secretary, seven_ids)
    assert selectors.process_has_ballots(process) is True


# --- Release and reset ----------------------------------------------------------------------------------------


def test_release_only_when_every_dvo_has_chosen(voting_round, districts, staff):
    for code in ("GLM", "GLZ", "TWN", "IJSS"):
        BallotFactory(round=voting_round, district=districts[code])
    with pytest.raises(ValidationError, match=r"\(4 van 5\)"):
        services.round_release_results(round=voting_round, user=staff)
    BallotFactory(round=voting_round, district=districts["NOG"])
    round = services.round_release_results(round=voting_round, user=staff)
    assert round.results_released_at is not None
    assert round.results_visible_to_all


def test_reset_deletes_ballots_keeps_history_and_reopens(voting_round, districts, staff, secretary, seven_ids):
    submit(voting_round, districts["GLM"], secretary, seven_ids)
    services.round_close(round=voting_round, user=staff)
    with pytest.raises(ValidationError):
        services.round_reset(round=voting_round, user=staff, reason=" ")
    round = services.round_reset(
        round=voting_round, user=staff, reason="Demo: nieuwe poging", new_deadline=datetime.date(2100, 6, 1)
    )
    assert round.is_open
    assert round.closed_at is None
    assert round.results_released_at is None
    assert not Ballot.objects.exists()
    assert Ballot.history.filter(history_type="-").count() == 1
    assert set(RoundDeadline.objects.values_list("deadline", flat=True)) == {
        datetime.datetime(2100, 6, 1, 23, 59, tzinfo=AMS)
    }
    versions = selectors.ballot_history(voting_round, districts["GLM"])
    assert [v.is_deletion for v in versions] == [True, False]
    assert versions[0].change_reason == "Demo: nieuwe poging"
