from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Meldingen en herinneringen")

    def ready(self):
        from audit import retention

        from . import retention as notifications_retention

        retention.register("notifications", notifications_retention.prune)

        from . import unread

        unread.connect()

        from .builtin_sources import BUILTIN_SOURCES
        from .sources import REMINDER_SOURCES

        for source in BUILTIN_SOURCES:
            REMINDER_SOURCES.register(source)
