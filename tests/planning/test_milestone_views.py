import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from core.dates import Precision
from planning.fragments import planning_changed
from planning.models import Body, Milestone
from tests.planning.factories import (
    AbsenceFactory,
    ActionFactory,
    BodyFactory,
    MembershipFactory,
    MilestoneFactory,
    StrategyProcessFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def milestone(process):
    return MilestoneFactory(
        process=process,
        phase=process.phases.get(order=2),
        title="DVO GLM kiest zeven",
        starts_on=datetime.date(2018, 4, 4),
    )


@pytest.fixture
def foreign_milestone(db):
    return MilestoneFactory(process=StrategyProcessFactory(slug="vs-2015-2018"), title="Mijlpaal van een ander proces")


def urls(milestone):
    kwargs = {"slug": milestone.process.slug, "pk": milestone.pk}
    return {
        "list": reverse("planning:milestone_list", kwargs={"slug": milestone.process.slug}),
        "create": reverse("planning:milestone_create", kwargs={"slug": milestone.process.slug}),
        "detail": reverse("planning:milestone_detail", kwargs=kwargs),
        "update": reverse("planning:milestone_update", kwargs=kwargs),
        "delete": reverse("planning:milestone_delete", kwargs=kwargs),
        "history": reverse("planning:milestone_history", kwargs=kwargs),
    }


def form_data(process, **overrides):
    data = {
        "title": "Werkgroep werkt doelstellingen uit",
        "when": "juli - augustus 2018",
        "phase": process.phases.get(order=3).pk,
        "kind": Milestone.Kind.DELIVERABLE,
        "status": Milestone.Status.PLANNED,
        "body": "",
        "responsible_person": "",
        "description": "",
        "deliverables": "Vijf concept-doelstellingen",
        "notes": "",
    }
    data.update(overrides)
    return data


# --- Who may do what ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["list", "create", "detail", "update", "delete", "history"])
def test_anonymous_goes_to_login(client, milestone, name):
    url = urls(milestone)[name]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["list", "create", "detail", "update", "delete", "history"])
def test_outsider_gets_403(client, outsider, milestone, name):
    client.force_login(outsider)
    assert client.get(urls(milestone)[name]).status_code == 403


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_read_only_roles_can_read(client, users, milestone, role):
    client.force_login(users[role])
    for name in ("list", "detail", "history"):
        response = client.get(urls(milestone)[name])
        assert response.status_code == 200, name
        assert "DVO GLM kiest zeven" in response.content.decode()
    # No buttons to change what they may not change.
    detail = client.get(urls(milestone)["detail"]).content.decode()
    assert urls(milestone)["update"] not in detail
    assert urls(milestone)["delete"] not in detail


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_read_only_roles_cannot_write(client, users, process, milestone, role):
    client.force_login(users[role])
    for name in ("create", "update", "delete"):
        assert client.get(urls(milestone)[name]).status_code == 403, name
    assert client.post(urls(milestone)["create"], form_data(process)).status_code == 403
    assert client.post(urls(milestone)["update"], form_data(process, title="Gekaapt")).status_code == 403
    assert client.post(urls(milestone)["delete"]).status_code == 403
    milestone.refresh_from_db()
    assert milestone.title == "DVO GLM kiest zeven"
    assert Milestone.objects.count() == 1


def test_milestone_of_another_process_is_404(client, staff, process, foreign_milestone):
    client.force_login(staff)
    for name in ("detail", "update", "delete", "history"):
        url = reverse(f"planning:milestone_{name}", kwargs={"slug": process.slug, "pk": foreign_milestone.pk})
        assert client.get(url).status_code == 404, name
    assert (
        client.post(
            reverse("planning:milestone_delete", kwargs={"slug": process.slug, "pk": foreign_milestone.pk})
        ).status_code
        == 404
    )
    assert Milestone.objects.filter(pk=foreign_milestone.pk).exists()


def test_unknown_process_is_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("planning:milestone_list", kwargs={"slug": "bestaat-niet"})).status_code == 404


# --- The list -------------------------------------------------------------------------------------------------


