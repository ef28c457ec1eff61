"""The admin shows the DVO choice for inspection only: every write goes through the pages and the API (the
services), so that exactly seven, the deadline and the own-DVO rule always hold and the history says who did it."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Ballot, BallotChoice, BbgDecision, DecisionPriority, PassedOver, Round, RoundDeadline


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RoundDeadlineInline(ReadOnlyInline):
    model = RoundDeadline


class BallotChoiceInline(ReadOnlyInline):
    model = BallotChoice


class DecisionPriorityInline(ReadOnlyInline):
    model = DecisionPriority


class PassedOverInline(ReadOnlyInline):
    model = PassedOver


@admin.register(Round)
class RoundAdmin(ReadOnlyAdmin):
    list_display = ["process", "status", "opened_at", "closed_at", "results_released_at"]
    list_select_related = ["process"]
    inlines = [RoundDeadlineInline]


@admin.register(Ballot)
class BallotAdmin(ReadOnlyAdmin):
    list_display = ["district", "round", "submitted_by", "submitted_at", "entered_by_staff"]
    list_filter = ["round", "district", "entered_by_staff"]
    list_select_related = ["district", "round__process", "submitted_by"]
    inlines = [BallotChoiceInline]


@admin.register(BbgDecision)
class BbgDecisionAdmin(ReadOnlyAdmin):
    list_display = ["round", "decided_on", "confirmed_at"]
    list_select_related = ["round__process"]
    inlines = [DecisionPriorityInline, PassedOverInline]
