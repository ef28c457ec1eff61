import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('planning', '0005_move_scan_models_to_scan'),
        ('priorities', '0002_scan_models_moved'),
        ('voting', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # The BBG's decision moved here from voting: in the state only, on its old tables (voting_*), so that no row
    # and no history is touched. voting/0002 removes the models from voting's state; decisions/0002 renames the
    # tables to decisions_*.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='BbgDecision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('decided_on', models.DateField(verbose_name='datum besluit')),
                        ('notes', models.TextField(blank=True, verbose_name='toelichting')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='bevestigd op')),
                        ('confirmed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='bevestigd door')),
                        ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='planning.milestone', verbose_name='BBG-vergadering')),
                        ('round', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='decision', to='voting.round', verbose_name='ronde')),
                    ],
                    options={
                        'db_table': 'voting_bbgdecision',
                        'verbose_name': 'besluit BBG',
                        'verbose_name_plural': 'besluiten BBG',
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalBbgDecision',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('decided_on', models.DateField(verbose_name='datum besluit')),
                        ('notes', models.TextField(blank=True, verbose_name='toelichting')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='bevestigd op')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('confirmed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='bevestigd door')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.milestone', verbose_name='BBG-vergadering')),
                        ('round', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='voting.round', verbose_name='ronde')),
                    ],
                    options={
                        'db_table': 'voting_historicalbbgdecision',
                        'verbose_name': 'historical besluit BBG',
                        'verbose_name_plural': 'historical besluiten BBG',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalDecisionPriority',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(verbose_name='plaats')),
                        ('ambition', models.TextField(verbose_name='ambitie')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('decision', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='decisions.bbgdecision', verbose_name='besluit')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('priority', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='priorities.priority', verbose_name='prioriteit')),
                    ],
                    options={
                        'db_table': 'voting_historicaldecisionpriority',
                        'verbose_name': 'historical prioriteit in de top vijf',
                        'verbose_name_plural': 'historical prioriteiten in de top vijf',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalPassedOver',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('justification', models.TextField(verbose_name='motivering')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('decision', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='decisions.bbgdecision', verbose_name='besluit')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('priority', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='priorities.priority', verbose_name='prioriteit')),
                    ],
                    options={
                        'db_table': 'voting_historicalpassedover',
                        'verbose_name': 'historical gepasseerde prioriteit',
                        'verbose_name_plural': 'historical gepasseerde prioriteiten',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='DecisionPriority',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(verbose_name='plaats')),
                        ('ambition', models.TextField(verbose_name='ambitie')),
                        ('decision', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='chosen', to='decisions.bbgdecision', verbose_name='besluit')),
                        ('priority', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='bbg_choices', to='priorities.priority', verbose_name='prioriteit')),
                    ],
                    options={
                        'db_table': 'voting_decisionpriority',
                        'verbose_name': 'prioriteit in de top vijf',
                        'verbose_name_plural': 'prioriteiten in de top vijf',
                        'ordering': ['decision', 'position'],
                        'constraints': [models.UniqueConstraint(fields=('decision', 'priority'), name='decision_priority_distinct'), models.UniqueConstraint(fields=('decision', 'position'), name='decision_position_distinct'), models.CheckConstraint(condition=models.Q(('position__gte', 1), ('position__lte', 5)), name='decision_position_in_top')],
                    },
                ),
                migrations.CreateModel(
                    name='PassedOver',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('justification', models.TextField(verbose_name='motivering')),
                        ('decision', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='passed_over', to='decisions.bbgdecision', verbose_name='besluit')),
                        ('priority', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='priorities.priority', verbose_name='prioriteit')),
                    ],
                    options={
                        'db_table': 'voting_passedover',
                        'verbose_name': 'gepasseerde prioriteit',
                        'verbose_name_plural': 'gepasseerde prioriteiten',
                        'constraints': [models.UniqueConstraint(fields=('decision', 'priority'), name='passed_over_distinct')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
