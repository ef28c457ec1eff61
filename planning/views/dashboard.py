"""A process at a glance: the dashboard, the timeline and the list of open conflicts."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.generic import TemplateView

from core.dates import format_date
from core.deflated import DeflatedHTML, DeflatedPiecesMixin
from core.fragments import cached_fragment
from core.limits import parse_id
from core.panels import collect_panels
from core.views import ProcessMixin

from .. import rows_html, selectors
from ..fragments import PLANNING_AREA, role_audience
from ..hooks import DASHBOARD_PANELS
from ..models import Milestone, Phase
from ..todo import todos_for


class _ProcessPageMixin(ProcessMixin):
    """A read-only page of one process."""

    permission_required = "planning.view_process"
    # A closed past cycle reads as of its own last date (planning.selectors.reading_date), not today.
    as_of_own_date = True

    def get_context_data(self, **kwargs):
        self.actual_today = timezone.localdate()
        self.is_past = selectors.is_past(self.process, today=self.actual_today)
        self.today = self.reading_date() if self.as_of_own_date else self.actual_today
        return super().get_context_data(today=self.today, today_display=format_date(self.today), **kwargs)

    def reading_date(self):
        """The process's reading date (a query for a past cycle): from the cache while the planning is unchanged,
        per process, day and role (core.fragments)."""
        if not self.is_past:
            return self.actual_today
        return cached_fragment(
            "planning-reading-date",
            areas=[PLANNING_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk, self.actual_today.isoformat()],
            render=lambda: selectors.reading_date(self.process, today=self.actual_today),
        )


class DashboardView(_ProcessPageMixin, TemplateView):
    template_name = "planning/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The phase progress, what comes next and the open conflicts, as HTML, from the cache while the planning
        # is unchanged (core.fragments): per process, day, role and language, so no role is ever served another's.
        context.update(
            dashboard=cached_fragment(
                "planning-dashboard",
                areas=[PLANNING_AREA],
                audience=role_audience(self.request.user),
                parts=[self.process.pk, self.today.isoformat()],
                render=self.render_overview,
            ),
            panels=collect_panels(DASHBOARD_PANELS, process=self.process, user=self.request.user),
            # A past cycle has nothing left to do; its dashboard reads as of its own dates.
            todos=None if self.is_past else todos_for(self.request.user, [self.process]),
        )
        return context

    def render_overview(self) -> dict:
        conflicts = selectors.conflict_groups(self.process, today=self.today)
        phases = selectors.phase_progress(self.process)
        context = {
            "process": self.process,
            "phases": phases,
            "total_done": sum(phase.done for phase in phases),
            "total_milestones": sum(phase.total for phase in phases),
            "upcoming": selectors.upcoming(self.process, today=self.today),
            "planning_problems": conflicts.planning_problems,
            "overdue": conflicts.overdue,
        }
        return {
            "overview": mark_safe(render_to_string("planning/includes/dashboard_overview.html", context)),  # noqa: S308
            "conflicts": mark_safe(  # noqa: S308 - rendered by our templates, escaped there
                render_to_string("planning/includes/dashboard_conflict_section.html", context)
            ),
        }


class TimelineView(DeflatedPiecesMixin, _ProcessPageMixin, TemplateView):
    """The timeline: the same for every reader of the process (no absence's reason, nothing a role changes), so
    everything below the heading is one fragment cached per process, day, filter, role and language on the
    version of the planning's data (``core.fragments``, ``planning.fragments``)."""

    template_name = "planning/timeline.html"
    as_of_own_date = False  # its line is today's, wherever that falls

    def render_content(self, phase: str, body: str) -> str:
        timeline = selectors.process_timeline(self.process, today=self.today, phase=phase, body=body)
        slug = self.process.slug
        return render_to_string(
            "planning/includes/timeline_content.html",
            {
                "process": self.process,
                "timeline": timeline,
                "chart_groups": [(group, rows_html.timeline_chart_rows(group, slug)) for group in timeline.groups],
                "table_rows": rows_html.timeline_table_rows(timeline.groups, slug),
            },
        )

    def _cacheable(self, phase: str, body: str) -> bool:
        """Only the whole timeline and filters by a phase or body the process has are cached: a filter value is
        free input, and every other value shows the same nothing."""
        for value, exists in (
            (phase, lambda pk: Phase.objects.filter(process=self.process, pk=pk).exists()),
            (body, lambda pk: Milestone.objects.filter(process=self.process, body_id=pk).exists()),
        ):
            if value and not (str(parse_id(value)) == value and exists(int(value))):
                return False
        return True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        phase = self.request.GET.get("fase", "")[:20]
        body = self.request.GET.get("orgaan", "")[:20]
        if self._cacheable(phase, body):
            # Kept compressed (core.deflated): 280 KB of HTML at 10x, compressed once instead of on every request.
            piece = cached_fragment(
                "planning-timeline-pieces",
                areas=[PLANNING_AREA],
                audience=role_audience(self.request.user),
                parts=[self.process.pk, self.today.isoformat(), phase, body],
                render=lambda: DeflatedHTML.of(self.render_content(phase, body)),
            )
            context["content"] = self.deflated(piece)
        else:
            context["content"] = mark_safe(self.render_content(phase, body))  # noqa: S308 - our templates, escaped
        return context


class ConflictListView(_ProcessPageMixin, TemplateView):
    template_name = "planning/conflict_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        conflicts = selectors.conflict_groups(self.process, today=self.today)
        context.update(planning_problems=conflicts.planning_problems, overdue=conflicts.overdue)
        return context
