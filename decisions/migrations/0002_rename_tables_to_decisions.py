"""The BBG decision's tables renamed to the decisions app's names."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("decisions", "0001_initial"),
        ("voting", "0002_move_decision_to_decisions"),
    ]

    # The decision's tables get the decisions app's names (voting_bbgdecision -> decisions_bbgdecision, ...),
    # history tables included. A rename keeps every row, id and foreign key.

    operations = [
        migrations.AlterModelTable(
            name='bbgdecision',
            table=None,
        ),
        migrations.AlterModelTable(
            name='decisionpriority',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalbbgdecision',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicaldecisionpriority',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalpassedover',
            table=None,
        ),
        migrations.AlterModelTable(
            name='passedover',
            table=None,
        ),
    ]
