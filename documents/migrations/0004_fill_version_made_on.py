"""Every existing version gets the day it was made: the date its snapshot was made with (the one its PDF prints),
else the day it was stored."""

import datetime

from django.db import migrations


def fill(apps, schema_editor):
    DocumentVersion = apps.get_model("documents", "DocumentVersion")
    for version in DocumentVersion.objects.filter(made_on__isnull=True).iterator():
        try:
            made_on = datetime.date.fromisoformat(str((version.snapshot or {}).get("date") or "")[:10])
        except ValueError:
            made_on = version.created_at.date()
        DocumentVersion.objects.filter(pk=version.pk).update(made_on=made_on)


def unfill(apps, schema_editor):
    apps.get_model("documents", "DocumentVersion").objects.update(made_on=None)


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_version_made_on")]

    operations = [migrations.RunPython(fill, unfill)]
