from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "process", "kind", "published_on"]
    list_filter = ["process", "kind"]
    list_select_related = ["process"]
