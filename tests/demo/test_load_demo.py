"""`manage.py load_demo`: the VS 2019-2022 planning from the 2018 note, the 7 June BBG conflicts, idempotence and
the demo users (never under production settings)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from demo.loader import DEMO_USERS, demo_password
from demo.planning import BBG_TOP_FIVE, dvo_title
from demo.today import current_slug
from planning.conflicts import ConflictKind, process_conflicts
from planning.models import Absence, Action, Membership, Milestone, Person, Phase, StrategyProcess
from scan.models import Source


def run(**kwargs) -> str:
    out = StringIO()
    call_command("load_demo", stdout=out, **kwargs)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The demo hashes eight passwords on every run; the production hasher would make these tests crawl.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module inside a transaction that is rolled back at its end; each test runs
    in a savepoint within it, so what one test changes the next does not see."""
    with django_db_blocker.unblock(), override_settings(DEBUG=True):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield run()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_once, db, settings):
    settings.DEBUG = True
    return StrategyProcess.objects.get(slug="vs-2019-2022"), _demo_once


def table_counts() -> dict[str, int]:
    models = [StrategyProcess, Phase, Milestone, Action, Absence, Person, Membership, Source, User]
    counts = {model.__name__: model.objects.count() for model in models}
    counts.update({f"history {model.__name__}": model.history.count() for model in models})
    counts["dependencies"] = Milestone.depends_on.through.objects.count()
    return counts


def test_it_loads_both_processes_with_the_predecessor(demo):
    process, _ = demo
    assert process.short_name == "VS 2019-2022"
    assert process.title == "Veiligheidsstrategie 2019-2022"
    assert (process.period_start_year, process.period_end_year) == (2019, 2022)
    assert process.predecessor.slug == "vs-2015-2018"
    assert process.predecessor.short_name == "VS 2015-2018"
    assert list(process.phases.values_list("name", flat=True)) == [
        "Scan en lange lijst",
        "Keuze DVO's",
        "Top vijf BBG",
        "Doelstellingen",
        "Vaststelling",
        "Bestuurlijke nota en MJB",
        "MJB en VS 2019",
    ]


def test_it_loads_every_milestone_of_the_note(demo):
    process, _ = demo
    # The note's 27, beside the four annual progress reports' milestones of the monitoring (2019-2022).
    milestones = process.milestones.exclude(title__startswith="Voortgangsrapportage")
    assert milestones.count() == 27
    assert process.milestones.filter(title__startswith="Voortgangsrapportage").count() == 4
    assert milestones.filter(phase__isnull=True).count() == 0
    assert milestones.filter(body__isnull=True).count() == 0
    first, last = milestones.first(), milestones.last()
    assert first.starts_on == datetime.date(2018, 1, 1)
    assert last.when_display == "april 2019"
    by_title = {m.title: m for m in milestones}
    assert by_title["BBG: strategie, vorm en tijdspad bespreken"].when_display == "25 januari 2018"
    assert by_title["Scan van alle integrale veiligheidsplannen"].when_display == "januari - maart 2018"
    assert by_title["Uitwerken tot ongeveer vijf concept-doelstellingen"].when_display == "juli - augustus 2018"
    assert by_title["Uitwerken tot ongeveer vijf concept-doelstellingen"].body.short_name == "Werkgroep Expertteams"
    assert by_title["RVO: concept-doelstellingen en begeleidende brief"].when_display == "12 september 2018"
    assert by_title["Bestuurscollege stelt doelstellingen VS vast"].when_display == "31 oktober 2018"
    assert by_title["Uitschrijven doelstellingen VS tot een bestuurlijke nota"].when_display == "november 2018"
    assert by_title["Endterm review light gereed"].when_display == "eind 2018"
    assert by_title["Concept MJB aangeboden aan de minister van V&J"].when_display == "begin 2019"
    assert by_title["MJB en VS als één document naar DVO's en gemeenteraden"].when_display == "maart - april 2019"
    # Under reservation in the note; the BBG consented without it, so it did not take place.
    assert by_title["Extra BBG eind maart"].status == Milestone.Status.CANCELLED


