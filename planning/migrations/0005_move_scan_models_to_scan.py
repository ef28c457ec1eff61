"""The scan's models (themes, municipal plans, plan themes, sources, and their history) moved to the scan app.

In the state only: the rows stay in their tables, which scan/0002 renames. Their content types move too, keeping
their ids, so that what refers to a content type (a reminder about a municipality's ambtelijke toets, the admin's
log, permissions) still finds its row.
"""

from django.db import migrations

MOVED = [
    "theme",
    "municipalplan",
    "plantheme",
    "source",
    "historicaltheme",
    "historicalmunicipalplan",
    "historicalplantheme",
    "historicalsource",
    "historicalsource_themes",
]


def move_content_types(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        if ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            continue  # made by an earlier run of post_migrate; the old one stays, nothing refers to the new one
        ContentType.objects.using(db).filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source="planning", target="scan")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source="scan", target="planning")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("planning", "0004_theme_catalogue"),
        ("priorities", "0002_scan_models_moved"),
        ("scan", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='historicalplantheme',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalplantheme',
                    name='plan',
                ),
                migrations.RemoveField(
                    model_name='historicalplantheme',
                    name='theme',
                ),
                migrations.RemoveField(
                    model_name='historicalsource',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalsource',
                    name='process',
                ),
                migrations.RemoveField(
                    model_name='historicalsource_themes',
                    name='history',
                ),
                migrations.RemoveField(
                    model_name='historicalsource_themes',
                    name='source',
                ),
                migrations.RemoveField(
                    model_name='historicalsource_themes',
                    name='theme',
                ),
                migrations.RemoveField(
                    model_name='historicaltheme',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='municipalplan',
                    name='municipality',
                ),
                migrations.RemoveField(
                    model_name='municipalplan',
                    name='process',
                ),
                migrations.RemoveField(
                    model_name='municipalplan',
                    name='themes',
                ),
                migrations.RemoveField(
                    model_name='plantheme',
                    name='plan',
                ),
                migrations.RemoveField(
                    model_name='plantheme',
                    name='theme',
                ),
                migrations.RemoveField(
                    model_name='source',
                    name='process',
                ),
                migrations.RemoveField(
                    model_name='source',
                    name='themes',
                ),
                migrations.DeleteModel(
                    name='HistoricalMunicipalPlan',
                ),
                migrations.DeleteModel(
                    name='HistoricalPlanTheme',
                ),
                migrations.DeleteModel(
                    name='HistoricalSource',
                ),
                migrations.DeleteModel(
                    name='HistoricalSource_themes',
                ),
                migrations.DeleteModel(
                    name='HistoricalTheme',
                ),
                migrations.DeleteModel(
                    name='MunicipalPlan',
                ),
                migrations.DeleteModel(
                    name='PlanTheme',
                ),
                migrations.DeleteModel(
                    name='Source',
                ),
                migrations.DeleteModel(
                    name='Theme',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
