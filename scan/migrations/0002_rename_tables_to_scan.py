"""The scan's tables renamed to the scan app's names."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("planning", "0005_move_scan_models_to_scan"),
        ("scan", "0001_initial"),
    ]

    # The scan's tables get the scan app's names (planning_theme -> scan_theme, ...), history tables and the
    # many-to-many table of a source's themes included. A rename keeps every row, id and foreign key: PostgreSQL's
    # constraints follow the table, SQLite (3.26 and later) rewrites the references to it.

    operations = [
        migrations.AlterModelTable(
            name='historicalmunicipalplan',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalplantheme',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalsource',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalsource_themes',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicaltheme',
            table=None,
        ),
        migrations.AlterModelTable(
            name='municipalplan',
            table=None,
        ),
        migrations.AlterModelTable(
            name='plantheme',
            table=None,
        ),
        migrations.AlterModelTable(
            name='source',
            table=None,
        ),
        migrations.AlterModelTable(
            name='theme',
            table=None,
        ),
    ]
