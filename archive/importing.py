"""Import a process from an export made by archive.exporting, all or nothing.

An export may have been edited by hand, so nothing in it is trusted more than what a user types:

- the file is at most ``settings.MAX_IMPORT_SIZE`` bytes and its ``data.json`` at most ``MAX_IMPORT_DATA_SIZE``
  (read no further than that, whatever the zip's directory says);
- every row passes the model's validation (``full_clean``: lengths, choices, ranges) before it is stored;
- every stored HTML field and every version's snapshot is sanitised with the editor's sanitiser
  (``core.prose.clean_prose``), so raw HTML (a meta refresh, a form, an overlay) never reaches a page;
- every uploaded document is checked by its content (``core.uploads.check_document``);
- users that the export would create with an elevated role (programme staff, administrator, Django staff or
  superuser) are refused unless ``allow_elevated_roles`` is given (``--allow-elevated-roles``); created users are
  always inactive, without a usable password.
"""

import hashlib
import html as html_text
import json
import os
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction

from accounts.models import Role
from core.prose import clean_prose
from core.sanitize import sanitize_generated_html
from core.uploads import check_document
from documents.models import DocumentVersion
from documents.selectors import content_from_snapshot
from planning.models import Person, StrategyProcess
from priorities.models import Priority

from .parts import (
    DATA_NAME,
    FORMAT,
    FORMAT_VERSION,
    PARTS,
    BackupError,
    Part,
    Ref,
    part_fields,
)

User = get_user_model()

ELEVATED_ROLES = {Role.STAFF, Role.ADMINISTRATOR}


# --- Import ----------------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    process: StrategyProcess
    counts: dict[str, int]
    reused: dict[str, int]
    users_created: list[str]
    files: int
    warnings: list[str]


def _size_of(source) -> int | None:
    if hasattr(source, "seek") and hasattr(source, "tell"):
        position = source.tell()
        size = source.seek(0, 2)
        source.seek(position)
        return size
    try:
        return os.path.getsize(source)
    except OSError:
        return None  # zipfile says what is wrong with it


def _read_data(archive: zipfile.ZipFile) -> bytes:
    """data.json, read no further than MAX_IMPORT_DATA_SIZE (the zip's directory may lie about its size)."""
    limit = settings.MAX_IMPORT_DATA_SIZE
    info = archive.getinfo(DATA_NAME)
    with archive.open(info) as stream:
        raw = stream.read(limit + 1) if info.file_size <= limit else b"x" * (limit + 1)
    if len(raw) > limit:
        raise BackupError(
            f"{DATA_NAME} is groter dan {limit // (1024 * 1024)} MB; er is niets geïmporteerd. / "
            f"{DATA_NAME} is larger than {limit // (1024 * 1024)} MB; nothing was imported."
        )
    return raw


def read_export(source) -> tuple[dict, zipfile.ZipFile]:
    """Open an export and check that it is one, within the size limits; a clear BackupError otherwise."""
    size, limit = _size_of(source), settings.MAX_IMPORT_SIZE
    if size is not None and size > limit:
        raise BackupError(
            f"Het exportbestand is groter dan {limit // (1024 * 1024)} MB; er is niets geïmporteerd. / "
            f"The export is larger than {limit // (1024 * 1024)} MB; nothing was imported."
        )
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError as error:
        raise BackupError(f"Bestand niet gevonden: {source}. / File not found: {source}.") from error
    except (zipfile.BadZipFile, OSError) as error:
        raise BackupError(
            f"Dit is geen exportbestand van VS-portaal (geen geldig zip-bestand): {error}. / "
            "This is not a VS-portaal export (not a valid zip file)."
        ) from error
    try:
        data = json.loads(_read_data(archive).decode("utf-8"))
    except KeyError as error:
        raise BackupError(f"Het exportbestand mist {DATA_NAME}. / The export has no {DATA_NAME}.") from error
    except (ValueError, zipfile.BadZipFile, OSError) as error:
        raise BackupError(
            f"{DATA_NAME} in het exportbestand is beschadigd: {error}. / {DATA_NAME} in the export is damaged."
        ) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError("Dit is geen exportbestand van een proces. / This is not an export of a process.")
    if data.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"Exportformaat versie {data.get('version')} wordt niet ondersteund (verwacht {FORMAT_VERSION}). / "
            f"Export format version {data.get('version')} is not supported (expected {FORMAT_VERSION})."
        )
    return data, archive


