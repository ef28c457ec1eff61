from django.core.exceptions import ValidationError
from django.utils.functional import cached_property

from accounts.mixins import RuleRequiredMixin
from planning.access import get_process_for_user


class ProcessMixin(RuleRequiredMixin):
    """Anonymous users go to the login page, users without the permission get 403; then the process is read."""

    permission_required = "documents.view_goal"

    @cached_property
    def process(self):
        return get_process_for_user(self.request.user, self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["process"] = self.process
        context["can_change_goals"] = self.request.user.has_perm("documents.change_goal")
        context["can_change_document"] = self.request.user.has_perm("documents.change_document")
        return context


def add_service_error(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on its field when the form has it, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                message = " ".join(item.messages)
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
