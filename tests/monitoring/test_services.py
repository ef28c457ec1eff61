"""The monitoring's rules: units and ranges, moments inside the period, who enters values, all or nothing, the
status override with a reason, and the history of every value."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents.models import Goal
from monitoring import services
from monitoring.models import Indicator, Measurement, MeasurementMoment, ProgressStatus, Unit
from monitoring.services import IndicatorData, ValueData
from planning.models import District
from tests.planning.factories import ActionFactory, StrategyProcessFactory

from .factories import IndicatorFactory, adopted_goal, contact

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [e.code for errors in error.error_dict.values() for e in errors]
    return [e.code for e in error.error_list]


def refusal(function, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        function(**kwargs)
    return info.value


@pytest.mark.parametrize(
    ("unit", "raw", "expected"),
    [
        (Unit.NUMBER, "4.150", Decimal("4150")),  # Dutch: a point between thousands
        (Unit.NUMBER, "4.5", Decimal("4.5")),
        (Unit.NUMBER, "4150", Decimal("4150")),
        (Unit.PERCENTAGE, "12,5", Decimal("12.5")),
        (Unit.PERCENTAGE, "12,5%", Decimal("12.5")),
        (Unit.EUROS, "€ 50.000,00", Decimal("50000.00")),
        (Unit.YES_NO, "ja", Decimal(1)),
        (Unit.YES_NO, "Nee", Decimal(0)),
        (Unit.YES_NO, True, Decimal(1)),
    ],
)
def test_values_are_read_in_dutch_notation(unit, raw, expected):
    value = services.parse_value(raw, unit)
    assert value == expected


@pytest.mark.parametrize(
    ("unit", "raw", "code", "words"),
    [
        (Unit.PERCENTAGE, "140", "value_out_of_range", "tussen 0 en 100"),
        (Unit.PERCENTAGE, "-1", "value_out_of_range", "tussen 0 en 100"),
        (Unit.NUMBER, "veel", "value_not_a_number", "geen getal"),
        (Unit.NUMBER, "NaN", "value_not_a_number", "geen getal"),
        (Unit.NUMBER, "-3", "value_negative", "niet negatief"),
        (Unit.NUMBER, "1,234", "value_too_precise", "twee decimalen"),
        (Unit.EUROS, "1e20", "value_too_large", "te groot"),
        (Unit.YES_NO, "misschien", "value_not_yes_no", "‘ja’ of ‘nee’"),
        (Unit.YES_NO, "2", "value_not_yes_no", "‘ja’ of ‘nee’"),
        (Unit.NUMBER, "", "value_missing", "Vul een waarde in"),
    ],
)
def test_bad_values_are_refused_with_a_dutch_message(unit, raw, code, words):
    error = refusal(services.parse_value, raw=raw, unit=unit)
    assert codes(error) == [code]
    assert words in " ".join(error.messages)


def test_a_moment_outside_the_period_is_refused(process, staff):
    error = refusal(services.moment_create, process=process, user=staff, measured_on=datetime.date(2023, 1, 1))
    assert codes(error) == ["moment_outside_period"]
    assert "2019-2022" in error.messages[0]
    assert not MeasurementMoment.objects.exists()


def test_moments_are_generated_yearly_or_half_yearly_once(process, staff):
    made = services.moments_generate(process=process, user=staff)
    assert [m.measured_on for m in made] == [datetime.date(year, 12, 31) for year in range(2019, 2023)]
    more = services.moments_generate(process=process, user=staff, half_yearly=True)
    assert [m.measured_on for m in more] == [datetime.date(year, 6, 30) for year in range(2019, 2023)]
    assert MeasurementMoment.objects.filter(process=process).count() == 8
    assert refusal(services.moment_create, process=process, user=staff, measured_on=datetime.date(2019, 12, 31))


def test_only_staff_manage_moments(process, secretary):
    with pytest.raises(PermissionDenied):
        services.moment_create(process=process, user=secretary, measured_on=datetime.date(2019, 12, 31))


def test_a_moment_with_values_is_not_deleted(indicator, moments, staff):
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4100", source="Politie BVI")
    )
    error = refusal(services.moment_delete, moment=moments[0], user=staff)
    assert codes(error) == ["moment_has_values"]


def test_an_indicator_baseline_and_target_are_checked_against_its_unit(goal, staff):
    error = refusal(
        services.indicator_create,
        goal=goal,
        user=staff,
        data=IndicatorData(name="Opgehelderd", unit=Unit.PERCENTAGE, baseline="9", target="140"),
    )
    assert codes(error) == ["value_out_of_range"]
    assert error.error_dict.keys() == {"target"}
    error = refusal(
        services.indicator_create,
        goal=goal,
        user=staff,
        data=IndicatorData(name="Opgehelderd", unit=Unit.PERCENTAGE, baseline="9", target="9,0"),
    )
    assert codes(error) == ["indicator_target_is_baseline"]
    indicator = services.indicator_create(
        goal=goal, user=staff, data=IndicatorData(name="Opgehelderd", unit=Unit.PERCENTAGE, baseline="9", target="15")
    )
    assert (indicator.baseline, indicator.target, indicator.position) == (Decimal(9), Decimal(15), 1)
    assert indicator.history.first().history_user == staff


def test_the_unit_is_fixed_once_there_are_values(indicator, moments, staff):
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4100", source="Politie BVI")
    )
    error = refusal(
        services.indicator_update,
        indicator=indicator,
        user=staff,
        data=IndicatorData(name=indicator.name, unit=Unit.PERCENTAGE, baseline="10", target="20"),
    )
    assert codes(error) == ["indicator_unit_fixed"]


def test_a_value_is_stored_with_its_source_and_history(indicator, moments, staff):
    value = services.measurement_save(
        moment=moments[0],
        user=staff,
        data=ValueData(
            indicator=indicator, value="4.100,00", source="Politie BVI", provisional=True, remark="Q4 nog niet compleet"
        ),
    )
    assert (value.value, value.provisional, value.entered_by) == (Decimal(4100), True, staff)
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4050", source="Politie BVI")
    )
    value.refresh_from_db()
    assert (value.value, value.provisional) == (Decimal(4050), False)
    assert [row.value for row in value.history.order_by("history_id")] == [Decimal(4100), Decimal(4050)]
    assert Measurement.objects.count() == 1


def test_a_value_needs_a_source(indicator, moments, staff):
    error = refusal(
        services.measurement_save,
        moment=moments[0],
        user=staff,
        data=ValueData(indicator=indicator, value="1", source=" "),
    )
    assert codes(error) == ["source_missing"]


def test_a_too_long_remark_is_refused(indicator, moments, staff):
    error = refusal(
        services.measurement_save,
        moment=moments[0],
        user=staff,
        data=ValueData(indicator=indicator, value="1", source="BVI", remark="x" * 2001),
    )
    assert codes(error) == ["max_length"]


def test_district_values_only_for_a_regional_indicator(indicator, moments, staff, districts):
    error = refusal(
        services.measurement_save,
        moment=moments[0],
        user=staff,
        data=ValueData(indicator=indicator, value="800", source="BVI", district=districts["GLM"]),
    )
    assert codes(error) == ["measurement_area_not_allowed"]
    indicator.scope = Indicator.Scope.DISTRICT
    indicator.save()
    for district in District.objects.all():
        services.measurement_save(
            moment=moments[0],
            user=staff,
            data=ValueData(indicator=indicator, value="800", source="BVI", district=district),
        )
    assert Measurement.objects.filter(district__isnull=False).count() == District.objects.count()


def test_a_moment_of_another_process_is_refused(indicator, staff):
    other = StrategyProcessFactory(
        short_name="VS 2023-2026", slug="vs-2023-2026", period_start_year=2023, period_end_year=2026
    )
    moment = MeasurementMoment.objects.create(process=other, measured_on=datetime.date(2023, 12, 31), label="2023")
    error = refusal(
        services.measurement_save,
        moment=moment,
        user=staff,
        data=ValueData(indicator=indicator, value="1", source="BVI"),
    )
    assert codes(error) == ["moment_other_process"]


def test_a_goal_that_is_not_adopted_is_not_monitored(process, priorities, moments, staff):
    goal = adopted_goal(process, priorities[1], title="Nog in concept")
    Goal.objects.filter(pk=goal.pk).update(status=Goal.Status.CONCEPT)
    goal.refresh_from_db()
    indicator = IndicatorFactory(goal=goal)
    error = refusal(
        services.measurement_save,
        moment=moments[0],
        user=staff,
        data=ValueData(indicator=indicator, value="1", source="BVI"),
    )
    assert codes(error) == ["goal_not_adopted"]


def test_an_owner_contact_enters_own_goals_only(process, priorities, goal, indicator, moments, secretary):
    other_goal = adopted_goal(process, priorities[1], title="Cybercrime")
    other = IndicatorFactory(goal=other_goal)
    with pytest.raises(PermissionDenied):
        services.measurement_save(
            moment=moments[0], user=secretary, data=ValueData(indicator=indicator, value="1", source="BVI")
        )
    contact(goal, secretary)
    assert (
        services.measurement_save(
            moment=moments[0], user=secretary, data=ValueData(indicator=indicator, value="4100", source="BVI")
        ).entered_by
        == secretary
    )
    with pytest.raises(PermissionDenied):
        services.measurement_save(
            moment=moments[0], user=secretary, data=ValueData(indicator=other, value="1", source="BVI")
        )


def test_a_bbg_member_enters_nothing(indicator, moments, bbg_member):
    with pytest.raises(PermissionDenied):
        services.measurement_save(
            moment=moments[0], user=bbg_member, data=ValueData(indicator=indicator, value="1", source="BVI")
        )


def test_a_set_of_values_is_all_or_nothing_and_names_the_indicator(goal, indicator, moments, staff):
    second = IndicatorFactory(goal=goal, name="Opgehelderde inbraken", unit=Unit.PERCENTAGE, baseline=10, target=20)
    error = refusal(
        services.values_save,
        goal=goal,
        moment=moments[0],
        user=staff,
        values=[
            ValueData(indicator=indicator, value="4100", source="BVI"),
            ValueData(indicator=second, value="140", source="BVI"),
        ],
    )
    assert codes(error) == ["value_out_of_range"]
    assert "Opgehelderde inbraken:" in error.messages[0]
    assert not Measurement.objects.exists()


def test_the_override_needs_a_reason_and_returns_to_the_computed_status(goal, moments, staff, secretary):
    error = refusal(services.status_override, goal=goal, moment=moments[0], user=staff, status=ProgressStatus.BEHIND)
    assert codes(error) == ["status_reason_missing"]
    with pytest.raises(PermissionDenied):
        services.status_override(goal=goal, moment=moments[0], user=secretary, status="behind", reason="x")
    assessment = services.status_override(
        goal=goal, moment=moments[0], user=staff, status=ProgressStatus.BEHIND, reason="Cijfers 2019 onvolledig"
    )
    assert (assessment.override_status, assessment.override_reason) == ("behind", "Cijfers 2019 onvolledig")
    assessment = services.status_override(goal=goal, moment=moments[0], user=staff, status="")
    assert (assessment.override_status, assessment.override_reason) == ("", "")
    assert assessment.history.count() == 2


def test_the_explanation_links_actions_of_the_same_process(process, goal, moments, staff):
    action = ActionFactory(process=process, title="Keurmerk Veilig Wonen")
    foreign = ActionFactory(process=StrategyProcessFactory(short_name="Ander", slug="ander"))
    error = refusal(
        services.explanation_save, goal=goal, moment=moments[0], user=staff, explanation="Loopt", actions=[foreign]
    )
    assert codes(error) == ["action_other_process"]
    assessment = services.explanation_save(
        goal=goal, moment=moments[0], user=staff, explanation="Het keurmerk loopt.", actions=[action]
    )
    assert list(assessment.actions.all()) == [action]
