"""Importing a regional unit's reference data from CSV: its districts (each with its DVO), municipalities and
their population with its source and year. Any of the ten police units can run its own instance this way;
Oost-Nederland's file (planning/data/municipalities_oost_nederland_2018.csv) is one such input.

Columns (a header row; order free; UTF-8, comma or semicolon):
- ``district_code``, ``district_name``, ``municipality``, ``cbs_code``: required;
- ``population`` with ``population_year``, or one column ``population_<year>`` (as in the Oost-Nederland file);
  an empty population stays unknown, it is never guessed;
- ``population_source``, ``veiligheidsregio``: optional (``--source`` gives one source for every row).

All or nothing: every row is checked first, and one bad row stores nothing. Each refusal names the line and the
column, in Dutch.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Body, District, Municipality

REQUIRED = ("district_code", "district_name", "municipality", "cbs_code")
CBS_CODE = re.compile(r"^GM\d{4}$")
DISTRICT_CODE = re.compile(r"^[A-Z][A-Z0-9]{0,7}$")
POPULATION_YEAR_COLUMN = re.compile(r"^population_(\d{4})$")
MAX_POPULATION = 10_000_000


class ReferenceDataError(Exception):
    """The file is refused; ``errors`` lists every problem found, each naming its line and column."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class UnitRow:
    line: int
    district_code: str
    district_name: str
    veiligheidsregio: str
    municipality: str
    cbs_code: str
    population: int | None
    population_year: int | None
    population_source: str


@dataclass
class ImportResult:
    districts: int = 0
    municipalities: int = 0
    removed: list[str] = field(default_factory=list)


def _error(line: int, column: str, message: str) -> str:
    return _("Regel %(line)s, kolom ‘%(column)s’: %(message)s") % {"line": line, "column": column, "message": message}


def parse_reference_csv(text: str, *, source: str = "", year: int | None = None) -> list[UnitRow]:
    """Read and check the whole file; raises ReferenceDataError with every problem, or returns the rows."""
    text = text.lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip() for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    errors = [_error(1, name, _("deze kolom ontbreekt.")) for name in REQUIRED if name not in header]
    year_columns = [(name, int(match.group(1))) for name in header if (match := POPULATION_YEAR_COLUMN.match(name))]
    if "population" in header:
        population_column, column_year = "population", None
    elif len(year_columns) == 1:
        population_column, column_year = year_columns[0]
    else:
        population_column, column_year = None, None
        errors.append(
            _error(
                1, "population", _("geef één kolom ‘population’, of één met het jaar erin, zoals ‘population_2018’.")
            )
        )
    if errors:
        raise ReferenceDataError(errors)

    rows: list[UnitRow] = []
    seen_codes: dict[str, int] = {}
    district_names: dict[str, tuple[str, int]] = {}
    for line, record in enumerate(reader, start=2):
        values = {key: (value or "").strip() for key, value in record.items() if key}
        if not any(values.values()):
            continue
        row_errors = []
        code = values["district_code"].upper()
        if not DISTRICT_CODE.match(code):
            row_errors.append(
                _error(
                    line,
                    "district_code",
                    _("‘%(value)s’ is geen districtcode (een hoofdletter, dan ten hoogste zeven letters of cijfers).")
                    % {"value": values["district_code"]},
                )
            )
        for column, limit in (
            ("district_name", 100),
            ("municipality", 100),
            ("veiligheidsregio", 100),
            ("population_source", 200),
        ):
            if column in REQUIRED and not values.get(column):
                row_errors.append(_error(line, column, _("leeg; vul dit in.")))
            elif len(values.get(column, "")) > limit:
                row_errors.append(_error(line, column, _("langer dan %(limit)s tekens.") % {"limit": limit}))
        cbs = values["cbs_code"].upper()
        if not CBS_CODE.match(cbs):
            row_errors.append(
                _error(
                    line,
                    "cbs_code",
                    _("‘%(value)s’ is geen CBS-gemeentecode (GM en vier cijfers).") % {"value": values["cbs_code"]},
                )
            )
        elif cbs in seen_codes:
            row_errors.append(
                _error(
                    line,
                    "cbs_code",
                    _("%(code)s staat ook al op regel %(other)s.") % {"code": cbs, "other": seen_codes[cbs]},
                )
            )
        else:
            seen_codes[cbs] = line
        if code in district_names and district_names[code][0] != values["district_name"]:
            name, other = district_names[code]
            row_errors.append(
                _error(
                    line,
                    "district_name",
                    _("district %(code)s heet op regel %(other)s ‘%(name)s’.")
                    % {"code": code, "other": other, "name": name},
                )
            )
        district_names.setdefault(code, (values["district_name"], line))
        population = None
        raw = values.get(population_column, "").replace(".", "").replace(" ", "")
        if raw:
            if not (raw.isascii() and raw.isdecimal()) or not 0 < int(raw) <= MAX_POPULATION:
                row_errors.append(
                    _error(
                        line,
                        population_column,
                        _("‘%(value)s’ is geen inwonertal (een geheel getal groter dan 0).")
                        % {"value": values.get(population_column)},
                    )
                )
            else:
                population = int(raw)
        row_year = column_year or year
        if values.get("population_year"):
            if (
                not (values["population_year"].isascii() and values["population_year"].isdecimal())
                or not 1900 <= int(values["population_year"]) <= 2100
            ):
                row_errors.append(
                    _error(
                        line,
                        "population_year",
                        _("‘%(value)s’ is geen jaartal.") % {"value": values["population_year"]},
                    )
                )
            else:
                row_year = int(values["population_year"])
        if population is not None and row_year is None:
            row_errors.append(
                _error(line, "population_year", _("bij een inwonertal hoort een jaar (kolom of --year)."))
            )
        errors += row_errors
        if not row_errors:
            rows.append(
                UnitRow(
                    line=line,
                    district_code=code,
                    district_name=values["district_name"],
                    veiligheidsregio=values.get("veiligheidsregio", ""),
                    municipality=values["municipality"],
                    cbs_code=cbs,
                    population=population,
                    population_year=row_year if population is not None else None,
                    population_source=(values.get("population_source") or source) if population is not None else "",
                )
            )
    if not errors and not rows:
        errors.append(_error(2, "municipality", _("het bestand bevat geen gemeenten.")))
    if errors:
        raise ReferenceDataError(errors)
    return rows


