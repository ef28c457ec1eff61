"""Pages of the monitoring: the dashboard of a process (every monitored goal with a small chart, filters), a goal's
page (chart and table, statuses with the rule, explanations), entering a moment's values, staff's override, the
indicators, the owner contacts, the measurement moments, what is missing, and the values as XLSX."""

import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from core.errors import add_service_error
from core.fragments import CONTENT_AREA, cached_fragment, cached_html
from core.history import history_versions
from core.limits import parse_id
from core.spreadsheets import XLSX_CONTENT_TYPE
from core.views import ProcessMixin
from documents.forms import TransitionForm, VersionForm
from planning.fragments import role_audience
from planning.models import District, Municipality

from . import report, services
from .access import CHANGE, ENTER, get_contact_for_user, get_goal_for_user, get_indicator_for_user, get_moment_for_user
from .chart import goal_chart
from .exports import values_xlsx
from .forms import (
    ContactForm,
    DashboardFilterForm,
    ExplanationForm,
    GenerateMomentsForm,
    IndicatorForm,
    MomentForm,
    OverrideForm,
    ReportSummaryForm,
    ValueRowForm,
)
from .models import (
    Indicator,
    Measurement,
    MeasurementMoment,
    OwnerContact,
    ProgressAssessment,
    ProgressReport,
    ProgressReportTransition,
    ProgressReportVersion,
)
from .progress import RULE_TEXT
from .report_docx import render_report_docx, report_docx_data
from .selectors import missing_values, moments_of, monitored_goals, monitoring_for
from .units import input_text


class MonitoringMixin(ProcessMixin):
    permission_required = "monitoring.view_monitoring"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change_monitoring"] = self.request.user.has_perm(CHANGE)
        return context


class StaffMixin(MonitoringMixin):
    permission_required = CHANGE


class DashboardView(MonitoringMixin, TemplateView):
    template_name = "monitoring/dashboard.html"

    FILTERS = ("priority", "owner", "district", "status")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The whole page below the menus (monitoring/includes/dashboard_body.html), for these filters as asked:
        # cached under the version of all content, per role, language, day and what the role may do; on a miss it
        # is written from the cached goals and cards below (body_context).
        asked = "&".join(f"{name}={self.request.GET.get(name, '')}" for name in self.FILTERS)
        context["body"] = cached_html(
            "monitoring-dashboard-page",
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[
                self.process.pk,
                timezone.localdate().isoformat(),
                context["can_change_monitoring"],
                hashlib.sha256(asked.encode()).hexdigest()[:16],
            ],
            render=lambda: render_to_string("monitoring/includes/dashboard_body.html", self.body_context(context)),
        )
        return context

    def body_context(self, context: dict) -> dict:
        # Every goal's monitoring and chart, read from many apps: cached under the version of all content
        # (core.fragments), per role, language and day; the filters are applied to the cached list.
        read = cached_fragment(
            "monitoring-dashboard",
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk, timezone.localdate().isoformat()],
            render=self.read_dashboard,
        )
        goals, items, charts = read["goals"], read["items"], read["charts"]
        form = DashboardFilterForm(self.request.GET or None, goals=goals)
        if form.is_valid():
            data = form.cleaned_data
            if data["priority"]:
                items = [item for item in items if str(item.goal.priority_id) == data["priority"]]
            if data["owner"]:
                items = [item for item in items if item.goal.owner == data["owner"]]
            if data["district"]:
                items = [item for item in items if data["district"].pk in item.districts]
            if data["status"]:
                wanted = None if data["status"] == "none" else data["status"]
                items = [item for item in items if (item.latest.status if item.latest else None) == wanted]
        filters = [""] * 4
        if form.is_valid():
            data = form.cleaned_data
            filters = [data["priority"], data["owner"], getattr(data["district"], "pk", ""), data["status"]]
        cards = [(item, charts[item.goal.pk]) for item in items]
        # The cards and the table, written from the cached list: cached in turn per role, language, day and filter.
        cards_html = cached_fragment(
            "monitoring-dashboard-cards",
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk, timezone.localdate().isoformat(), *filters],
            render=lambda: render_to_string(
                "monitoring/includes/dashboard_cards.html",
                {"cards": cards, "moments": read["moments"], "total": len(goals), "process": self.process},
            ),
        )
        return {
            **context,
            "form": form,
            "cards_html": mark_safe(cards_html),  # noqa: S308 - rendered by our template, escaped there
            "moments": read["moments"],
            "total": len(goals),
            "rule_text": RULE_TEXT,
            "years": range(self.process.period_start_year, self.process.period_end_year + 1),
        }

    def read_dashboard(self) -> dict:
        goals = monitored_goals(self.process)
        items = monitoring_for(self.process, goals=goals)
        return {
            "goals": goals,
            "items": items,
            "charts": {item.goal.pk: goal_chart(item, width=300, height=150, small=True) for item in items},
            "moments": moments_of(self.process),
        }


