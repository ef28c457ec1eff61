"""Every version's fingerprint recomputed from its own snapshot.

The download serves the cached rendering named by a version's stored fingerprint without rebuilding the content, so
that fingerprint must be the one of the version's snapshot. Versions made by documents.services always had it; an
imported version kept the fingerprint of its export, while its snapshot was sanitised on the way in.
"""

from django.db import migrations


def recompute(apps, schema_editor):
    # The content's own code: the fingerprint must be the one the renderings are stored under today.
    from documents.selectors import content_from_snapshot

    DocumentVersion = apps.get_model("documents", "DocumentVersion")
    for version in DocumentVersion.objects.only("pk", "snapshot", "fingerprint").iterator():
        fingerprint = content_from_snapshot(version.snapshot or {}).fingerprint()
        if fingerprint != version.fingerprint:
            DocumentVersion.objects.filter(pk=version.pk).update(fingerprint=fingerprint)


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_fill_version_made_on")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
