import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.dates import Precision
from planning.fragments import planning_changed
from planning.models import Action, Milestone, StrategyProcess
from tests.api_errors import codes_of, errors_of, messages_by_field
from tests.planning.factories import (
    ActionFactory,
    MilestoneFactory,
    PhaseFactory,
    StrategyProcessFactory,
)

READERS = ["staff", "secretary", "bbg_member", "administrator"]
WRITERS = ["staff", "administrator"]
READ_ONLY = ["secretary", "bbg_member"]


@pytest.fixture
def api():
    return APIClient()


def client_for(user):
    client = APIClient()
    client.force_login(user)
    return client


@pytest.fixture
def bbg(process):
    """The BBG of 7 June 2018 that depends on two DVO meetings, one of them (NOG, 28 June) after it."""
    phase = process.phases.get(order=3)
    dvo_glm = MilestoneFactory(process=process, title="DVO GLM", starts_on=datetime.date(2018, 4, 4))
    dvo_nog = MilestoneFactory(process=process, title="DVO NOG", starts_on=datetime.date(2018, 6, 28))
    bbg = MilestoneFactory(
        process=process,
        phase=phase,
        title="BBG top vijf",
        kind=Milestone.Kind.DECISION,
        starts_on=datetime.date(2018, 6, 7),
        status=Milestone.Status.TENTATIVE,
    )
    bbg.depends_on.set([dvo_glm, dvo_nog])
    return bbg


def milestone_payload(process, **overrides):
    payload = {
        "process": process.slug,
        "title": "Consultatie gemeenteraden",
        "kind": Milestone.Kind.INFORMATION,
        "starts_on": "2019-03-01",
        "ends_on": "2019-04-30",
        "precision": Precision.MONTHS,
        "status": Milestone.Status.PLANNED,
    }
    payload.update(overrides)
    return payload


# --- Processes --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_every_role_lists_and_reads_processes(role, users, process):
    client = client_for(users[role])

    listing = client.get(reverse("process-list"))
    detail = client.get(reverse("process-detail", kwargs={"slug": process.slug}))

    assert listing.status_code == 200
    assert [item["slug"] for item in listing.json()["results"]] == ["vs-2019-2022"]
    assert detail.status_code == 200
    assert detail.json()["title"] == "Veiligheidsstrategie 2019-2022"
    assert detail.json()["period"] == "2019-2022"
    assert detail.json()["html_url"].endswith(f"/processen/{process.slug}/")


