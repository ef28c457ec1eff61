"""Dutch dates and periods, as the planning note writes them: read ("4 april 2018", "juli - augustus 2018") and
written back in the same words. Shared by every app that shows or reads a date.

A milestone happens on a day ("4 april 2018") or in a period: a month ("november 2018"), a month range
("juli - augustus 2018", "december 2018 - januari 2019"), or a part of a year ("begin 2019", "medio 2019",
"eind 2018"). Each is stored as a first and a last day plus its precision, which sorts correctly and reads back
in the same words.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
MONTH_ALIASES = {
    **{name: number for number, name in enumerate(MONTHS, start=1)},
    **{name[:3]: number for number, name in enumerate(MONTHS, start=1)},
    "mrt": 3, "sept": 9, "okt": 10,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}  # fmt: skip

# The months a part of a year stands for.
YEAR_PARTS = {"begin": (1, 2), "medio": (6, 7), "eind": (11, 12)}
YEAR_PART_ALIASES = {"begin": "begin", "start": "begin", "medio": "medio", "midden": "medio", "eind": "eind"}


class Precision(models.TextChoices):
    DAY = "day", _("dag")
    MONTH = "month", _("maand")
    MONTHS = "months", _("maanden")
    EARLY = "early", _("begin van het jaar")
    MID = "mid", _("midden van het jaar")
    LATE = "late", _("eind van het jaar")


PART_PRECISION = {"begin": Precision.EARLY, "medio": Precision.MID, "eind": Precision.LATE}
PRECISION_PART = {precision: part for part, precision in PART_PRECISION.items()}


class PeriodError(ValueError):
    """Raised with a Dutch message for the user when a date or period cannot be read."""


@dataclass(frozen=True)
class When:
    starts_on: datetime.date
    ends_on: datetime.date
    precision: str

    def __str__(self) -> str:
        return format_when(self.starts_on, self.ends_on, self.precision)


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _month(word: str) -> int:
    try:
        return MONTH_ALIASES[word.rstrip(".")]
    except KeyError:
        raise PeriodError(gettext("'%(word)s' is geen maand.") % {"word": word}) from None


def _year(word: str) -> int:
    year = int(word)
    if not 1900 <= year <= 2200:
        raise PeriodError(gettext("%(word)s is geen geldig jaar.") % {"word": word})
    return year


def _day(year: int, month: int, day: int) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise PeriodError(
            gettext("%(day)s-%(month)s-%(year)s bestaat niet.") % {"day": day, "month": month, "year": year}
        ) from None


_DAY_WORDS = re.compile(r"^(\d{1,2}) ([a-z.]+) (\d{4})$")
_DAY_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DAY_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^([a-z.]+) (\d{4})$")
_MONTH_RANGE = re.compile(r"^([a-z.]+)(?: (\d{4}))? - ([a-z.]+) (\d{4})$")
_YEAR_PART = re.compile(r"^([a-z]+) (\d{4})$")


def parse_when(text: str) -> When:
    """Read a day or a period written in Dutch. Raises PeriodError with a message for the user."""
    value = " ".join(str(text).lower().replace("\u2013", "-").split())
    if not value:
        raise PeriodError(gettext("Vul een datum of periode in."))

    if match := _DAY_ISO.match(value):
        year, month, day = (int(part) for part in match.groups())
        date = _day(year, month, day)
        return When(date, date, Precision.DAY)
    if match := _DAY_NUMERIC.match(value):
        day, month, year = (int(part) for part in match.groups())
        date = _day(year, month, day)
        return When(date, date, Precision.DAY)
    value = " ".join(re.sub(r"\s*(-|t/m|tot en met)\s*", " - ", value).split())
    if match := _DAY_WORDS.match(value):
        day, month_word, year_word = match.groups()
        date = _day(_year(year_word), _month(month_word), int(day))
        return When(date, date, Precision.DAY)
    if (match := _YEAR_PART.match(value)) and match.group(1) in YEAR_PART_ALIASES:
        part = YEAR_PART_ALIASES[match.group(1)]
        year = _year(match.group(2))
        first, last = YEAR_PARTS[part]
        return When(datetime.date(year, first, 1), _month_end(year, last), PART_PRECISION[part])
    if match := _MONTH.match(value):
        month, year = _month(match.group(1)), _year(match.group(2))
        return When(datetime.date(year, month, 1), _month_end(year, month), Precision.MONTH)
    if match := _MONTH_RANGE.match(value):
        first_word, first_year_word, last_word, last_year_word = match.groups()
        last_year = _year(last_year_word)
        first_year = _year(first_year_word) if first_year_word else last_year
        first_month, last_month = _month(first_word), _month(last_word)
        starts_on = datetime.date(first_year, first_month, 1)
        ends_on = _month_end(last_year, last_month)
        if ends_on < starts_on:
            raise PeriodError(gettext("Het einde van de periode ligt vóór het begin."))
        precision = Precision.MONTH if starts_on.replace(day=1) == ends_on.replace(day=1) else Precision.MONTHS
        return When(starts_on, ends_on, precision)
    raise PeriodError(
        gettext(
            "'%(text)s' is geen datum of periode die het portaal herkent. Schrijf bijvoorbeeld '4 april 2018', "
            "'november 2018', 'juli - augustus 2018', 'begin 2019' of 'eind 2018'."
        )
        % {"text": text}
    )


def format_date(date: datetime.date) -> str:
    """'4 april 2018'."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def format_when(starts_on: datetime.date, ends_on: datetime.date, precision: str) -> str:
    """The words for a stored day or period, the inverse of parse_when."""
    if precision == Precision.DAY:
        return format_date(starts_on)
    if precision in PRECISION_PART:
        return f"{PRECISION_PART[precision]} {starts_on.year}"
    first = MONTHS[starts_on.month - 1]
    if precision == Precision.MONTH:
        return f"{first} {starts_on.year}"
    last = MONTHS[ends_on.month - 1]
    if starts_on.year == ends_on.year:
        return f"{first} - {last} {ends_on.year}"
    return f"{first} {starts_on.year} - {last} {ends_on.year}"


def check_year(year: int) -> int:
    """Refuse a year that no date can have (past 9999 or before 1), code ``date_out_of_range``."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise ValidationError(
            gettext("Dat valt buiten de kalender: een datum ligt uiterlijk in het jaar %(max)s (nu %(year)s).")
            % {"max": datetime.MAXYEAR, "year": year},
            code="date_out_of_range",
        )
    return year


def shift_years(date: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year. A year past 9999 is
    refused (``check_year``)."""
    year = check_year(date.year + years)
    try:
        return date.replace(year=year)
    except ValueError:
        return date.replace(year=year, day=28)