def test_list_groups_by_phase_in_date_order_with_words(client, staff, process):
    scan, dvo, _top = process.phases.all()
    MilestoneFactory(process=process, phase=dvo, title="DVO NOG", starts_on=datetime.date(2018, 6, 28))
    MilestoneFactory(process=process, phase=dvo, title="DVO GLM", starts_on=datetime.date(2018, 4, 4))
    MilestoneFactory(process=process, phase=scan, title="BBG strategie", starts_on=datetime.date(2018, 1, 25))
    MilestoneFactory(
        process=process,
        title="Endterm review light gereed",
        starts_on=datetime.date(2018, 11, 1),
        ends_on=datetime.date(2018, 12, 31),
        precision=Precision.LATE,
        kind=Milestone.Kind.DELIVERABLE,
    )
    client.force_login(staff)
    content = client.get(reverse("planning:milestone_list", kwargs={"slug": process.slug})).content.decode()
    content = content[content.index("<section") :]  # after the filter form, which names the phases too
    expected = ("Scan en lange lijst", "BBG strategie", "Keuze DVO", "DVO GLM", "DVO NOG", "Zonder fase", "Endterm")
    order = [content.index(text) for text in expected]
    assert order == sorted(order)
    assert "4 april 2018" in content
    assert "eind 2018" in content
    assert "product" in content


def test_list_shows_tentative_with_words_and_marker(client, staff, process):
    MilestoneFactory(process=process, title="Extra BBG eind maart", status=Milestone.Status.TENTATIVE)
    client.force_login(staff)
    content = client.get(reverse("planning:milestone_list", kwargs={"slug": process.slug})).content.decode()
    assert "onder voorbehoud" in content
    assert "badge-tentative" in content


def test_list_marks_conflicts(client, staff, process):
    dvo = MilestoneFactory(process=process, title="DVO NOG", starts_on=datetime.date(2018, 6, 28))
    bbg = MilestoneFactory(process=process, title="BBG top vijf", starts_on=datetime.date(2018, 6, 7))
    bbg.depends_on.add(dvo)
    client.force_login(staff)
    content = client.get(reverse("planning:milestone_list", kwargs={"slug": process.slug})).content.decode()
    assert "1 knelpunt" in content
    assert "hangt af van DVO NOG" in content


def test_list_filters_by_status_and_phase(client, staff, process):
    dvo = process.phases.get(order=2)
    MilestoneFactory(process=process, phase=dvo, title="Gepland item", status=Milestone.Status.PLANNED)
    MilestoneFactory(process=process, phase=dvo, title="Voorbehoud item", status=Milestone.Status.TENTATIVE)
    MilestoneFactory(process=process, title="Zonder fase item", status=Milestone.Status.TENTATIVE)
    client.force_login(staff)
    url = reverse("planning:milestone_list", kwargs={"slug": process.slug})
    content = client.get(url, {"status": "tentative"}).content.decode()
    assert "Voorbehoud item" in content
    assert "Zonder fase item" in content
    assert "Gepland item" not in content
    content = client.get(url, {"status": "tentative", "fase": dvo.pk}).content.decode()
    assert "Voorbehoud item" in content
    assert "Zonder fase item" not in content
    # Nonsense filters are ignored, not an error.
    content = client.get(url, {"status": "onzin", "fase": "99999"}).content.decode()
    assert "Gepland item" in content


# --- Create, edit, delete -------------------------------------------------------------------------------------


def test_staff_creates_milestone_in_a_period(client, staff, process):
    client.force_login(staff)
    response = client.post(reverse("planning:milestone_create", kwargs={"slug": process.slug}), form_data(process))
    milestone = Milestone.objects.get()
    assert response.status_code == 302
    assert response["Location"] == urls(milestone)["detail"]
    assert milestone.process == process
    assert (milestone.starts_on, milestone.ends_on) == (datetime.date(2018, 7, 1), datetime.date(2018, 8, 31))
    assert milestone.precision == Precision.MONTHS
    content = client.get(response["Location"]).content.decode()
    assert "juli - augustus 2018" in content
    assert "1 juli 2018 tot en met 31 augustus 2018" in content
    assert "Vijf concept-doelstellingen" in content
    list_content = client.get(urls(milestone)["list"]).content.decode()
    assert "juli - augustus 2018" in list_content


