"""GIN indexes for the global search on PostgreSQL: one per kind whose searched fields are the kind's own columns,
over exactly the weighted vector search.engine builds (``setweight(to_tsvector('dutch', coalesce(col, '')), W)``
joined with ``||`` in the order of search/kinds.py), so the planner can answer ``@@`` from the index. Nothing on
SQLite (the fallback searches by substring). tests/search/test_indexes.py checks that each kind's query uses its
index: a kind whose fields change needs a new migration here."""

from django.db import migrations

# table: [(column, weight), ...] in the order of the kind's fields.
INDEXED = {
    "priorities_priority": [("title", "A"), ("description", "B")],
    "planning_milestone": [("title", "A"), ("description", "B"), ("deliverables", "C"), ("notes", "C")],
    "planning_action": [("title", "A"), ("description", "B")],
    "scan_source": [("title", "A"), ("owner", "B"), ("reference", "B"), ("notes", "C")],
    "documents_goal": [
        ("title", "A"), ("description", "B"), ("indicator", "B"), ("organisation", "C"), ("status_note", "C"),
        ("financing_source", "C"),
    ],
    "documents_document": [
        ("title", "A"), ("intro_html", "B"), ("principles_html", "B"), ("preconditions_html", "B"),
        ("mjb_local_html", "B"), ("mjb_national_html", "B"), ("mjb_om_html", "B"), ("capacity_html", "B"),
        ("letter_html", "B"),
    ],
}  # fmt: skip


def vector_sql(columns) -> str:
    parts = [f"setweight(to_tsvector('dutch'::regconfig, COALESCE({column}, '')), '{weight}')" for column, weight in columns]
    expression = parts[0]
    for part in parts[1:]:
        expression = f"({expression} || {part})"
    return expression


def index_name(table: str) -> str:
    return f"search_fts_{table}"[:63]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in INDEXED.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index_name(table)} ON {table} USING gin (({vector_sql(columns)}))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in INDEXED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index_name(table)}")


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0007_free_text_max_lengths"),
        ("priorities", "0004_free_text_max_lengths"),
        ("scan", "0003_free_text_max_lengths"),
        ("documents", "0002_free_text_max_lengths"),
    ]

    operations = [migrations.RunPython(create, drop)]
