"""The DVO secretary's ballot page, its confirmation and history: content and state, for every kind of user."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from scan.models import Source
from tests.planning.factories import StrategyProcessFactory
from tests.priorities.factories import CriterionAssessmentFactory, SourceFactory, ThemeFactory
from tests.voting.factories import BallotFactory, make_frozen_long_list
from voting import services
from voting.models import Ballot, BallotChoice, RoundDeadline

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def ballot_url(process, code="GLM", name="voting:ballot"):
    return reverse(name, kwargs={"slug": process.slug, "district": code})


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


# --- Who reaches the page -------------------------------------------------------------------------------------


def test_anonymous_goes_to_login(client, process, voting_round):
    response = client.get(ballot_url(process))
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


def test_outsider_gets_403(client, process, voting_round, outsider):
    client.force_login(outsider)
    assert client.get(ballot_url(process)).status_code == 403


@pytest.mark.parametrize("name", ["voting:ballot", "voting:ballot_confirmation", "voting:ballot_history"])
def test_secretary_of_another_dvo_gets_404(client, process, voting_round, districts, other_secretary, name):
    ballot = BallotFactory(round=voting_round, district=districts["GLM"])
    before = (ballot.submitted_by_id, sorted(ballot.choices.values_list("priority_id", flat=True)))
    client.force_login(other_secretary)
    assert client.get(ballot_url(process, "GLM", name)).status_code == 404
    # A complete, valid-looking choice of the last seven priorities, sent to GLM's page by TWN's secretary.
    last_seven = list(process.priorities.order_by("-position").values_list("pk", flat=True)[:7])
    response = client.post(ballot_url(process, "GLM", name), {"choice": last_seven, "council_involvement": "informed"})
    assert response.status_code in (404, 405)
    ballot.refresh_from_db()
    assert (ballot.submitted_by_id, sorted(ballot.choices.values_list("priority_id", flat=True))) == before
    assert not Ballot.objects.filter(round=voting_round, district=districts["TWN"]).exists()


def test_bbg_member_gets_404(client, process, voting_round, bbg_member):
    client.force_login(bbg_member)
    assert client.get(ballot_url(process)).status_code == 404


def test_unknown_district_gets_404(client, process, voting_round, staff):
    client.force_login(staff)
    assert client.get(ballot_url(process, "XYZ")).status_code == 404


# --- The page -------------------------------------------------------------------------------------------------


def test_secretary_sees_the_ten_with_description_criteria_and_evidence(
    client, process, voting_round, long_list, secretary
):
    priority = long_list[0]
    CriterionAssessmentFactory(priority=priority, justification="Gemeentegrenzen overschrijdend")
    priority.themes.add(ThemeFactory(name="Ondermijning"))
    public = SourceFactory(process=process, title="Evaluatie Politiewet", confidentiality=Source.Confidentiality.PUBLIC)
    secret = SourceFactory(
        process=process, title="Ondermijningsbeeld 2017", confidentiality=Source.Confidentiality.CONFIDENTIAL
    )
    priority.sources.add(public, secret)
    client.force_login(secretary)
    response = client.get(ballot_url(process))
    content = response.content.decode()
    assert response.status_code == 200
    for item in long_list:
        assert item.title in content
    assert content.count('name="choice"') == 10
    assert "0 van 7 gekozen" in content
    assert 'aria-live="polite"' in content
    assert "<legend" in content
    assert "Gemeentegrenzen overschrijdend" in content
    assert "Ondermijning" in content
    assert "Evaluatie Politiewet" in content
    assert "Ondermijningsbeeld 2017" not in content  # confidential: staff only
    assert "js/ballot.js" in content
    assert "<script>" not in content.replace('<script src="', "")


def test_staff_sees_confidential_sources_and_the_on_behalf_notice(client, process, voting_round, long_list, staff):
    secret = SourceFactory(
        process=process, title="Ondermijningsbeeld 2017", confidentiality=Source.Confidentiality.CONFIDENTIAL
    )
    long_list[0].sources.add(secret)
    client.force_login(staff)
    content = client.get(ballot_url(process)).content.decode()
    assert "Ondermijningsbeeld 2017" in content
    assert "ingevoerd door staf namens DVO GLM" in content
    assert 'name="on_behalf_reason"' in content


@pytest.mark.parametrize("count", [6, 8])
def test_six_or_eight_are_refused_and_nothing_is_stored(
    client, process, voting_round, long_list, secretary, submit_data, count
):
    client.force_login(secretary)
    ids = [p.pk for p in long_list[:count]]
    response = client.post(ballot_url(process), submit_data(ids))
    content = response.content.decode()
    assert response.status_code == 200
    assert f"Kies precies 7 prioriteiten; u hebt er {count} gekozen." in content
    assert f"{count} van 7 gekozen" in content  # the ticks are kept
    assert not Ballot.objects.exists()
    assert not BallotChoice.objects.exists()


def test_a_duplicate_is_refused(client, process, voting_round, long_list, secretary, submit_data):
    client.force_login(secretary)
    ids = [p.pk for p in long_list[:6]] + [long_list[0].pk]
    response = client.post(ballot_url(process), submit_data(ids))
    assert "meer dan eens gekozen" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_priority_of_another_process_is_refused(client, process, voting_round, long_list, secretary, submit_data):
    other = make_frozen_long_list(StrategyProcessFactory())
    client.force_login(secretary)
    response = client.post(ballot_url(process), submit_data([p.pk for p in long_list[:6]] + [other[0].pk]))
    assert "staat niet op de lange lijst van VS 2019-2022" in response.content.decode()
    assert not Ballot.objects.exists()


@pytest.mark.parametrize("tampered", ["999999", "abc", "-1", "1.5"])
def test_a_tampered_id_is_refused(client, process, voting_round, long_list, secretary, submit_data, tampered):
    client.force_login(secretary)
    data = submit_data([p.pk for p in long_list[:6]])
    data["choice"].append(tampered)
    response = client.post(ballot_url(process), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "De keuze is niet opgeslagen" in content
    assert not Ballot.objects.exists()


def test_secretary_submits_seven_and_sees_the_confirmation(
    client, process, voting_round, long_list, secretary, submit_data, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    ids = [p.pk for p in long_list[:7]]
    data = submit_data(ids, remark="Besproken op 4 april", council_involvement="involved")
    for place, pk in enumerate(ids, start=1):
        data[f"preference_{pk}"] = str(place)
    data[f"remark_{ids[0]}"] = "Hoogste prioriteit"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ballot_url(process), data, follow=True)
    assert response.redirect_chain[-1][0] == ballot_url(process, name="voting:ballot_confirmation")
    content = response.content.decode()
    assert "De keuze van DVO GLM is opgeslagen" in content
    assert f"Een ontvangstbevestiging wordt gemaild naar {secretary.email}" in content
    for priority in long_list[:7]:
        assert priority.title in content
    assert long_list[7].title not in content
    assert "Hoogste prioriteit" in content
    ballot = Ballot.objects.get()
    assert ballot.submitted_by == secretary
    assert not ballot.entered_by_staff
    assert ballot.council_involvement == "involved"
    assert dict(ballot.choices.values_list("priority_id", "preference")) == {pk: n for n, pk in enumerate(ids, 1)}
    receipt = [m for m in mail.outbox if secretary.email in m.to]
    assert len(receipt) == 1
    for priority in long_list[:7]:
        assert priority.title in receipt[0].body


def test_the_page_shows_the_current_choice_for_change(client, process, voting_round, long_list, secretary):
    BallotFactory(round=voting_round, district=secretary.district, priorities=long_list[3:10])
    client.force_login(secretary)
    content = client.get(ballot_url(process)).content.decode()
    assert "7 van 7 gekozen" in content
    assert "Keuze wijzigen" in content
    assert content.count(' checked aria-describedby="about-') == 7


def test_staff_must_give_a_reason_and_is_marked(client, process, voting_round, long_list, staff, submit_data):
    client.force_login(staff)
    ids = [p.pk for p in long_list[:7]]
    response = client.post(ballot_url(process, "IJSS"), submit_data(ids))
    assert "Geef een reden op als u als staf namens de DVO invoert." in response.content.decode()
    assert not Ballot.objects.exists()
    response = client.post(ballot_url(process, "IJSS"), submit_data(ids, on_behalf_reason="Per e-mail"), follow=True)
    ballot = Ballot.objects.get()
    assert ballot.entered_by_staff
    assert ballot.staff_reason == "Per e-mail"
    assert "ingevoerd door staf namens de DVO" in response.content.decode()
    history = client.get(ballot_url(process, "IJSS", "voting:ballot_history")).content.decode()
    assert "ingevoerd door staf namens de DVO" in history
    assert "Per e-mail" in history


# --- Locked -----------------------------------------------------------------------------------------------------


def test_after_the_deadline_the_page_is_read_only_with_the_reason(
    client, process, voting_round, long_list, secretary, submit_data
):
    BallotFactory(round=voting_round, district=secretary.district, priorities=long_list[:7])
    RoundDeadline.objects.filter(round=voting_round, district=secretary.district).update(
        deadline=datetime.datetime(2018, 4, 4, 23, 59, tzinfo=AMS)
    )
    client.force_login(secretary)
    with time_machine.travel(datetime.datetime(2018, 4, 5, 8, 0, tzinfo=AMS)):
        content = client.get(ballot_url(process)).content.decode()
        assert "De termijn van uw DVO is verstreken op 4 april 2018 23:59; de keuze ligt vast." in content
        assert 'name="choice"' not in content
        assert long_list[0].title in content
        response = client.post(ballot_url(process), submit_data([p.pk for p in long_list[3:10]]), follow=True)
    assert "de keuze ligt vast" in " ".join(messages_of(response))
    assert sorted(Ballot.objects.get().choices.values_list("priority_id", flat=True)) == sorted(
        p.pk for p in long_list[:7]
    )


def test_after_closing_the_page_is_read_only(client, process, voting_round, long_list, secretary, staff, submit_data):
    services.round_close(round=voting_round, user=staff)
    client.force_login(secretary)
    content = client.get(ballot_url(process)).content.decode()
    assert "De keuzeronde is op " in content
    assert "gesloten; de keuze ligt vast." in content
    assert 'name="choice"' not in content
    client.post(ballot_url(process), submit_data([p.pk for p in long_list[:7]]))
    assert not Ballot.objects.exists()


# --- History ----------------------------------------------------------------------------------------------------


def test_history_shows_both_versions_to_the_own_secretary(
    client, process, voting_round, long_list, secretary, submit_data
):
    client.force_login(secretary)
    with time_machine.travel(datetime.datetime(2018, 4, 2, 10, 0, tzinfo=AMS)):
        client.post(ballot_url(process), submit_data([p.pk for p in long_list[:7]]))
    with time_machine.travel(datetime.datetime(2018, 4, 3, 11, 0, tzinfo=AMS)):
        client.post(ballot_url(process), submit_data([p.pk for p in long_list[1:8]]))
    assert Ballot.objects.count() == 1
    content = client.get(ballot_url(process, name="voting:ballot_history")).content.decode()
    assert "2 april 2018 10:00" in content
    assert "3 april 2018 11:00" in content
    assert "Toegevoegd:" in content
    assert "Weggehaald:" in content
    assert long_list[0].title in content
    assert long_list[7].title in content


def test_the_receipt_task_sends_one_receipt_per_submission(voting_round, secretary, seven_ids, districts):
    """A message delivered twice (a redelivery, a second worker) sends one receipt; a new submission its own."""
    from voting.tasks import send_ballot_receipt

    ballot = services.ballot_submit(
        round=voting_round, district=districts["GLM"], user=secretary, priority_ids=seven_ids
    )
    mail.outbox.clear()

    first = send_ballot_receipt.apply(args=[ballot.pk]).get()
    second = send_ballot_receipt.apply(args=[ballot.pk]).get()

    assert (first, second) == (1, 0)
    assert len([m for m in mail.outbox if secretary.email in m.to]) == 1
    assert mail.outbox[0].extra_headers["Message-ID"].startswith(f"<ontvangst-{ballot.pk}-")
