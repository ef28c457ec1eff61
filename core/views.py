"""View mixins that several apps share: the permission check of a page, and the process of the URL."""

from django.apps import apps
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.utils.functional import cached_property

from .access import check_perm
from .rows import cached_row

# The process model and its rules, named rather than imported: core imports no app of the project.
PROCESS_MODEL = ("planning", "StrategyProcess")
VIEW_PROCESS = "planning.view_process"
CHANGE_PROCESS = "planning.change_process"
# The version (core.fragments) that every save of a process moves on: planning.fragments.PLANNING_AREA.
PROCESS_AREA = "planning"


class RuleRequiredMixin(PermissionRequiredMixin):
    """PermissionRequiredMixin for our rule names (the apps' rules.py): anonymous users go to the login page,
    users without the permission get 403."""

    raise_exception = False


class ProcessMixin(RuleRequiredMixin):
    """A page of one process, ``/processen/<slug>/...``.

    In this order: anonymous users go to the login page, users without ``permission_required`` get 403, an unknown
    process is 404, and a process the user may not see is 403. ``process`` is in the context (it drives the
    process navigation).
    """

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.process  # noqa: B018 - fetched now, so that an unknown process is a 404 before any handler runs
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def process(self):
        """The process of the URL (404), if the user may see it (403); a page reads it from this worker's memo
        (core.rows)."""
        slug = self.kwargs["slug"]
        model = apps.get_model(*PROCESS_MODEL)
        process = cached_row(
            self.request,
            "process",
            area=PROCESS_AREA,
            lookup={"slug": slug},
            fetch=lambda: model.objects.filter(slug=slug).first(),
        )
        if process is None:
            raise Http404
        check_perm(self.request.user, VIEW_PROCESS, process)
        return process

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["process"] = self.process
        return context