class GoalMixin(MonitoringMixin):
    goal_perm = "monitoring.view_monitoring"

    @cached_property
    def goal(self):
        return get_goal_for_user(self.request.user, self.process, self.kwargs["pk"], perm=self.goal_perm)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.goal  # noqa: B018 - 404 before 403, before any handler runs
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["goal"] = self.goal
        return context

    def goal_url(self):
        return reverse("monitoring:goal", kwargs={"slug": self.process.slug, "pk": self.goal.pk})

    @cached_property
    def moments(self) -> list[MeasurementMoment]:
        return moments_of(self.process)

    @cached_property
    def moment(self) -> MeasurementMoment | None:
        """The moment of ``?moment=``; without one the first moment that still misses values, else the last."""
        raw = self.request.GET.get("moment") or self.request.POST.get("moment")
        if raw:
            if parse_id(raw) is None:
                raise Http404
            return get_moment_for_user(self.request.user, self.process, parse_id(raw))
        if not self.moments:
            return None
        [item] = monitoring_for(self.process, goals=[self.goal], moments=self.moments)
        open_rows = [row for row in item.moments if row.missing]
        return open_rows[0].moment if open_rows else self.moments[-1]


class GoalView(GoalMixin, TemplateView):
    template_name = "monitoring/goal_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        [item] = monitoring_for(self.process, goals=[self.goal], moments=self.moments)
        context.update(
            item=item,
            chart=goal_chart(item),
            rule_text=RULE_TEXT,
            can_enter=self.request.user.has_perm(ENTER, self.goal),
            is_monitored=self.goal.status == self.goal.Status.ADOPTED,
        )
        return context


class GoalHistoryView(GoalMixin, TemplateView):
    template_name = "monitoring/goal_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["value_records"] = (
            Measurement.history.filter(indicator__goal=self.goal)
            .select_related("history_user", "moment", "district", "municipality", "indicator")
            .order_by("-history_id")[:500]
        )
        context["assessment_records"] = (
            ProgressAssessment.history.filter(goal_id=self.goal.pk)
            .select_related("history_user", "moment")
            .order_by("-history_id")[:200]
        )
        context["indicator_versions"] = history_versions(Indicator.history.filter(goal_id=self.goal.pk))
        return context


def value_rows(goal, indicators: list[Indicator], moment: MeasurementMoment, data=None) -> list[dict]:
    """One row per value the page asks for: each indicator for the whole unit, and per district or municipality
    for a regional one; each with its form, filled with what is stored."""
    stored = {
        (m.indicator_id, m.district_id, m.municipality_id): m
        for m in Measurement.objects.filter(indicator__in=indicators, moment=moment)
    }
    areas = {
        Indicator.Scope.DISTRICT: [("district", d) for d in District.objects.order_by("order", "name")],
        Indicator.Scope.MUNICIPALITY: [
            ("municipality", m)
            for m in Municipality.objects.select_related("district").order_by("district__order", "name")
        ],
    }
    rows = []
    for indicator in indicators:
        for kind, area in [(None, None), *areas.get(indicator.scope, [])]:
            key = (indicator.pk, area.pk if kind == "district" else None, area.pk if kind == "municipality" else None)
            existing = stored.get(key)
            prefix = f"v{indicator.pk}-{kind or 'all'}-{area.pk if area else 0}"
            initial = {}
            if existing:
                initial = {
                    "value": input_text(existing.value, indicator.unit),
                    "source": existing.source,
                    "provisional": existing.provisional,
                    "remark": existing.remark,
                }
            rows.append(
                {
                    "indicator": indicator,
                    "kind": kind,
                    "area": area,
                    "form": ValueRowForm(data, prefix=prefix, initial=initial),
                    "existing": existing,
                }
            )
    return rows


