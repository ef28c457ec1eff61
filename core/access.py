"""Fetching one object for a user, the same way everywhere: 404 before 403.

An object that does not exist, or lies outside what the caller's queryset allows (another process's milestone, a
confidential source for a secretary), is a 404: a stranger learns nothing about it. Only then is the permission
asked, with the object: a user who may read but asks to write gets 403. Every app's ``access.py`` builds its
``get_<thing>_for_user`` helpers on these two functions.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404


def check_perm(user, perm: str, obj=None) -> None:
    """PermissionDenied (403) unless ``user`` has ``perm`` (for ``obj``, when given)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def get_for_user(
    user,
    queryset: models.QuerySet | type[models.Model],
    *,
    view_perm: str,
    change_perm: str | None = None,
    write: bool = False,
    **lookup,
):
    """The one object of ``queryset`` matching ``lookup``: 404 when there is none, then 403 when ``user`` lacks
    ``view_perm`` (or ``change_perm`` with ``write``) for it."""
    obj = get_object_or_404(queryset, **lookup)
    check_perm(user, (change_perm or view_perm) if write else view_perm, obj)
    return obj
