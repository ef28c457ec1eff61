from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CommunityOfficerPlan, Document, DocumentTransition, DocumentVersion, Goal, GoalPartnerRole


class GoalPartnerRoleInline(admin.TabularInline):
    model = GoalPartnerRole
    extra = 0


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["title", "process", "priority", "owner", "status", "deadline"]
    list_filter = ["process", "status", "urgency"]
    search_fields = ["title", "description", "indicator"]
    list_select_related = ["process", "priority"]
    inlines = [GoalPartnerRoleInline]


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    fields = ["major", "minor", "status", "made_on", "created_at", "created_by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


class DocumentTransitionInline(admin.TabularInline):
    model = DocumentTransition
    fields = ["from_status", "to_status", "meeting_date", "by", "at", "version", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "process", "status", "adopted_on"]
    list_filter = ["status"]
    readonly_fields = ["status", "sent_to_rvo_on", "for_adoption_on", "adopted_on", "nota_on"]
    inlines = [DocumentVersionInline, DocumentTransitionInline]


@admin.register(DocumentVersion)
class DocumentVersionAdmin(SimpleHistoryAdmin):
    """Versions are frozen snapshots: readable here, never edited."""

    list_display = ["document", "label", "status", "made_on", "created_at", "created_by"]
    readonly_fields = ["document", "major", "minor", "status", "snapshot", "fingerprint", "note", "created_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CommunityOfficerPlan)
class CommunityOfficerPlanAdmin(SimpleHistoryAdmin):
    list_display = ["municipality", "process", "officers"]
    list_filter = ["process", "municipality__district"]
    list_select_related = ["municipality", "process"]