class GoalValuesView(GoalMixin, TemplateView):
    """Enter a goal's values at one moment, with the explanation and the actions: all or nothing."""

    template_name = "monitoring/goal_values.html"
    goal_perm = ENTER

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicators = list(self.goal.indicators.order_by("position", "pk"))
        moment = self.moment
        context.update(indicators=indicators, moment=moment, moments=self.moments)
        if moment is not None:
            assessment = ProgressAssessment.objects.filter(goal=self.goal, moment=moment).first()
            context.setdefault("rows", value_rows(self.goal, indicators, moment))
            context.setdefault(
                "explanation_form",
                ExplanationForm(
                    process=self.process,
                    initial={
                        "explanation": assessment.explanation if assessment else "",
                        "actions": list(assessment.actions.all()) if assessment else [],
                    },
                ),
            )
        return context

    def post(self, request, *args, **kwargs):
        moment = self.moment
        if moment is None:
            raise Http404
        indicators = list(self.goal.indicators.order_by("position", "pk"))
        rows = value_rows(self.goal, indicators, moment, data=request.POST)
        explanation_form = ExplanationForm(request.POST, process=self.process)
        valid = all(row["form"].is_valid() for row in rows) and explanation_form.is_valid()
        if valid:
            values = [
                services.ValueData(
                    indicator=row["indicator"],
                    value=row["form"].cleaned_data["value"],
                    source=row["form"].cleaned_data["source"],
                    remark=row["form"].cleaned_data["remark"],
                    provisional=row["form"].cleaned_data["provisional"],
                    district=row["area"] if row["kind"] == "district" else None,
                    municipality=row["area"] if row["kind"] == "municipality" else None,
                )
                for row in rows
                if row["form"].cleaned_data["value"].strip()
            ]
            try:
                services.values_save(goal=self.goal, moment=moment, user=request.user, values=values)
                services.explanation_save(
                    goal=self.goal,
                    moment=moment,
                    user=request.user,
                    explanation=explanation_form.cleaned_data["explanation"],
                    actions=list(explanation_form.cleaned_data["actions"]),
                )
            except ValidationError as error:
                field = next(iter(getattr(error, "error_dict", {}) or {}), "")
                position = int(field.split(".")[1]) if field.startswith("values.") else None
                target = explanation_form
                if position is not None:
                    chosen = [row for row in rows if row["form"].cleaned_data["value"].strip()]
                    target = chosen[position]["form"]
                    target.add_error("value", error.messages)
                else:
                    add_service_error(explanation_form, error)
                valid = False
            else:
                messages.success(
                    request,
                    _("De waarden van %(moment)s zijn opgeslagen (%(count)d).")
                    % {"moment": moment.label, "count": len(values)},
                )
                return redirect(self.goal_url())
        context = self.get_context_data(rows=rows, explanation_form=explanation_form, has_errors=True)
        return self.render_to_response(context, status=400)


