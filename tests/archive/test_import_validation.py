"""import_process trusts a hand-edited export no more than a user's input (issue 10): every row validated, every
HTML field and snapshot sanitised, uploads checked by content, elevated roles refused unless asked for, and the
file and its data.json within a stated size. Each refusal stores nothing."""

import hashlib
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from archive.exporting import export_process
from archive.importing import import_process
from archive.parts import BackupError
from documents.models import Document, DocumentVersion
from documents.services import version_create
from planning.models import StrategyProcess
from tests.archive.test_round_trip import delete_process, rewrite, small_process, table_counts  # noqa: F401
from tests.scan.factories import png_bytes, private_media_fixture  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

RAW_HTML = (
    '<meta http-equiv="refresh" content="0;url=https://example.org/">'
    '<form action="https://example.org/"><input name="wachtwoord"></form>'
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">Log opnieuw in</div>'
    "<p>Inleiding</p>"
)


@pytest.fixture
def exported(db, request, tmp_path):
    """The small process exported to a file and removed from the database, as if imported elsewhere."""
    process = request.getfixturevalue("small_process")
    version_create(document=Document.objects.get(process=process), user=request.getfixturevalue("staff"), note="0.1")
    path = tmp_path / "export.zip"
    export_process(process, path)
    delete_process(process)
    return path


def test_raw_html_in_a_document_and_its_snapshots_is_sanitised(exported):
    def inject(data):
        data["document"][0]["intro_html"] = RAW_HTML
        for version in data.get("document_versions", []):
            for section in version["snapshot"]["sections"]:
                section["html"] = RAW_HTML
            version["snapshot"]["letter_html"] = RAW_HTML

    rewrite(exported, inject)

    imported = import_process(exported)

    document = Document.objects.get(process=imported.process)
    stored = [document.intro_html]
    for version in DocumentVersion.objects.filter(document=document):
        stored += [section["html"] for section in version.snapshot["sections"]] + [version.snapshot["letter_html"]]
    assert len(stored) > 1
    for html in stored:
        assert "<meta" not in html
        assert "<form" not in html
        assert "<input" not in html
        assert "position:fixed" not in html
    assert "<p>Inleiding</p>" in document.intro_html


def test_an_imported_version_gets_the_fingerprint_of_its_own_snapshot_not_the_exports(exported):
    """The download serves the cached rendering named by the stored fingerprint: an export naming another
    document's fingerprint must not reach that document's PDF."""
    from documents.selectors import content_from_snapshot

    def tamper(data):
        for version in data.get("document_versions", []):
            version["fingerprint"] = "f" * 64
            version["snapshot"]["sections"][0]["html"] = RAW_HTML

    rewrite(exported, tamper)

    imported = import_process(exported)

    versions = list(DocumentVersion.objects.filter(document__process=imported.process))
    assert versions
    for version in versions:
        assert version.fingerprint == content_from_snapshot(version.snapshot).fingerprint()
        assert version.fingerprint != "f" * 64


def test_a_row_that_fails_validation_is_refused_and_nothing_is_stored(exported):
    def break_a_row(data):
        data["milestones"][0]["status"] = "gehackt"
        data["milestones"][0]["title"] = "x" * 5000

    rewrite(exported, break_a_row)
    counts = table_counts()

    with pytest.raises(BackupError, match=r"milestones.*nothing was imported"):
        import_process(exported)

    assert table_counts() == counts


def _with_new_user(role):
    def add(data):
        row = dict(data["users"][0])
        row.update(username="nieuwe-beheerder", email="nieuw@example.org", role=role, district=None)
        data["users"].append(row)

    return add


@pytest.mark.parametrize("role", [Role.STAFF, Role.ADMINISTRATOR])
def test_a_user_with_an_elevated_role_is_refused_without_the_flag(exported, role):
    rewrite(exported, _with_new_user(role))

    with pytest.raises(BackupError, match="allow-elevated-roles"):
        import_process(exported)
    assert not User.objects.filter(username="nieuwe-beheerder").exists()

    with pytest.raises(CommandError, match="allow-elevated-roles"):
        call_command("import_process", str(exported), stdout=StringIO())
    assert not StrategyProcess.objects.exists()


def test_with_the_flag_the_elevated_user_is_created_inactive(exported):
    rewrite(exported, _with_new_user(Role.STAFF))

    call_command("import_process", str(exported), "--allow-elevated-roles", stdout=StringIO())

    user = User.objects.get(username="nieuwe-beheerder")
    assert user.role == Role.STAFF
    assert not user.is_active
    assert not user.has_usable_password()


def test_an_upload_that_is_no_document_is_refused(exported):
    # A PNG under the source's name, with a matching checksum: only its content gives it away.
    with zipfile.ZipFile(exported) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    data = json.loads(members["data.json"])
    entry = data["sources"][0]["document"]
    members[entry["file"]] = png_bytes()
    entry["sha256"] = hashlib.sha256(png_bytes()).hexdigest()
    members["data.json"] = json.dumps(data).encode()
    with zipfile.ZipFile(exported, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)

    with pytest.raises(BackupError, match="geen PDF"):
        import_process(exported)
    assert not StrategyProcess.objects.exists()


def test_a_file_over_the_stated_size_is_refused(exported, settings):
    settings.MAX_IMPORT_SIZE = exported.stat().st_size - 1

    with pytest.raises(BackupError, match="groter dan"):
        import_process(exported)
    assert not StrategyProcess.objects.exists()


def test_a_data_json_over_its_size_is_refused_without_reading_it_whole(exported, settings):
    with zipfile.ZipFile(exported) as archive:
        size = archive.getinfo("data.json").file_size
    settings.MAX_IMPORT_DATA_SIZE = size - 1

    with pytest.raises(BackupError, match=r"data\.json is groter dan"):
        import_process(exported)
    assert not StrategyProcess.objects.exists()
