"""Dates and periods as the planning note writes them: reading, writing back, and their order."""

import datetime

import pytest

from core.dates import PeriodError, Precision, format_date, format_when, parse_when, shift_years
from planning.models import Milestone
from tests.planning.factories import MilestoneFactory, StrategyProcessFactory


@pytest.mark.parametrize(
    ("text", "starts_on", "ends_on", "precision"),
    [
        ("25 januari 2018", datetime.date(2018, 1, 25), datetime.date(2018, 1, 25), Precision.DAY),
        ("januari - maart 2018", datetime.date(2018, 1, 1), datetime.date(2018, 3, 31), Precision.MONTHS),
        ("juli - augustus 2018", datetime.date(2018, 7, 1), datetime.date(2018, 8, 31), Precision.MONTHS),
        ("november 2018", datetime.date(2018, 11, 1), datetime.date(2018, 11, 30), Precision.MONTH),
        ("eind 2018", datetime.date(2018, 11, 1), datetime.date(2018, 12, 31), Precision.LATE),
        ("begin 2019", datetime.date(2019, 1, 1), datetime.date(2019, 2, 28), Precision.EARLY),
        ("medio 2019", datetime.date(2019, 6, 1), datetime.date(2019, 7, 31), Precision.MID),
        ("december 2018 - januari 2019", datetime.date(2018, 12, 1), datetime.date(2019, 1, 31), Precision.MONTHS),
        ("29 februari 2020", datetime.date(2020, 2, 29), datetime.date(2020, 2, 29), Precision.DAY),
    ],
)
def test_it_reads_and_writes_back_the_same_words(text, starts_on, ends_on, precision):
    when = parse_when(text)

    assert (when.starts_on, when.ends_on, when.precision) == (starts_on, ends_on, precision)
    assert format_when(when.starts_on, when.ends_on, when.precision) == text
    assert parse_when(str(when)) == when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan – maart 2018", "januari - maart 2018"),
        ("4-4-2018", "4 april 2018"),
        ("2018-06-07", "7 juni 2018"),
        ("12 sept 2018", "12 september 2018"),
        ("Maart t/m april 2019", "maart - april 2019"),
        ("  Eind   2018 ", "eind 2018"),
        ("april 2019", "april 2019"),
    ],
)
def test_it_reads_the_notes_ways_of_writing(text, expected):
    assert str(parse_when(text)) == expected


def test_format_date_writes_dutch_words():
    assert format_date(datetime.date(2018, 4, 4)) == "4 april 2018"
    assert format_date(datetime.date(2018, 10, 31)) == "31 oktober 2018"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Vul een datum of periode in."),
        ("31 februari 2018", "31-2-2018 bestaat niet."),
        ("29 februari 2019", "29-2-2019 bestaat niet."),
        ("juni - april 2018", "Het einde van de periode ligt vóór het begin."),
        ("4 brumaire 2018", "'brumaire' is geen maand."),
        ("4 april 1800", "1800 is geen geldig jaar."),
        ("binnenkort", "'binnenkort' is geen datum of periode die het portaal herkent."),
    ],
)
def test_it_rejects_what_it_cannot_read_with_a_dutch_message(text, message):
    with pytest.raises(PeriodError) as error:
        parse_when(text)

    assert str(error.value).startswith(message)


def test_shift_years_keeps_the_day_and_turns_29_february_into_28():
    assert shift_years(datetime.date(2018, 6, 7), 4) == datetime.date(2022, 6, 7)
    assert shift_years(datetime.date(2020, 2, 29), 1) == datetime.date(2021, 2, 28)
    assert shift_years(datetime.date(2020, 2, 29), 4) == datetime.date(2024, 2, 29)


# The note's order. A period sorts by its first day, then its last: "januari - maart 2018" (from 1 January) comes
# before "25 januari 2018", as in the note, where the row "Jan - maart" holds the BBG of 25 January; "april - juni"
# comes before its DVO of 4 April; "november 2018" before "eind 2018" (November-December); "begin 2019" before
# "maart - april 2019", which comes before "april 2019" (it starts a month earlier).
NOTE_ORDER = [
    "januari - maart 2018",
    "25 januari 2018",
    "april - juni 2018",
    "4 april 2018",
    "19 april 2018",
    "23 april 2018",
    "7 juni 2018",
    "20 juni 2018",
    "28 juni 2018",
    "juli - augustus 2018",
    "12 september 2018",
    "31 oktober 2018",
    "november 2018",
    "eind 2018",
    "begin 2019",
    "maart - april 2019",
    "april 2019",
]


@pytest.mark.django_db
def test_milestones_sort_days_and_periods_in_the_notes_order():
    process = StrategyProcessFactory()
    for text in reversed(NOTE_ORDER):
        when = parse_when(text)
        MilestoneFactory(
            process=process, title=text, starts_on=when.starts_on, ends_on=when.ends_on, precision=when.precision
        )

    ordered = [milestone.when_display for milestone in Milestone.objects.filter(process=process)]

    assert ordered == NOTE_ORDER


@pytest.mark.django_db
def test_same_day_and_period_fall_back_to_creation_order():
    process = StrategyProcessFactory()
    first = MilestoneFactory(process=process, title="eerst", starts_on=datetime.date(2018, 6, 7))
    second = MilestoneFactory(process=process, title="daarna", starts_on=datetime.date(2018, 6, 7))

    assert list(Milestone.objects.filter(process=process)) == [first, second]
