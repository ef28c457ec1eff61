"""The demo scan: a plan with themes for every real municipality, the ambtelijke toets in mixed states, and the
sources' themes and confidentiality; the same every run."""

from collections import Counter
from decimal import Decimal

import pytest

from demo.loader import load_demo
from demo.scan import CHECK_SENT_ON, plan_spec
from planning.models import Municipality, StrategyProcess
from priorities.selectors import share_percent
from scan.models import MunicipalPlan, PlanTheme, Source

CHECK = MunicipalPlan.CheckStatus


def test_a_plan_spec_depends_only_on_the_municipality():
    first = plan_spec(name="Zwolle", cbs_code="GM0193", population=126116, check_rank=40)
    again = plan_spec(name="Zwolle", cbs_code="GM0193", population=126116, check_rank=40)
    other = plan_spec(name="Kampen", cbs_code="GM0166", population=53259, check_rank=40)
    assert first == again
    assert first != other
    assert "Zwolle" in first.title
    assert f"{first.period_start_year}-{first.period_end_year}" in first.title


@pytest.mark.django_db
def test_the_demo_scans_every_municipality_and_marks_the_confidential_sources():
    load_demo(create_users=False)
    process = StrategyProcess.objects.get(slug="vs-2019-2022")
    plans = list(MunicipalPlan.objects.filter(process=process).select_related("municipality"))
    rows = list(PlanTheme.objects.filter(plan__process=process).select_related("theme", "plan"))

    # Every one of the 78 real municipalities has one plan with a title, a period and 3 to 7 themes in own words.
    total = Municipality.objects.count()
    assert total == 78
    assert len(plans) == total
    assert {plan.municipality_id for plan in plans} == set(Municipality.objects.values_list("pk", flat=True))
    per_plan = Counter(row.plan_id for row in rows)
    for plan in plans:
        assert plan.municipality.name in plan.title
        assert 2015 <= plan.period_start_year < plan.period_end_year <= 2021
        assert 3 <= per_plan[plan.pk] <= 7, plan
    assert all(row.wording for row in rows)

    # Realistic frequencies: ondermijning in most plans, a few themes above two thirds, mensenhandel and
    # radicalisering in fewer.
    named = Counter(row.theme.name for row in rows)
    threshold = Decimal(process.majority_threshold)
    passing = {name for name, count in named.items() if share_percent(count, total) >= threshold}
    assert "Ondermijning" in passing
    assert 2 <= len(passing) <= 4
    assert named["Cybercrime"] >= total // 3
    assert named["Personen met verward gedrag"] >= total // 3
    assert named["Mensenhandel"] < total // 4
    assert named["Radicalisering"] < total // 4

    # The ambtelijke toets: two never sent, six sent and unanswered, twelve amended with an added theme.
    states = Counter(plan.check_status for plan in plans)
    assert states == {CHECK.NOT_SENT: 2, CHECK.SENT: 6, CHECK.AMENDED: 12, CHECK.ANSWERED: 58}
    added = {row.plan_id for row in rows if row.origin == PlanTheme.Origin.ADDED}
    for plan in plans:
        if plan.check_status == CHECK.NOT_SENT:
            assert plan.check_sent_on is None
            assert plan.check_answered_on is None
            continue
        assert plan.check_sent_on == CHECK_SENT_ON
        if plan.check_status == CHECK.SENT:
            assert plan.check_answered_on is None
        else:
            assert plan.check_answered_on > plan.check_sent_on
            assert plan.check_notes
        assert (plan.pk in added) == (plan.check_status == CHECK.AMENDED)

    # The sources: undermining reports and RIEC phenomena are confidential, the others not; each has themes.
    sources = {source.title: source for source in Source.objects.filter(process=process).prefetch_related("themes")}
    confidential = {title for title, source in sources.items() if source.confidentiality == "confidential"}
    assert confidential == {"Aanwezige ondermijningsbeelden", "Fenomenen RIEC"}
    assert sources["Nationaal Dreigingsbeeld 2017"].confidentiality == Source.Confidentiality.PUBLIC
    assert all(source.themes.all() for source in sources.values())
    assert "Ondermijning" in {theme.name for theme in sources["Fenomenen RIEC"].themes.all()}

    # A second run changes nothing, not even the history.
    before = _counts()
    result = load_demo(create_users=False)
    assert not result.changed_anything
    assert _counts() == before


def _counts() -> dict[str, int]:
    return {
        "plans": MunicipalPlan.objects.count(),
        "plan history": MunicipalPlan.history.count(),
        "themes": PlanTheme.objects.count(),
        "theme history": PlanTheme.history.count(),
        "source history": Source.history.count(),
        "source themes": Source.themes.through.objects.count(),
    }
