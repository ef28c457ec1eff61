from django.contrib.auth.mixins import PermissionRequiredMixin


class RuleRequiredMixin(PermissionRequiredMixin):
    """PermissionRequiredMixin for our rule names: anonymous users go to the login page, users without the
    permission get 403."""

    raise_exception = False
