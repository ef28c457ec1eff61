"""The toets through the API, with the pages' rules: a contact reads and answers the toets of their own
municipality only; staff send it and decide each proposal; nobody else reaches it; refusals keep their codes."""

import datetime

import pytest
from django.urls import reverse

from partners.models import CheckProposal, CheckRequest
from scan.models import PlanTheme

pytestmark = pytest.mark.django_db


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def answer_url(check):
    return reverse("check-request-answer", kwargs={"pk": check.pk})


def test_a_contact_lists_only_the_toetsen_of_their_own_municipality(client, check, contact, other_contact):
    client.force_login(contact)
    rows = client.get(reverse("check-request-list")).json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert [(row["municipality"], row["status"]) for row in rows] == [("Arnhem", "sent")]
    assert [theme["wording"] for theme in rows[0]["plan_themes"]] == ["Zoals in de scan gelezen", "Tweede thema"]
    client.force_login(other_contact)
    rows = client.get(reverse("check-request-list")).json()
    assert (rows["results"] if isinstance(rows, dict) else rows) == []
    assert client.get(reverse("check-request-detail", kwargs={"pk": check.pk})).status_code == 404


def test_a_contact_answers_with_an_added_theme_and_a_change(client, check, contact, themes):
    first, _second, third = themes.values()
    client.force_login(contact)
    response = post(client, answer_url(check), {
        "agrees": False, "remark": "Twee punten",
        "proposals": [
            {"kind": "add", "theme": third.name, "remark": "Staat op blz. 12"},
            {"kind": "change", "theme": first.name, "wording": "Zoals wij het bedoelen"},
        ],
    })  # fmt: skip
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "answered"
    assert sorted((row["kind"], row["theme"]) for row in body["proposals"]) == [
        ("add", third.name), ("change", first.name)]  # fmt: skip
    check.refresh_from_db()
    assert check.answered_by == contact
    assert check.remark == "Twee punten"


def test_another_municipalitys_contact_cannot_answer(client, check, other_contact):
    client.force_login(other_contact)
    response = post(client, answer_url(check), {"agrees": True})
    assert response.status_code == 404
    assert CheckRequest.objects.get(pk=check.pk).status == "sent"


def test_an_answer_that_breaks_a_rule_gets_its_code_and_nothing_is_stored(client, check, contact, themes):
    first = next(iter(themes.values()))
    client.force_login(contact)
    response = post(client, answer_url(check), {"agrees": False, "proposals": [{"kind": "add", "theme": first.name}]})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "proposal_theme_in_plan"
    assert "staat al in de scan" in response.json()["errors"][0]["message"]
    response = post(client, answer_url(check), {"agrees": False})
    assert response.json()["errors"][0]["code"] == "check_nothing_proposed"
    assert not CheckProposal.objects.exists()
    assert CheckRequest.objects.get(pk=check.pk).status == "sent"


def test_an_overlong_remark_is_refused(client, check, contact):
    client.force_login(contact)
    response = post(client, answer_url(check), {"agrees": True, "remark": "x" * 2001})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "remark"


def test_staff_decide_each_proposal_and_the_scan_follows(client, check, contact, staff, themes):
    first, _second, third = themes.values()
    client.force_login(contact)
    proposals = [{"kind": "add", "theme": third.name}, {"kind": "change", "theme": first.name, "wording": "Nieuw"}]
    post(client, answer_url(check), {"agrees": False, "proposals": proposals})
    add, change = (CheckProposal.objects.get(theme=theme) for theme in (third, first))
    client.force_login(staff)
    url = reverse("check-request-decide", kwargs={"pk": check.pk})
    response = post(client, url, {"proposal": add.pk, "accept": True, "reason": "Klopt"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "answered"
    response = post(client, url, {"proposal": change.pk, "accept": False, "reason": "Blijft zoals gelezen"})
    assert response.json()["status"] == "processed"
    assert PlanTheme.objects.filter(plan=check.plan, theme=third, origin="added").exists()
    assert PlanTheme.objects.get(plan=check.plan, theme=first).wording == "Zoals in de scan gelezen"
    response = post(client, url, {"proposal": change.pk, "accept": True, "reason": "Toch"})
    assert response.json()["errors"][0]["code"] == "proposal_decided"


def test_a_contact_cannot_decide_and_staff_cannot_answer(client, check, contact, staff):
    client.force_login(contact)
    response = post(client, reverse("check-request-decide", kwargs={"pk": check.pk}),
                    {"proposal": 1, "accept": True, "reason": "Zelf"})  # fmt: skip
    assert response.status_code == 403
    client.force_login(staff)
    response = post(client, answer_url(check), {"agrees": True})
    assert response.status_code == 403
    assert CheckRequest.objects.get(pk=check.pk).status == "sent"


def test_staff_send_a_toets_through_the_api(client, plan, contact, staff, process, time_machine):
    time_machine.move_to(datetime.datetime(2018, 2, 1, 9, tzinfo=datetime.UTC))
    CheckRequest.objects.filter(plan=plan).delete()
    client.force_login(staff)
    data = {"process": process.slug, "municipality": "Arnhem", "deadline": "2018-03-01"}
    response = post(client, reverse("check-request-list"), data)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "sent"
    assert response.json()["deadline"] == "2018-03-01"
    response = post(client, reverse("check-request-list"), data)
    assert response.json()["errors"][0]["code"] == "check_request_exists"


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_other_roles_do_not_reach_the_toets(client, check, users, role):
    client.force_login(users[role])
    assert client.get(reverse("check-request-list")).status_code == 403
    assert client.get(reverse("check-request-detail", kwargs={"pk": check.pk})).status_code == 403


def test_the_list_reads_a_fixed_number_of_queries(client, check, staff, django_assert_max_num_queries):
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("check-request-list"))
    rows = response.json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert [(row["municipality"], len(row["plan_themes"])) for row in rows] == [("Arnhem", 2)]
