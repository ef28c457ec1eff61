"""Any regional unit runs its own instance: `import_reference_data` reads a unit's districts, municipalities and
population (with source and year) from CSV, all or nothing, with Dutch messages naming line and column. The
Oost-Nederland file is one such input; a second, small unit is loaded and runs a DVO round."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role
from planning.models import Body, District, Milestone, Municipality
from planning.reference_data import DATA_FILE
from planning.reference_import import ReferenceDataError, parse_reference_csv
from sitesettings.selectors import site_settings
from tests.accounts.factories import UserFactory
from tests.planning.factories import MilestoneFactory, StrategyProcessFactory
from tests.voting.factories import make_frozen_long_list
from voting import selectors, services

pytestmark = pytest.mark.django_db

SMALL_UNIT = """\
district_code;district_name;veiligheidsregio;municipality;cbs_code;population;population_year;population_source
ZL;Zeeland;Zeeland;Middelburg;GM0687;48544;2020;CBS, tabel 03759ned
ZL;Zeeland;Zeeland;Vlissingen;GM0718;44485;2020;CBS, tabel 03759ned
WB;West-Brabant;Midden- en West-Brabant;Breda;GM0758;184126;2020;CBS, tabel 03759ned
WB;West-Brabant;Midden- en West-Brabant;Roosendaal;GM1674;;;
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "eenheid.csv"
    path.write_text(text, encoding="utf-8")
    return path


def import_file(path, *args):
    out = StringIO()
    call_command("import_reference_data", str(path), *args, stdout=out)
    return out.getvalue()


def test_the_oost_nederland_file_is_one_such_input():
    before = {m.cbs_code: (m.population, m.district.code) for m in Municipality.objects.select_related("district")}

    output = import_file(DATA_FILE, "--source", "CBS, tabel 70748ned")

    assert output.startswith("5 districten en 78 gemeenten ingelezen")
    after = {m.cbs_code: (m.population, m.district.code) for m in Municipality.objects.select_related("district")}
    assert after == before
    arnhem = Municipality.objects.get(name="Arnhem")
    assert (arnhem.population_date, arnhem.population_source) == (datetime.date(2018, 1, 1), "CBS, tabel 70748ned")
    assert Municipality.objects.get(name="Neerijnen").population is None  # unknown stays unknown
    assert list(District.objects.order_by("order").values_list("code", flat=True)) == [
        "GLM",
        "GLZ",
        "TWN",
        "IJSS",
        "NOG",
    ]


def test_a_bad_file_is_refused_whole_with_line_and_column_in_dutch(tmp_path):
    text = SMALL_UNIT.replace("GM0718", "GM71").replace("184126", "veel").replace(";Middelburg;", ";;")
    before = Municipality.objects.count()

    with pytest.raises(CommandError) as refused:
        import_file(write(tmp_path, text), "--replace")

    message = str(refused.value)
    assert message.startswith("Niets ingelezen:")
    assert "Regel 2, kolom ‘municipality’: leeg; vul dit in." in message
    assert "Regel 3, kolom ‘cbs_code’: ‘GM71’ is geen CBS-gemeentecode (GM en vier cijfers)." in message
    assert "Regel 4, kolom ‘population’: ‘veel’ is geen inwonertal" in message
    assert Municipality.objects.count() == before
    assert not District.objects.filter(code="ZL").exists()


def test_a_missing_column_and_a_duplicate_code_are_named(tmp_path):
    with pytest.raises(ReferenceDataError) as missing:
        parse_reference_csv("district_code,municipality,cbs_code,population_2020\nZL,Goes,GM0664,38000\n")
    assert missing.value.errors == ["Regel 1, kolom ‘district_name’: deze kolom ontbreekt."]

    with pytest.raises(ReferenceDataError) as duplicate:
        parse_reference_csv(SMALL_UNIT.replace("GM0758", "GM0687"))
    assert duplicate.value.errors == ["Regel 4, kolom ‘cbs_code’: GM0687 staat ook al op regel 2."]


def test_a_population_without_a_year_is_refused(tmp_path):
    with pytest.raises(ReferenceDataError) as refused:
        parse_reference_csv(
            "district_code,district_name,municipality,cbs_code,population\nZL,Zeeland,Goes,GM0664,38000\n"
        )

    assert refused.value.errors == [
        "Regel 2, kolom ‘population_year’: bij een inwonertal hoort een jaar (kolom of --year)."
    ]


def test_a_second_unit_replaces_the_first_on_a_fresh_installation_and_runs_a_round(tmp_path):
    output = import_file(write(tmp_path, SMALL_UNIT), "--replace")

    assert "2 districten en 4 gemeenten ingelezen; verwijderd: GLM, GLZ, IJSS, NOG, TWN." in output
    assert sorted(District.objects.values_list("code", flat=True)) == ["WB", "ZL"]
    assert sorted(Body.objects.filter(kind=Body.Kind.DVO).values_list("short_name", flat=True)) == ["DVO WB", "DVO ZL"]
    breda = Municipality.objects.get(cbs_code="GM0758")
    assert (breda.population, breda.population_date, breda.population_source) == (
        184126,
        datetime.date(2020, 1, 1),
        "CBS, tabel 03759ned",
    )
    assert Municipality.objects.get(name="Roosendaal").population is None
    settings_row = site_settings()
    settings_row.network_name = "Veiligheidsnetwerk Zeeland-West-Brabant"
    settings_row.save()

    # A round in the new unit: each of its two DVOs chooses seven of ten.
    staff = UserFactory(username="staf-zwb", role=Role.STAFF)
    process = StrategyProcessFactory(slug="vs-zwb-2023-2026", short_name="VS ZWB 2023-2026")
    priorities = make_frozen_long_list(process)
    districts = {district.code: district for district in District.objects.all()}
    for code, day in (("ZL", 10), ("WB", 17)):
        MilestoneFactory(
            process=process,
            title=f"DVO {code}",
            kind=Milestone.Kind.MEETING,
            body=Body.objects.get(short_name=f"DVO {code}"),
            starts_on=datetime.date(2030, 4, day),
        )
    voting_round = services.round_create(process=process, user=staff)
    assert voting_round.deadlines.count() == 2
    services.round_open(round=voting_round, user=staff)
    for code, chosen in (("ZL", priorities[:7]), ("WB", priorities[2:9])):
        secretary = UserFactory(role=Role.DVO_SECRETARY, district=districts[code])
        services.ballot_submit(
            round=voting_round, district=districts[code], user=secretary, priority_ids=[p.pk for p in chosen]
        )
    services.round_close(round=voting_round, user=staff)

    result = selectors.round_result(voting_round)
    assert result.tally.dvo_total == 2
    top = result.tally.results[0]
    assert top.priority.id in {p.pk for p in priorities[2:7]}
    assert top.dvo_count == 2
