import pytest
from django.core.exceptions import ValidationError

from documents import services
from documents.models import CommunityOfficerPlan
from documents.selectors import capacity_rows, capacity_totals, draft_content, officer_norm
from planning.models import Municipality


@pytest.mark.parametrize(("population", "norm"), [(None, None), (1, 1), (5000, 1), (5001, 2), (157_215, 32)])
def test_the_norm_is_one_per_5000_rounded_up(population, norm):
    assert officer_norm(population) == norm


def test_rows_cover_all_78_municipalities_with_unknown_populations_flagged(process):
    rows = capacity_rows(process)
    assert len(rows) == 78
    unknown = {row.municipality: row for row in rows if row.population is None}
    assert set(unknown) == {"Geldermalsen", "Lingewaal", "Neerijnen"}
    assert all(row.norm is None and row.shortfall is None for row in unknown.values())


def test_shortfall_is_flagged_and_unknown_populations_left_out_of_the_totals(process, staff):
    arnhem = Municipality.objects.get(name="Arnhem")
    geldermalsen = Municipality.objects.get(name="Geldermalsen")
    norm = officer_norm(arnhem.population)
    services.officer_plans_save(process=process, user=staff, officers={arnhem.pk: norm - 3, geldermalsen.pk: 6})
    rows = {row.municipality: row for row in capacity_rows(process)}
    assert (rows["Arnhem"].norm, rows["Arnhem"].planned, rows["Arnhem"].shortfall) == (norm, norm - 3, 3)
    assert (rows["Geldermalsen"].planned, rows["Geldermalsen"].norm, rows["Geldermalsen"].shortfall) == (6, None, None)
    totals = capacity_totals(list(rows.values()))
    assert totals.municipalities == 75
    assert totals.planned == norm - 3  # Geldermalsen's six are not in the totals
    assert totals.planned_where_unknown == 6
    assert totals.short_municipalities == ["Arnhem"]
    assert totals.unknown_population == ["Geldermalsen", "Lingewaal", "Neerijnen"]
    known = sum(m.population for m in Municipality.objects.exclude(population=None))
    assert totals.population == known


def test_the_capacity_section_shows_the_shortfall_and_the_note(process, document, staff):
    arnhem = Municipality.objects.get(name="Arnhem")
    services.officer_plans_save(process=process, user=staff, officers={arnhem.pk: 1})
    section = next(s for s in draft_content(document).sections if s.key == "capacity")
    assert "tekort: " in section.html
    assert "onbekend (inwonertal ontbreekt)" in section.html
    assert "van Geldermalsen, Lingewaal, Neerijnen is het inwonertal niet bekend" in section.html
    assert "tellen niet mee in de totalen" in section.html


def test_saving_changes_only_what_differs_and_none_removes(process, staff):
    arnhem = Municipality.objects.get(name="Arnhem")
    assert services.officer_plans_save(process=process, user=staff, officers={arnhem.pk: 10}) == 1
    assert services.officer_plans_save(process=process, user=staff, officers={arnhem.pk: 10}) == 0
    assert services.officer_plans_save(process=process, user=staff, officers={arnhem.pk: None}) == 1
    assert not CommunityOfficerPlan.objects.exists()
    assert CommunityOfficerPlan.history.count() == 2
    with pytest.raises(ValidationError):
        services.officer_plans_save(process=process, user=staff, officers={arnhem.pk: -1})