def test_bad_period_shows_dutch_message_and_stores_nothing(client, staff, process):
    client.force_login(staff)
    response = client.post(
        reverse("planning:milestone_create", kwargs={"slug": process.slug}), form_data(process, when="ergens in 2018")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "is geen datum of periode die ik kan lezen" in content
    assert "De mijlpaal is niet opgeslagen" in content
    assert Milestone.objects.count() == 0


def test_edit_form_shows_the_period_in_words(client, staff, process):
    milestone = MilestoneFactory(
        process=process,
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2019, 2, 28),
        precision=Precision.EARLY,
    )
    client.force_login(staff)
    content = client.get(urls(milestone)["update"]).content.decode()
    assert 'value="begin 2019"' in content
    assert "Datum of periode" in content


def test_edit_records_history_with_user_and_changes(client, staff, process, milestone):
    dvo = MilestoneFactory(process=process, title="DVO NOG", starts_on=datetime.date(2018, 6, 28))
    client.force_login(staff)
    data = form_data(
        process,
        title="DVO GLM kiest zeven",
        when="19 april 2018",
        phase=milestone.phase_id,
        kind=Milestone.Kind.MEETING,
        status=Milestone.Status.TENTATIVE,
        deliverables="",
        depends_on=[dvo.pk],
    )
    response = client.post(urls(milestone)["update"], data)
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.starts_on == datetime.date(2018, 4, 19)
    assert list(milestone.depends_on.all()) == [dvo]
    latest = milestone.history.order_by("-history_id").first()
    assert latest.history_user == staff

    content = client.get(urls(milestone)["history"]).content.decode()
    assert escape(str(staff)) in content
    assert "Datum of periode" in content
    assert "4 april 2018" in content
    assert "19 april 2018" in content
    assert "Status" in content
    assert "onder voorbehoud" in content
    assert "Hangt af van" in content
    assert "DVO NOG" in content
    assert "aangemaakt" in content


def test_dependency_on_another_process_is_refused(client, staff, process, milestone, foreign_milestone):
    client.force_login(staff)
    response = client.post(
        urls(milestone)["update"],
        form_data(process, when="4 april 2018", phase=milestone.phase_id, depends_on=[foreign_milestone.pk]),
    )
    assert response.status_code == 200
    assert "alleen afhangen van andere mijlpalen van hetzelfde proces" in response.content.decode()
    assert not milestone.depends_on.exists()
    milestone.refresh_from_db()
    assert milestone.title == "DVO GLM kiest zeven"


def test_staff_deletes_milestone(client, staff, process, milestone):
    action = ActionFactory(process=process, milestone=milestone)
    client.force_login(staff)
    content = client.get(urls(milestone)["delete"]).content.decode()
    assert "Weet u zeker" in content
    assert "Let op" not in content
    response = client.post(urls(milestone)["delete"])
    assert response.status_code == 302
    assert response["Location"] == urls(milestone)["list"]
    assert not Milestone.objects.filter(pk=milestone.pk).exists()
    action.refresh_from_db()
    assert action.milestone is None


def test_delete_warns_about_dependents_and_records_it_in_their_history(client, staff, process, milestone):
    bbg = MilestoneFactory(process=process, title="BBG top vijf", starts_on=datetime.date(2018, 6, 7))
    bbg.depends_on.add(milestone)
    client.force_login(staff)
    content = client.get(urls(milestone)["delete"]).content.decode()
    assert "andere mijlpalen hangen hiervan af" in content
    assert "BBG top vijf" in content
    client.post(urls(milestone)["delete"])
    assert not bbg.depends_on.exists()
    assert bbg.history.order_by("-history_id").first().history_user == staff


# --- Detail and conflicts -------------------------------------------------------------------------------------


