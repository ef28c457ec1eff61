"""The list of processes, and starting, editing and copying a process."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, UpdateView

from core.views import RuleRequiredMixin

from .. import selectors, services
from ..access import get_process_for_user
from ..forms.processes import ProcessCopyForm, ProcessForm
from ..todo import current_processes, todos_for


class HomeView(RuleRequiredMixin, TemplateView):
    """What the user should do now (planning.todo), then every process, newest first, with how far it is and what
    comes next."""

    permission_required = "planning.view_process"
    template_name = "planning/home.html"

    def dispatch(self, request, *args, **kwargs):
        # A municipal contact (partners, issue 16) reads no process: their start page is their own toets.
        if request.user.is_authenticated and request.user.is_municipal_contact:
            return redirect("partners:contact_home")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        todos = todos_for(self.request.user, current_processes(today=today))
        return super().get_context_data(
            processes=selectors.process_overview(today=today), today=today, todos=todos, **kwargs
        )


class ProcessCreateView(RuleRequiredMixin, FormView):
    permission_required = "planning.add_process"
    template_name = "planning/process_form.html"
    form_class = ProcessForm

    def form_valid(self, form):
        try:
            process = services.process_create(**form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Proces %(process)s is aangemaakt, met de standaardfasen.") % {"process": process.short_name},
        )
        return redirect(process)


class ProcessUpdateView(RuleRequiredMixin, UpdateView):
    permission_required = "planning.change_process"
    template_name = "planning/process_form.html"
    form_class = ProcessForm
    context_object_name = "process"

    def get_object(self, queryset=None):
        return get_process_for_user(self.request.user, self.kwargs["slug"], write=True)

    def form_valid(self, form):
        process = form.save()
        messages.success(self.request, _("De gegevens van %(process)s zijn opgeslagen.") % {"process": process})
        return redirect(process)


class ProcessCopyView(RuleRequiredMixin, FormView):
    """Start a new process from this one's planning, moved a number of years (see services.process_copy)."""

    permission_required = "planning.add_process"
    template_name = "planning/process_copy.html"
    form_class = ProcessCopyForm

    @cached_property
    def source(self):
        # Reached only after the permission check in dispatch.
        return get_process_for_user(self.request.user, self.kwargs["slug"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "source": self.source}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            process=self.source, summary=selectors.process_copy_summary(self.source), **kwargs
        )

    def form_valid(self, form):
        try:
            process = services.process_copy(source=self.source, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Proces %(process)s is aangemaakt als kopie van %(source)s, %(years)s jaar later.")
            % {
                "process": process.short_name,
                "source": self.source.short_name,
                "years": form.cleaned_data["shift_years"],
            },
        )
        return redirect(process)
