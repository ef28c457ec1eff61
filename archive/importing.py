"""Import a process from an export made by archive.exporting, all or nothing."""

import hashlib
import json
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction

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


# --- Import ----------------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    process: StrategyProcess
    counts: dict[str, int]
    reused: dict[str, int]
    users_created: list[str]
    files: int
    warnings: list[str]


def read_export(source) -> tuple[dict, zipfile.ZipFile]:
    """Open an export and check that it is one; a clear BackupError otherwise."""
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
        data = json.loads(archive.read(DATA_NAME).decode("utf-8"))
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
    def __init__(self, data: dict, archive: zipfile.ZipFile):
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
                    obj.is_active = False
                    obj.set_unusable_password()
                    self.users_created.append(obj.username)
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
        stored = getattr(obj, f.name)
        stored.save(posixpath.basename(entry["file"]), ContentFile(content), save=False)
        self.stored_files.append((stored.storage, stored.name))


def import_process(source) -> ImportResult:
    """Recreate an exported process (a path or a binary file) in this database, all or nothing.

    Refused when a process with the same slug or short name exists. Reference data and users are found by their
    natural key and created from the export when missing (users inactive, without a usable password); people,
    their seats and absences are reused when an identical one exists. Every other row is created anew.
    """
    data, archive = read_export(source)
    importer = _Importer(data, archive)
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
