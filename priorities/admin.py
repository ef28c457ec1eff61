from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CriterionAssessment, LongList, PartnerRole, Priority


class PartnerRoleInline(admin.TabularInline):
    model = PartnerRole
    extra = 0


class CriterionAssessmentInline(admin.TabularInline):
    model = CriterionAssessment
    extra = 0


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    # The admin is for repairs; the limit of ten and the freeze are held by the pages and the API (services).
    list_display = ["title", "process", "position", "urgency"]
    list_filter = ["process", "urgency"]
    list_select_related = ["process"]
    search_fields = ["title"]
    filter_horizontal = ["themes", "sources"]
    inlines = [PartnerRoleInline, CriterionAssessmentInline]


@admin.register(LongList)
class LongListAdmin(SimpleHistoryAdmin):
    list_display = ["process", "status", "approved_on", "sent_on"]
    list_select_related = ["process"]
    readonly_fields = ["status", "approved_on", "approved_at_meeting", "sent_on", "reopen_reason"]
