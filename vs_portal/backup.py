"""Export one whole strategy process to a single .zip file, and import it into another database.

The file is a zip archive with ``data.json`` (every row of the process, readable as text) and ``files/`` (the
uploaded documents of its sources and municipal plans, byte for byte, with their SHA-256 in data.json).

Rows that belong to the process carry their id in the source database only as a key inside the file: references
between them use those keys, and the import gives every row a new primary key. Reference data (districts,
municipalities, bodies, themes) and users are referred to by their natural key (code, cbs_code, short_name, name,
username); the file also holds their fields, so that a row missing in the target database can be created.

Not exported: the change history (django-simple-history; the import starts a new history), reminders and
in-app notifications (operational state, rebuilt by the reminder pass), passwords and other login data. A user
missing in the target database is created inactive, with an unusable password: an administrator activates the
account and the user sets a password through the reset link.
"""

import datetime
import hashlib
import json
import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction
from django.db.models import Q
from django.utils import timezone

from documents.models import CommunityOfficerPlan, Document, DocumentTransition, DocumentVersion, Goal, GoalPartnerRole
from notifications.models import ReminderSettings
from planning.models import (
    Absence,
    Action,
    Body,
    District,
    Membership,
    Milestone,
    Municipality,
    MunicipalPlan,
    Person,
    Phase,
    PlanTheme,
    Source,
    StrategyProcess,
    Theme,
)
from priorities.models import CriterionAssessment, LongList, PartnerRole, Priority
from voting.models import Ballot, BallotChoice, BbgDecision, DecisionPriority, PassedOver, Round, RoundDeadline

User = get_user_model()

FORMAT = "vs-portaal-proces"
FORMAT_VERSION = 1
DATA_NAME = "data.json"
FILES_DIR = "files"

# Apps whose models are either exported or deliberately left out (checked by tests/test_backup.py).
APPS = ("accounts", "planning", "priorities", "voting", "documents", "notifications")
NOT_EXPORTED = {
    "notifications.NotificationPreference": "a user's own setting, not part of a process",
    "notifications.Reminder": "operational state of the reminder pass, which plans it again",
    "notifications.Digest": "operational state of the daily digest",
    "notifications.Notification": "a user's in-app messages, not part of a process",
}


class BackupError(Exception):
    """An export or import that cannot go on; the message is meant for the person running the command."""


