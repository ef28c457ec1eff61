from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "consultation"
    verbose_name = _("Consultatie gemeenteraden")

    def ready(self):
        from core.sanitize import allow_generated_classes
        from documents.hooks import DOCUMENT_CHAPTERS
        from notifications.sources import REMINDER_SOURCES

        from .chapter import consultation_chapter
        from .reminders import CONSULTATION_SOURCE

        REMINDER_SOURCES.register(CONSULTATION_SOURCE)
        DOCUMENT_CHAPTERS.register(consultation_chapter)
        allow_generated_classes("consultation-counts", "consultation-responses")
