"""Backup and restore of one whole process: `export_process` writes it to one zip file, `import_process` recreates
it in a database without it, identical row for row (compared by natural keys, never by ids)."""

import datetime
import hashlib
import io
import json
import zipfile
from io import StringIO

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db.models import Q

from accounts.models import Role, User
from archive.exporting import export_process
from archive.importing import import_process, read_export
from archive.parts import FORMAT, BackupError, unexported_models
from decisions.models import BbgDecision, DecisionPriority, PassedOver
from demo.loader import load_demo
from documents.models import (
    CommunityOfficerPlan,
    Document,
    DocumentTransition,
    DocumentVersion,
    Goal,
    GoalPartnerRole,
)
from documents.services import version_create
from notifications.models import ReminderSettings
from planning.models import (
    Absence,
    Action,
    Body,
    District,
    Membership,
    Milestone,
    Municipality,
    Person,
    Phase,
    StrategyProcess,
)
from priorities.models import CriterionAssessment, LongList, PartnerRole, Priority
from scan.models import MunicipalPlan, PlanTheme, Source, Theme
from tests.documents.factories import GoalFactory, make_document, make_top_five
from tests.planning.factories import AbsenceFactory, ActionFactory, MembershipFactory, MilestoneFactory, PersonFactory
from tests.scan.factories import (  # noqa: F401  (private_media_fixture is a fixture)
    SourceFactory,
    name_theme,
    pdf_bytes,
    private_media_fixture,
    stored_files,
)
from tests.voting.result_factories import cast
from voting.models import Ballot, BallotChoice, Round, RoundDeadline

# --- A canonical dump: the whole process as plain values, keyed by natural keys, independent of ids ----------

NATURAL = {
    District: lambda o: o.code,
    Municipality: lambda o: o.cbs_code,
    Body: lambda o: o.short_name,
    Theme: lambda o: o.name,
    User: lambda o: o.username,
    StrategyProcess: lambda o: o.slug,
    Person: lambda o: f"{o.name}|{o.function}",
    Phase: lambda o: o.order,
    Milestone: lambda o: f"{o.title}|{o.starts_on}",
    Priority: lambda o: f"{o.process.slug}|{o.title}",
    Source: lambda o: o.title,
    MunicipalPlan: lambda o: o.municipality.cbs_code,
    LongList: lambda o: o.process.slug,
    Round: lambda o: o.process.slug,
    Ballot: lambda o: o.district.code,
    BbgDecision: lambda o: o.round.process.slug,
    Goal: lambda o: o.title,
    Document: lambda o: o.process.slug,
    DocumentVersion: lambda o: o.label,
}


def row_of(obj) -> str:
    """Every field of a row but its id: relations by natural key, files by name and content."""
    row = {}
    for field in [*obj._meta.concrete_fields, *obj._meta.many_to_many]:
        if field.primary_key or (field.many_to_many and field.remote_field.through._meta.auto_created is False):
            continue
        if field.many_to_many:
            row[field.name] = sorted(str(NATURAL[type(t)](t)) for t in getattr(obj, field.name).all())
        elif field.is_relation:
            target = getattr(obj, field.name)
            row[field.name] = None if target is None else NATURAL[type(target)](target)
        elif field.get_internal_type() == "FileField":
            stored = getattr(obj, field.name)
            row[field.name] = hashlib.sha256(stored.read()).hexdigest() if stored else ""
        else:
            row[field.name] = field.value_from_object(obj)
    return json.dumps(row, sort_keys=True, default=repr)