class _Importer:
    def __init__(self, data: dict, archive: zipfile.ZipFile, *, allow_elevated_roles: bool = False):
        self.allow_elevated_roles = allow_elevated_roles
        self.data = data
        self.archive = archive
        self.process: StrategyProcess | None = None
        self.local: dict[str, dict] = {}
        self.natural: dict[str, dict] = {}
        self.counts: dict[str, int] = {}
        self.reused: dict[str, int] = {}
        self.users_created: list[str] = []
        self.stored_files: list[tuple[Any, str]] = []
        self.warnings: list[str] = []

    def run(self) -> StrategyProcess:
        [process_row] = self.data["process"]
        for key in ("slug", "short_name"):
            if StrategyProcess.objects.filter(**{key: process_row[key]}).exists():
                raise BackupError(
                    f"Er bestaat al een proces met {key} '{process_row[key]}'; er is niets geïmporteerd. / "
                    f"A process with {key} '{process_row[key]}' already exists; nothing was imported."
                )
        for part in PARTS:
            rows = self.data.get(part.name, [])
            if not isinstance(rows, list):
                raise BackupError(f"{part.name}: expected a list.")
            self._load(part, rows)
        return self.process

    def _load(self, part: Part, rows: list) -> None:
        store = self.natural if part.natural_key else self.local
        store[part.name] = {}
        fields = part_fields(part)
        later = []  # many-to-many values, and references to rows of this same part
        for row in rows:
            obj, pending = self._build(part, fields, row)
            existing = self._existing(part, obj)
            if existing is not None:
                obj = existing
                self.reused[part.name] = self.reused.get(part.name, 0) + 1
            else:
                if part.model is Person and obj.user_id and Person.objects.filter(user_id=obj.user_id).exists():
                    self.warnings.append(f"people: user {obj.user.username} already belongs to someone else.")
                    obj.user = None
                if part.model is User:
                    self._check_user(obj)
                    obj.is_active = False
                    obj.set_unusable_password()
                    self.users_created.append(obj.username)
                self._sanitise(obj)
                if part.model is DocumentVersion:
                    # The download serves the rendering named by this fingerprint: it is always the fingerprint
                    # of the (now sanitised) snapshot, never the one the export carries.
                    obj.fingerprint = content_from_snapshot(obj.snapshot).fingerprint()
                self._validate(part, obj, row, pending)
                obj._change_reason = "Import uit een export van een proces"
                obj.save()
                self._keep_timestamps(part, fields, obj, row)
                self.counts[part.name] = self.counts.get(part.name, 0) + 1
                later.append((obj, pending))
            key = row[part.natural_key] if part.natural_key else row["id"]
            store[part.name][key] = obj
            if part.name == "process":
                self.process = obj
        for obj, pending in later:
            for f, ref, value in pending:
                if f.many_to_many:
                    getattr(obj, f.name).set([self._resolve(part, f, ref, item) for item in value])
                else:
                    target = self._resolve(part, f, ref, value)
                    part.model.objects.filter(pk=obj.pk).update(**{f.name: target})
                    setattr(obj, f.name, target)

    def _check_user(self, user) -> None:
        elevated = user.role in ELEVATED_ROLES or user.is_staff or user.is_superuser
        if elevated and not self.allow_elevated_roles:
            raise BackupError(
                f"users: {user.username} zou worden aangemaakt met de rol '{user.role or 'Django-staf'}'; "
                "geef --allow-elevated-roles om dat toe te staan. Er is niets geïmporteerd. / "
                f"users: {user.username} would be created with an elevated role; pass --allow-elevated-roles to "
                "allow it. Nothing was imported."
            )

    @staticmethod
    def _sanitise(obj) -> None:
        """Every HTML field and every HTML value of a snapshot through the editor's sanitiser."""
        for f in obj._meta.concrete_fields:
            value = getattr(obj, f.attname)
            if f.name.endswith("_html") and isinstance(value, str):
                setattr(obj, f.attname, _sanitised(value, clean_prose))
            elif isinstance(f, models.JSONField) and value is not None:
                setattr(obj, f.attname, _sanitise_json(value))

    @staticmethod
    def _validate(part: Part, obj, row: dict, pending) -> None:
        """The model's own validation, as a form would do it; references resolved later are left out."""
        exclude = [f.name for f, _ref, _value in pending]
        if part.model is User:
            exclude.append("password")
        try:
            obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            raise BackupError(
                f"{part.name} (id {row.get('id', '?')}): {problems}. Er is niets geïmporteerd. / "
                f"{part.name} (id {row.get('id', '?')}) does not pass validation; nothing was imported."
            ) from error

    def _build(self, part: Part, fields, row: dict):
        values, pending = {}, []
        for f in fields:
            ref = part.refs.get(f.name)
            if ref is not None and ref.kind == "process":
                values[f.name] = self.process
                continue
            if f.name not in row or (ref is not None and ref.kind == "skip"):
                continue
            value = row[f.name]
            if f.many_to_many or (ref is not None and self._points_to_own_part(part, ref, value)):
                pending.append((f, ref, value))
            elif f.is_relation:
                values[f.name] = None if value is None else self._resolve(part, f, ref, value)
            elif isinstance(f, models.FileField):
                values[f.name] = ""
            else:
                values[f.name] = f.to_python(value)
        obj = part.model(**values)
        for f in fields:
            if isinstance(f, models.FileField) and row.get(f.name):
                self._attach_file(obj, f, row[f.name])
        return obj, pending

    def _points_to_own_part(self, part: Part, ref: Ref, value) -> bool:
        if ref.kind == "local":
            return ref.part == part.name
        if ref.kind == "priority" and value:
            return part.name == "priorities" and value["process"] == self.data["process"][0]["slug"]
        return False

    def _resolve(self, part: Part, f, ref: Ref, value):
        if value is None:
            return None
        if ref.kind == "local":
            return self.local[ref.part][value]
        if ref.kind == "natural":
            return self.natural[ref.part][value]
        if ref.kind == "process_slug":
            found = StrategyProcess.objects.filter(slug=value).first()
            if found is None:
                self.warnings.append(f"{part.name}: {f.name} '{value}' is not in this database; left empty.")
            return found
        if ref.kind == "priority":
            if value["process"] == self.data["process"][0]["slug"]:
                return Priority.objects.get(process=self.process, title=value["title"])
            found = Priority.objects.filter(process__slug=value["process"], title=value["title"]).first()
            if found is None:
                self.warnings.append(
                    f"{part.name}: {f.name} '{value['title']}' ({value['process']}) is not in this database; "
                    "left empty."
                )
            return found
        raise BackupError(f"{part.name}: unknown reference kind {ref.kind}.")

    def _existing(self, part: Part, obj):
        if not part.match:
            return None
        lookup = {name: getattr(obj, name) for name in part.match}
        return part.model.objects.filter(**lookup).first()

    def _keep_timestamps(self, part: Part, fields, obj, row: dict) -> None:
        """auto_now and auto_now_add fields get the exported moment back (save() sets them to now)."""
        stamps = {
            f.name: f.to_python(row[f.name])
            for f in fields
            if (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)) and row.get(f.name)
        }
        if stamps:
            part.model.objects.filter(pk=obj.pk).update(**stamps)
            for name, value in stamps.items():
                setattr(obj, name, value)

    def _attach_file(self, obj, f, entry: dict) -> None:
        try:
            content = self.archive.read(entry["file"])
        except KeyError as error:
            raise BackupError(
                f"Bestand {entry['file']} ontbreekt in de export. / File missing in the export."
            ) from error
        if hashlib.sha256(content).hexdigest() != entry["sha256"]:
            raise BackupError(f"Bestand {entry['file']} is beschadigd. / File {entry['file']} is damaged.")
        name = posixpath.basename(entry["file"])
        try:
            check_document(ContentFile(content, name=name))
        except ValidationError as error:
            raise BackupError(
                f"Bestand {entry['file']}: {' '.join(error.messages)} Er is niets geïmporteerd. / "
                f"File {entry['file']} is refused; nothing was imported."
            ) from error
        stored = getattr(obj, f.name)
        stored.save(name, ContentFile(content), save=False)
        self.stored_files.append((stored.storage, stored.name))