def test_outsider_gets_403_on_every_endpoint(outsider, process, bbg):
    client = client_for(outsider)
    urls = [
        reverse("process-list"),
        reverse("process-detail", kwargs={"slug": process.slug}),
        reverse("process-conflicts", kwargs={"slug": process.slug}),
        reverse("milestone-list"),
        reverse("milestone-detail", kwargs={"pk": bbg.pk}),
        reverse("action-list"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert errors_of(response) == [
            {"code": "permission_denied", "message": "U hebt geen toestemming voor deze handeling.", "field": None}
        ]


def test_anonymous_is_refused(api, process, bbg):
    for url in [
        reverse("process-list"),
        reverse("milestone-detail", kwargs={"pk": bbg.pk}),
        reverse("process-conflicts", kwargs={"slug": process.slug}),
    ]:
        response = api.get(url)
        assert response.status_code in (401, 403), url
        assert "results" not in response.json()
    assert api.post(reverse("milestone-list"), milestone_payload(process), format="json").status_code in (401, 403)
    assert not Milestone.objects.filter(title="Consultatie gemeenteraden").exists()


@pytest.mark.parametrize("role", WRITERS)
def test_staff_creates_and_updates_a_process(role, users, process):
    client = client_for(users[role])

    created = client.post(
        reverse("process-list"),
        {
            "title": "Veiligheidsstrategie 2023-2026",
            "short_name": "VS 2023-2026",
            "slug": "vs-2023-2026",
            "period_start_year": 2023,
            "period_end_year": 2026,
            "predecessor": process.slug,
        },
        format="json",
    )
    updated = client.patch(
        reverse("process-detail", kwargs={"slug": "vs-2023-2026"}), {"description": "Volgende ronde"}, format="json"
    )

    assert created.status_code == 201, created.json()
    assert updated.status_code == 200
    new = StrategyProcess.objects.get(slug="vs-2023-2026")
    assert new.predecessor == process
    assert new.description == "Volgende ronde"


@pytest.mark.parametrize("role", READ_ONLY)
def test_read_only_roles_cannot_create_or_change_a_process(role, users, process):
    client = client_for(users[role])

    created = client.post(
        reverse("process-list"),
        {"title": "X", "short_name": "X", "slug": "x", "period_start_year": 2023, "period_end_year": 2026},
        format="json",
    )
    changed = client.patch(reverse("process-detail", kwargs={"slug": process.slug}), {"title": "Anders"})

    assert created.status_code == 403
    assert changed.status_code == 403
    assert not StrategyProcess.objects.filter(slug="x").exists()
    process.refresh_from_db()
    assert process.title == "Veiligheidsstrategie 2019-2022"


def test_process_period_must_not_end_before_it_starts(staff):
    response = client_for(staff).post(
        reverse("process-list"),
        {"title": "Fout", "short_name": "Fout", "slug": "fout", "period_start_year": 2026, "period_end_year": 2023},
        format="json",
    )

    assert response.status_code == 400
    assert messages_by_field(response)["period_end_year"] == ["Het laatste jaar ligt vóór het eerste jaar."]
    assert not StrategyProcess.objects.filter(slug="fout").exists()


# --- Milestones -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_every_role_lists_and_reads_milestones(role, users, process, bbg):
    other_process = StrategyProcessFactory()
    MilestoneFactory(process=other_process, title="Elders")
    client = client_for(users[role])

    listing = client.get(reverse("milestone-list"), {"process": process.slug})
    detail = client.get(reverse("milestone-detail", kwargs={"pk": bbg.pk}))

    assert listing.status_code == 200
    titles = [item["title"] for item in listing.json()["results"]]
    assert titles == ["DVO GLM", "BBG top vijf", "DVO NOG"]
    data = detail.json()
    assert data["when"] == "7 juni 2018"
    assert data["starts_on"] == data["ends_on"] == "2018-06-07"
    assert data["precision"] == "day"
    assert data["status"] == "tentative"
    assert data["status_label"] == "onder voorbehoud"
    assert data["kind"] == "decision"
    assert data["process"] == process.slug
    assert data["phase"] == bbg.phase_id
    assert sorted(data["depends_on"]) == sorted(bbg.depends_on.values_list("pk", flat=True))
    assert data["html_url"].endswith(f"/processen/{process.slug}/mijlpalen/{bbg.pk}/")


def test_milestone_list_shows_periods_in_words(staff, process):
    MilestoneFactory(
        process=process,
        title="Doelen uitwerken",
        starts_on=datetime.date(2018, 7, 1),
        ends_on=datetime.date(2018, 8, 31),
        precision=Precision.MONTHS,
    )

    results = client_for(staff).get(reverse("milestone-list"), {"process": process.slug}).json()["results"]

    assert results[0]["when"] == "juli - augustus 2018"


@pytest.mark.parametrize("role", WRITERS)
def test_staff_creates_updates_and_deletes_a_milestone(role, users, process, bbg):
    client = client_for(users[role])
    phase = process.phases.get(order=1)

    created = client.post(
        reverse("milestone-list"),
        milestone_payload(process, phase=phase.pk, depends_on=[bbg.pk]),
        format="json",
    )
    assert created.status_code == 201, created.json()
    milestone = Milestone.objects.get(pk=created.json()["id"])
    assert created.json()["when"] == "maart - april 2019"
    assert list(milestone.depends_on.all()) == [bbg]
    assert milestone.phase == phase

    updated = client.patch(reverse("milestone-detail", kwargs={"pk": milestone.pk}), {"status": "done"}, format="json")
    assert updated.status_code == 200
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.DONE
    assert milestone.history.first().history_user == users[role]

    deleted = client.delete(reverse("milestone-detail", kwargs={"pk": milestone.pk}))
    assert deleted.status_code == 204
    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_staff_can_write_a_period_in_words(staff, process):
    payload = milestone_payload(process, when="eind 2018")
    for field in ("starts_on", "ends_on", "precision"):
        del payload[field]

    response = client_for(staff).post(reverse("milestone-list"), payload, format="json")

    assert response.status_code == 201, response.json()
    milestone = Milestone.objects.get(pk=response.json()["id"])
    assert (milestone.starts_on, milestone.ends_on, milestone.precision) == (
        datetime.date(2018, 11, 1),
        datetime.date(2018, 12, 31),
        Precision.LATE,
    )
    assert response.json()["when"] == "eind 2018"


def test_a_day_needs_no_end(staff, process):
    payload = milestone_payload(process, starts_on="2018-09-12", precision="day")
    del payload["ends_on"]

    response = client_for(staff).post(reverse("milestone-list"), payload, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["ends_on"] == "2018-09-12"
    assert response.json()["when"] == "12 september 2018"


def test_moving_a_milestone_by_date_moves_its_period_words(staff, bbg):
    response = client_for(staff).patch(
        reverse("milestone-detail", kwargs={"pk": bbg.pk}), {"when": "5 juli 2018"}, format="json"
    )

    assert response.status_code == 200, response.json()
    bbg.refresh_from_db()
    assert bbg.starts_on == bbg.ends_on == datetime.date(2018, 7, 5)


@pytest.mark.parametrize("role", READ_ONLY)
def test_read_only_roles_cannot_write_milestones(role, users, process, bbg):
    client = client_for(users[role])

    created = client.post(reverse("milestone-list"), milestone_payload(process), format="json")
    changed = client.patch(reverse("milestone-detail", kwargs={"pk": bbg.pk}), {"title": "Anders"}, format="json")
    deleted = client.delete(reverse("milestone-detail", kwargs={"pk": bbg.pk}))

    assert (created.status_code, changed.status_code, deleted.status_code) == (403, 403, 403)
    assert codes_of(created) == ["permission_denied"]
    assert not Milestone.objects.filter(title="Consultatie gemeenteraden").exists()
    bbg.refresh_from_db()
    assert bbg.title == "BBG top vijf"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"starts_on": "2019-04-30", "ends_on": "2019-03-01"},
            "ends_on",
            "De einddatum ligt vóór de begindatum.",
        ),
        (
            {"precision": "day"},
            "ends_on",
            "Een mijlpaal op één dag begint en eindigt op dezelfde dag.",
        ),
        (
            {"when": "ergens in de zomer"},
            "when",
            "'ergens in de zomer' is geen datum of periode die het portaal herkent. Schrijf bijvoorbeeld "
            "'4 april 2018', 'november 2018', 'juli - augustus 2018', 'begin 2019' of 'eind 2018'.",
        ),
        (
            {"when": "31 februari 2019"},
            "when",
            "31-2-2019 bestaat niet.",
        ),
    ],
)
def test_it_rejects_an_impossible_date_in_dutch(staff, process, overrides, field, message):
    response = client_for(staff).post(reverse("milestone-list"), milestone_payload(process, **overrides), format="json")

    assert response.status_code == 400
    assert messages_by_field(response) == {field: [message]}
    assert not Milestone.objects.exists()