def canonical(slug: str) -> dict[str, list[str]]:
    process = StrategyProcess.objects.get(slug=slug)
    people = Person.objects.filter(Q(milestones__process=process) | Q(actions__process=process)).distinct()
    users = User.objects.filter(
        Q(submitted_ballots__round__process=process)
        | Q(pk__in=DocumentTransition.objects.filter(document__process=process).values("by"))
        | Q(pk__in=DocumentVersion.objects.filter(document__process=process).values("created_by"))
        | Q(pk__in=BbgDecision.objects.filter(round__process=process).values("confirmed_by"))
    ).distinct()
    querysets = [
        StrategyProcess.objects.filter(pk=process.pk),
        Phase.objects.filter(process=process),
        Milestone.objects.filter(process=process),
        Action.objects.filter(process=process),
        people,
        Membership.objects.filter(person__in=people),
        Absence.objects.filter(person__in=people),
        Source.objects.filter(process=process),
        MunicipalPlan.objects.filter(process=process),
        PlanTheme.objects.filter(plan__process=process),
        LongList.objects.filter(process=process),
        Priority.objects.filter(process=process),
        PartnerRole.objects.filter(priority__process=process),
        CriterionAssessment.objects.filter(priority__process=process),
        Round.objects.filter(process=process),
        RoundDeadline.objects.filter(round__process=process),
        Ballot.objects.filter(round__process=process),
        BallotChoice.objects.filter(ballot__round__process=process),
        BbgDecision.objects.filter(round__process=process),
        DecisionPriority.objects.filter(decision__round__process=process),
        PassedOver.objects.filter(decision__round__process=process),
        Goal.objects.filter(process=process),
        GoalPartnerRole.objects.filter(goal__process=process),
        Document.objects.filter(process=process),
        DocumentVersion.objects.filter(document__process=process),
        DocumentTransition.objects.filter(document__process=process),
        CommunityOfficerPlan.objects.filter(process=process),
        ReminderSettings.objects.filter(process=process),
    ]
    dump = {qs.model._meta.label: sorted(row_of(obj) for obj in qs) for qs in querysets}
    dump["accounts.User"] = sorted(
        json.dumps([u.username, u.first_name, u.last_name, u.email, u.role, u.district_id and u.district.code])
        for u in users
    )
    return dump


def table_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for app in ("accounts", "planning", "priorities", "voting", "documents", "notifications")
        for model in apps.get_app_config(app).get_models()
    }


def delete_process(process: StrategyProcess) -> None:
    """Delete a process with everything in it. The rows that protect each other (a goal its priority, a milestone
    its phase, a transition its version) go first: Django's cascade does not untangle them."""
    DocumentTransition.objects.filter(document__process=process).delete()
    BallotChoice.objects.filter(ballot__round__process=process).delete()
    DecisionPriority.objects.filter(decision__round__process=process).delete()
    PassedOver.objects.filter(decision__round__process=process).delete()
    Goal.objects.filter(process=process).delete()
    Milestone.objects.filter(process=process).delete()
    process.delete()


def forget(slug: str, export: dict) -> None:
    """Remove the process and the people and users the export holds, as if this were another database (one that
    holds its predecessor, but not the demo's current cycle, whose ballots the same secretaries submitted)."""
    process = StrategyProcess.objects.get(slug=slug)
    for other in StrategyProcess.objects.exclude(pk=process.pk).exclude(pk=process.predecessor_id):
        delete_process(other)
    delete_process(process)
    Person.objects.filter(name__in=[row["name"] for row in export["people"]]).delete()
    User.objects.filter(username__in=[row["username"] for row in export["users"]]).delete()


def export_data(path) -> dict:
    data, archive = read_export(path)
    archive.close()
    return data


# --- Set-up ----------------------------------------------------------------------------------------------------


@pytest.fixture
def demo_process(db, settings, private_media):
    """The demo (planning, scan, long list, round, top five, goals, document) plus what it leaves out: uploaded
    documents, a transition, a staff-made version, community officers and reminder settings."""
    settings.DEBUG = True
    process = load_demo(create_users=True).process
    staff = User.objects.get(role=Role.STAFF, is_active=True, username="staf")
    source = process.sources.order_by("title").first()
    source.document.save("dreigingsbeeld.pdf", ContentFile(pdf_bytes()), save=False)
    source.document_name = "Dreigingsbeeld 2017.pdf"
    source.save()
    plan = process.municipal_plans.order_by("municipality__name").first()
    plan.document.save("ivp.pdf", ContentFile(pdf_bytes() + b"% ivp\n"), save=False)
    plan.document_name = "IVP.pdf"
    plan.save()
    document = Document.objects.get(process=process)
    version = version_create(document=document, user=staff, note="Na de werkgroep")
    DocumentTransition.objects.create(
        document=document, from_status="concept", to_status="concept", version=version, by=staff, note="Proef"
    )
    for municipality, officers in zip(Municipality.objects.order_by("cbs_code")[:3], [4, 7, 12], strict=True):
        CommunityOfficerPlan.objects.create(process=process, municipality=municipality, officers=officers)
    ReminderSettings.objects.create(process=process, offsets=[21, 7, 2])
    return process