def _sanitised(html: str, sanitize) -> str:
    """The sanitised HTML; the text as it was when sanitising changes nothing but its serialisation (entities,
    surrounding white space), so that an untouched export comes back identical."""
    clean = sanitize(html)
    return html if html_text.unescape(clean) == html_text.unescape(html).strip() else clean


def _sanitise_json(value):
    """A snapshot with every "html" or "*_html" string sanitised (to what the generated sections may hold: the
    prose subset plus their captions, footers and table classes); everything else as it was."""
    if isinstance(value, dict):
        return {
            key: _sanitised(item, sanitize_generated_html)
            if isinstance(item, str) and (key == "html" or key.endswith("_html"))
            else _sanitise_json(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_sanitise_json(item) for item in value]
    return value


def import_process(source, *, allow_elevated_roles: bool = False) -> ImportResult:
    """Recreate an exported process (a path or a binary file) in this database, all or nothing, with every row
    validated and sanitised as described above.

    Refused when a process with the same slug or short name exists. Reference data and users are found by their
    natural key and created from the export when missing (users inactive, without a usable password); people,
    their seats and absences are reused when an identical one exists. Every other row is created anew.
    """
    data, archive = read_export(source)
    importer = _Importer(data, archive, allow_elevated_roles=allow_elevated_roles)
    try:
        with transaction.atomic(), archive:
            process = importer.run()
    except BaseException as error:
        # The database rolled back; the files stored on the way must go too.
        for storage, name in importer.stored_files:
            storage.delete(name)
        if isinstance(error, BackupError):
            raise
        if isinstance(error, KeyError | ValueError | TypeError | ValidationError | DatabaseError):
            raise BackupError(
                f"Het exportbestand is onvolledig of beschadigd ({type(error).__name__}: {error}); er is niets "
                "geïmporteerd. / The export is incomplete or damaged; nothing was imported."
            ) from error
        raise
    return ImportResult(
        process=process,
        counts=importer.counts,
        reused=importer.reused,
        users_created=importer.users_created,
        files=len(importer.stored_files),
        warnings=importer.warnings,
    )
