"""Starting a process with its standard phases, and copying an earlier process's planning years later."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.dates import Precision
from planning.models import Action, Milestone, Phase, StrategyProcess
from planning.services import DEFAULT_PHASES, process_copy, process_create, process_reschedule
from tests.planning.factories import (
    ActionFactory,
    BodyFactory,
    MilestoneFactory,
    PersonFactory,
    PhaseFactory,
    StrategyProcessFactory,
)

pytestmark = pytest.mark.django_db


def test_process_create_adds_the_seven_standard_phases_in_order():
    predecessor = StrategyProcessFactory(short_name="VS 2015-2018", period_start_year=2015, period_end_year=2018)

    process = process_create(
        title="Veiligheidsstrategie 2023-2026",
        short_name="VS 2023-2026",
        slug="vs-2023-2026",
        period_start_year=2023,
        period_end_year=2026,
        predecessor=predecessor,
    )

    process.refresh_from_db()
    assert process.predecessor == predecessor
    assert process.period_display == "2023-2026"
    assert list(process.phases.values_list("order", "name")) == [
        (1, "Scan en lange lijst"),
        (2, "Keuze DVO's"),
        (3, "Top vijf BBG"),
        (4, "Doelstellingen"),
        (5, "Vaststelling"),
        (6, "Bestuurlijke nota en MJB"),
        (7, "MJB en VS naar gemeenteraden"),
    ]
    assert len(DEFAULT_PHASES) == 7
    assert Phase.history.filter(process_id=process.pk).count() == 7


def test_process_create_refuses_a_period_ending_before_it_starts():
    with pytest.raises(ValidationError) as error:
        process_create(title="X", short_name="X", slug="x", period_start_year=2026, period_end_year=2023)

    assert "Het laatste jaar ligt vóór het eerste jaar." in str(error.value)
    assert not StrategyProcess.objects.filter(slug="x").exists()


def test_process_create_refuses_a_slug_in_use():
    StrategyProcessFactory(slug="vs-2023-2026")

    with pytest.raises(ValidationError):
        process_create(
            title="X", short_name="VS nieuw", slug="vs-2023-2026", period_start_year=2023, period_end_year=2026
        )
    assert not StrategyProcess.objects.filter(short_name="VS nieuw").exists()


@pytest.fixture
def source():
    """A small VS 2019-2022 planning: phases, a period, days with a dependency, 29 February, an action."""
    process = StrategyProcessFactory(
        title="Veiligheidsstrategie 2019-2022", short_name="VS 2019-2022", slug="vs-2019-2022", description="Oud."
    )
    scan = PhaseFactory(process=process, name="Scan en lange lijst", order=1)
    choice = PhaseFactory(process=process, name="Keuze DVO's", order=2)
    body, person = BodyFactory(), PersonFactory()
    MilestoneFactory(
        process=process,
        phase=scan,
        title="Scan",
        starts_on=datetime.date(2018, 1, 1),
        ends_on=datetime.date(2018, 3, 31),
        precision=Precision.MONTHS,
        status=Milestone.Status.DONE,
    )
    dvo = MilestoneFactory(
        process=process, phase=choice, title="DVO NOG", starts_on=datetime.date(2018, 6, 28), body=body
    )
    bbg = MilestoneFactory(
        process=process,
        phase=choice,
        title="BBG top vijf",
        starts_on=datetime.date(2018, 6, 7),
        status=Milestone.Status.TENTATIVE,
        responsible_person=person,
        notes="Kijken of BBG naar juli kan.",
    )
    bbg.depends_on.add(dvo)
    MilestoneFactory(process=process, title="Schrikkeldag", starts_on=datetime.date(2016, 2, 29))
    MilestoneFactory(
        process=process,
        title="Februari",
        starts_on=datetime.date(2019, 2, 1),
        ends_on=datetime.date(2019, 2, 28),
        precision=Precision.MONTH,
        status=Milestone.Status.CANCELLED,
    )
    MilestoneFactory(
        process=process,
        title="Eind",
        starts_on=datetime.date(2018, 11, 1),
        ends_on=datetime.date(2018, 12, 31),
        precision=Precision.LATE,
        status=Milestone.Status.MOVED,
    )
    ActionFactory(
        process=process,
        milestone=bbg,
        title="Informeren Bruls",
        owner=person,
        due_on=datetime.date(2018, 6, 1),
        done_on=datetime.date(2018, 5, 30),
    )
    return process


def copy(source, years=4, **kwargs):
    names = {"title": "Veiligheidsstrategie 2023-2026", "short_name": "VS 2023-2026", "slug": "vs-2023-2026"}
    return process_copy(source=source, shift_years=years, **{**names, **kwargs})


def test_process_copy_makes_a_new_process_after_the_source(source):
    new = copy(source)

    assert (new.title, new.short_name, new.slug) == ("Veiligheidsstrategie 2023-2026", "VS 2023-2026", "vs-2023-2026")
    assert (new.period_start_year, new.period_end_year) == (2023, 2026)
    assert new.predecessor == source
    assert new.description == "Oud."
    assert list(new.phases.values_list("order", "name")) == [(1, "Scan en lange lijst"), (2, "Keuze DVO's")]


def test_process_copy_moves_days_and_periods_by_whole_years_keeping_their_precision(source):
    new = copy(source)

    when = {milestone.title: milestone.when_display for milestone in new.milestones.all()}
    assert when == {
        "Scan": "januari - maart 2022",
        "DVO NOG": "28 juni 2022",
        "BBG top vijf": "7 juni 2022",
        "Schrikkeldag": "29 februari 2020",
        "Februari": "februari 2023",
        "Eind": "eind 2022",
    }


def test_process_copy_by_five_years_turns_29_february_into_28_and_february_ends_on_the_29th(source):
    new = copy(source, years=5, short_name="VS 2024-2027", slug="vs-2024-2027")

    leap = Milestone.objects.get(process=new, title="Schrikkeldag")
    assert (leap.starts_on, leap.ends_on, leap.when_display) == (
        datetime.date(2021, 2, 28),
        datetime.date(2021, 2, 28),
        "28 februari 2021",
    )
    february = Milestone.objects.get(process=new, title="Februari")
    assert (february.starts_on, february.ends_on) == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    assert february.precision == Precision.MONTH


def test_process_copy_resets_statuses_but_keeps_tentative(source):
    new = copy(source)

    statuses = dict(new.milestones.values_list("title", "status"))
    assert statuses == {
        "Scan": "planned",
        "DVO NOG": "planned",
        "BBG top vijf": "tentative",
        "Schrikkeldag": "planned",
        "Februari": "planned",
        "Eind": "planned",
    }


def test_process_copy_keeps_phases_bodies_people_notes_and_dependencies_within_the_new_process(source):
    new = copy(source)

    bbg = Milestone.objects.get(process=new, title="BBG top vijf")
    old_bbg = Milestone.objects.get(process=source, title="BBG top vijf")
    assert bbg.phase.process == new
    assert bbg.phase.name == "Keuze DVO's"
    assert bbg.responsible_person == old_bbg.responsible_person
    assert bbg.notes == "Kijken of BBG naar juli kan."
    assert [(m.title, m.process_id) for m in bbg.depends_on.all()] == [("DVO NOG", new.pk)]
    assert (
        Milestone.objects.get(process=new, title="DVO NOG").body
        == Milestone.objects.get(title="DVO NOG", process=source).body
    )
    # The source is untouched.
    assert [m.process_id for m in old_bbg.depends_on.all()] == [source.pk]
    assert old_bbg.status == Milestone.Status.TENTATIVE
    assert Milestone.objects.filter(process=source).count() == 6


def test_process_copy_copies_actions_as_not_done(source):
    new = copy(source)

    action = Action.objects.get(process=new)
    assert action.title == "Informeren Bruls"
    assert action.due_on == datetime.date(2022, 6, 1)
    assert action.done_on is None
    assert action.milestone.process == new
    assert action.milestone.title == "BBG top vijf"


def test_process_copy_writes_history_including_dependencies(source):
    new = copy(source)

    bbg = Milestone.objects.get(process=new, title="BBG top vijf")
    record = bbg.history.get()
    assert record.history_type == "+"
    assert [link.to_milestone.title for link in record.depends_on.all()] == ["DVO NOG"]
    assert Action.history.filter(process_id=new.pk).count() == 1


def test_process_copy_refuses_a_short_name_in_use_and_leaves_nothing_behind(source):
    with pytest.raises(ValidationError):
        copy(source, short_name="VS 2019-2022")

    assert StrategyProcess.objects.count() == 1
    assert Milestone.objects.count() == 6


def test_process_copy_takes_a_fixed_number_of_queries(source, django_assert_max_num_queries):
    for number in range(30):
        other = MilestoneFactory(process=source, title=f"Extra {number}", starts_on=datetime.date(2018, 9, 1))
        other.depends_on.add(Milestone.objects.get(process=source, title="Scan"))
        ActionFactory(process=source)

    with django_assert_max_num_queries(25):
        new = copy(source)

    assert new.milestones.count() == 36
    assert Milestone.depends_on.through.objects.filter(from_milestone__process=new).count() == 31


@pytest.mark.django_db
def test_process_reschedule_moves_days_by_days_months_by_months_and_records_history():
    process = StrategyProcessFactory()
    day = MilestoneFactory(process=process, starts_on=datetime.date(2018, 4, 4))
    month = MilestoneFactory(
        process=process, starts_on=datetime.date(2018, 5, 1), ends_on=datetime.date(2018, 5, 31), precision="month"
    )
    before = day.history.count()
    process_reschedule(process=process, days=61)
    day.refresh_from_db()
    month.refresh_from_db()
    assert (day.starts_on, day.ends_on) == (datetime.date(2018, 6, 4), datetime.date(2018, 6, 4))
    assert (month.starts_on, month.ends_on) == (datetime.date(2018, 7, 1), datetime.date(2018, 7, 31))
    assert day.history.count() == before + 1
