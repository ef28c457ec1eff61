from django.contrib import admin

from accounts.models import Role

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only and for administrators only; filter by kind, date, user and address."""

    list_display = ["at", "kind", "username", "object_repr", "address"]
    list_filter = ["kind", ("at", admin.DateFieldListFilter)]
    search_fields = ["username", "object_repr", "object_id", "address"]
    date_hierarchy = "at"
    list_select_related = ["user"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields]
    list_per_page = 100

    def has_view_permission(self, request, obj=None):
        user = request.user
        return bool(user.is_active and (user.is_superuser or (user.is_staff and user.role == Role.ADMINISTRATOR)))

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
