from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    """Export and import of one whole process (`export_process`, `import_process`). Above every domain app: it
    reads and writes them all."""

    name = "archive"
    verbose_name = _("Archief")
