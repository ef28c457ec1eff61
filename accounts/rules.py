"""Role predicates and the permission registry.

Each app declares its permissions once, in its own ``rules.py``, as a dict ``RULES`` of
``"<app>.<verb>_<model>"`` to a predicate ``(user, obj=None) -> bool``. The authentication backend below answers
``user.has_perm(name, obj)`` from them, so views (PermissionRequiredMixin), templates (``perms``) and the API
permission classes all ask the same question.
"""

from collections.abc import Callable
from functools import cache
from importlib import import_module

from django.apps import apps

Predicate = Callable[..., bool]


def has_role(user, obj=None) -> bool:
    """Any of the four roles: staff, DVO secretary, BBG member, administrator."""
    return bool(user.is_authenticated and user.has_role)


def is_programme_staff(user, obj=None) -> bool:
    """VNONL programme staff and administrators run the process."""
    return bool(user.is_authenticated and user.is_programme_staff)


def is_municipal_contact(user, obj=None) -> bool:
    return bool(user.is_authenticated and user.is_municipal_contact)


def is_dvo_secretary(user, obj=None) -> bool:
    return bool(user.is_authenticated and user.is_dvo_secretary)


def is_bbg_member(user, obj=None) -> bool:
    return bool(user.is_authenticated and user.is_bbg_member)


RULES: dict[str, Predicate] = {
    "accounts.use_calendar": has_role,
}


@cache
def all_rules() -> dict[str, Predicate]:
    """Every app's RULES, collected once."""
    collected: dict[str, Predicate] = {}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.rules")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.rules":
                raise
            continue
        collected.update(getattr(module, "RULES", {}))
    return collected


class RuleBackend:
    """Answers has_perm for the rule names; authenticates nobody (ModelBackend does that)."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        predicate = all_rules().get(perm)
        if predicate is None or not user_obj.is_active:
            return False
        return predicate(user_obj, obj)

    def has_module_perms(self, user_obj, app_label):
        return False
