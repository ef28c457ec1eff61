"""The base of the goal and document pages."""

from core.views import ProcessMixin as BaseProcessMixin


class ProcessMixin(BaseProcessMixin):
    """A page of one process's goals or document (core.views.ProcessMixin), with what the user may change."""

    permission_required = "documents.view_goal"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change_goals"] = self.request.user.has_perm("documents.change_goal")
        context["can_change_document"] = self.request.user.has_perm("documents.change_document")
        return context
