"""The BBG's decision: its top five with ambitions, recorded by staff, confirmed and then locked.

Everyone with a role sees a confirmed decision; staff also see (and edit) one that is still being recorded.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.dates import format_date
from core.fragments import CONTENT_AREA, cached_html
from core.views import ProcessMixin
from planning.fragments import role_audience
from voting.exports import ranking_rows
from voting.models import Round
from voting.selectors import round_for, round_result

from .forms import DecisionConfirmForm, DecisionForm
from .selectors import bbg_meetings, decision_for
from .services import decision_confirm, decision_record, locked_message


class _DecisionMixin(ProcessMixin):
    @cached_property
    def round(self) -> Round | None:
        return round_for(self.process)

    @cached_property
    def decision(self):
        return decision_for(self.round) if self.round is not None else None

    def require_round(self):
        if self.round is None:
            raise Http404

    def decision_context(self) -> dict:
        context = {"process": self.process, "round": self.round, "decision": self.decision}
        if self.decision is not None:
            context["decided_on_display"] = format_date(self.decision.decided_on)
        return context

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.decision_context())
        return context


class DecisionView(_DecisionMixin, TemplateView):
    """The top five, its ambitions and why higher-ranked priorities were passed over."""

    permission_required = "decisions.view_decision"
    template_name = "decisions/decision_detail.html"

    def get_context_data(self, **kwargs):
        # Not the mixin's context (super() of _DecisionMixin): the decision is read only when the cache has none.
        context = super(_DecisionMixin, self).get_context_data(**kwargs)
        # The decision as HTML, cached under the version of all content (core.fragments), per role and language:
        # who sees an unconfirmed decision (staff) and who may change it depend on the role and the data alone.
        context["decision_body"] = cached_html(
            "decisions-decision",
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk],
            render=self.render_body,
        )
        return context

    def render_body(self) -> str:
        context = self.decision_context()
        user = self.request.user
        if self.decision is not None and not user.has_perm("decisions.view_decision", self.decision):
            context["decision"] = None  # not yet confirmed: for staff only
        context["can_change"] = user.has_perm("decisions.change_decision")
        return render_to_string("decisions/includes/decision_body.html", context)


class DecisionEditView(_DecisionMixin, FormView):
    """Staff record (or correct, until confirmed) the BBG's top five."""

    permission_required = "decisions.change_decision"
    template_name = "decisions/decision_form.html"
    form_class = DecisionForm

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.require_round()
        if self.decision is not None and self.decision.is_confirmed:
            messages.error(request, locked_message(self.decision))
            return redirect("decisions:detail", slug=self.process.slug)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def result(self):
        return round_result(self.round)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            meetings=bbg_meetings(self.process).select_related("body"),
            ranked=self.result.tally.results,
            decision=self.decision,
        )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(result_final=self.round.results_visible_to_all, ranking=ranking_rows(self.result))
        return context

    def form_valid(self, form):
        try:
            decision_record(
                round=self.round,
                user=self.request.user,
                meeting=form.cleaned_data["meeting"],
                decided_on=form.cleaned_data["decided_on"],
                notes=form.cleaned_data["notes"],
                chosen=form.chosen(),
                justifications=form.justifications(),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Het besluit van de BBG is vastgelegd. Controleer het en bevestig het om het vast te zetten."),
        )
        return redirect("decisions:detail", slug=self.process.slug)


class DecisionConfirmView(_DecisionMixin, FormView):
    """Staff confirm the recorded decision: it is locked and its meeting in the planning is marked done."""

    permission_required = "decisions.change_decision"
    template_name = "decisions/decision_confirm.html"
    form_class = DecisionConfirmForm

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.require_round()
        if self.decision is None:
            raise Http404
        if self.decision.is_confirmed:
            messages.error(request, locked_message(self.decision))
            return redirect("decisions:detail", slug=self.process.slug)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            decision_confirm(decision=self.decision, user=self.request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect("decisions:edit", slug=self.process.slug)
        messages.success(self.request, _("Het besluit van de BBG is bevestigd en staat nu vast."))
        return redirect("decisions:detail", slug=self.process.slug)
