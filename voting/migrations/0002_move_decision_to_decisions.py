"""The BBG's decision (BbgDecision, DecisionPriority, PassedOver and their history) moved to the decisions app.

In the state only: the rows stay in their tables, which decisions/0002 renames. Their content types move too,
keeping their ids (the admin's log and the permissions refer to them).
"""

from django.db import migrations

MOVED = [
    "bbgdecision",
    "decisionpriority",
    "passedover",
    "historicalbbgdecision",
    "historicaldecisionpriority",
    "historicalpassedover",
]


def move_content_types(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        if ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            continue  # made by an earlier run of post_migrate; the old one stays, nothing refers to the new one
        ContentType.objects.using(db).filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source="voting", target="decisions")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source="decisions", target="voting")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("decisions", "0001_initial"),
        ("voting", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='passedover',
                    name='decision',
                ),
                migrations.RemoveField(
                    model_name='historicaldecisionpriority',
                    name='decision',
                ),
                migrations.RemoveField(
                    model_name='decisionpriority',
                    name='decision',
                ),
                migrations.RemoveField(
                    model_name='historicalpassedover',
                    name='decision',
                ),
                migrations.RemoveField(
                    model_name='decisionpriority',
                    name='priority',
                ),
                migrations.RemoveField(
                    model_name='historicalbbgdecision',
                    name='confirmed_by',
                ),
                migrations.RemoveField(
                    model_name='historicalbbgdecision',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalbbgdecision',
                    name='meeting',
                ),
                migrations.RemoveField(
                    model_name='historicalbbgdecision',
                    name='round',
                ),
                migrations.RemoveField(
                    model_name='historicaldecisionpriority',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicaldecisionpriority',
                    name='priority',
                ),
                migrations.RemoveField(
                    model_name='historicalpassedover',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalpassedover',
                    name='priority',
                ),
                migrations.RemoveField(
                    model_name='passedover',
                    name='priority',
                ),
                migrations.DeleteModel(
                    name='BbgDecision',
                ),
                migrations.DeleteModel(
                    name='DecisionPriority',
                ),
                migrations.DeleteModel(
                    name='HistoricalBbgDecision',
                ),
                migrations.DeleteModel(
                    name='HistoricalDecisionPriority',
                ),
                migrations.DeleteModel(
                    name='HistoricalPassedOver',
                ),
                migrations.DeleteModel(
                    name='PassedOver',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
