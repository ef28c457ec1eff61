from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission


class HasRole(BasePermission):
    """The API's default: a logged-in user with one of the roles. Views narrow it further."""

    message = _("U hebt geen rol in VS-portaal.")

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.has_role)


class RulePermission(BasePermission):
    """Read with ``view_perm``, write with ``change_perm``, both names from the apps' RULES."""

    message = _("U hebt geen toestemming voor deze handeling.")

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.has_role):
            return False
        perm = view.view_perm if request.method in SAFE_METHODS else view.change_perm
        return user.has_perm(perm)

    def has_object_permission(self, request, view, obj):
        perm = view.view_perm if request.method in SAFE_METHODS else view.change_perm
        return request.user.has_perm(perm, obj)