def test_it_rejects_a_dependency_from_another_process(staff, process):
    elsewhere = MilestoneFactory(title="BBG vorige periode")

    response = client_for(staff).post(
        reverse("milestone-list"), milestone_payload(process, depends_on=[elsewhere.pk]), format="json"
    )

    assert response.status_code == 400
    assert messages_by_field(response)["depends_on"] == [
        "Een mijlpaal kan alleen afhangen van mijlpalen uit hetzelfde proces; 'BBG vorige periode' hoort bij "
        "een ander proces."
    ]
    assert not Milestone.objects.filter(process=process).exists()


def test_it_rejects_a_milestone_depending_on_itself(staff, bbg):
    before = set(bbg.depends_on.values_list("pk", flat=True))

    response = client_for(staff).patch(
        reverse("milestone-detail", kwargs={"pk": bbg.pk}), {"depends_on": [bbg.pk]}, format="json"
    )

    assert response.status_code == 400
    assert messages_by_field(response)["depends_on"] == ["Een mijlpaal kan niet van zichzelf afhangen."]
    assert set(bbg.depends_on.values_list("pk", flat=True)) == before


def test_it_rejects_a_phase_of_another_process(staff, process):
    foreign_phase = PhaseFactory(process=StrategyProcessFactory(), order=1)

    response = client_for(staff).post(
        reverse("milestone-list"), milestone_payload(process, phase=foreign_phase.pk), format="json"
    )

    assert response.status_code == 400
    assert messages_by_field(response)["phase"] == ["Deze fase hoort bij een ander proces."]
    assert not Milestone.objects.exists()


