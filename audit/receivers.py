"""The events that come in as signals: logins, failed logins, lock-outs, logouts, the second factor, role changes."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from simple_history.signals import post_create_historical_record
from two_factor.signals import user_verified

from accounts.models import User

from .models import AuditEvent
from .services import audit_record


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    audit_record(
        kind=AuditEvent.Kind.LOGIN,
        request=request,
        user=user,
        details={"method": getattr(request, "vs_login_method", "password")},
    )


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(kind=AuditEvent.Kind.LOGOUT, request=request, user=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in ``credentials``; keep only the user name and the method.
    details = {key: credentials[key] for key in ("method", "reason") if key in credentials}
    audit_record(
        kind=AuditEvent.Kind.LOGIN_FAILED,
        request=request,
        username=str(credentials.get("username") or ""),
        details=details,
    )


@receiver(user_locked_out)
def _locked_out(sender, request, username=None, ip_address=None, **kwargs):
    audit_record(kind=AuditEvent.Kind.LOCKOUT, request=request, username=str(username or ""))


@receiver(user_verified)
def _second_factor(sender, request, user, device, **kwargs):
    audit_record(
        kind=AuditEvent.Kind.SECOND_FACTOR, request=request, user=user, details={"device": type(device).__name__}
    )


@receiver(post_create_historical_record, sender=User.history.model)
def _role_changed(sender, instance, history_instance, history_user=None, **kwargs):
    """A user's role, DVO, staff or superuser flag changed (admin, single sign-on mapping, command: any path)."""
    fields = ("role", "district_id", "is_staff", "is_superuser")
    previous = (
        User.history.model.objects.filter(id=instance.pk, history_date__lt=history_instance.history_date)
        .order_by("-history_date")
        .values(*fields)
        .first()
    )
    now = {field: getattr(history_instance, field) for field in fields}
    if previous is None:
        changed = {field: [None, value] for field, value in now.items() if value not in ("", None, False)}
    else:
        changed = {field: [previous[field], now[field]] for field in fields if previous[field] != now[field]}
    if not changed:
        return
    audit_record(
        kind=AuditEvent.Kind.ROLE_CHANGE,
        user=history_user if getattr(history_user, "pk", None) else None,
        obj=instance,
        details={"changes": changed, "username": instance.get_username()},
    )
