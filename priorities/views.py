"""Pages of the long list: the list with the criteria at a glance, a priority with its evidence, the forms, the
BBG's consent (approve, send, reopen), the list next to the scan, and the history.

Views parse input, reach objects through the access helpers, call a service and render or redirect.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.errors import add_service_error
from core.fragments import CONTENT_AREA, cached_html
from core.history import history_versions
from core.panels import collect_columns, collect_panels
from core.views import ProcessMixin
from scan.models import PlanTheme
from scan.selectors import sources_visible_to

from . import services
from .access import get_priority_for_user
from .forms import (
    ApproveForm,
    CriteriaForm,
    PartnerRoleFormSet,
    PriorityForm,
    ReopenForm,
    SendForm,
    roles_from_formset,
)
from .fragments import reader_audience
from .history import assessment_versions, partner_role_versions, source_changes_for
from .hooks import LONGLIST_PANELS, PRIORITY_LIST_COLUMNS, PRIORITY_PANELS, REOPEN_WARNINGS
from .models import CRITERION_SHORT_LABELS, MAX_PRIORITIES, Criterion, LongList, Priority
from .selectors import (
    criterion_cells,
    long_list_for,
    majority_proposals,
    municipality_total,
    priorities_for,
    share_percent,
    theme_municipality_counts,
    user_sees_confidential,
)


class ProcessViewMixin(ProcessMixin):
    """A page of one process's long list (core.views.ProcessMixin: login, permission, then the process)."""

    permission_required = "priorities.view_priority"

    @cached_property
    def long_list(self) -> LongList:
        return long_list_for(self.process)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["long_list"] = SimpleLazyObject(lambda: self.long_list)  # read where a page shows it
        context["can_change"] = self.request.user.has_perm("priorities.change_priority")
        return context


class PriorityViewMixin(ProcessViewMixin):
    write = False

    def get(self, request, *args, **kwargs):
        # An edit page of a frozen list sends the user back with the reason; a POST is refused by the service.
        if self.write and self.long_list.is_frozen:
            messages.error(request, self.long_list.freeze_message)
            return redirect(self.priority.get_absolute_url())
        return super().get(request, *args, **kwargs)

    @cached_property
    def priority(self) -> Priority:
        return get_priority_for_user(self.request.user, self.process, self.kwargs["pk"], write=self.write)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["priority"] = self.priority
        return context


# --- Reading --------------------------------------------------------------------------------------------------


class LongListView(ProcessViewMixin, TemplateView):
    template_name = "priorities/longlist_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The whole page below the menus (priorities/includes/longlist_body.html): the status, the table with the
        # apps' columns (comments: open threads) and the panels (the previous period). Read from the long list, the
        # scan, the assessments and the reviews, so cached under the version of all content (core.fragments), per
        # role and whether the reader sees confidential sources, and per whether the reader may change the list.
        # Only readers with a role reach this page; for them the columns and panels depend on nothing else.
        context["body"] = cached_html(
            "priorities-longlist-body",
            areas=[CONTENT_AREA],
            audience=reader_audience(self.request.user),
            parts=[self.process.pk, context["can_change"]],
            render=lambda: self.render_body(context),
        )
        return context

    def render_body(self, context) -> str:
        priorities = self.read_priorities()
        return render_to_string(
            "priorities/includes/longlist_body.html",
            {
                **context,
                "priorities": priorities,
                "max_priorities": MAX_PRIORITIES,
                "list_is_full": len(priorities) >= MAX_PRIORITIES,
                "can_add": not self.long_list.is_frozen and len(priorities) < MAX_PRIORITIES,
                "panels": collect_panels(
                    LONGLIST_PANELS, process=self.process, priorities=priorities, user=self.request.user
                ),
                "table": mark_safe(self.render_table(priorities)),  # noqa: S308 - rendered by our template
            },
        )

    def render_table(self, priorities) -> str:
        return render_to_string(
            "priorities/includes/longlist_table.html",
            {
                "priorities": priorities,
                "criterion_headings": [(CRITERION_SHORT_LABELS[criterion], criterion.label) for criterion in Criterion],
                "columns": collect_columns(PRIORITY_LIST_COLUMNS, user=self.request.user, objects=priorities),
            },
        )

    def read_priorities(self) -> list:
        priorities = list(priorities_for(self.process, self.request.user))
        proposals = majority_proposals(self.process, priorities)
        for priority in priorities:
            priority.cells = criterion_cells(priority)
            priority.proposal = proposals[priority.pk]
        return priorities


