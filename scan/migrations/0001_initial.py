
import core.storage
import django.db.models.deletion
import scan.models
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('planning', '0004_theme_catalogue'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # The scan's models moved here from planning: in the state only, on their old tables (planning_*), so that no
    # row and no history is touched. planning/0005 removes them from planning's state; scan/0002 then renames the
    # tables to scan_*.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Theme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='naam')),
                        ('description', models.TextField(blank=True, verbose_name='omschrijving')),
                    ],
                    options={
                        'db_table': 'planning_theme',
                        'verbose_name': 'thema',
                        'verbose_name_plural': "thema's",
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalMunicipalPlan',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('title', models.CharField(blank=True, max_length=200, verbose_name='titel')),
                        ('period_start_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='eerste jaar')),
                        ('period_end_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='laatste jaar')),
                        ('document', models.TextField(blank=True, max_length=100, verbose_name='document')),
                        ('document_name', models.CharField(blank=True, max_length=255, verbose_name='bestandsnaam')),
                        ('check_status', models.CharField(choices=[('not_sent', 'niet verstuurd'), ('sent', 'verstuurd'), ('answered', 'beantwoord'), ('amended', 'aangevuld of gewijzigd')], default='not_sent', max_length=20, verbose_name='ambtelijke toets')),
                        ('check_sent_on', models.DateField(blank=True, null=True, verbose_name='toets verstuurd op')),
                        ('check_answered_on', models.DateField(blank=True, null=True, verbose_name='toets beantwoord op')),
                        ('check_notes', models.TextField(blank=True, verbose_name='reactie van de gemeente')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('municipality', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.municipality', verbose_name='gemeente')),
                        ('process', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.strategyprocess', verbose_name='proces')),
                    ],
                    options={
                        'db_table': 'planning_historicalmunicipalplan',
                        'verbose_name': 'historical integraal veiligheidsplan',
                        'verbose_name_plural': 'historical integrale veiligheidsplannen',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalSource',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='titel')),
                        ('kind', models.CharField(choices=[('evaluation', 'evaluatie'), ('threat_assessment', 'dreigingsbeeld'), ('review', 'review'), ('undermining', 'ondermijningsbeeld'), ('riec', 'RIEC-fenomenen'), ('progress', 'voortgangsrapportage'), ('policy_plan', 'beleidsplan'), ('other', 'overig')], default='other', max_length=20, verbose_name='soort')),
                        ('owner', models.CharField(blank=True, max_length=200, verbose_name='eigenaar')),
                        ('published_on', models.DateField(blank=True, null=True, verbose_name='datum')),
                        ('reference', models.CharField(blank=True, max_length=500, verbose_name='vindplaats')),
                        ('document', models.TextField(blank=True, max_length=100, verbose_name='document')),
                        ('document_name', models.CharField(blank=True, max_length=255, verbose_name='bestandsnaam')),
                        ('confidentiality', models.CharField(choices=[('public', 'openbaar'), ('internal', 'intern'), ('confidential', 'vertrouwelijk')], default='internal', max_length=20, verbose_name='vertrouwelijkheid')),
                        ('notes', models.TextField(blank=True, verbose_name='notities')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('process', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='planning.strategyprocess', verbose_name='proces')),
                    ],
                    options={
                        'db_table': 'planning_historicalsource',
                        'verbose_name': 'historical bron',
                        'verbose_name_plural': 'historical bronnen',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalTheme',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('name', models.CharField(db_index=True, max_length=100, verbose_name='naam')),
                        ('description', models.TextField(blank=True, verbose_name='omschrijving')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'planning_historicaltheme',
                        'verbose_name': 'historical thema',
                        'verbose_name_plural': "historical thema's",
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='MunicipalPlan',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(blank=True, max_length=200, verbose_name='titel')),
                        ('period_start_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='eerste jaar')),
                        ('period_end_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='laatste jaar')),
                        ('document', models.FileField(blank=True, storage=core.storage.private_storage, upload_to=scan.models.plan_upload_to, verbose_name='document')),
                        ('document_name', models.CharField(blank=True, max_length=255, verbose_name='bestandsnaam')),
                        ('check_status', models.CharField(choices=[('not_sent', 'niet verstuurd'), ('sent', 'verstuurd'), ('answered', 'beantwoord'), ('amended', 'aangevuld of gewijzigd')], default='not_sent', max_length=20, verbose_name='ambtelijke toets')),
                        ('check_sent_on', models.DateField(blank=True, null=True, verbose_name='toets verstuurd op')),
                        ('check_answered_on', models.DateField(blank=True, null=True, verbose_name='toets beantwoord op')),
                        ('check_notes', models.TextField(blank=True, verbose_name='reactie van de gemeente')),
                        ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plans', to='planning.municipality', verbose_name='gemeente')),
                        ('process', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='municipal_plans', to='planning.strategyprocess', verbose_name='proces')),
                    ],
                    options={
                        'db_table': 'planning_municipalplan',
                        'verbose_name': 'integraal veiligheidsplan',
                        'verbose_name_plural': 'integrale veiligheidsplannen',
                        'ordering': ['municipality__name'],
                    },
                ),
                migrations.CreateModel(
                    name='Source',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='titel')),
                        ('kind', models.CharField(choices=[('evaluation', 'evaluatie'), ('threat_assessment', 'dreigingsbeeld'), ('review', 'review'), ('undermining', 'ondermijningsbeeld'), ('riec', 'RIEC-fenomenen'), ('progress', 'voortgangsrapportage'), ('policy_plan', 'beleidsplan'), ('other', 'overig')], default='other', max_length=20, verbose_name='soort')),
                        ('owner', models.CharField(blank=True, max_length=200, verbose_name='eigenaar')),
                        ('published_on', models.DateField(blank=True, null=True, verbose_name='datum')),
                        ('reference', models.CharField(blank=True, max_length=500, verbose_name='vindplaats')),
                        ('document', models.FileField(blank=True, storage=core.storage.private_storage, upload_to=scan.models.source_upload_to, verbose_name='document')),
                        ('document_name', models.CharField(blank=True, max_length=255, verbose_name='bestandsnaam')),
                        ('confidentiality', models.CharField(choices=[('public', 'openbaar'), ('internal', 'intern'), ('confidential', 'vertrouwelijk')], default='internal', max_length=20, verbose_name='vertrouwelijkheid')),
                        ('notes', models.TextField(blank=True, verbose_name='notities')),
                        ('process', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='planning.strategyprocess', verbose_name='proces')),
                        ('themes', models.ManyToManyField(blank=True, related_name='sources', to='scan.theme', verbose_name="thema's")),
                    ],
                    options={
                        'db_table': 'planning_source',
                        'verbose_name': 'bron',
                        'verbose_name_plural': 'bronnen',
                        'ordering': ['title'],
                    },
                ),
                migrations.CreateModel(
                    name='PlanTheme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('wording', models.TextField(blank=True, verbose_name='formulering in het plan')),
                        ('origin', models.CharField(choices=[('scan', 'uit de scan'), ('added', 'aangevuld door de gemeente'), ('changed', 'gewijzigd door de gemeente')], default='scan', max_length=20, verbose_name='herkomst')),
                        ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='plan_themes', to='scan.municipalplan', verbose_name='plan')),
                        ('theme', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plan_themes', to='scan.theme', verbose_name='thema')),
                    ],
                    options={
                        'db_table': 'planning_plantheme',
                        'verbose_name': 'thema in plan',
                        'verbose_name_plural': "thema's in plannen",
                        'ordering': ['plan', 'theme__name'],
                    },
                ),
                migrations.AddField(
                    model_name='municipalplan',
                    name='themes',
                    field=models.ManyToManyField(blank=True, related_name='plans', through='scan.PlanTheme', to='scan.theme'),
                ),
                migrations.CreateModel(
                    name='HistoricalSource_themes',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='scan.historicalsource')),
                        ('source', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='scan.source')),
                        ('theme', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='scan.theme')),
                    ],
                    options={
                        'db_table': 'planning_historicalsource_themes',
                        'verbose_name': 'HistoricalSource_themes',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalPlanTheme',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('wording', models.TextField(blank=True, verbose_name='formulering in het plan')),
                        ('origin', models.CharField(choices=[('scan', 'uit de scan'), ('added', 'aangevuld door de gemeente'), ('changed', 'gewijzigd door de gemeente')], default='scan', max_length=20, verbose_name='herkomst')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='scan.municipalplan', verbose_name='plan')),
                        ('theme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='scan.theme', verbose_name='thema')),
                    ],
                    options={
                        'db_table': 'planning_historicalplantheme',
                        'verbose_name': 'historical thema in plan',
                        'verbose_name_plural': "historical thema's in plannen",
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name='plantheme',
                    constraint=models.UniqueConstraint(fields=('plan', 'theme'), name='plan_theme_unique'),
                ),
                migrations.AddConstraint(
                    model_name='municipalplan',
                    constraint=models.UniqueConstraint(fields=('process', 'municipality'), name='plan_unique_per_municipality'),
                ),
                migrations.AddConstraint(
                    model_name='municipalplan',
                    constraint=models.CheckConstraint(condition=models.Q(('period_start_year__isnull', True), ('period_end_year__isnull', True), ('period_end_year__gte', models.F('period_start_year')), _connector='OR'), name='plan_period_end_after_start', violation_error_message='Het laatste jaar ligt vóór het eerste jaar.'),
                ),
            ],
            database_operations=[],
        ),
    ]