@transaction.atomic
def reference_data_import(*, rows: list[UnitRow], replace: bool = False) -> ImportResult:
    """Create or update the unit's districts (each with its DVO body) and municipalities from checked rows.

    Rule: all or nothing. With ``replace``, districts and municipalities that are not in the file are removed, and
    the import is refused when one of them is still in use (a plan, a ballot, a secretary): another unit's
    reference data never mixes with this one's.
    """
    result = ImportResult()
    districts: dict[str, District] = {}
    next_order = (District.objects.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    for row in rows:
        if row.district_code in districts:
            continue
        # An existing district keeps its place in the lists; a new one comes after the others, in file order.
        district, _created = District.objects.update_or_create(
            code=row.district_code,
            defaults={"name": row.district_name, "veiligheidsregio": row.veiligheidsregio},
            create_defaults={
                "name": row.district_name,
                "veiligheidsregio": row.veiligheidsregio,
                "order": next_order + len(districts),
            },
        )
        districts[row.district_code] = district
        Body.objects.update_or_create(
            short_name=f"DVO {district.code}",
            defaults={
                "name": f"Districtelijk Veiligheidsoverleg {district.name}",
                "kind": Body.Kind.DVO,
                "district": district,
            },
        )
    for row in rows:
        Municipality.objects.update_or_create(
            cbs_code=row.cbs_code,
            defaults={
                "district": districts[row.district_code],
                "name": row.municipality,
                "population": row.population,
                "population_date": datetime.date(row.population_year, 1, 1) if row.population_year else None,
                "population_source": row.population_source,
            },
        )
    result.districts, result.municipalities = len(districts), len(rows)
    if replace:
        from django.db.models import ProtectedError

        stale_municipalities = Municipality.objects.exclude(cbs_code__in=[row.cbs_code for row in rows])
        stale_districts = District.objects.exclude(code__in=list(districts))
        result.removed = sorted(stale_districts.values_list("code", flat=True))
        try:
            stale_municipalities.delete()
            Body.objects.filter(kind=Body.Kind.DVO, district__in=stale_districts).delete()
            stale_districts.delete()
        except ProtectedError as exc:
            raise ReferenceDataError(
                [
                    _("De oude gegevens zijn nog in gebruik en kunnen niet worden vervangen: %(what)s.")
                    % {"what": ", ".join(sorted({str(obj) for obj in exc.protected_objects})[:10])}
                ]
            ) from None
    return result