class PriorityDetailView(PriorityViewMixin, TemplateView):
    template_name = "priorities/priority_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        priority = priorities_for(self.process, self.request.user).get(pk=self.priority.pk)
        themes = list(priority.themes.all())
        counts = theme_municipality_counts(self.process, [theme.pk for theme in themes])
        total = municipality_total()
        for theme in themes:
            theme.municipalities = counts.get(theme.pk, 0)
            theme.share = share_percent(theme.municipalities, total)
        context.update(
            priority=priority,
            themes=themes,
            municipality_total=total,
            sources=list(priority.sources.all()),
            roles=list(priority.roles.all()),
            cells=criterion_cells(priority),
            proposal=majority_proposals(self.process, [priority])[priority.pk],
            sees_confidential=user_sees_confidential(self.request.user),
            panels=collect_panels(PRIORITY_PANELS, priority=priority, user=self.request.user),
        )
        return context


class LongListScanView(ProcessViewMixin, TemplateView):
    """The list next to the scan: per priority its themes and how many municipalities name them, and the themes
    the scan found that no priority covers."""

    template_name = "priorities/longlist_scan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        priorities = list(priorities_for(self.process, self.request.user))
        proposals = majority_proposals(self.process, priorities)
        rows = (
            PlanTheme.objects.filter(plan__process=self.process)
            .values("theme_id", "theme__name")
            .annotate(municipalities=Count("plan__municipality", distinct=True))
            .order_by("-municipalities", "theme__name")
        )
        counts = {row["theme_id"]: row["municipalities"] for row in rows}
        total = municipality_total()
        covered = set()
        for priority in priorities:
            priority.proposal = proposals[priority.pk]
            priority.theme_rows = []
            for theme in priority.themes.all():
                covered.add(theme.pk)
                count = counts.get(theme.pk, 0)
                priority.theme_rows.append((theme, count, share_percent(count, total)))
        uncovered = [
            (row["theme__name"], row["municipalities"], share_percent(row["municipalities"], total))
            for row in rows
            if row["theme_id"] not in covered
        ]
        context.update(
            priorities=priorities,
            uncovered=uncovered,
            municipality_total=total,
            threshold=self.process.majority_threshold,
        )
        return context


class PriorityHistoryView(PriorityViewMixin, TemplateView):
    template_name = "priorities/priority_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        sees_all = user_sees_confidential(user)
        versions = history_versions(
            self.priority.history.all(),
            select_related=("continues",),
            m2m_fields=("themes", "sources") if sees_all else ("themes",),
            exclude=("process", "updated_at") if sees_all else ("process", "updated_at", "sources"),
        )
        if not sees_all:
            source_changes_for(versions, visible_ids=set(sources_visible_to(user).values_list("pk", flat=True)))
        context.update(
            versions=versions,
            role_versions=partner_role_versions(self.priority),
            assessment_versions=assessment_versions(self.priority),
        )
        return context


class LongListHistoryView(ProcessViewMixin, TemplateView):
    """The list's consent history (approved, sent, reopened with the reason) and the priorities removed."""

    template_name = "priorities/longlist_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        long_list = self.long_list
        context["versions"] = (
            history_versions(long_list.history.all(), select_related=("approved_at_meeting",)) if long_list.pk else []
        )
        context["removed"] = (
            Priority.history.filter(process=self.process, history_type="-")
            .select_related("history_user")
            .order_by("-history_date")
        )
        return context


# --- Writing a priority ---------------------------------------------------------------------------------------


class PriorityFormMixin:
    template_name = "priorities/priority_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formset", self.get_formset())
        return context

    def form_valid(self, form):
        formset = self.get_formset()
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        data = form.cleaned_data
        try:
            priority = self.save_priority(data, roles_from_formset(formset))
        except ValidationError as error:
            add_service_error(form, error)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        messages.success(self.request, self.success_message % {"title": priority.title})
        return redirect(priority.get_absolute_url())


class PriorityCreateView(ProcessViewMixin, PriorityFormMixin, FormView):
    permission_required = "priorities.change_priority"
    success_message = _("Prioriteit '%(title)s' staat op de lange lijst.")

    def get(self, request, *args, **kwargs):
        # The button is hidden when the list is full or frozen; the service refuses a POST anyway.
        refusal = self.long_list.freeze_message
        if not refusal and Priority.objects.filter(process=self.process).count() >= MAX_PRIORITIES:
            refusal = _("De lange lijst heeft al %(max)s prioriteiten, het maximum.") % {"max": MAX_PRIORITIES}
        if refusal:
            messages.error(request, refusal)
            return redirect("priorities:longlist", slug=self.process.slug)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process}

    def get_form_class(self):
        return PriorityForm

    def get_formset(self):
        kwargs = {"prefix": "roles", "instance": Priority(process=self.process)}
        if self.request.method == "POST":
            return PartnerRoleFormSet(self.request.POST, **kwargs)
        return PartnerRoleFormSet(**kwargs)

    def save_priority(self, data, roles):
        return services.priority_create(
            process=self.process,
            title=data["title"],
            description=data["description"],
            urgency=data["urgency"],
            themes=list(data["themes"]),
            sources=list(data["sources"]),
            continues=data.get("continues"),
            roles=roles,
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "title": _("Nieuwe prioriteit")}


