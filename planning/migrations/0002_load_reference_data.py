from django.db import migrations


def load(apps, schema_editor):
    from planning.reference_data import load_reference_data

    load_reference_data(apps.get_model("planning", "District"), apps.get_model("planning", "Municipality"),
                        apps.get_model("planning", "Body"))


def unload(apps, schema_editor):
    apps.get_model("planning", "Body").objects.all().delete()
    apps.get_model("planning", "Municipality").objects.all().delete()
    apps.get_model("planning", "District").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("planning", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