def test_it_refuses_to_move_a_milestone_to_another_process(staff, bbg):
    other = StrategyProcessFactory(slug="vs-2023-2026")

    response = client_for(staff).patch(
        reverse("milestone-detail", kwargs={"pk": bbg.pk}), {"process": other.slug}, format="json"
    )

    assert response.status_code == 400
    assert messages_by_field(response)["process"] == ["Dit kan niet naar een ander proces worden verplaatst."]
    bbg.refresh_from_db()
    assert bbg.process.slug == "vs-2019-2022"


def test_missing_fields_are_reported_in_dutch(staff):
    response = client_for(staff).post(reverse("milestone-list"), {}, format="json")

    assert response.status_code == 400
    assert messages_by_field(response)["title"] == ["Dit veld is vereist."]
    assert messages_by_field(response)["process"] == ["Dit veld is vereist."]
    assert set(codes_of(response)) == {"required"}


def test_token_authentication_works(api, staff, process, bbg):
    token = Token.objects.create(user=staff)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    listing = api.get(reverse("milestone-list"), {"process": process.slug})
    created = api.post(reverse("milestone-list"), milestone_payload(process), format="json")

    assert listing.status_code == 200
    assert listing.json()["count"] == 3
    assert created.status_code == 201
    assert Milestone.objects.get(pk=created.json()["id"]).history.first().history_user == staff


def test_a_wrong_token_is_refused(api, process):
    api.credentials(HTTP_AUTHORIZATION="Token niet-geldig")

    response = api.get(reverse("process-list"))

    # 403 rather than 401: session authentication comes first and offers no WWW-Authenticate challenge.
    assert response.status_code in (401, 403)
    assert errors_of(response) == [{"code": "authentication_failed", "message": "Ongeldige token.", "field": None}]


def test_milestone_list_query_count_does_not_grow(staff, process, django_assert_max_num_queries):
    client = client_for(staff)
    phase = process.phases.first()

    def fill(count):
        for _ in range(count):
            first = MilestoneFactory(process=process, phase=phase)
            second = MilestoneFactory(process=process, phase=phase)
            second.depends_on.set([first])

    def count_queries():
        planning_changed()  # the list read afresh, not from the cache (tests/planning/test_api_list_cache.py)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("milestone-list"), {"process": process.slug})
        assert response.status_code == 200
        return len(queries), response.json()["count"]

    fill(1)
    small, small_rows = count_queries()
    fill(9)
    with django_assert_max_num_queries(small):
        response = client.get(reverse("milestone-list"), {"process": process.slug})
    large, large_rows = count_queries()

    assert (small_rows, large_rows) == (2, 20)
    assert len(response.json()["results"]) == 20
    assert large == small


# --- Actions ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_every_role_reads_actions(role, users, process):
    ActionFactory(process=process, title="Bilateraal informeren regioburgemeester en RVO")
    ActionFactory(title="Elders")

    response = client_for(users[role]).get(reverse("action-list"), {"process": process.slug})

    assert response.status_code == 200
    results = response.json()["results"]
    assert [item["title"] for item in results] == ["Bilateraal informeren regioburgemeester en RVO"]
    assert results[0]["is_done"] is False
    assert results[0]["due_on"] == "2018-03-31"


def test_staff_creates_and_completes_an_action(staff, process, bbg):
    client = client_for(staff)

    created = client.post(
        reverse("action-list"),
        {"process": process.slug, "title": "Lange lijst naar partners", "milestone": bbg.pk, "due_on": "2018-03-30"},
        format="json",
    )
    done = client.patch(
        reverse("action-detail", kwargs={"pk": created.json()["id"]}), {"done_on": "2018-03-29"}, format="json"
    )

    assert created.status_code == 201, created.json()
    assert done.json()["is_done"] is True
    action = Action.objects.get(title="Lange lijst naar partners")
    assert action.milestone == bbg
    assert action.done_on == datetime.date(2018, 3, 29)


