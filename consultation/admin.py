"""The admin shows the consultation for inspection only: rounds and responses are registered through the pages
and the API (the services), so that the district rule and the dates always hold."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import ConsultationRound, CouncilEntry


@admin.register(ConsultationRound)
class ConsultationRoundAdmin(ReadOnlyAdmin):
    list_display = ["version", "process", "sent_on", "deadline"]
    list_select_related = ["version", "process"]


@admin.register(CouncilEntry)
class CouncilEntryAdmin(ReadOnlyAdmin):
    list_display = ["municipality", "round", "status", "received_on", "scope"]
    list_filter = ["status", "scope", "municipality__district"]
    list_select_related = ["municipality", "round__version"]
