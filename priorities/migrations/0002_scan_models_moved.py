import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('priorities', '0001_initial'),
        ('scan', '0001_initial'),
    ]

    # Themes and sources moved from planning to scan (scan/0001): the priorities' relations point there now. State
    # only: the columns and the many-to-many tables stay as they are.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalpriority_sources',
                    name='source',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='scan.source'),
                ),
                migrations.AlterField(
                    model_name='historicalpriority_themes',
                    name='theme',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='scan.theme'),
                ),
                migrations.AlterField(
                    model_name='priority',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='priorities', to='scan.source', verbose_name='bronnen'),
                ),
                migrations.AlterField(
                    model_name='priority',
                    name='themes',
                    field=models.ManyToManyField(blank=True, related_name='priorities', to='scan.theme', verbose_name="thema's"),
                ),
            ],
            database_operations=[],
        ),
    ]
