"""The planning API writes through the same services as the pages (issue 10): the dependency cycle, the seven
phases of a new process and the history of the milestones that depended on a deleted one."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from planning.models import Milestone, StrategyProcess
from planning.services import DEFAULT_PHASES
from planning.services_schedule import milestone_save
from tests.api_errors import codes_of, messages_by_field
from tests.planning.factories import MilestoneFactory


def client_for(user):
    client = APIClient()
    client.force_login(user)
    return client


@pytest.fixture
def chain(process):
    """A <- B <- C: B depends on A, C on B."""
    first = MilestoneFactory(process=process, title="A", starts_on=datetime.date(2018, 3, 1))
    second = MilestoneFactory(process=process, title="B", starts_on=datetime.date(2018, 4, 1))
    third = MilestoneFactory(process=process, title="C", starts_on=datetime.date(2018, 5, 1))
    second.depends_on.add(first)
    third.depends_on.add(second)
    return first, second, third


def test_api_refuses_a_dependency_cycle(staff, chain):
    first, _second, third = chain

    response = client_for(staff).patch(
        reverse("milestone-detail", kwargs={"pk": first.pk}), {"depends_on": [third.pk]}, format="json"
    )

    assert response.status_code == 400
    assert codes_of(response) == ["milestone_cycle"]
    assert "kringloop" in messages_by_field(response)["depends_on"][0]
    assert "C" in messages_by_field(response)["depends_on"][0]
    assert not first.depends_on.exists()


def test_api_refuses_a_direct_cycle_of_two(staff, chain):
    first, second, _third = chain

    response = client_for(staff).patch(
        reverse("milestone-detail", kwargs={"pk": first.pk}), {"depends_on": [second.pk]}, format="json"
    )

    assert response.status_code == 400
    assert codes_of(response) == ["milestone_cycle"]


def test_api_accepts_replacing_dependencies_without_a_cycle(staff, chain):
    first, _second, third = chain

    response = client_for(staff).patch(
        reverse("milestone-detail", kwargs={"pk": third.pk}), {"depends_on": [first.pk]}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert list(third.depends_on.all()) == [first]


def test_the_service_refuses_a_cycle_for_every_caller(chain):
    first, _second, third = chain

    with pytest.raises(ValidationError) as caught:
        milestone_save(milestone=first, depends_on=[third])

    assert caught.value.error_dict["depends_on"][0].code == "milestone_cycle"
    assert not first.depends_on.exists()


def test_api_refuses_self_dependency_with_its_code(staff, chain):
    first, _second, _third = chain

    response = client_for(staff).patch(
        reverse("milestone-detail", kwargs={"pk": first.pk}), {"depends_on": [first.pk]}, format="json"
    )

    assert response.status_code == 400
    assert codes_of(response) == ["milestone_depends_on_itself"]


def test_api_process_create_gives_the_seven_phases(staff):
    response = client_for(staff).post(
        reverse("process-list"),
        {
            "title": "Veiligheidsstrategie 2027-2030",
            "short_name": "VS 2027-2030",
            "slug": "vs-2027-2030",
            "period_start_year": 2027,
            "period_end_year": 2030,
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    process = StrategyProcess.objects.get(slug="vs-2027-2030")
    names = list(process.phases.order_by("order").values_list("name", flat=True))
    assert names == [str(name) for name in DEFAULT_PHASES]
    assert len(names) == 7


def test_api_delete_records_the_change_in_the_dependents_history(staff, chain):
    first, second, _third = chain
    records_before = second.history.count()

    response = client_for(staff).delete(reverse("milestone-detail", kwargs={"pk": first.pk}))

    assert response.status_code == 204
    assert not Milestone.objects.filter(pk=first.pk).exists()
    assert not second.depends_on.exists()
    assert second.history.count() == records_before + 1
    latest = second.history.order_by("-history_id").first()
    assert latest.history_user == staff
    assert not latest.depends_on.exists()
