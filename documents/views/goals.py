"""Pages of the goals: the list with the SMART check at a glance, a goal with its check, the form, the status steps
(to the RVO, back to concept, adopted) and the history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.dates import format_date
from core.errors import add_service_error
from core.fragments import CONTENT_AREA, cached_fragment
from core.history import history_versions
from core.panels import collect_columns, collect_panels
from planning.fragments import role_audience

from .. import services
from ..access import get_goal_for_user
from ..forms import (
    GoalAdoptForm,
    GoalForm,
    GoalPutForwardForm,
    GoalRoleFormSet,
    GoalWithdrawForm,
    roles_from_formset,
    roles_initial,
)
from ..hooks import GOAL_LIST_COLUMNS, GOAL_PANELS
from ..models import Goal, GoalPartnerRole
from ..selectors import checked_goals, document_for, smart_facts, top_five
from ..smart import smart_check
from .mixins import ProcessMixin


class GoalListView(ProcessMixin, TemplateView):
    template_name = "documents/goal_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The goals with their SMART check, the top five and the apps' columns (comments: open threads), as HTML:
        # cached under the version of all content (core.fragments), per role and language. Only readers with a
        # role reach this page, and for them the columns depend on nothing but the role.
        context["goal_list"] = cached_fragment(
            "documents-goal-list",
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk],
            render=self.render_goal_list,
        )
        return context

    def render_goal_list(self) -> dict:
        chosen = top_five(self.process)
        goals = checked_goals(self.process, chosen)
        facts = smart_facts(self.process, chosen)
        context = {
            "process": self.process,
            "checked": goals,
            "top_five": chosen,
            "smart_count": sum(1 for item in goals if item.is_smart),
            "period_start": format_date(facts.period_start),
            "period_end": format_date(facts.period_end),
            "columns": collect_columns(
                GOAL_LIST_COLUMNS, user=self.request.user, objects=[item.goal for item in goals]
            ),
        }
        return {
            part: mark_safe(render_to_string(f"documents/includes/goal_list_{part}.html", context))  # noqa: S308
            for part in ("intro", "table")
        }


class GoalMixin(ProcessMixin):
    write = False

    @cached_property
    def goal(self) -> Goal:
        return get_goal_for_user(self.request.user, self.process, self.kwargs["pk"], write=self.write)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["goal"] = self.goal
        return context


class GoalDetailView(GoalMixin, TemplateView):
    template_name = "documents/goal_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = list(self.goal.roles.all())
        context.update(
            roles=roles,
            issues=smart_check(self.goal, facts=smart_facts(self.process), roles=roles),
            put_forward_form=GoalPutForwardForm(),
            withdraw_form=GoalWithdrawForm(),
            adopt_form=GoalAdoptForm(),
            panels=collect_panels(GOAL_PANELS, goal=self.goal, user=self.request.user),
        )
        return context


class GoalHistoryView(GoalMixin, TemplateView):
    template_name = "documents/goal_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = (
            GoalPartnerRole.history.filter(goal_id=self.goal.pk).select_related("history_user").order_by("-history_id")
        )
        context.update(
            versions=history_versions(self.goal.history.all(), select_related=("priority",)),
            role_records=records,
        )
        return context


class GoalFormMixin:
    template_name = "documents/goal_form.html"
    permission_required = "documents.change_goal"

    @cached_property
    def top_five_ids(self):
        return {row.priority_id for row in top_five(self.process)} or None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(process=self.process, top_five_ids=self.top_five_ids, instance=self.get_instance())
        return kwargs

    def get_formset(self):
        if self.request.method == "POST":
            return GoalRoleFormSet(self.request.POST, prefix="roles")
        return GoalRoleFormSet(initial=roles_initial(self.get_instance()), prefix="roles")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formset", self.get_formset())
        context["not_saved"] = _("De doelstelling is niet opgeslagen.")
        return context

    def form_valid(self, form):
        formset = self.get_formset()
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        try:
            goal = self.save_goal(form.goal_data(), roles_from_formset(formset))
        except ValidationError as error:
            add_service_error(form, error)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        issues = smart_check(goal, facts=smart_facts(self.process))
        if issues:
            messages.warning(
                self.request,
                _("Doelstelling '%(title)s' is opgeslagen, maar is nog niet SMART (%(count)d punten).")
                % {"title": goal.title, "count": len(issues)},
            )
        else:
            messages.success(
                self.request, _("Doelstelling '%(title)s' is opgeslagen en is SMART.") % {"title": goal.title}
            )
        return redirect(goal.get_absolute_url())


class GoalCreateView(GoalFormMixin, ProcessMixin, FormView):
    form_class = GoalForm

    def get_instance(self):
        return Goal(process=self.process)

    def save_goal(self, data, roles):
        return services.goal_create(process=self.process, user=self.request.user, data=data, roles=roles)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Nieuwe doelstelling")
        document = document_for(self.process)
        if document is not None and document.is_frozen:
            context["frozen_message"] = _("Het document is vastgesteld; er kunnen geen doelstellingen meer bij.")
        return context


class GoalUpdateView(GoalFormMixin, GoalMixin, FormView):
    form_class = GoalForm
    write = True

    def get(self, request, *args, **kwargs):
        if not self.goal.is_editable:
            messages.error(
                request, _("Alleen een concept kan worden gewijzigd; zet de doelstelling eerst terug naar concept.")
            )
            return redirect(self.goal.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_instance(self):
        return self.goal

    def save_goal(self, data, roles):
        return services.goal_update(goal=self.goal, user=self.request.user, data=data, roles=roles)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Doelstelling wijzigen")
        return context


class GoalDeleteView(GoalMixin, TemplateView):
    template_name = "documents/goal_confirm_delete.html"
    permission_required = "documents.change_goal"
    write = True

    def post(self, request, *args, **kwargs):
        goal = self.goal
        try:
            services.goal_delete(goal=goal, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(goal.get_absolute_url())
        messages.success(request, _("Doelstelling '%(title)s' is verwijderd.") % {"title": goal.title})
        return redirect(reverse("documents:goal_list", kwargs={"slug": self.process.slug}))


class GoalStepView(GoalMixin, FormView):
    """One status step of a goal: a small form, then the service; a refusal is shown on the form."""

    template_name = "documents/goal_step.html"
    permission_required = "documents.change_goal"
    write = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(step_title=self.step_title, step_button=self.step_button)
        return context

    def form_valid(self, form):
        try:
            self.run(form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message % {"title": self.goal.title})
        return redirect(self.goal.get_absolute_url())


class GoalPutForwardView(GoalStepView):
    form_class = GoalPutForwardForm
    step_title = _("Naar het RVO")
    step_button = _("Naar het RVO")
    success_message = _("Doelstelling '%(title)s' is naar het RVO gestuurd.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["issues"] = smart_check(self.goal, facts=smart_facts(self.process))
        return context

    def run(self, data):
        services.goal_put_forward(goal=self.goal, user=self.request.user, on=data.get("on"))


class GoalWithdrawView(GoalStepView):
    form_class = GoalWithdrawForm
    step_title = _("Terug naar concept")
    step_button = _("Terug naar concept")
    success_message = _("Doelstelling '%(title)s' is teruggezet naar concept.")

    def run(self, data):
        services.goal_withdraw(goal=self.goal, user=self.request.user, reason=data["reason"])


class GoalAdoptView(GoalStepView):
    form_class = GoalAdoptForm
    step_title = _("Vastgesteld door het Bestuurscollege")
    step_button = _("Vastleggen")
    success_message = _("Doelstelling '%(title)s' is vastgesteld.")

    def run(self, data):
        services.goal_adopt(goal=self.goal, user=self.request.user, on=data["on"])