class GoalStatusView(GoalMixin, FormView):
    """Staff set a goal's status at a moment themselves, with a reason (or return to the computed one)."""

    template_name = "monitoring/goal_status.html"
    form_class = OverrideForm
    goal_perm = CHANGE

    def get_initial(self):
        assessment = (
            ProgressAssessment.objects.filter(goal=self.goal, moment=self.moment).first() if self.moment else None
        )
        return {"status": assessment.override_status, "reason": assessment.override_reason} if assessment else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(moment=self.moment, moments=self.moments, rule_text=RULE_TEXT)
        if self.moment:
            [item] = monitoring_for(self.process, goals=[self.goal], moments=[self.moment])
            context["row"] = item.moments[0]
        return context

    def form_valid(self, form):
        if self.moment is None:
            raise Http404
        try:
            services.status_override(
                goal=self.goal,
                moment=self.moment,
                user=self.request.user,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De status is opgeslagen."))
        return redirect(self.goal_url())


def _indicator_data(form) -> services.IndicatorData:
    return services.IndicatorData(**form.cleaned_data)


class GoalIndicatorCreateView(GoalMixin, FormView):
    template_name = "monitoring/indicator_form.html"
    form_class = IndicatorForm
    goal_perm = CHANGE

    def get_initial(self):
        return {"name": self.goal.indicator}

    def form_valid(self, form):
        try:
            services.indicator_create(goal=self.goal, user=self.request.user, data=_indicator_data(form))
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De indicator is toegevoegd."))
        return redirect(self.goal_url())


class IndicatorUpdateView(MonitoringMixin, FormView):
    template_name = "monitoring/indicator_form.html"
    form_class = IndicatorForm
    permission_required = CHANGE

    @cached_property
    def indicator(self):
        return get_indicator_for_user(self.request.user, self.process, self.kwargs["pk"])

    def get_initial(self):
        indicator = self.indicator
        return {
            "name": indicator.name,
            "unit": indicator.unit,
            "baseline": input_text(indicator.baseline, indicator.unit),
            "target": input_text(indicator.target, indicator.unit),
            "scope": indicator.scope,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(goal=self.indicator.goal, indicator=self.indicator)
        return context

    def post(self, request, *args, **kwargs):
        if "delete" in request.POST:
            try:
                services.indicator_delete(indicator=self.indicator, user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(request.path)
            messages.success(request, _("De indicator is verwijderd."))
            return redirect(self.indicator.get_absolute_url())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.indicator_update(indicator=self.indicator, user=self.request.user, data=_indicator_data(form))
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De indicator is opgeslagen."))
        return redirect(self.indicator.get_absolute_url())


class GoalContactsView(GoalMixin, FormView):
    template_name = "monitoring/goal_contacts.html"
    form_class = ContactForm
    goal_perm = CHANGE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contacts"] = OwnerContact.objects.filter(goal=self.goal).select_related("user", "user__district")
        return context

    def post(self, request, *args, **kwargs):
        remove = request.POST.get("remove")
        if remove:
            if parse_id(remove) is None:
                raise Http404
            services.contact_remove(
                item=get_contact_for_user(request.user, self.goal, parse_id(remove)), user=request.user
            )
            messages.success(request, _("De contactpersoon is verwijderd."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.contact_add(goal=self.goal, user=self.request.user, contact=form.cleaned_data["user"])
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De contactpersoon is toegevoegd."))
        return redirect(self.request.path)


class MomentListView(StaffMixin, TemplateView):
    """The measurement moments of the process: the list, one more, or a yearly or half-yearly rhythm."""

    template_name = "monitoring/moment_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", MomentForm())
        context.setdefault("generate_form", GenerateMomentsForm())
        context["moments"] = moments_of(self.process)
        return context

    def post(self, request, *args, **kwargs):
        if "generate" in request.POST:
            generate_form = GenerateMomentsForm(request.POST)
            if generate_form.is_valid():
                made = services.moments_generate(
                    process=self.process, user=request.user, half_yearly=generate_form.cleaned_data["half_yearly"]
                )
                messages.success(request, _("%(count)d meetmomenten toegevoegd.") % {"count": len(made)})
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(generate_form=generate_form), status=400)
        form = MomentForm(request.POST)
        if form.is_valid():
            try:
                services.moment_create(
                    process=self.process,
                    user=request.user,
                    measured_on=form.cleaned_data["measured_on"],
                    label=form.cleaned_data["label"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Het meetmoment is toegevoegd."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class MomentDeleteView(StaffMixin, View):
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        moment = get_moment_for_user(request.user, self.process, self.kwargs["pk"], write=True)
        try:
            services.moment_delete(moment=moment, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het meetmoment is verwijderd."))
        return redirect("monitoring:moment_list", slug=self.process.slug)


class MissingView(StaffMixin, TemplateView):
    """For staff: which goals still miss values at which moment, and who would enter them."""

    template_name = "monitoring/missing.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = missing_values(self.process)
        return context


class ValuesXlsxView(MonitoringMixin, View):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(values_xlsx(self.process), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="monitoring-{self.process.slug}.xlsx"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class ReportMixin(MonitoringMixin):
    @cached_property
    def year(self) -> int:
        year = self.kwargs["year"]
        if not (self.process.period_start_year <= year <= self.process.period_end_year):
            raise Http404
        return year


# The steps of the report's workflow as the page offers them: the button's words and the date's label.
REPORT_STEPS = {
    ProgressReport.Status.SENT_TO_RVO: (gettext_lazy("Aanbieden aan het RVO"), gettext_lazy("Datum van het RVO")),
    ProgressReport.Status.FOR_ADOPTION: (
        gettext_lazy("Ter vaststelling naar het Bestuurscollege"),
        gettext_lazy("Datum van het Bestuurscollege"),
    ),
    ProgressReport.Status.ADOPTED: (
        gettext_lazy("Vastgesteld door het Bestuurscollege"),
        gettext_lazy("Datum van vaststelling"),
    ),
    ProgressReport.Status.CONCEPT: (
        gettext_lazy("Terug naar concept"),
        gettext_lazy("Datum van de vergadering (optioneel)"),
    ),
}


class ReportView(ReportMixin, TemplateView):
    """A year's progress report: its status and steps, the summary (staff write it), its versions, PDF and .docx."""

    template_name = "monitoring/report_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = (
            ProgressReport.objects.filter(process=self.process, year=self.year)
            .prefetch_related(
                Prefetch("versions", queryset=ProgressReportVersion.objects.select_related("created_by")),
                Prefetch("transitions", queryset=ProgressReportTransition.objects.select_related("by", "version")),
            )
            .select_related("milestone")
            .first()
        )
        status = report.status if report else ProgressReport.Status.CONCEPT
        context.update(
            year=self.year,
            report=report,
            years=range(self.process.period_start_year, self.process.period_end_year + 1),
        )
        if context["can_change_monitoring"] and not (report and report.is_frozen):
            context.setdefault(
                "summary_form", ReportSummaryForm(initial={"summary_html": report.summary_html if report else ""})
            )
            context.update(
                version_form=VersionForm(),
                steps=[
                    {"status": step, "label": REPORT_STEPS[step][0]}
                    for step in services.REPORT_WORKFLOW.allowed(status)
                ],
            )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(CHANGE):
            raise PermissionDenied
        form = ReportSummaryForm(request.POST)
        if form.is_valid():
            try:
                services.report_summary_save(
                    process=self.process,
                    year=self.year,
                    user=request.user,
                    summary_html=form.cleaned_data["summary_html"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("De samenvatting is opgeslagen."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(summary_form=form), status=400)


class ReportVersionCreateView(ReportMixin, View):
    """Freeze the report as it is now as its next version (staff; POST only)."""

    permission_required = CHANGE

    def post(self, request, *args, **kwargs):
        form = VersionForm(request.POST)
        address = reverse("monitoring:report", kwargs={"slug": self.process.slug, "year": self.year})
        if not form.is_valid():
            messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
            return redirect(address)
        try:
            version = services.report_version_create(
                process=self.process, year=self.year, user=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Versie %(label)s is vastgelegd.") % {"label": version.label})
        return redirect(address)


class ReportTransitionView(ReportMixin, FormView):
    """One step of the report's workflow, with the meeting's date and a note (staff)."""

    template_name = "monitoring/report_transition.html"
    permission_required = CHANGE
    form_class = TransitionForm

    def dispatch(self, request, *args, **kwargs):
        if kwargs["status"] not in REPORT_STEPS:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def report(self) -> ProgressReport | None:
        return ProgressReport.objects.filter(process=self.process, year=self.year).first()

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["meeting_date"].label = REPORT_STEPS[self.kwargs["status"]][1]
        if self.kwargs["status"] == ProgressReport.Status.CONCEPT:
            form.fields["note"].label = _("Reden")
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.report.status if self.report else ProgressReport.Status.CONCEPT
        context.update(
            year=self.year,
            report=self.report,
            status_label=ProgressReport.Status(status).label,
            step_label=REPORT_STEPS[self.kwargs["status"]][0],
            allowed=self.kwargs["status"] in services.REPORT_WORKFLOW.allowed(status),
        )
        return context

    def form_valid(self, form):
        try:
            transition = services.report_transition(
                process=self.process,
                year=self.year,
                user=self.request.user,
                to_status=self.kwargs["status"],
                meeting_date=form.cleaned_data.get("meeting_date"),
                note=form.cleaned_data.get("note", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("De voortgangsrapportage is nu: %(status)s. Versie %(label)s is vastgelegd.")
            % {"status": transition.get_to_status_display(), "label": transition.version.label},
        )
        return redirect(reverse("monitoring:report", kwargs={"slug": self.process.slug, "year": self.year}))


class ReportDocxView(ReportMixin, View):
    """The year's report as .docx (the adopted version's snapshot once adopted), written in the request."""

    def get(self, request, *args, **kwargs):
        content, data, date = report_docx_data(self.process, self.year)
        response = HttpResponse(
            render_report_docx(content, data, date),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        filename = f"voortgangsrapportage-{self.process.slug}-{self.year}.docx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class ReportPdfView(ReportMixin, TemplateView):
    """The year's report as PDF: served from the render cache, or made in the background while this page waits."""

    template_name = "monitoring/report_rendering.html"

    def get(self, request, *args, **kwargs):
        html = report.report_html(self.process, self.year)
        name = report.cached_pdf(html)
        if name is None:
            report.request_render(self.process, self.year)
            name = report.cached_pdf(html)  # made at once when the tasks run in this process
        if name is None:
            response = self.render_to_response(self.get_context_data(year=self.year))
            response["Refresh"] = "3"
            return response
        response = FileResponse(
            storages["private"].open(name, "rb"),
            as_attachment=True,
            filename=f"voortgangsrapportage-{self.process.slug}-{self.year}.pdf",
            content_type="application/pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
