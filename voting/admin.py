"""The admin shows the DVO choice for inspection only: every write goes through the pages and the API (the
services), so that exactly seven, the deadline and the own-DVO rule always hold and the history says who did it."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import Ballot, BallotChoice, Round, RoundDeadline


class RoundDeadlineInline(ReadOnlyInline):
    model = RoundDeadline


class BallotChoiceInline(ReadOnlyInline):
    model = BallotChoice


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