@pytest.fixture
def small_process(db, private_media, process):
    """A factory-built process with a bit of everything, for the refusals."""
    priorities = make_top_five(process)
    person = PersonFactory(name="Mevrouw Testburgemeester")
    MembershipFactory(person=person, body=Body.objects.get(kind=Body.Kind.STEERING_GROUP))
    AbsenceFactory(person=person)
    meeting = MilestoneFactory(process=process, responsible_person=person)
    ActionFactory(process=process, milestone=meeting, owner=person)
    source = SourceFactory(process=process)
    source.document.save("bron.pdf", ContentFile(pdf_bytes()))
    name_theme(process, Municipality.objects.order_by("name").first(), Theme.objects.first())
    round = Round.objects.get(process=process)
    cast(round, District.objects.order_by("order").first(), priorities[:7])
    GoalFactory(process=process, priority=priorities[0])
    make_document(process)
    return process


# --- The round trip --------------------------------------------------------------------------------------------


def test_every_model_is_exported_or_knowingly_left_out():
    assert unexported_models() == []


def test_the_demo_process_round_trips_identically_and_users_come_back_inactive(demo_process, private_media, tmp_path):
    slug = demo_process.slug
    before = canonical(slug)
    path = tmp_path / "export.zip"
    result = export_process(demo_process, path)
    assert result.warnings == []
    assert result.files == 2
    data = export_data(path)
    assert data["format"] == FORMAT
    assert data["slug"] == slug
    assert "password" not in json.dumps(data["users"])

    forget(slug, data)
    for stored in private_media.rglob("*"):
        if stored.is_file():
            stored.unlink()
    assert not StrategyProcess.objects.filter(slug=slug).exists()

    # The demo's staff come back too: asked for explicitly (tests/archive/test_import_validation.py).
    imported = import_process(path, allow_elevated_roles=True)

    assert imported.process.slug == slug
    assert canonical(slug) == before
    # Spot checks on what the dump holds, so that an empty dump cannot pass.
    assert len(before["scan.MunicipalPlan"]) == 78
    assert len(before["voting.BallotChoice"]) == 35
    assert len(before["documents.DocumentVersion"]) >= 4
    assert Milestone.objects.filter(process=imported.process, depends_on__isnull=False).exists()
    assert Priority.objects.filter(process=imported.process, continues__isnull=False).exists()
    assert imported.process.predecessor.slug == "vs-2015-2018"
    # The users were gone: they come back inactive, without a usable password, with their role and district.
    assert sorted(imported.users_created) == sorted(row["username"] for row in data["users"])
    for user in User.objects.filter(username__in=imported.users_created):
        assert not user.is_active
        assert not user.has_usable_password()
    secretary = Ballot.objects.filter(round__process=imported.process).first().submitted_by
    assert secretary.role == Role.DVO_SECRETARY
    assert secretary.district is not None


def test_existing_users_and_people_are_reused_not_copied(small_process, tmp_path):
    path = tmp_path / "export.zip"
    export_process(small_process, path)
    people_before = Person.objects.count()
    secretary = Ballot.objects.get(round__process=small_process).submitted_by
    delete_process(small_process)

    imported = import_process(path)

    assert imported.users_created == []
    assert Ballot.objects.get(round__process=imported.process).submitted_by == secretary
    assert Person.objects.count() == people_before
    assert imported.reused["people"] == 1