@time_machine.travel(datetime.datetime(2018, 3, 1, 9, 0, tzinfo=datetime.UTC))
def test_detail_shows_fields_dependencies_actions_and_conflicts(client, secretary, process):
    bbg_body = Body.objects.get(short_name="BBG")  # from the reference data
    mayor = MembershipFactory(body=bbg_body, person__name="Van Veldhuizen").person
    AbsenceFactory(person=mayor, starts_on=datetime.date(2018, 6, 7), reason="vakantie")
    dvo = MilestoneFactory(process=process, title="DVO NOG", starts_on=datetime.date(2018, 6, 28))
    bbg = MilestoneFactory(
        process=process,
        title="BBG bepaalt top vijf",
        body=bbg_body,
        kind=Milestone.Kind.DECISION,
        starts_on=datetime.date(2018, 6, 7),
        notes="Kijken of BBG naar juli kan.",
    )
    bbg.depends_on.add(dvo)
    later = MilestoneFactory(process=process, title="Werkgroep doelstellingen", starts_on=datetime.date(2018, 7, 2))
    later.depends_on.add(bbg)
    ActionFactory(process=process, milestone=bbg, title="Informeren regioburgemeester Bruls")

    client.force_login(secretary)
    content = client.get(urls(bbg)["detail"]).content.decode()
    assert "7 juni 2018" in content
    assert "Kijken of BBG naar juli kan." in content
    assert bbg_body.name in content
    assert urls(dvo)["detail"] in content
    assert urls(later)["detail"] in content
    assert "Informeren regioburgemeester Bruls" in content
    assert "BBG bepaalt top vijf (7 juni 2018) hangt af van DVO NOG, maar die is pas op 28 juni 2018." in content
    assert "Van Veldhuizen (BBG) is afwezig op 7 juni 2018." in content
    assert "vakantie" not in content  # a secretary: absence reasons are for programme staff only

    # DVO NOG itself has no conflict of its own (only of other milestones).
    content = client.get(urls(dvo)["detail"]).content.decode()
    assert "Geen knelpunten voor deze mijlpaal." in content


@time_machine.travel(datetime.datetime(2018, 7, 1, 9, 0, tzinfo=datetime.UTC))
def test_detail_shows_overdue_milestone(client, staff, process, milestone):
    client.force_login(staff)
    content = client.get(urls(milestone)["detail"]).content.decode()
    assert "DVO GLM kiest zeven had uiterlijk 4 april 2018 klaar moeten zijn" in content


# --- Query counts stay the same however large the planning ----------------------------------------------------


def build_planning(process, times):
    """``times`` copies of the 7 June problem: a DVO, a BBG that depends on it and an absent member."""
    phases = list(process.phases.all())
    first = None
    for _ in range(times):
        body = BodyFactory(kind=Body.Kind.STEERING_GROUP)
        membership = MembershipFactory(body=body)
        AbsenceFactory(person=membership.person, starts_on=datetime.date(2018, 6, 7))
        dvo = MilestoneFactory(process=process, phase=phases[1], starts_on=datetime.date(2018, 6, 28), body=body)
        bbg = MilestoneFactory(
            process=process,
            phase=phases[2],
            body=body,
            starts_on=datetime.date(2018, 6, 7),
            status=Milestone.Status.TENTATIVE,
        )
        bbg.depends_on.add(dvo)
        MilestoneFactory(
            process=process,
            starts_on=datetime.date(2018, 7, 1),
            ends_on=datetime.date(2018, 8, 31),
            precision=Precision.MONTHS,
        )
        ActionFactory(process=process, milestone=bbg)
        if first is None:
            first = bbg
    return first


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["list", "detail", "history"])
def test_query_count_does_not_grow_with_the_planning(client, staff, name):
    small = StrategyProcessFactory()
    large = StrategyProcessFactory()
    for process in (small, large):
        for order in (1, 2, 3):
            process.phases.create(name=f"Fase {order}", order=order)
    client.force_login(staff)
    small_milestone = build_planning(small, 1)
    large_milestone = build_planning(large, 10)
    for milestone in (small_milestone, large_milestone):
        # A few edits so the history has versions to compare.
        milestone.title = "Gewijzigd"
        milestone.save()
    client.get(urls(small_milestone)[name])  # warm up session and caches
    # Flat on the first visit after a change (cached fragments rendered) and on the next (from the cache).
    planning_changed()
    small = [count_queries(client, urls(small_milestone)[name]) for _visit in (1, 2)]
    planning_changed()
    large = [count_queries(client, urls(large_milestone)[name]) for _visit in (1, 2)]
    assert small == large
