"""Absence reasons (free text, possibly about health) reach programme staff only (issue 10): the conflict messages,
the dashboard, the timeline, the milestone page and /api/processes/<slug>/conflicts/ say "afwezig" to every other
role."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from planning.models import Body, Milestone
from tests.planning.factories import AbsenceFactory, MembershipFactory, MilestoneFactory, PersonFactory

REASON = "ziekenhuisopname na operatie"
OTHERS = ["secretary", "bbg_member"]
STAFF = ["staff", "administrator"]


@pytest.fixture
def absent_meeting(process):
    bbg_body = Body.objects.get(short_name="BBG")
    mayor = PersonFactory(name="Van Veldhuizen")
    MembershipFactory(person=mayor, body=bbg_body)
    AbsenceFactory(person=mayor, starts_on=datetime.date(2018, 6, 7), reason=REASON)
    return MilestoneFactory(
        process=process,
        title="BBG top vijf",
        body=bbg_body,
        kind=Milestone.Kind.DECISION,
        starts_on=datetime.date(2018, 6, 7),
    )


def pages(process, milestone):
    kwargs = {"slug": process.slug}
    return [
        reverse("planning:dashboard", kwargs=kwargs),
        reverse("planning:timeline", kwargs=kwargs),
        reverse("planning:conflict_list", kwargs=kwargs),
        reverse("planning:milestone_list", kwargs=kwargs),
        reverse("planning:milestone_detail", kwargs={**kwargs, "pk": milestone.pk}),
    ]


@time_machine.travel(datetime.datetime(2018, 5, 1, 9, 0, tzinfo=datetime.UTC))
@pytest.mark.parametrize("role", OTHERS)
def test_other_roles_see_afwezig_without_the_reason(client, users, role, process, absent_meeting):
    client.force_login(users[role])
    for url in pages(process, absent_meeting):
        content = client.get(url).content.decode()
        assert REASON not in content, url
    detail = client.get(pages(process, absent_meeting)[-1]).content.decode()
    assert "Van Veldhuizen (BBG) is afwezig op 7 juni 2018." in detail

    api = APIClient()
    api.force_authenticate(users[role])
    conflicts = api.get(reverse("process-conflicts", kwargs={"slug": process.slug})).json()
    assert REASON not in str(conflicts)
    [absence] = [c for c in conflicts if c["kind"] == "absence"]
    assert absence["message"] == "Van Veldhuizen (BBG) is afwezig op 7 juni 2018."
    assert absence["absence_reason"] is None


@time_machine.travel(datetime.datetime(2018, 5, 1, 9, 0, tzinfo=datetime.UTC))
@pytest.mark.parametrize("role", STAFF)
def test_staff_read_the_reason_on_the_milestone_and_in_the_api(client, users, role, process, absent_meeting):
    client.force_login(users[role])
    detail = client.get(pages(process, absent_meeting)[-1]).content.decode()
    assert REASON in detail

    api = APIClient()
    api.force_authenticate(users[role])
    conflicts = api.get(reverse("process-conflicts", kwargs={"slug": process.slug})).json()
    [absence] = [c for c in conflicts if c["kind"] == "absence"]
    assert absence["absence_reason"] == REASON
    assert REASON not in absence["message"]
