from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Absence,
    Action,
    Body,
    District,
    Membership,
    Milestone,
    Municipality,
    Person,
    Phase,
    StrategyProcess,
)


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    extra = 0
    fields = ["name", "cbs_code", "population", "population_date", "population_source"]


@admin.register(District)
class DistrictAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "veiligheidsregio", "order"]
    inlines = [MunicipalityInline]


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "cbs_code", "district", "population"]
    list_filter = ["district"]
    list_select_related = ["district"]
    search_fields = ["name", "cbs_code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "name", "kind", "district"]
    list_filter = ["kind"]
    list_select_related = ["district"]
    search_fields = ["short_name", "name"]
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "function", "organisation", "email", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "function", "organisation"]


@admin.register(Absence)
class AbsenceAdmin(SimpleHistoryAdmin):
    list_display = ["person", "starts_on", "ends_on", "reason"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


@admin.register(StrategyProcess)
class StrategyProcessAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "title", "period_start_year", "period_end_year", "predecessor"]
    list_select_related = ["predecessor"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [PhaseInline]


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title", "process", "starts_on", "ends_on", "precision", "kind", "status", "body"]
    list_filter = ["process", "kind", "status"]
    list_select_related = ["process", "body"]
    search_fields = ["title"]
    filter_horizontal = ["depends_on"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "process", "owner", "due_on", "done_on"]
    list_filter = ["process"]
    list_select_related = ["process", "owner"]
