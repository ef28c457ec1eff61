import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from planning.models import Action
from tests.planning.factories import ActionFactory, MilestoneFactory, PersonFactory, StrategyProcessFactory

pytestmark = pytest.mark.django_db

# The planning of 2018 seen from the middle of that year.
MID_2018 = datetime.datetime(2018, 4, 15, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def owner(db):
    return PersonFactory(name="Bruls", function="regioburgemeester")


@pytest.fixture
def action(process, owner):
    return ActionFactory(
        process=process, title="Bilateraal informeren regioburgemeester en RVO", owner=owner,
        due_on=datetime.date(2018, 3, 31),
    )  # fmt: skip


def urls(action):
    kwargs = {"slug": action.process.slug, "pk": action.pk}
    return {
        "list": reverse("planning:action_list", kwargs={"slug": action.process.slug}),
        "create": reverse("planning:action_create", kwargs={"slug": action.process.slug}),
        "detail": reverse("planning:action_detail", kwargs=kwargs),
        "update": reverse("planning:action_update", kwargs=kwargs),
        "delete": reverse("planning:action_delete", kwargs=kwargs),
        "history": reverse("planning:action_history", kwargs=kwargs),
    }


def form_data(**overrides):
    values = {"title": "Advies aan burgemeesters", "milestone": "", "owner": "", "due_on": "2018-04-04",
              "done_on": "", "description": ""}  # fmt: skip
    values.update(overrides)
    return values


@pytest.mark.parametrize("name", ["list", "create", "detail", "update", "delete", "history"])
def test_anonymous_goes_to_login(client, action, name):
    response = client.get(urls(action)[name])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["list", "create", "detail", "update", "delete", "history"])
def test_outsider_gets_403(client, outsider, action, name):
    client.force_login(outsider)
    assert client.get(urls(action)[name]).status_code == 403


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_read_only_roles_read_but_cannot_write(client, users, action, role):
    client.force_login(users[role])
    for name in ("list", "detail", "history"):
        response = client.get(urls(action)[name])
        assert response.status_code == 200, name
        assert "Bilateraal informeren regioburgemeester en RVO" in response.content.decode()
    for name in ("create", "update", "delete"):
        assert client.get(urls(action)[name]).status_code == 403, name
    assert client.post(urls(action)["create"], form_data()).status_code == 403
    assert client.post(urls(action)["update"], form_data(title="Gekaapt")).status_code == 403
    assert client.post(urls(action)["delete"]).status_code == 403
    action.refresh_from_db()
    assert action.title == "Bilateraal informeren regioburgemeester en RVO"
    assert Action.objects.count() == 1


def test_action_of_another_process_is_404(client, staff, process):
    foreign = ActionFactory(process=StrategyProcessFactory())
    client.force_login(staff)
    for name in ("detail", "update", "delete", "history"):
        url = reverse(f"planning:action_{name}", kwargs={"slug": process.slug, "pk": foreign.pk})
        assert client.get(url).status_code == 404, name


@time_machine.travel(MID_2018)
def test_list_shows_open_overdue_and_done(client, secretary, process, action):
    ActionFactory(process=process, title="Advies aan burgemeesters", due_on=datetime.date(2018, 6, 28))
    ActionFactory(
        process=process, title="Long list rondsturen", due_on=datetime.date(2018, 3, 1),
        done_on=datetime.date(2018, 2, 28),
    )  # fmt: skip
    client.force_login(secretary)
    url = urls(action)["list"]
    content = client.get(url).content.decode()
    assert "3 acties: 2 open, waarvan 1 te laat" in content
    assert "te laat" in content
    assert "gedaan op 28 februari 2018" in content
    assert "31 maart 2018" in content
    assert "Bruls (regioburgemeester)" in content

    content = client.get(url, {"toon": "te-laat"}).content.decode()
    assert "Bilateraal informeren" in content
    assert "Advies aan burgemeesters" not in content
    assert "Long list rondsturen" not in content

    content = client.get(url, {"toon": "gedaan"}).content.decode()
    assert "Long list rondsturen" in content
    assert "Bilateraal informeren" not in content


@time_machine.travel(MID_2018)
def test_staff_creates_action_at_a_milestone(client, staff, process, owner):
    milestone = MilestoneFactory(process=process, title="DVO GLM")
    client.force_login(staff)
    create_url = reverse("planning:action_create", kwargs={"slug": process.slug})
    content = client.get(create_url, {"mijlpaal": milestone.pk}).content.decode()
    assert f'value="{milestone.pk}" selected' in content
    response = client.post(create_url, form_data(milestone=milestone.pk, owner=owner.pk))
    action = Action.objects.get()
    assert response["Location"] == urls(action)["detail"]
    assert (action.process, action.milestone, action.owner) == (process, milestone, owner)
    assert action.due_on == datetime.date(2018, 4, 4)
    content = client.get(urls(action)["detail"]).content.decode()
    assert "4 april 2018" in content
    assert "nog niet gedaan" in content
    # It shows on its milestone's page too.
    milestone_page = client.get(reverse("planning:milestone_detail", kwargs={"slug": process.slug, "pk": milestone.pk}))
    assert "Advies aan burgemeesters" in milestone_page.content.decode()


@time_machine.travel(MID_2018)
def test_it_refuses_a_milestone_of_another_process_and_a_future_done_date(client, staff, process):
    foreign = MilestoneFactory(process=StrategyProcessFactory())
    client.force_login(staff)
    response = client.post(
        reverse("planning:action_create", kwargs={"slug": process.slug}),
        form_data(milestone=foreign.pk, done_on="2018-12-01", due_on="geen datum"),
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Kies een mijlpaal van dit proces." in content
    assert "Een actie kan niet in de toekomst gedaan zijn." in content
    assert "Vul een geldige datum in." in content
    assert Action.objects.count() == 0


@time_machine.travel(MID_2018)
def test_staff_marks_action_done_and_history_shows_it(client, staff, process, action):
    client.force_login(staff)
    response = client.post(
        urls(action)["update"],
        form_data(title=action.title, owner=action.owner_id, due_on="2018-03-31", done_on="2018-04-10"),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done_on == datetime.date(2018, 4, 10)
    content = client.get(urls(action)["history"]).content.decode()
    assert escape(str(staff)) in content
    assert "Gedaan op" in content
    assert "10 april 2018" in content
    assert "aangemaakt" in content


def test_staff_deletes_action(client, staff, action):
    client.force_login(staff)
    assert "Weet u zeker" in client.get(urls(action)["delete"]).content.decode()
    response = client.post(urls(action)["delete"])
    assert response["Location"] == urls(action)["list"]
    assert not Action.objects.exists()


@pytest.mark.parametrize("name", ["list", "detail", "history"])
def test_query_count_does_not_grow(client, staff, name):
    client.force_login(staff)
    firsts = []
    for times in (1, 10):
        process = StrategyProcessFactory()
        actions = [
            ActionFactory(process=process, owner=PersonFactory(), milestone=MilestoneFactory(process=process))
            for _ in range(times)
        ]
        actions[0].title = "Gewijzigd"
        actions[0].save()
        firsts.append(actions[0])
    counts = []
    for action in firsts:
        client.get(urls(action)[name])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(urls(action)[name]).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