def test_the_five_dvo_meetings_are_on_their_days_and_done_by_their_choice(demo):
    process, _ = demo
    dvo_meetings = process.milestones.filter(body__kind="dvo").order_by("starts_on")
    assert [(m.body.short_name, m.when_display, m.status) for m in dvo_meetings] == [
        ("DVO GLM", "4 april 2018", "done"),
        ("DVO GLZ", "19 april 2018", "done"),
        ("DVO TWN", "23 april 2018", "done"),
        ("DVO IJSS", "20 juni 2018", "done"),
        ("DVO NOG", "28 juni 2018", "done"),
    ]
    ijss = dvo_meetings.get(body__short_name="DVO IJSS")
    record = ijss.history.order_by("-history_id").first()
    assert record.history_change_reason == "Keuze van DVO IJSS ingediend"
    assert record.history_date.date() == datetime.date(2018, 6, 20)
    assert record.history_user.username == "secretaris-ijss"


def test_the_historic_process_is_complete_with_nothing_overdue(demo, client):
    process, _ = demo
    # Open only: the 2022 progress report, in concept, due with the Bestuurscollege of 30 April 2023.
    open_titles = list(process.milestones.filter(status__in=Milestone.OPEN_STATUSES).values_list("title", flat=True))
    assert open_titles == ["Voortgangsrapportage 2022 vastgesteld"]
    assert process_conflicts(process, today=datetime.date(2023, 4, 30)) == []
    top_five = process.milestones.get(title=BBG_TOP_FIVE)
    record = top_five.history.order_by("-history_id").first()
    assert (top_five.status, record.history_change_reason) == ("done", "Top vijf van de BBG bevestigd")
    assert record.history_date.date() == datetime.date(2018, 7, 5)
    client.force_login(User.objects.get(username="staf"))
    home = " ".join(client.get(reverse("planning:home")).content.decode().split())
    row = home.split(">VS 2019-2022<", 1)[1].split("</tr>", 1)[0]
    assert "over tijd" not in row
    dashboard = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug})).content.decode()
    assert "stand van zaken op 30 april 2023" in dashboard


def test_the_chain_runs_from_scan_to_top_five(demo):
    process, _ = demo
    by_title = {m.title: m for m in process.milestones.prefetch_related("depends_on")}

    def deps(title):
        return {m.title for m in by_title[title].depends_on.all()}

    assert "Scan van alle integrale veiligheidsplannen" in deps("Lange lijst van maximaal tien prioriteiten")
    assert deps("BBG stemt in met de lange lijst") == {"Lange lijst van maximaal tien prioriteiten"}
    assert deps(dvo_title("GLM")) == {"BBG stemt in met de lange lijst"}
    assert deps(BBG_TOP_FIVE) == {dvo_title(code) for code in ["GLM", "GLZ", "TWN", "IJSS", "NOG"]}
    assert deps("Uitwerken tot ongeveer vijf concept-doelstellingen") == {BBG_TOP_FIVE}
    assert "Kijken of BBG naar juli kan" in by_title[BBG_TOP_FIVE].notes


def test_it_loads_actions_sources_and_people(demo):
    process, _ = demo
    assert process.actions.count() == 8
    bilateral = process.actions.get(title="Bilateraal informeren regioburgemeester Bruls en het RVO")
    assert bilateral.is_done
    assert bilateral.owner is not None
    inform = process.actions.get(title="Informeren regioburgemeester Bruls")
    assert inform.done_on == datetime.date(2018, 7, 6)  # the day after the July BBG decided
    assert not [action for action in process.actions.all() if not action.is_done]
    assert inform.milestone.title == BBG_TOP_FIVE
    # The seven of the planning note, and the endterm review light of VS 2015-2018 once adopted (reviews.feed).
    assert process.sources.count() == 8
    assert process.sources.filter(title="Endterm review light VS 2015-2018", kind=Source.Kind.REVIEW).exists()
    assert set(process.sources.values_list("kind", flat=True)) == set(Source.Kind.values) - {Source.Kind.OTHER}
    bruls = Person.objects.get(name="Hubert Bruls")
    assert "Nijmegen" in bruls.function
    assert bruls.memberships.get(body__short_name="BBG").role == Membership.Role.CHAIR
    assert Membership.objects.filter(person__name="Onno van Veldhuizen", body__short_name="BBG").exists()


