"""The admin shows comments for inspection only: they are posted, edited, deleted and resolved through the pages and
the API (the services), so that visibility, the closed discussions and the mentions always hold."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["pk", "process", "priority", "goal", "author", "created_at", "deleted_at", "resolved_at"]
    list_filter = ["process"]
    list_select_related = ["process", "priority", "goal", "author"]
