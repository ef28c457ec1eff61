"""The pages of the BBG's decision and its panel on the dashboard."""

import datetime

import pytest
from django.urls import reverse

from decisions.models import BbgDecision, PassedOver
from decisions.services import ChosenPriority, decision_confirm, decision_record
from planning.models import Milestone
from tests.voting.result_factories import bbg_meeting

pytestmark = pytest.mark.django_db

DAY = datetime.date(2018, 6, 7)


def five(priorities, ambition="Ambitie"):
    return [ChosenPriority(priority_id=p.pk, ambition=f"{ambition} {p.title}") for p in priorities]


def url(name, process):
    return reverse(f"decisions:{name}", kwargs={"slug": process.slug})


# --- The pages --------------------------------------------------------------------------------------------------


def form_data(priorities, *, ambitions=None, justifications=None, meeting=None, decided_on="2018-06-07"):
    data = {"meeting": meeting.pk if meeting else "", "decided_on": decided_on, "notes": ""}
    for place, priority in enumerate(priorities, start=1):
        data[f"priority_{place}"] = str(priority.pk) if priority else ""
        data[f"ambition_{place}"] = (ambitions or {}).get(place, f"Ambitie {place}")
    for pk, text in (justifications or {}).items():
        data[f"justification_{pk}"] = text
    return data


def test_staff_record_through_the_page(client, staff, closed_round, long_list):
    meeting = bbg_meeting(closed_round.process, starts_on=DAY)
    client.force_login(staff)
    page = client.get(url("edit", closed_round.process)).content.decode()
    assert "Prioriteit op plaats 1" in page
    assert meeting.title in page
    response = client.post(url("edit", closed_round.process), form_data(long_list[:5], meeting=meeting, decided_on=""))
    assert response.status_code == 302
    decision = BbgDecision.objects.get()
    assert decision.decided_on == DAY  # taken from the meeting
    content = client.get(url("detail", closed_round.process)).content.decode()
    assert "nog niet bevestigd" in content
    assert "Ambitie 1" in content


def test_the_page_refuses_four_and_a_missing_ambition(client, staff, closed_round, long_list):
    client.force_login(staff)
    response = client.post(url("edit", closed_round.process), form_data([*long_list[:4], None]))
    assert response.status_code == 200
    assert "precies 5 prioriteiten" in response.content.decode()
    response = client.post(url("edit", closed_round.process), form_data(long_list[:5], ambitions={3: ""}))
    assert f"Geef een ambitie bij ‘{long_list[2].title}’" in response.content.decode()
    assert not BbgDecision.objects.exists()


def test_the_page_demands_a_justification_naming_the_priority(client, staff, closed_round, long_list):
    client.force_login(staff)
    chosen = [*long_list[:4], long_list[5]]
    response = client.post(url("edit", closed_round.process), form_data(chosen))
    content = response.content.decode()
    assert response.status_code == 200
    assert f"‘{long_list[4].title}’ staat op plaats 5 van de uitslag" in content
    response = client.post(
        url("edit", closed_round.process),
        form_data(chosen, justifications={long_list[4].pk: "Landelijk belegd"}),
    )
    assert response.status_code == 302
    assert PassedOver.objects.get().justification == "Landelijk belegd"


def test_confirm_through_the_page_then_edit_is_refused(client, staff, closed_round, long_list):
    meeting = bbg_meeting(closed_round.process, starts_on=DAY)
    decision_record(round=closed_round, user=staff, decided_on=DAY, meeting=meeting, chosen=five(long_list[:5]))
    client.force_login(staff)
    page = client.get(url("confirm", closed_round.process)).content.decode()
    assert "kan het niet meer worden gewijzigd" in page
    response = client.post(url("confirm", closed_round.process))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Milestone.Status.DONE

    response = client.post(url("edit", closed_round.process), form_data(long_list[1:6]), follow=True)
    assert "bevestigd en kan niet meer worden gewijzigd" in response.content.decode()
    assert list(BbgDecision.objects.get().chosen.values_list("priority_id", flat=True)) == [p.pk for p in long_list[:5]]


@pytest.mark.parametrize("role", ["bbg_member", "secretary"])
def test_others_see_only_a_confirmed_decision_and_cannot_edit(client, users, role, staff, closed_round, long_list):
    decision = decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    client.force_login(users[role])
    assert client.get(url("edit", closed_round.process)).status_code == 403
    assert client.get(url("confirm", closed_round.process)).status_code == 403
    content = client.get(url("detail", closed_round.process)).content.decode()
    assert "De BBG heeft nog geen top vijf vastgesteld." in content
    assert "Ambitie" not in content
    decision_confirm(decision=decision, user=staff)
    content = client.get(url("detail", closed_round.process)).content.decode()
    assert f"Ambitie {long_list[0].title}" in content
    assert "Bevestigd op" in content


def test_the_dashboard_shows_the_confirmed_five(client, closed_round, long_list, staff, process):
    """The panel that decisions registers on the planning's dashboard (planning.hooks.DASHBOARD_PANELS)."""
    client.force_login(staff)
    dashboard = reverse("planning:dashboard", kwargs={"slug": process.slug})
    assert "De BBG heeft nog geen top vijf vastgesteld." in client.get(dashboard).content.decode()
    decision = decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    decision_confirm(decision=decision, user=staff)
    html = client.get(dashboard).content.decode()
    assert "7 juni 2018" in html
    assert all(p.title in html for p in long_list[:5])
