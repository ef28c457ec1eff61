from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "full_name", "email", "role", "district", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email", "oidc_subject"]
    list_filter = ["role", "district", "is_active", "is_staff"]
    list_select_related = ["district"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Rol in VS-portaal"), {"fields": ["role", "district"]}),
        (_("Single sign-on"), {"fields": ["oidc_subject"]}),
    ]

    @admin.display(description=_("Naam"), ordering="last_name")
    def full_name(self, user: User) -> str:
        return user.get_full_name()

    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Rol in VS-portaal"), {"fields": ["first_name", "last_name", "email", "role", "district"]}),
    ]
