import datetime

import pytest

from core.dates import Precision
from planning.forms.milestones import MilestoneForm
from planning.models import Milestone
from tests.planning.factories import MilestoneFactory, PhaseFactory, StrategyProcessFactory

pytestmark = pytest.mark.django_db


def data(**overrides):
    values = {
        "title": "BBG bepaalt top vijf",
        "when": "7 juni 2018",
        "kind": Milestone.Kind.DECISION,
        "status": Milestone.Status.PLANNED,
    }
    values.update(overrides)
    return values


@pytest.mark.parametrize(
    ("text", "starts_on", "ends_on", "precision"),
    [
        ("4 april 2018", datetime.date(2018, 4, 4), datetime.date(2018, 4, 4), Precision.DAY),
        ("2018-06-07", datetime.date(2018, 6, 7), datetime.date(2018, 6, 7), Precision.DAY),
        ("juli - augustus 2018", datetime.date(2018, 7, 1), datetime.date(2018, 8, 31), Precision.MONTHS),
        ("november 2018", datetime.date(2018, 11, 1), datetime.date(2018, 11, 30), Precision.MONTH),
        ("begin 2019", datetime.date(2019, 1, 1), datetime.date(2019, 2, 28), Precision.EARLY),
        ("eind 2018", datetime.date(2018, 11, 1), datetime.date(2018, 12, 31), Precision.LATE),
    ],
)
def test_it_reads_days_and_periods(process, text, starts_on, ends_on, precision):
    form = MilestoneForm(data=data(when=text), process=process)
    assert form.is_valid(), form.errors
    milestone = form.save()
    assert (milestone.starts_on, milestone.ends_on, milestone.precision) == (starts_on, ends_on, precision)
    assert milestone.process == process


@pytest.mark.parametrize("text", ["ergens in 2018", "31 februari 2018", "augustus - juli 2018", ""])
def test_it_rejects_a_bad_period_with_a_dutch_message(process, text):
    form = MilestoneForm(data=data(when=text), process=process)
    assert not form.is_valid()
    message = form.errors["when"][0]
    assert any(word in message for word in ("datum of periode", "bestaat niet", "vóór het begin"))
    assert Milestone.objects.count() == 0


def test_it_asks_for_a_date(process):
    form = MilestoneForm(data=data(when=""), process=process)
    assert form.errors["when"] == ["Vul een datum of periode in."]


def test_initial_value_is_the_period_in_words(process):
    milestone = MilestoneFactory(
        process=process,
        starts_on=datetime.date(2018, 7, 1),
        ends_on=datetime.date(2018, 8, 31),
        precision=Precision.MONTHS,
    )
    form = MilestoneForm(instance=milestone, process=process)
    assert form["when"].value() == "juli - augustus 2018"
    assert form.fields["when"].label == "Datum of periode"


def test_choices_are_limited_to_the_process(process):
    other = StrategyProcessFactory()
    foreign_phase = PhaseFactory(process=other)
    foreign = MilestoneFactory(process=other)
    own = MilestoneFactory(process=process)
    form = MilestoneForm(instance=own, process=process)
    assert foreign_phase not in form.fields["phase"].queryset
    assert set(form.fields["phase"].queryset) == set(process.phases.all())
    assert foreign not in form.fields["depends_on"].queryset
    assert own not in form.fields["depends_on"].queryset  # not on itself


def test_it_refuses_a_dependency_on_another_process(process):
    foreign = MilestoneFactory(process=StrategyProcessFactory())
    form = MilestoneForm(data=data(depends_on=[foreign.pk]), process=process)
    assert not form.is_valid()
    assert "hetzelfde proces" in form.errors["depends_on"][0]


def test_it_refuses_a_phase_of_another_process(process):
    foreign_phase = PhaseFactory(process=StrategyProcessFactory())
    form = MilestoneForm(data=data(phase=foreign_phase.pk), process=process)
    assert not form.is_valid()
    assert form.errors["phase"] == ["Kies een fase van dit proces."]


def test_it_refuses_a_dependency_cycle(process):
    dvo = MilestoneFactory(process=process, title="DVO's kiezen zeven")
    bbg = MilestoneFactory(process=process, title="BBG top vijf")
    goals = MilestoneFactory(process=process, title="Doelstellingen")
    bbg.depends_on.add(dvo)
    goals.depends_on.add(bbg)
    # DVO would now depend on the goals, which (through the BBG) depend on the DVO.
    form = MilestoneForm(instance=dvo, data=data(title=dvo.title, depends_on=[goals.pk]), process=process)
    assert not form.is_valid()
    assert "kringloop" in form.errors["depends_on"][0]
    assert "Doelstellingen" in form.errors["depends_on"][0]
    assert not dvo.depends_on.exists()


def test_replacing_dependencies_is_no_cycle(process):
    first = MilestoneFactory(process=process)
    second = MilestoneFactory(process=process)
    milestone = MilestoneFactory(process=process)
    milestone.depends_on.add(first)
    form = MilestoneForm(instance=milestone, data=data(depends_on=[second.pk]), process=process)
    assert form.is_valid(), form.errors
    form.save()
    assert list(milestone.depends_on.all()) == [second]


def test_it_requires_a_title(process):
    form = MilestoneForm(data=data(title=""), process=process)
    assert not form.is_valid()
    assert form.errors["title"] == ["Geef de mijlpaal een titel."]


def test_nothing_is_saved_half(process, monkeypatch):
    dvo = MilestoneFactory(process=process)
    form = MilestoneForm(data=data(depends_on=[dvo.pk]), process=process)
    assert form.is_valid()

    def broken_set(manager, objs, **kwargs):
        raise RuntimeError("database weg")

    # The dependencies are written after the milestone, in the same transaction (planning.services_schedule).
    monkeypatch.setattr(Milestone.depends_on.related_manager_cls, "set", broken_set)
    with pytest.raises(RuntimeError):
        form.save()
    assert Milestone.objects.filter(title="BBG bepaalt top vijf").count() == 0