def test_the_7_june_problems_show_in_the_cycle_of_today(demo):
    """The historic 7 June BBG is done (the July BBG decided); its copy in the running cycle still lies before the
    IJSS and NOG meetings, with Van Veldhuizen away."""
    current = StrategyProcess.objects.get(slug=current_slug(timezone.localdate()))
    conflicts = [c for c in process_conflicts(current) if c.milestone and c.milestone.title == BBG_TOP_FIVE]
    dependencies = {c.other.title for c in conflicts if c.kind == ConflictKind.DEPENDENCY}
    absences = [c for c in conflicts if c.kind == ConflictKind.ABSENCE]
    assert dependencies == {dvo_title("IJSS"), dvo_title("NOG")}
    assert [c.person_name for c in absences] == ["Onno van Veldhuizen"]


def test_a_second_run_changes_nothing(demo):
    before = table_counts()
    output = run()
    assert table_counts() == before
    assert "niets veranderd" in output


def test_it_prints_the_demo_logins(demo):
    _, output = demo
    assert "Inloggen op http://127.0.0.1:8000 met:" in output
    for username, *_ in DEMO_USERS:
        assert username in output
        assert demo_password(username) in output


def test_demo_users_have_their_roles_and_districts(demo):
    users = {user.username: user for user in User.objects.select_related("district")}
    assert users["staf"].role == Role.STAFF
    assert users["bbg"].role == Role.BBG_MEMBER
    assert users["beheer"].role == Role.ADMINISTRATOR
    assert users["beheer"].is_staff
    assert users["beheer"].is_superuser
    for code in ["GLM", "GLZ", "TWN", "IJSS", "NOG"]:
        secretary = users[f"secretaris-{code.lower()}"]
        assert secretary.role == Role.DVO_SECRETARY
        assert secretary.district.code == code
    assert not users["staf"].is_staff


@pytest.mark.parametrize("username", [username for username, *_ in DEMO_USERS])
def test_demo_user_can_log_in(demo, client, username):
    response = client.post(reverse("login"), {"username": username, "password": demo_password(username)}, follow=False)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username=username).pk)


def test_a_second_run_resets_demo_passwords(demo):
    user = User.objects.get(username="staf")
    user.set_password("iets-heel-anders-123")
    user.role = Role.BBG_MEMBER
    user.save()
    run()
    user.refresh_from_db()
    assert user.check_password(demo_password("staf"))
    assert user.role == Role.STAFF


def test_the_demo_contacts_have_their_toets_in_the_portal(demo, client):
    from partners.models import CheckProposal, CheckRequest
    from scan.models import MunicipalPlan, PlanTheme

    process, _ = demo
    checks = {check.plan.municipality.name: check for check in CheckRequest.objects.filter(plan__process=process)}
    assert set(checks) == {"Nijkerk", "Epe"}
    # Nijkerk's contact still has to answer: their start page leads to it.
    assert checks["Nijkerk"].status == CheckRequest.Status.SENT
    client.force_login(User.objects.get(username="gemeente-nijkerk"))
    page = client.get(reverse("partners:contact_home")).content.decode()
    assert "Nijkerk" in page
    assert reverse("partners:check_answer", kwargs={"pk": checks["Nijkerk"].pk}) in page
    # Epe answered on 1 March 2018; staff took over the change and not the addition.
    epe = checks["Epe"]
    assert epe.status == CheckRequest.Status.PROCESSED
    assert epe.answered_at.date() == datetime.date(2018, 3, 1)
    decisions = {p.theme.name: (p.kind, p.decision) for p in CheckProposal.objects.filter(request=epe)}
    assert decisions == {"Ondermijning": ("change", "accepted"), "Milieucriminaliteit": ("add", "rejected")}
    changed = PlanTheme.objects.get(plan=epe.plan, theme__name="Ondermijning")
    assert changed.origin == PlanTheme.Origin.CHANGED
    assert "recreatieparken" in changed.wording
    assert not PlanTheme.objects.filter(plan=epe.plan, theme__name="Milieucriminaliteit").exists()
    assert MunicipalPlan.objects.get(pk=epe.plan_id).check_status == MunicipalPlan.CheckStatus.AMENDED


def test_a_second_run_leaves_the_portals_toets_as_it_was(demo):
    from partners.models import CheckProposal, CheckRequest
    from scan.models import MunicipalPlan, PlanTheme

    def counts():
        return [model.history.count() for model in (CheckRequest, CheckProposal, PlanTheme, MunicipalPlan)]

    before = counts()
    run()
    assert counts() == before
    assert PlanTheme.objects.get(plan__municipality__name="Epe", plan__process=demo[0],
                                 theme__name="Ondermijning").origin == PlanTheme.Origin.CHANGED  # fmt: skip
