"""Export one whole process to a single .zip file (archive/parts.py says what goes in)."""

import datetime
import hashlib
import json
import posixpath
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from planning.models import StrategyProcess

from .parts import (
    DATA_NAME,
    FILES_DIR,
    FORMAT,
    FORMAT_VERSION,
    PARTS,
    PARTS_BY_NAME,
    BackupError,
    Part,
    Ref,
    part_fields,
)

User = get_user_model()


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
        natural_fields = [f for f in part_fields(part) if f.is_relation and part.refs[f.name].kind == "natural"]
        for obj in objects:
            for f in natural_fields:
                target_part = part.refs[f.name].part
                targets = getattr(obj, f.name).all() if f.many_to_many else [getattr(obj, f.name)]
                for target in targets:
                    if target is not None:
                        self.naturals[target_part][_natural(target_part, target)] = target

    def _row(self, part: Part, obj) -> dict:
        row = {} if part.natural_key else {"id": obj.pk}
        for f in part_fields(part):
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
