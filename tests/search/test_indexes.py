"""The search's GIN indexes (search/migrations/0001_full_text_indexes.py) match what search.engine asks: every kind
whose fields are its own columns has an index over exactly its weighted vector, and PostgreSQL answers the kind's
query from it."""

import importlib

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from search.engine import TS_CONFIG, _search_vector
from search.kinds import KINDS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"),
]

MIGRATION = importlib.import_module("search.migrations.0001_full_text_indexes")


def _local_columns(kind, model):
    """The kind's (column, weight) pairs in the engine's order, or None when a field goes through a relation."""
    columns = []
    for weight, paths in kind.fields.items():
        for path in paths:
            if "__" in path:
                return None
            columns.append((model._meta.get_field(path).column, weight))
    return columns


def _models():
    from documents.models import Document, Goal
    from planning.models import Action, Milestone
    from priorities.models import Priority
    from scan.models import MunicipalPlan, Source

    return {"priority": Priority, "milestone": Milestone, "action": Action, "source": Source,
            "plan": MunicipalPlan, "goal": Goal, "document": Document}  # fmt: skip


def test_every_kind_on_its_own_columns_has_its_index():
    models = _models()
    for kind in KINDS:
        model = models.get(kind.key)
        if model is None:  # a kind added later (e.g. by a higher app): it says itself whether it is indexed
            continue
        columns = _local_columns(kind, model)
        if columns is None:
            assert model._meta.db_table not in MIGRATION.INDEXED
            continue
        assert MIGRATION.INDEXED.get(model._meta.db_table) == columns, kind.key


@pytest.mark.parametrize("key", ["priority", "milestone", "action", "source", "goal", "document"])
def test_the_kinds_query_is_answered_from_its_index(key):
    kind = next(kind for kind in KINDS if kind.key == key)
    model = _models()[key]
    query = SearchQuery("ondermijn:*", config=TS_CONFIG, search_type="raw")
    matching = model.objects.annotate(search_vector=_search_vector(kind, model)).filter(search_vector=query)
    sql, params = matching.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Index Scan on {MIGRATION.index_name(model._meta.db_table)}" in plan, plan
