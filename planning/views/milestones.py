"""Milestones of a process: list, detail, create, edit, delete and history."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DeleteView, DetailView, TemplateView, UpdateView

from core.deflated import DeflatedHTML, DeflatedPiecesMixin
from core.fragments import cached_fragment
from core.history import history_versions
from core.views import ProcessMixin

from .. import rows_html
from ..access import get_milestone_for_user
from ..conflicts import conflicts_by_milestone, milestone_conflicts, planning_milestones, process_conflicts
from ..forms.milestones import MilestoneForm
from ..fragments import PLANNING_AREA, role_audience
from ..models import Milestone, Phase
from ..services_schedule import milestone_delete


class MilestoneObjectMixin(ProcessMixin):
    write = False

    def get_object(self, queryset=None):
        return get_milestone_for_user(self.request.user, self.process, self.kwargs["pk"], write=self.write)


@dataclass
class PhaseGroup:
    phase: Phase | None
    milestones: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.phase.name if self.phase else gettext("Zonder fase")


class MilestoneListView(DeflatedPiecesMixin, ProcessMixin, TemplateView):
    """The milestones by phase with their conflicts: the same for every reader of the process, so the list below
    the filter is one fragment cached per process, day, filter, role and language on the version of the
    planning's data (``core.fragments``, ``planning.fragments``); the staff-only button stays outside it."""

    permission_required = "planning.view_milestone"
    template_name = "planning/milestone_list.html"

    def render_content(self, phases: list[Phase], phase_filter: str, status_filter: str, can_change: bool) -> str:
        milestones = planning_milestones(self.process)
        if phase_filter == "geen":
            milestones = milestones.filter(phase__isnull=True)
        elif phase_filter:
            milestones = milestones.filter(phase_id=phase_filter)
        if status_filter:
            milestones = milestones.filter(status=status_filter)
        milestones = list(milestones)

        # A milestone's conflicts depend only on itself, what it depends on and absences, so a filtered list
        # still shows the right markers.
        conflicts = conflicts_by_milestone(milestone_conflicts(milestones, today=timezone.localdate()))
        groups = {phase.pk: PhaseGroup(phase) for phase in phases}
        no_phase = PhaseGroup(None)
        for milestone in milestones:
            milestone.conflicts = conflicts.get(milestone.pk, [])
            groups.get(milestone.phase_id, no_phase).milestones.append(milestone)
        slug = self.process.slug
        heading = render_to_string(
            "planning/includes/milestone_filter.html",
            {
                "process": self.process,
                "can_change": can_change,
                "phases": phases,
                "statuses": Milestone.Status.choices,
                "phase_filter": phase_filter,
                "status_filter": status_filter,
            },
        )
        return heading + render_to_string(
            "planning/includes/milestone_groups.html",
            {
                "groups": [
                    (group, rows_html.milestone_list_rows(group.milestones, slug))
                    for group in [*groups.values(), no_phase]
                    if group.milestones
                ],
                "milestone_count": len(milestones),
                "conflict_count": sum(1 for m in milestones if m.conflicts),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The phases (for the filter), cached with the planning they belong to.
        phases = cached_fragment(
            "planning-phases",
            areas=[PLANNING_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk],
            render=lambda: list(self.process.phases.all()),
        )
        can_change = self.request.user.has_perm("planning.change_milestone")
        phase_filter = self.request.GET.get("fase", "")
        status_filter = self.request.GET.get("status", "")
        if phase_filter not in {str(p.pk) for p in phases} | {"geen"}:
            phase_filter = ""
        if status_filter not in Milestone.Status.values:
            status_filter = ""
        # The heading, the filter and the list, kept compressed (core.deflated): 156 KB of HTML at 10x, compressed
        # once instead of on every request.
        piece = cached_fragment(
            "planning-milestones-pieces",
            areas=[PLANNING_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk, timezone.localdate().isoformat(), phase_filter, status_filter, can_change],
            render=lambda: DeflatedHTML.of(self.render_content(phases, phase_filter, status_filter, can_change)),
        )
        context["content"] = self.deflated(piece)
        return context


class MilestoneDetailView(MilestoneObjectMixin, DetailView):
    permission_required = "planning.view_milestone"
    template_name = "planning/milestone_detail.html"
    context_object_name = "milestone"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        milestone = self.object
        conflicts = conflicts_by_milestone(process_conflicts(self.process)).get(milestone.pk, [])
        context.update(
            dependencies=list(milestone.depends_on.all()),
            dependents=list(milestone.dependents.all()),
            actions=list(milestone.actions.select_related("owner")),
            conflicts=conflicts,
            today=timezone.localdate(),
        )
        return context


class MilestoneCreateView(ProcessMixin, CreateView):
    permission_required = "planning.change_milestone"
    form_class = MilestoneForm
    template_name = "planning/milestone_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, gettext("Mijlpaal '%(title)s' is toegevoegd.") % {"title": self.object.title})
        return response


class MilestoneUpdateView(MilestoneObjectMixin, UpdateView):
    permission_required = "planning.change_milestone"
    form_class = MilestoneForm
    template_name = "planning/milestone_form.html"
    context_object_name = "milestone"
    write = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, gettext("Mijlpaal '%(title)s' is opgeslagen.") % {"title": self.object.title})
        return response


class MilestoneDeleteView(MilestoneObjectMixin, DeleteView):
    permission_required = "planning.change_milestone"
    template_name = "planning/milestone_confirm_delete.html"
    context_object_name = "milestone"
    write = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dependents"] = list(self.object.dependents.all())
        context["action_count"] = self.object.actions.count()
        return context

    def form_valid(self, form):
        title = self.object.title
        milestone_delete(milestone=self.object)
        messages.success(self.request, gettext("Mijlpaal '%(title)s' is verwijderd.") % {"title": title})
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        return reverse("planning:milestone_list", kwargs={"slug": self.process.slug})


class MilestoneHistoryView(MilestoneObjectMixin, DetailView):
    permission_required = "planning.view_milestone"
    template_name = "planning/milestone_history.html"
    context_object_name = "milestone"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = history_versions(
            self.object.history.all(),
            select_related=("phase", "body", "responsible_person"),
            m2m_fields=("depends_on",),
            combine_when=True,
        )
        context["history_title"] = _("Wijzigingen van deze mijlpaal")
        return context
