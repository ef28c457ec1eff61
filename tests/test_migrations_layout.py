"""The moves of the layout keep every row: the scan's models (planning -> scan) and the BBG's decision (voting ->
decisions), with their history, their many-to-many links and their content types.

The database is migrated back to the state before the moves with Django's MigrationExecutor, filled through the
models of that state, and migrated forward again; then every row must still be there, with the same ids and values,
read through today's models. Runs on SQLite and on PostgreSQL (CI).
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from decisions.models import BbgDecision, DecisionPriority, PassedOver
from priorities.models import Priority
from scan.models import MunicipalPlan, PlanTheme, Source, Theme
from voting.models import Ballot, Round

# The last migration of each app before the moves; the new apps had none.
BEFORE = [
    ("planning", "0004_theme_catalogue"),
    ("priorities", "0001_initial"),
    ("voting", "0001_initial"),
    ("scan", None),
    ("decisions", None),
]
WHEN = datetime.datetime(2018, 3, 1, 12, 0, tzinfo=datetime.UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    nodes = [target for target in targets if target[1] is not None]
    return executor.loader.project_state([*nodes, ("contenttypes", "0002_remove_content_type_name")]).apps


def fill_the_old_state(apps) -> dict:
    """Rows of every moved model, and of their history, made through the models as they were before the moves."""
    get = apps.get_model
    user = get("accounts", "User").objects.create(username="staf-migratie", role="staff")
    process = get("planning", "StrategyProcess").objects.create(
        title="VS migratie", short_name="VS migratie", slug="vs-migratie", period_start_year=2019, period_end_year=2022
    )
    municipality = get("planning", "Municipality").objects.order_by("pk").first()
    district = get("planning", "District").objects.order_by("pk").first()

    theme = get("planning", "Theme").objects.create(name="Migratiethema", description="Oud")
    plan = get("planning", "MunicipalPlan").objects.create(
        process=process, municipality=municipality, title="IVP", check_status="answered"
    )
    plan_theme = get("planning", "PlanTheme").objects.create(plan=plan, theme=theme, wording="In het plan")
    source = get("planning", "Source").objects.create(
        process=process, title="Geheim beeld", confidentiality="confidential"
    )
    source.themes.add(theme)
    priorities = [
        get("priorities", "Priority").objects.create(process=process, title=f"Prioriteit {n}", position=n)
        for n in range(1, 7)
    ]
    priorities[0].themes.add(theme)
    priorities[0].sources.add(source)

    round = get("voting", "Round").objects.create(process=process, status="closed")
    ballot = get("voting", "Ballot").objects.create(
        round=round, district=district, submitted_by=user, submitted_at=WHEN
    )
    decision = get("voting", "BbgDecision").objects.create(
        round=round, decided_on=datetime.date(2018, 7, 5), confirmed_at=WHEN, confirmed_by=user
    )
    for position, priority in enumerate(priorities[:5], start=1):
        get("voting", "DecisionPriority").objects.create(
            decision=decision, priority=priority, position=position, ambition=f"Ambitie {position}"
        )
    passed = get("voting", "PassedOver").objects.create(
        decision=decision, priority=priorities[5], justification="Lokaal"
    )

    history = {"history_date": WHEN, "history_type": "+", "history_user": user}
    get("planning", "HistoricalTheme").objects.create(id=theme.pk, name=theme.name, description="Oud", **history)
    get("planning", "HistoricalMunicipalPlan").objects.create(
        id=plan.pk, process=process, municipality=municipality, title="IVP", **history
    )
    historical_source = get("planning", "HistoricalSource").objects.create(
        id=source.pk, process=process, title=source.title, **history
    )
    link = source.themes.through.objects.get(source=source, theme=theme)
    get("planning", "HistoricalSource_themes").objects.create(
        id=link.pk, history=historical_source, source=source, theme=theme
    )
    get("voting", "HistoricalBbgDecision").objects.create(
        id=decision.pk, round=round, decided_on=decision.decided_on, **history
    )
    get("voting", "HistoricalPassedOver").objects.create(
        id=passed.pk, decision=decision, priority=priorities[5], justification="Lokaal", **history
    )

    # A content type of a moved model, as post_migrate made it on a running installation; reminders refer to it.
    content_type = get("contenttypes", "ContentType").objects.get_or_create(
        app_label="planning", model="municipalplan"
    )[0]
    return {
        "theme": theme.pk,
        "plan": plan.pk,
        "plan_theme": plan_theme.pk,
        "source": source.pk,
        "priority": priorities[0].pk,
        "round": round.pk,
        "ballot": ballot.pk,
        "decision": decision.pk,
        "passed": passed.pk,
        "content_type": content_type.pk,
    }


@pytest.mark.django_db(transaction=True)
def test_the_moves_keep_every_row_its_history_and_its_links():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        ids = fill_the_old_state(migrate(BEFORE))
    finally:
        migrate(latest)

    theme = Theme.objects.get(pk=ids["theme"])
    assert (theme.name, theme.description) == ("Migratiethema", "Oud")
    plan = MunicipalPlan.objects.get(pk=ids["plan"])
    assert (plan.title, plan.check_status, plan.process.slug) == ("IVP", "answered", "vs-migratie")
    assert PlanTheme.objects.get(pk=ids["plan_theme"]).wording == "In het plan"
    assert list(plan.themes.all()) == [theme]
    source = Source.objects.get(pk=ids["source"])
    assert source.confidentiality == "confidential"
    assert list(source.themes.all()) == [theme]
    priority = Priority.objects.get(pk=ids["priority"])
    assert list(priority.themes.all()) == [theme]
    assert list(priority.sources.all()) == [source]
    assert list(theme.priorities.all()) == [priority]

    decision = BbgDecision.objects.get(pk=ids["decision"])
    assert decision.round == Round.objects.get(pk=ids["round"])
    assert decision.is_confirmed
    assert decision.confirmed_by.username == "staf-migratie"
    assert [item.ambition for item in decision.chosen.order_by("position")] == [f"Ambitie {n}" for n in range(1, 6)]
    assert PassedOver.objects.get(pk=ids["passed"]).justification == "Lokaal"
    assert DecisionPriority.objects.filter(decision=decision).count() == 5
    assert Ballot.objects.get(pk=ids["ballot"]).round_id == ids["round"]
    # The reverse relation of the moved one-to-one still works from the round's side.
    assert Round.objects.get(pk=ids["round"]).decision == decision

    # The history moved with its models.
    assert theme.history.get().history_user.username == "staf-migratie"
    assert plan.history.get().title == "IVP"
    historical_source = source.history.get()
    assert [row.theme_id for row in historical_source.themes.all()] == [theme.pk]
    assert decision.history.get().decided_on == datetime.date(2018, 7, 5)
    assert PassedOver.history.get().justification == "Lokaal"

    # The content type kept its id and now names the scan's model.
    assert ContentType.objects.get(pk=ids["content_type"]) == ContentType.objects.get_for_model(MunicipalPlan)

    # The tables carry the new apps' names.
    tables = set(connection.introspection.table_names())
    assert {"scan_theme", "scan_source_themes", "scan_historicalsource_themes", "decisions_bbgdecision"} <= tables
    assert not {"planning_theme", "planning_source", "voting_bbgdecision"} & tables
