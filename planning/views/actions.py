"""Actions of a process (list, detail, create, edit, delete, history) and absences of people (staff only)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DeleteView, DetailView, ListView, TemplateView, UpdateView

from core.history import history_versions
from core.views import ProcessMixin, RuleRequiredMixin

from ..access import get_action_for_user
from ..forms.actions import AbsenceForm, ActionForm
from ..models import Absence, Action

# The ?toon= filter of the action list.
ACTION_FILTERS = {
    "open": _("Open"),
    "te-laat": _("Te laat"),
    "gedaan": _("Gedaan"),
    "alle": _("Alle"),
}


class ActionObjectMixin(ProcessMixin):
    write = False

    def get_object(self, queryset=None):
        return get_action_for_user(self.request.user, self.process, self.kwargs["pk"], write=self.write)


class ActionListView(ProcessMixin, TemplateView):
    permission_required = "planning.view_action"
    template_name = "planning/action_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        shown = self.request.GET.get("toon", "alle")
        if shown not in ACTION_FILTERS:
            shown = "alle"
        actions = Action.objects.filter(process=self.process).select_related("owner", "milestone")
        if shown == "open":
            actions = actions.filter(done_on__isnull=True)
        elif shown == "te-laat":
            actions = actions.filter(done_on__isnull=True, due_on__lt=today)
        elif shown == "gedaan":
            actions = actions.filter(done_on__isnull=False)
        actions = list(actions)
        for action in actions:
            action.overdue = action.is_overdue(today)
        context.update(
            actions=actions,
            filters=ACTION_FILTERS.items(),
            shown=shown,
            today=today,
            open_count=sum(1 for a in actions if not a.is_done),
            overdue_count=sum(1 for a in actions if a.overdue),
        )
        return context


class ActionDetailView(ActionObjectMixin, DetailView):
    permission_required = "planning.view_action"
    template_name = "planning/action_detail.html"
    context_object_name = "action"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        context["overdue"] = self.object.is_overdue(context["today"])
        return context


class ActionCreateView(ProcessMixin, CreateView):
    permission_required = "planning.change_action"
    form_class = ActionForm
    template_name = "planning/action_form.html"

    def get_initial(self):
        initial = super().get_initial()
        # "Actie toevoegen" on a milestone page passes the milestone along; the form limits it to this process.
        if milestone := self.request.GET.get("mijlpaal", "").strip():
            initial["milestone"] = milestone
        return initial

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, gettext("Actie '%(title)s' is toegevoegd.") % {"title": self.object.title})
        return response


class ActionUpdateView(ActionObjectMixin, UpdateView):
    permission_required = "planning.change_action"
    form_class = ActionForm
    template_name = "planning/action_form.html"
    context_object_name = "action"
    write = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, gettext("Actie '%(title)s' is opgeslagen.") % {"title": self.object.title})
        return response


class ActionDeleteView(ActionObjectMixin, DeleteView):
    permission_required = "planning.change_action"
    template_name = "planning/action_confirm_delete.html"
    context_object_name = "action"
    write = True

    def form_valid(self, form):
        messages.success(self.request, gettext("Actie '%(title)s' is verwijderd.") % {"title": self.object.title})
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("planning:action_list", kwargs={"slug": self.process.slug})


class ActionHistoryView(ActionObjectMixin, DetailView):
    permission_required = "planning.view_action"
    template_name = "planning/action_history.html"
    context_object_name = "action"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = history_versions(self.object.history.all(), select_related=("milestone", "owner"))
        context["history_title"] = _("Wijzigingen van deze actie")
        return context


# --- Absences: people, not processes, so staff reach them directly --------------------------------------------


class AbsenceListView(RuleRequiredMixin, ListView):
    permission_required = "planning.view_absence"
    template_name = "planning/absence_list.html"
    context_object_name = "absences"

    def get_queryset(self):
        return Absence.objects.select_related("person").prefetch_related("person__bodies")


class AbsenceObjectMixin:
    def get_object(self, queryset=None):
        # Staff-only views (checked by the mixin before this runs); absences belong to no process.
        return get_object_or_404(Absence.objects.select_related("person"), pk=self.kwargs["pk"])


class AbsenceCreateView(RuleRequiredMixin, CreateView):
    permission_required = "planning.change_absence"
    form_class = AbsenceForm
    template_name = "planning/absence_form.html"
    success_url = reverse_lazy("planning:absence_list")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, gettext("Afwezigheid van %(person)s is vastgelegd.") % {"person": self.object.person.name}
        )
        return response


class AbsenceUpdateView(RuleRequiredMixin, AbsenceObjectMixin, UpdateView):
    permission_required = "planning.change_absence"
    form_class = AbsenceForm
    template_name = "planning/absence_form.html"
    context_object_name = "absence"
    success_url = reverse_lazy("planning:absence_list")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, gettext("Afwezigheid van %(person)s is opgeslagen.") % {"person": self.object.person.name}
        )
        return response


class AbsenceDeleteView(RuleRequiredMixin, AbsenceObjectMixin, DeleteView):
    permission_required = "planning.change_absence"
    template_name = "planning/absence_confirm_delete.html"
    context_object_name = "absence"
    success_url = reverse_lazy("planning:absence_list")

    def form_valid(self, form):
        messages.success(
            self.request, gettext("Afwezigheid van %(person)s is verwijderd.") % {"person": self.object.person.name}
        )
        return super().form_valid(form)
