"""The admin shows the BBG's decision for inspection only: it is recorded and confirmed through the pages (the
services), so that exactly five, the ambitions and the justifications always hold."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import BbgDecision, DecisionPriority, PassedOver


class DecisionPriorityInline(ReadOnlyInline):
    model = DecisionPriority


class PassedOverInline(ReadOnlyInline):
    model = PassedOver


@admin.register(BbgDecision)
class BbgDecisionAdmin(ReadOnlyAdmin):
    list_display = ["round", "decided_on", "confirmed_at"]
    list_select_related = ["round__process"]
    inlines = [DecisionPriorityInline, PassedOverInline]
