"""The one row of site settings exists from the start, with Oost-Nederland's values as before; a page never has
to create it (two first requests at once would both try)."""

from django.db import migrations


def create_row(apps, schema_editor):
    apps.get_model("sitesettings", "SiteSettings").objects.get_or_create(pk=1)


def remove_row(apps, schema_editor):
    apps.get_model("sitesettings", "SiteSettings").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [("sitesettings", "0001_initial")]

    operations = [migrations.RunPython(create_row, remove_row)]
