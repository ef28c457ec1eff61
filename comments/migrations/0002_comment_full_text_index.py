"""The global search's GIN index over a comment's text on PostgreSQL, over exactly the vector search.engine builds
for the kind ``comment`` (its one field, weight B); nothing on SQLite (search/migrations/0001_full_text_indexes.py
explains the form)."""

from django.db import migrations

INDEX = "search_fts_comments_comment"
VECTOR = "setweight(to_tsvector('dutch'::regconfig, COALESCE(body, '')), 'B')"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON comments_comment USING gin (({VECTOR}))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_comments_with_threads_mentions_and_history")]

    operations = [migrations.RunPython(create, drop)]