# --- What is exported ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """How a relation is written: to a row of this export by its key in the file (``local``), to reference data
    or a user by natural key (``natural``), to the process being exported (``process``), to another process by
    slug (``process_slug``), to a priority of any process by slug and title (``priority``), or not at all
    (``skip``: a many-to-many whose through rows are exported as their own part)."""

    kind: str
    part: str = ""


LOCAL = lambda part: Ref("local", part)  # noqa: E731
NATURAL = lambda part: Ref("natural", part)  # noqa: E731
PROCESS = Ref("process")
SKIP = Ref("skip")


@dataclass(frozen=True)
class Part:
    """One model's rows in the export.

    ``rows`` selects them for a process; reference data and users have none: they are exported because rows
    refer to them, and are keyed by ``natural_key``. ``match`` names the fields by which an existing row in the
    target database is reused rather than created again (people, their seats and absences may already be there).
    ``fields`` limits what is written (users: no password, no login data).
    """

    name: str
    model: type[models.Model]
    refs: dict[str, Ref] = field(default_factory=dict)
    rows: Callable[[StrategyProcess], models.QuerySet] | None = None
    natural_key: str = ""
    match: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()


def _people(process):
    """The people the planning names, and everyone with a seat in a body that meets or decides in it (their
    absences are what the planning's conflict check reads)."""
    bodies = Body.objects.filter(milestones__process=process)
    return Person.objects.filter(
        Q(milestones__process=process) | Q(actions__process=process) | Q(memberships__body__in=bodies)
    ).distinct()


# In import order: every part comes after the parts it refers to.
PARTS = [
    Part("districts", District, natural_key="code", match=("code",)),
    Part(
        "municipalities", Municipality, {"district": NATURAL("districts")}, natural_key="cbs_code", match=("cbs_code",)
    ),
    Part("bodies", Body, {"district": NATURAL("districts")}, natural_key="short_name", match=("short_name",)),
    Part("themes", Theme, natural_key="name", match=("name",)),
    Part(
        "users",
        User,
        {"district": NATURAL("districts")},
        natural_key="username",
        match=("username",),
        fields=("username", "first_name", "last_name", "email", "role", "district"),
    ),
    Part(
        "people",
        Person,
        {"user": NATURAL("users"), "bodies": SKIP},
        rows=_people,
        match=("name", "function", "organisation", "email"),
    ),
    Part(
        "memberships",
        Membership,
        {"person": LOCAL("people"), "body": NATURAL("bodies")},
        rows=lambda process: Membership.objects.filter(person__in=_people(process)),
        match=("person", "body"),
    ),
    Part(
        "absences",
        Absence,
        {"person": LOCAL("people")},
        rows=lambda process: Absence.objects.filter(person__in=_people(process)),
        match=("person", "starts_on", "ends_on", "reason"),
    ),
    Part(
        "process",
        StrategyProcess,
        {"predecessor": Ref("process_slug")},
        rows=lambda process: StrategyProcess.objects.filter(pk=process.pk),
    ),
    Part("phases", Phase, {"process": PROCESS}, rows=lambda process: process.phases.all()),
    Part(
        "milestones",
        Milestone,
        {
            "process": PROCESS,
            "phase": LOCAL("phases"),
            "body": NATURAL("bodies"),
            "responsible_person": LOCAL("people"),
            "depends_on": LOCAL("milestones"),
        },
        rows=lambda process: process.milestones.all(),
    ),
    Part(
        "actions",
        Action,
        {"process": PROCESS, "milestone": LOCAL("milestones"), "owner": LOCAL("people")},
        rows=lambda process: process.actions.all(),
    ),
    Part(
        "sources",
        Source,
        {"process": PROCESS, "themes": NATURAL("themes")},
        rows=lambda process: process.sources.all(),
    ),
    Part(
        "municipal_plans",
        MunicipalPlan,
        {"process": PROCESS, "municipality": NATURAL("municipalities"), "themes": SKIP},
        rows=lambda process: process.municipal_plans.select_related("municipality"),
    ),
    Part(
        "plan_themes",
        PlanTheme,
        {"plan": LOCAL("municipal_plans"), "theme": NATURAL("themes")},
        rows=lambda process: PlanTheme.objects.filter(plan__process=process).select_related("theme"),
    ),
    Part(
        "long_list",
        LongList,
        {"process": PROCESS, "approved_at_meeting": LOCAL("milestones")},
        rows=lambda process: LongList.objects.filter(process=process),
    ),
    Part(
        "priorities",
        Priority,
        {
            "process": PROCESS,
            "themes": NATURAL("themes"),
            "sources": LOCAL("sources"),
            "continues": Ref("priority"),
        },
        rows=lambda process: process.priorities.all(),
    ),
    Part(
        "partner_roles",
        PartnerRole,
        {"priority": LOCAL("priorities")},
        rows=lambda process: PartnerRole.objects.filter(priority__process=process),
    ),
    Part(
        "criterion_assessments",
        CriterionAssessment,
        {"priority": LOCAL("priorities")},
        rows=lambda process: CriterionAssessment.objects.filter(priority__process=process),
    ),
    Part("round", Round, {"process": PROCESS}, rows=lambda process: Round.objects.filter(process=process)),
    Part(
        "round_deadlines",
        RoundDeadline,
        {"round": LOCAL("round"), "district": NATURAL("districts"), "meeting": LOCAL("milestones")},
        rows=lambda process: RoundDeadline.objects.filter(round__process=process).select_related("district"),
    ),
    Part(
        "ballots",
        Ballot,
        {"round": LOCAL("round"), "district": NATURAL("districts"), "submitted_by": NATURAL("users")},
        rows=lambda process: Ballot.objects.filter(round__process=process).select_related("district", "submitted_by"),
    ),
    Part(
        "ballot_choices",
        BallotChoice,
        {"ballot": LOCAL("ballots"), "priority": LOCAL("priorities")},
        rows=lambda process: BallotChoice.objects.filter(ballot__round__process=process),
    ),
    Part(
        "bbg_decision",
        BbgDecision,
        {"round": LOCAL("round"), "meeting": LOCAL("milestones"), "confirmed_by": NATURAL("users")},
        rows=lambda process: BbgDecision.objects.filter(round__process=process),
    ),
    Part(
        "decision_priorities",
        DecisionPriority,
        {"decision": LOCAL("bbg_decision"), "priority": LOCAL("priorities")},
        rows=lambda process: DecisionPriority.objects.filter(decision__round__process=process),
    ),
    Part(
        "passed_over",
        PassedOver,
        {"decision": LOCAL("bbg_decision"), "priority": LOCAL("priorities")},
        rows=lambda process: PassedOver.objects.filter(decision__round__process=process),
    ),
    Part(
        "goals",
        Goal,
        {"process": PROCESS, "priority": LOCAL("priorities")},
        rows=lambda process: process.goals.all(),
    ),
    Part(
        "goal_roles",
        GoalPartnerRole,
        {"goal": LOCAL("goals")},
        rows=lambda process: GoalPartnerRole.objects.filter(goal__process=process),
    ),
    Part("document", Document, {"process": PROCESS}, rows=lambda process: Document.objects.filter(process=process)),
    Part(
        "document_versions",
        DocumentVersion,
        {"document": LOCAL("document"), "created_by": NATURAL("users")},
        rows=lambda process: DocumentVersion.objects.filter(document__process=process).select_related("created_by"),
    ),
    Part(
        "document_transitions",
        DocumentTransition,
        {"document": LOCAL("document"), "version": LOCAL("document_versions"), "by": NATURAL("users")},
        rows=lambda process: DocumentTransition.objects.filter(document__process=process).select_related("by"),
    ),
    Part(
        "community_officer_plans",
        CommunityOfficerPlan,
        {"process": PROCESS, "municipality": NATURAL("municipalities")},
        rows=lambda process: process.community_officer_plans.select_related("municipality"),
    ),
    Part(
        "reminder_settings",
        ReminderSettings,
        {"process": PROCESS},
        rows=lambda process: ReminderSettings.objects.filter(process=process),
    ),
]
PARTS_BY_NAME = {part.name: part for part in PARTS}


def unexported_models() -> list[str]:
    """Models of the project that are neither exported nor knowingly left out: a new model must choose."""
    exported = {part.model._meta.label for part in PARTS}
    return sorted(
        model._meta.label
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        if model._meta.label not in exported
        and model._meta.label not in NOT_EXPORTED
        and not model.__name__.startswith("Historical")
    )


def _fields(part: Part) -> list[models.Field]:
    """The fields written for a part: every concrete and many-to-many field but the primary key."""
    meta = part.model._meta
    chosen = [f for f in [*meta.concrete_fields, *meta.many_to_many] if not f.primary_key]
    if part.fields:
        chosen = [f for f in chosen if f.name in part.fields]
    unknown = [f.name for f in chosen if f.is_relation and f.name not in part.refs]
    if unknown:
        # A relation added to a model must say how it is exported; never guess.
        raise BackupError(f"{meta.label}: no export rule for {', '.join(unknown)}")
    return chosen


# --- Export ----------------------------------------------------------------------------------------------------


@dataclass
class ExportResult:
    counts: dict[str, int]
    files: int
    warnings: list[str]


def _plain(value: Any) -> Any:
    """A field's value as JSON, losing nothing (DjangoJSONEncoder would cut microseconds)."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _natural(part_name: str, obj) -> str:
    return getattr(obj, PARTS_BY_NAME[part_name].natural_key)


class _Exporter:
    def __init__(self, process: StrategyProcess, archive: zipfile.ZipFile):
        self.process = process
        self.archive = archive
        self.warnings: list[str] = []
        self.files = 0
        self.rows: dict[str, list] = {}
        self.ids: dict[str, set] = {}
        self.naturals: dict[str, dict] = {part.name: {} for part in PARTS if part.natural_key}

    def run(self) -> dict:
        for part in PARTS:
            if part.rows:
                self.rows[part.name] = list(part.rows(self.process).order_by("pk"))
                self.ids[part.name] = {obj.pk for obj in self.rows[part.name]}
        for part in PARTS:
            if part.rows:
                self._collect(part, self.rows[part.name])
        # Users name their district, bodies and municipalities theirs: collect from the last to the first.
        for part in reversed(PARTS):
            if part.natural_key:
                self._collect(part, list(self.naturals[part.name].values()))
        data = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "exported_at": timezone.now().isoformat(),
            "slug": self.process.slug,
        }
        for part in PARTS:
            if part.natural_key:
                objects = sorted(self.naturals[part.name].items())
                data[part.name] = [self._row(part, obj) for _, obj in objects]
            else:
                data[part.name] = [self._row(part, obj) for obj in self.rows[part.name]]
        return data

    def _collect(self, part: Part, objects) -> None:
        """Remember the reference data and users that rows refer to."""
        natural_fields = [f for f in _fields(part) if f.is_relation and part.refs[f.name].kind == "natural"]
        for obj in objects:
            for f in natural_fields:
                target_part = part.refs[f.name].part
                targets = getattr(obj, f.name).all() if f.many_to_many else [getattr(obj, f.name)]
                for target in targets:
                    if target is not None:
                        self.naturals[target_part][_natural(target_part, target)] = target

    def _row(self, part: Part, obj) -> dict:
        row = {} if part.natural_key else {"id": obj.pk}
        for f in _fields(part):
            if f.many_to_many:
                ref = part.refs[f.name]
                if ref.kind != "skip":
                    keys = (self._ref(part, f, ref, target) for target in getattr(obj, f.name).all())
                    row[f.name] = sorted(key for key in keys if key is not None)
            elif f.is_relation:
                ref = part.refs[f.name]
                if ref.kind == "local":
                    # The key alone is enough: no query for the row it points to.
                    key = getattr(obj, f.attname)
                    row[f.name] = None if key is None else self._local(part, f, ref, key)
                elif ref.kind != "process":
                    target = getattr(obj, f.name)
                    row[f.name] = None if target is None else self._ref(part, f, ref, target)
            elif isinstance(f, models.FileField):
                row[f.name] = self._file(part, obj, f)
            else:
                row[f.name] = _plain(f.value_from_object(obj))
        return row

    def _ref(self, part: Part, f, ref: Ref, target):
        if ref.kind == "natural":
            return _natural(ref.part, target)
        if ref.kind == "process_slug":
            return target.slug
        if ref.kind == "priority":
            return {"process": target.process.slug, "title": target.title}
        return self._local(part, f, ref, target.pk)

    def _local(self, part: Part, f, ref: Ref, key: int) -> int | None:
        if key not in self.ids[ref.part]:
            where = f"{part.name}: {f.name} points to {ref.part} {key}, outside the process"
            if f.many_to_many or f.null:
                self.warnings.append(f"{where}; left empty.")
                return None
            raise BackupError(f"{where}.")
        return key

    def _file(self, part: Part, obj, f) -> dict | None:
        stored = getattr(obj, f.name)
        if not stored:
            return None
        try:
            with stored.open("rb") as handle:
                content = handle.read()
        except OSError:
            self.warnings.append(f"{part.name} {obj}: file {stored.name} is missing from storage; not exported.")
            return None
        name = f"{FILES_DIR}/{part.name}/{obj.pk}/{posixpath.basename(stored.name)}"
        self.archive.writestr(name, content)
        self.files += 1
        return {"file": name, "sha256": hashlib.sha256(content).hexdigest()}


def export_process(process: StrategyProcess, destination) -> ExportResult:
    """Write ``process`` and everything in it to ``destination`` (a path or a binary file) as a zip archive."""
    with transaction.atomic(), zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        exporter = _Exporter(process, archive)
        data = exporter.run()
        archive.writestr(DATA_NAME, json.dumps(data, ensure_ascii=False, indent=1))
    counts = {part.name: len(data[part.name]) for part in PARTS}
    return ExportResult(counts=counts, files=exporter.files, warnings=exporter.warnings)


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
        fields = _fields(part)
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