class PriorityUpdateView(PriorityViewMixin, PriorityFormMixin, FormView):
    permission_required = "priorities.change_priority"
    write = True
    success_message = _("Prioriteit '%(title)s' is gewijzigd.")

    def get_form_class(self):
        return PriorityForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process, "instance": self.priority}

    def get_formset(self):
        kwargs = {"prefix": "roles", "instance": self.priority}
        if self.request.method == "POST":
            return PartnerRoleFormSet(self.request.POST, **kwargs)
        return PartnerRoleFormSet(**kwargs)

    def save_priority(self, data, roles):
        return services.priority_update(
            priority=self.priority,
            title=data["title"],
            description=data["description"],
            urgency=data["urgency"],
            position=data.get("position"),
            themes=list(data["themes"]),
            sources=list(data["sources"]),
            continues=data.get("continues"),
            roles=roles,
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "title": _("Prioriteit wijzigen")}


class PriorityCriteriaView(PriorityViewMixin, FormView):
    permission_required = "priorities.change_priority"
    write = True
    template_name = "priorities/priority_criteria.html"

    @cached_property
    def proposal(self):
        return majority_proposals(self.process, [self.priority])[self.priority.pk]

    def get_form(self, form_class=None):
        return CriteriaForm(**self.get_form_kwargs(), priority=self.priority, proposal=self.proposal)

    def form_valid(self, form):
        try:
            services.criteria_assess(priority=self.priority, assessments=form.assessments())
        except ValidationError as error:
            form.add_service_errors(error)
            return self.form_invalid(form)
        messages.success(self.request, _("De criteria van '%(title)s' zijn opgeslagen.") % {"title": self.priority})
        return redirect(self.priority.get_absolute_url())

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "proposal": self.proposal}


class PriorityDeleteView(PriorityViewMixin, TemplateView):
    permission_required = "priorities.change_priority"
    write = True
    template_name = "priorities/priority_confirm_delete.html"

    def post(self, request, *args, **kwargs):
        title = self.priority.title
        try:
            services.priority_delete(priority=self.priority)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.priority.get_absolute_url())
        messages.success(request, _("Prioriteit '%(title)s' is van de lange lijst gehaald.") % {"title": title})
        return redirect("priorities:longlist", slug=self.process.slug)


# --- The BBG's consent ----------------------------------------------------------------------------------------


class LongListActionView(ProcessViewMixin, FormView):
    """One consent step: a small form, a service call, back to the list with a message."""

    permission_required = "priorities.change_longlist"
    template_name = "priorities/longlist_action.html"
    heading = ""
    button = ""

    def get_success_url(self):
        return reverse("priorities:longlist", kwargs={"slug": self.process.slug})

    def form_valid(self, form):
        try:
            message = self.perform(form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, messages_ in error.message_dict.items():
                    for text in messages_:
                        form.add_error(name if name in form.fields else None, text)
            else:
                add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading, "button": self.button}


class LongListApproveView(LongListActionView):
    form_class = ApproveForm
    heading = _("Lange lijst vaststellen (instemming BBG)")
    button = _("Vaststellen")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process}

    def perform(self, data):
        long_list = services.longlist_approve(
            process=self.process, approved_on=data["approved_on"], meeting=data.get("meeting")
        )
        return long_list.freeze_message


class LongListSendView(LongListActionView):
    form_class = SendForm
    heading = _("Lange lijst naar de partners sturen")
    button = _("Vastleggen als verstuurd")

    def perform(self, data):
        long_list = services.longlist_send(process=self.process, sent_on=data["sent_on"])
        return long_list.freeze_message


class LongListReopenView(LongListActionView):
    form_class = ReopenForm
    permission_required = "priorities.reopen_longlist"
    heading = _("Lange lijst heropenen")
    button = _("Heropenen")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # What reopening means for the apps built on the list (priorities.hooks.REOPEN_WARNINGS), said beforehand.
        context["warning"] = " ".join(message for message in REOPEN_WARNINGS.call(process=self.process) if message)
        return context

    def perform(self, data):
        result = services.longlist_reopen(process=self.process, user=self.request.user, reason=data["reason"])
        for warning in result.warnings:
            messages.warning(self.request, warning)
        return _("De lange lijst is heropend en weer een concept; de BBG moet opnieuw instemmen.")
