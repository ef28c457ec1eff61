"""The reviews in the admin: read-only with their history. Every write holds a rule and goes through
reviews/services.py, from the pages or the API."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import Review, ReviewGoal


class ReviewGoalInline(ReadOnlyInline):
    model = ReviewGoal
    fields = ["goal", "recommendation", "reason"]
    readonly_fields = fields


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ["title", "process", "kind", "light", "status", "adopted_on"]
    list_filter = ["kind", "status", "process"]
    list_select_related = ["process"]
    inlines = [ReviewGoalInline]
