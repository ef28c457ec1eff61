from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Digest, Notification, NotificationPreference, Reminder, ReminderSettings


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(admin.ModelAdmin):
    list_display = ["process", "offsets"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "delivery"]
    list_filter = ["delivery"]
    search_fields = ["user__username", "user__email"]


@admin.display(description=_("soort"), ordering="kind")
def reminder_kind(reminder: Reminder) -> str:
    return reminder.kind_label


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = [reminder_kind, "subject_id", "recipient", "offset", "due_on", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__username"]
    readonly_fields = [field.name for field in Reminder._meta.fields]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "created_at", "read_at", "awaits_digest"]
    list_select_related = ["user"]
    search_fields = ["title", "user__username"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["user", "day", "status", "sent_at"]
    list_filter = ["status"]
    list_select_related = ["user"]