# --- Refusals --------------------------------------------------------------------------------------------------


def test_it_refuses_a_process_that_exists_and_stores_nothing(small_process, private_media, tmp_path):
    path = tmp_path / "export.zip"
    export_process(small_process, path)
    counts = table_counts()
    files = stored_files(private_media)

    with pytest.raises(BackupError, match=r"bestaat al een proces.*already exists"):
        import_process(path)

    assert table_counts() == counts
    assert stored_files(private_media) == files


def test_the_command_refuses_a_process_that_exists(small_process, tmp_path):
    path = tmp_path / "export.zip"
    call_command("export_process", small_process.slug, "-o", str(path), stdout=StringIO())

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_process", str(path), stdout=StringIO())


def test_the_commands_export_and_import(small_process, tmp_path):
    path = tmp_path / "export.zip"
    out = StringIO()
    call_command("export_process", small_process.slug, "-o", str(path), stdout=out)
    assert "geëxporteerd" in out.getvalue()
    before = canonical(small_process.slug)
    delete_process(small_process)

    out = StringIO()
    call_command("import_process", str(path), stdout=out)

    assert "geïmporteerd" in out.getvalue()
    assert canonical(small_process.slug) == before


def test_export_of_an_unknown_slug_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="No process with slug"):
        call_command("export_process", "bestaat-niet", "-o", str(tmp_path / "x.zip"))


def rewrite(path, change) -> None:
    """Rewrite data.json in the export at ``path`` with ``change(data)``; the files stay as they are."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    data = json.loads(members["data.json"])
    change(data)
    members["data.json"] = json.dumps(data).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is no zip", "geen geldig zip-bestand"),
        (b"", "geen geldig zip-bestand"),
    ],
)
def test_a_file_that_is_no_zip_gives_a_clear_error(db, tmp_path, content, message):
    path = tmp_path / "export.zip"
    path.write_bytes(content)
    with pytest.raises(BackupError, match=message):
        import_process(path)


def test_a_zip_without_data_or_with_bad_json_gives_a_clear_error(db, tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("other.txt", "x")
    with pytest.raises(BackupError, match=r"mist data\.json"):
        import_process(path)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data.json", "{not json")
    with pytest.raises(BackupError, match="beschadigd"):
        import_process(path)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data.json", json.dumps({"format": "iets anders"}))
    with pytest.raises(BackupError, match="geen exportbestand van een proces"):
        import_process(path)


def test_a_broken_reference_stores_nothing_not_even_files(small_process, private_media, tmp_path):
    path = tmp_path / "export.zip"
    export_process(small_process, path)
    slug = small_process.slug
    delete_process(small_process)
    counts = table_counts()
    files = stored_files(private_media)

    def break_a_reference(data):
        data["ballot_choices"][0]["priority"] = 987654

    rewrite(path, break_a_reference)

    with pytest.raises(BackupError, match=r"onvolledig of beschadigd.*nothing was imported"):
        import_process(path)

    assert not StrategyProcess.objects.filter(slug=slug).exists()
    assert table_counts() == counts
    assert stored_files(private_media) == files


def test_a_damaged_file_in_the_export_is_refused(small_process, tmp_path):
    path = tmp_path / "export.zip"
    export_process(small_process, path)
    delete_process(small_process)

    def damage(data):
        data["sources"][0]["document"]["sha256"] = "0" * 64

    rewrite(path, damage)

    with pytest.raises(BackupError, match="beschadigd"):
        import_process(path)


def test_the_export_is_one_readable_zip(small_process):
    buffer = io.BytesIO()
    export_process(small_process, buffer)
    with zipfile.ZipFile(buffer) as archive:
        names = archive.namelist()
        data = json.loads(archive.read("data.json"))
    assert "data.json" in names
    assert [name for name in names if name.startswith("files/sources/")]
    assert data["absences"][0]["starts_on"] == datetime.date(2018, 6, 7).isoformat()
    assert data["ballots"][0]["district"] == District.objects.order_by("order").first().code
