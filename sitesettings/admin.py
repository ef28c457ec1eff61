from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from solo.admin import SingletonModelAdmin

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonModelAdmin, SimpleHistoryAdmin):
    fieldsets = [
        (None, {"fields": ["network_name", "network_short_name", "unit_name", "logo"]}),
        (_("E-mail en agenda"), {"fields": ["sender", "calendar_prodid"]}),
        (_("Contact"), {"fields": ["contact_name", "contact_email", "contact_phone"]}),
    ]
