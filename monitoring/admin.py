"""The monitoring in the admin: read-only with its history. Every write holds a rule and goes through
monitoring/services.py, from the pages or the API."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import (
    Indicator,
    Measurement,
    MeasurementMoment,
    OwnerContact,
    ProgressAssessment,
    ProgressReport,
    ProgressReportTransition,
    ProgressReportVersion,
)


@admin.register(MeasurementMoment)
class MeasurementMomentAdmin(ReadOnlyAdmin):
    list_display = ["label", "measured_on", "process"]
    list_filter = ["process"]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ["name", "goal", "unit", "baseline", "target", "scope"]
    list_select_related = ["goal"]


@admin.register(Measurement)
class MeasurementAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "moment", "district", "municipality", "value", "provisional", "source"]
    list_select_related = ["indicator", "moment", "district", "municipality"]
    list_filter = ["moment__process", "provisional"]


@admin.register(OwnerContact)
class OwnerContactAdmin(ReadOnlyAdmin):
    list_display = ["goal", "user"]
    list_select_related = ["goal", "user"]


@admin.register(ProgressAssessment)
class ProgressAssessmentAdmin(ReadOnlyAdmin):
    list_display = ["goal", "moment", "override_status"]
    list_select_related = ["goal", "moment"]


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyAdmin):
    list_display = ["process", "year", "status", "sent_to_rvo_on", "for_adoption_on", "adopted_on"]


@admin.register(ProgressReportVersion)
class ProgressReportVersionAdmin(ReadOnlyAdmin):
    list_display = ["report", "label", "status", "created_at", "created_by"]
    list_select_related = ["report__process", "created_by"]


@admin.register(ProgressReportTransition)
class ProgressReportTransitionAdmin(ReadOnlyAdmin):
    list_display = ["report", "from_status", "to_status", "meeting_date", "by", "at"]
    list_select_related = ["report__process", "by"]