def test_it_rejects_an_action_at_a_milestone_of_another_process(staff, process):
    elsewhere = MilestoneFactory()

    response = client_for(staff).post(
        reverse("action-list"), {"process": process.slug, "title": "Fout", "milestone": elsewhere.pk}, format="json"
    )

    assert response.status_code == 400
    assert messages_by_field(response)["milestone"] == ["Deze mijlpaal hoort bij een ander proces."]
    assert not Action.objects.exists()


@pytest.mark.parametrize("role", READ_ONLY)
def test_read_only_roles_cannot_write_actions(role, users, process):
    action = ActionFactory(process=process, title="Oorspronkelijk")
    client = client_for(users[role])

    created = client.post(reverse("action-list"), {"process": process.slug, "title": "Nieuw"}, format="json")
    changed = client.patch(reverse("action-detail", kwargs={"pk": action.pk}), {"title": "Anders"}, format="json")
    deleted = client.delete(reverse("action-detail", kwargs={"pk": action.pk}))

    assert (created.status_code, changed.status_code, deleted.status_code) == (403, 403, 403)
    assert list(Action.objects.values_list("title", flat=True)) == ["Oorspronkelijk"]


# --- Conflicts --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_conflicts_show_a_milestone_scheduled_before_its_dependency(role, users, process, bbg):
    dvo_nog = bbg.depends_on.get(title="DVO NOG")

    with time_machine.travel(datetime.date(2018, 3, 1)):
        response = client_for(users[role]).get(reverse("process-conflicts", kwargs={"slug": process.slug}))

    assert response.status_code == 200
    assert response.json() == [
        {
            "kind": "dependency",
            "kind_label": "volgorde",
            "message": "BBG top vijf (7 juni 2018) hangt af van DVO NOG, maar die is pas op 28 juni 2018.",
            "milestone": bbg.pk,
            "action": None,
            "other": dvo_nog.pk,
            "person_name": "",
            "absence_reason": None,
        }
    ]


def test_conflicts_of_an_unknown_process_are_404(staff):
    response = client_for(staff).get(reverse("process-conflicts", kwargs={"slug": "bestaat-niet"}))

    assert response.status_code == 404


def test_conflicts_include_overdue_actions(staff, process):
    action = ActionFactory(process=process, title="Scan afronden", due_on=datetime.date(2018, 3, 31))

    with time_machine.travel(datetime.date(2018, 4, 2)):
        response = client_for(staff).get(reverse("process-conflicts", kwargs={"slug": process.slug}))

    assert response.json() == [
        {
            "kind": "overdue_action",
            "kind_label": "actie over tijd",
            "message": "Actie 'Scan afronden' had uiterlijk 31 maart 2018 gedaan moeten zijn.",
            "milestone": None,
            "action": action.pk,
            "other": None,
            "person_name": "",
            "absence_reason": None,
        }
    ]


# --- Schema and docs --------------------------------------------------------------------------------------------


def test_schema_generates_and_validates_without_warnings(capsys):
    from drf_spectacular.drainage import GENERATOR_STATS

    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)

    assert not GENERATOR_STATS, str(GENERATOR_STATS)
    paths = schema["paths"]
    for path in ("/api/processes/", "/api/milestones/", "/api/actions/", "/api/processes/{slug}/conflicts/"):
        assert path in paths
    assert {"cookieAuth", "tokenAuth"} <= set(schema["components"]["securitySchemes"])


def test_spectacular_command_passes_validation(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert "/api/milestones/{id}/" in target.read_text()


def test_schema_endpoint_serves_the_schema(staff):
    response = client_for(staff).get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "VS-portaal API"


def test_docs_page_works_offline(staff):
    response = client_for(staff).get(reverse("api-docs"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css" in html
    external = re.findall(r"(?:src|href)=[\"'](?:https?:)?//([^/\"']+)", html)
    assert external == []
    assert "cdn" not in html.lower()
