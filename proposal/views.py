"""Pages of the organisational and financial proposal: the overview (organisation, budget with its coverage check,
key, decisions), a goal's plan and budget, the key per municipality with the unknown populations, the spreadsheets,
and the workflow (offer, decisions, adoption). Views parse, fetch through access.py, call a service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from core.errors import add_service_error
from core.spreadsheets import XLSX_CONTENT_TYPE
from core.views import ProcessMixin
from planning.models import District, Municipality

from . import exports, services
from .access import get_plan_for_user, get_proposal_for_user
from .forms import (
    AdoptForm,
    CostItemForm,
    DecisionForm,
    FundingForm,
    KeyExcludeForm,
    KeyPopulationForm,
    OfferForm,
    PlanForm,
    ProposalForm,
)
from .selectors import coverage, key_result, period_years, plans_of, totals_per_year


class _ProposalMixin(ProcessMixin):
    permission_required = "proposal.view_proposal"
    write = False

    @cached_property
    def proposal(self):
        return get_proposal_for_user(self.request.user, self.process, write=self.write)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["proposal"] = self.proposal
        context["can_change"] = self.request.user.has_perm("proposal.change_proposal")
        return context


def _decisions_overview(proposal):
    """Who has decided what: the five DVOs and every College of B&W (missing ones named). Three queries."""
    decisions = list(proposal.decisions.select_related("district", "municipality"))
    by_district = {d.district_id: d for d in decisions if d.district_id}
    by_municipality = {d.municipality_id: d for d in decisions if d.municipality_id}
    dvos = [(district, by_district.get(district.pk)) for district in District.objects.order_by("order")]
    colleges = [(m, by_municipality.get(m.pk)) for m in Municipality.objects.order_by("name")]
    return dvos, colleges


class ProposalDetailView(_ProposalMixin, TemplateView):
    template_name = "proposal/proposal_detail.html"

    @cached_property
    def proposal(self):
        return get_proposal_for_user(self.request.user, self.process, required=False)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.proposal is None:
            return context
        years = period_years(self.proposal)
        coverages = [coverage(plan, years) for plan in plans_of(self.proposal)]
        result = key_result(self.proposal)
        dvos, colleges = _decisions_overview(self.proposal)
        context.update(
            years=years,
            coverages=coverages,
            year_totals=totals_per_year(coverages, years),
            result=result,
            dvos=dvos,
            colleges_decided=[(m, d) for m, d in colleges if d],
            colleges_missing=[m for m, d in colleges if not d],
        )
        return context


class ProposalStartView(_ProposalMixin, View):
    permission_required = "proposal.change_proposal"
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        try:
            services.proposal_create(process=self.process, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("proposal:detail", slug=self.process.slug)


class ProposalEditView(_ProposalMixin, FormView):
    permission_required = "proposal.change_proposal"
    write = True
    template_name = "proposal/proposal_form.html"
    form_class = ProposalForm

    def get_initial(self):
        p = self.proposal
        return {
            "title": p.title,
            "introduction": p.introduction,
            "key_method": p.key_method,
            "fixed_amount": p.fixed_amount,
        }

    def form_valid(self, form):
        try:
            services.proposal_update(proposal=self.proposal, user=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Het voorstel is opgeslagen."))
        return redirect(self.proposal.get_absolute_url())


class PlanBudgetView(_ProposalMixin, TemplateView):
    """One goal's organisation and budget. Staff edit it here: the organisation, a cost item, a funding line, or
    delete a line (``action`` says which form was sent)."""

    template_name = "proposal/plan_budget.html"

    @cached_property
    def plan(self):
        return get_plan_for_user(
            self.request.user, self.process, self.kwargs["pk"], write=self.request.method == "POST"
        )

    @cached_property
    def proposal(self):
        return self.plan.proposal

    def forms(self, data=None, action=None):
        years = period_years(self.proposal)
        plan = self.plan
        return {
            "plan_form": PlanForm(
                data if action == "plan" else None,
                initial={
                    "lead_partner": plan.lead_partner,
                    "lead_partner_other": plan.lead_partner_other,
                    "programme_team": plan.programme_team,
                    "partner_roles": plan.partner_roles,
                },
                prefix="plan",
            ),
            "cost_form": CostItemForm(data if action == "cost" else None, years=years, prefix="cost"),
            "funding_form": FundingForm(data if action == "funding" else None, years=years, prefix="funding"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        [plan] = [p for p in plans_of(self.proposal) if p.pk == self.plan.pk]
        context.update(plan=plan, check=coverage(plan, period_years(self.proposal)))
        context.update(kwargs.get("forms") or self.forms())
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        forms = self.forms(request.POST, action)
        user = request.user
        form = None
        try:
            if action in ("delete_cost", "delete_funding"):
                lines = self.plan.costs if action == "delete_cost" else self.plan.funding
                line = lines.filter(pk=request.POST.get("line") or 0).first()
                if line is not None:
                    services.budget_line_delete(line=line, user=user)
                return redirect(self.plan.get_absolute_url())
            form = forms.get({"plan": "plan_form", "cost": "cost_form", "funding": "funding_form"}.get(action, ""))
            if form is None or not form.is_valid():
                return self.render_to_response(self.get_context_data(forms=forms), status=400)
            function = {"plan": services.plan_update, "cost": services.cost_item_add, "funding": services.funding_add}[
                action
            ]
            function(plan=self.plan, user=user, **form.cleaned_data)
        except ValidationError as error:
            if form is not None:
                add_service_error(form, error)
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        messages.success(request, _("Opgeslagen."))
        return redirect(self.plan.get_absolute_url())


class KeyView(_ProposalMixin, TemplateView):
    """The key per municipality; for staff the forms that handle an unknown population."""

    template_name = "proposal/key_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            result=key_result(self.proposal),
            years=period_years(self.proposal),
            population_form=kwargs.get("population_form") or KeyPopulationForm(prefix="population"),
            exclude_form=kwargs.get("exclude_form") or KeyExcludeForm(prefix="exclude"),
        )
        return context

    def post(self, request, *args, **kwargs):
        get_proposal_for_user(request.user, self.process, write=True)
        action = request.POST.get("action")
        population_form = KeyPopulationForm(request.POST if action == "population" else None, prefix="population")
        exclude_form = KeyExcludeForm(request.POST if action == "exclude" else None, prefix="exclude")
        form = population_form if action == "population" else exclude_form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "population":
                    services.key_population_enter(
                        proposal=self.proposal,
                        user=request.user,
                        municipality=data["municipality"],
                        population=data["population"],
                        source=data["population_source"],
                    )
                else:
                    services.key_municipality_exclude(
                        proposal=self.proposal,
                        user=request.user,
                        municipality=data["municipality"],
                        reason=data["reason"],
                    )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("De verdeelsleutel is bijgewerkt."))
                return redirect("proposal:key", slug=self.process.slug)
        context = self.get_context_data(population_form=population_form, exclude_form=exclude_form)
        return self.render_to_response(context, status=400)


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class KeyXlsxView(_ProposalMixin, View):
    def get(self, request, *args, **kwargs):
        return _xlsx(
            exports.key_xlsx(key_result(self.proposal), period_years(self.proposal)),
            f"verdeelsleutel-{self.process.slug}.xlsx",
        )


class BudgetXlsxView(_ProposalMixin, View):
    def get(self, request, *args, **kwargs):
        return _xlsx(exports.budget_xlsx(self.proposal), f"begroting-{self.process.slug}.xlsx")


class _WorkflowView(_ProposalMixin, FormView):
    permission_required = "proposal.change_proposal"
    write = True
    template_name = "proposal/workflow_form.html"
    heading = ""
    service = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)

    def call(self, data):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.call(form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Vastgelegd."))
        return redirect(self.proposal.get_absolute_url())


class ProposalOfferView(_WorkflowView):
    form_class = OfferForm
    heading = _("Aanbieden door de BBG aan de DVO's en de colleges van B&W")

    def call(self, data):
        services.proposal_offer(proposal=self.proposal, user=self.request.user, **data)


class DecisionRecordView(_WorkflowView):
    form_class = DecisionForm
    heading = _("Besluit van een DVO of een college van B&W vastleggen")

    def call(self, data):
        services.proposal_decision_record(proposal=self.proposal, user=self.request.user, **data)


class ProposalAdoptView(_WorkflowView):
    form_class = AdoptForm
    heading = _("Besluit van het RVO en vaststelling door het Bestuurscollege")

    def call(self, data):
        services.proposal_adopt(proposal=self.proposal, user=self.request.user, **data)
