"""The monitoring pages: what each role sees and may do, the values form (all or nothing, Dutch refusals), the
dashboard's filters and charts, the override, the export; and the query counts."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from monitoring import services
from monitoring.models import Measurement, ProgressAssessment, Unit
from monitoring.services import ValueData
from tests.planning.factories import ActionFactory, StrategyProcessFactory

from .factories import IndicatorFactory, adopted_goal, contact

pytestmark = pytest.mark.django_db


def url(name, process, **kwargs):
    return reverse(f"monitoring:{name}", kwargs={"slug": process.slug, **kwargs})


def test_the_dashboard_shows_every_goal_with_its_chart_and_status(
    client, process, goal, indicator, moments, staff, bbg_member
):
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4000", source="BVI")
    )
    client.force_login(bbg_member)
    page = client.get(url("dashboard", process)).content.decode()
    assert "Woninginbraken terugdringen" in page
    assert "<svg" in page
    assert "Aangiften van woninginbraak" in page
    assert "op koers" in page  # 25% of the way after a quarter of the time
    assert "4.000" in page  # the table version
    assert "Meetmomenten</a>" not in page  # staff's link


def test_the_dashboard_filters_by_status(client, process, priorities, goal, indicator, moments, staff):
    other = adopted_goal(process, priorities[1], title="Cybercrime aanpakken")
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4000", source="BVI")
    )
    client.force_login(staff)
    page = client.get(url("dashboard", process), {"status": "on_course"}).content.decode()
    assert "Woninginbraken terugdringen" in page
    assert other.title not in page
    page = client.get(url("dashboard", process), {"status": "none"}).content.decode()
    assert "Woninginbraken terugdringen" not in page
    assert other.title in page


def test_the_dashboard_costs_the_same_queries_for_more_goals(
    client, process, priorities, staff, moments, django_assert_max_num_queries
):
    for number, priority in enumerate(priorities[:5]):
        goal = adopted_goal(process, priority, title=f"Doel {number}")
        indicator = IndicatorFactory(goal=goal)
        for moment in moments:
            Measurement.objects.create(indicator=indicator, moment=moment, value=Decimal(4000), source="BVI")
    client.force_login(staff)
    with django_assert_max_num_queries(20):
        response = client.get(url("dashboard", process))
    assert response.content.decode().count("<svg") == 5


def test_a_goal_page_has_a_chart_a_table_and_the_rule(client, process, goal, indicator, moments, staff, secretary):
    services.measurement_save(
        moment=moments[1], user=staff, data=ValueData(indicator=indicator, value="3800", source="BVI", provisional=True)
    )
    client.force_login(secretary)
    page = client.get(url("goal", process, pk=goal.pk)).content.decode()
    assert 'role="img"' in page
    assert "<desc" in page
    assert "3.800" in page
    assert "voorlopig" in page
    assert "procentpunten" in page  # the rule, on the page
    assert "Waarden invullen" not in page  # not their goal


def test_an_owner_contact_enters_a_moments_values_and_explanation(client, process, goal, indicator, moments, secretary):
    contact(goal, secretary)
    action = ActionFactory(process=process, title="Keurmerk Veilig Wonen uitrollen")
    client.force_login(secretary)
    form = client.get(url("goal_values", process, pk=goal.pk), {"moment": moments[0].pk}).content.decode()
    assert "Aangiften van woninginbraak" in form
    assert "Keurmerk Veilig Wonen uitrollen" in form
    prefix = f"v{indicator.pk}-all-0"
    response = client.post(
        url("goal_values", process, pk=goal.pk),
        {
            "moment": moments[0].pk,
            f"{prefix}-value": "4.050",
            f"{prefix}-source": "Politie, BVI",
            f"{prefix}-provisional": "on",
            "explanation": "Het keurmerk loopt in twaalf gemeenten.",
            "actions": [action.pk],
        },
    )
    assert response.status_code == 302
    value = Measurement.objects.get()
    assert (value.value, value.provisional, value.entered_by) == (Decimal(4050), True, secretary)
    assessment = ProgressAssessment.objects.get()
    assert assessment.explanation == "Het keurmerk loopt in twaalf gemeenten."
    assert list(assessment.actions.all()) == [action]


def test_a_bad_value_is_refused_on_the_form_and_nothing_is_stored(client, process, goal, indicator, moments, staff):
    share = IndicatorFactory(goal=goal, name="Opgehelderde inbraken", unit=Unit.PERCENTAGE, baseline=10, target=20)
    client.force_login(staff)
    response = client.post(
        url("goal_values", process, pk=goal.pk),
        {
            "moment": moments[0].pk,
            f"v{indicator.pk}-all-0-value": "4100",
            f"v{indicator.pk}-all-0-source": "BVI",
            f"v{share.pk}-all-0-value": "140",
            f"v{share.pk}-all-0-source": "BVI",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Een percentage ligt tussen 0 en 100" in page
    assert "Niets opgeslagen" in page
    assert not Measurement.objects.exists()


def test_a_secretary_who_is_no_contact_gets_403_and_another_process_404(
    client, process, goal, moments, secretary, staff
):
    client.force_login(secretary)
    assert client.get(url("goal_values", process, pk=goal.pk)).status_code == 403
    other = StrategyProcessFactory(short_name="VS Ander", slug="vs-ander")
    client.force_login(staff)
    assert client.get(url("goal", other, pk=goal.pk)).status_code == 404


def test_staff_override_a_status_with_a_reason(client, process, goal, indicator, moments, staff):
    client.force_login(staff)
    response = client.post(url("goal_status", process, pk=goal.pk), {"moment": moments[0].pk, "status": "behind"})
    assert "Geef een reden" in response.content.decode()
    response = client.post(
        url("goal_status", process, pk=goal.pk),
        {"moment": moments[0].pk, "status": "behind", "reason": "De registratie is gewijzigd."},
    )
    assert response.status_code == 302
    page = client.get(url("goal", process, pk=goal.pk)).content.decode()
    assert "De registratie is gewijzigd." in page
    assert "achter" in page


def test_staff_add_moments_and_refusals_show_in_dutch(client, process, staff):
    client.force_login(staff)
    response = client.post(url("moment_list", process), {"measured_on": "1 januari 2030"})
    assert response.status_code == 400
    assert "binnen de periode 2019-2022" in response.content.decode()
    client.post(url("moment_list", process), {"generate": "1"})
    page = client.get(url("moment_list", process)).content.decode()
    assert "Peildatum 2019" in page
    assert "Peildatum 2022" in page


def test_staff_add_an_indicator_and_see_what_is_missing(client, process, goal, moments, staff, secretary):
    client.force_login(staff)
    response = client.post(
        url("goal_indicator_create", process, pk=goal.pk),
        {"name": "Opgehelderd", "unit": "percentage", "baseline": "9", "target": "140", "scope": "unit"},
    )
    assert "tussen 0 en 100" in response.content.decode()
    client.post(
        url("goal_indicator_create", process, pk=goal.pk),
        {"name": "Opgehelderd", "unit": "percentage", "baseline": "9", "target": "15", "scope": "unit"},
    )
    client.post(url("goal_contacts", process, pk=goal.pk), {"user": secretary.pk})
    page = client.get(url("missing", process)).content.decode()
    assert "Opgehelderd" in page
    assert str(secretary) in page
    assert "Peildatum 2019" in page


def test_the_export_holds_every_value(client, process, goal, indicator, moments, staff, bbg_member):
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4000", source="=HYPERLINK(1)")
    )
    client.force_login(bbg_member)
    response = client.get(url("values_xlsx", process))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][2:9] == (
        "Woninginbraken terugdringen",
        rows[1][3],
        "Aangiften van woninginbraak",
        "aantal",
        "hele eenheid",
        4000,
        "nee",
    )
    assert sheet.cell(row=2, column=10).data_type == "s"  # text, never a formula
