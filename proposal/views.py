"""Pages of the organisational and financial proposal: the overview (organisation, budget with its coverage check,
key, decisions, versions), a goal's plan and budget, the key per municipality with the unknown populations, the
spreadsheets, the workflow (offer, decisions, adoption), the versions' PDF and .docx (rendered in the background
like the nota's, with their progress) and the history. Views parse, fetch through access.py, call a service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from audit.models import AuditEvent
from audit.services import audit_record
from core.errors import add_service_error
from core.history import history_versions
from core.spreadsheets import XLSX_CONTENT_TYPE
from core.views import ProcessMixin
from documents.rendering import Kind
from documents.rendering.cache import Status, render_status, storage
from documents.tasks import request_render
from documents.views.downloads import STOP_POLLING, download_name

from . import exports, services
from .access import get_plan_for_user, get_proposal_for_user, get_version_for_user
from .content import version_content
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
    VersionForm,
)
from .models import CostItem, Funding, GoalPlan, KeyMunicipality, ProposalDecision
from .selectors import (
    coverage,
    decisions_overview,
    key_result,
    next_version_label,
    period_years,
    plans_of,
    totals_per_year,
    versions_of,
)
from .tasks import render_proposal_version


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
        dvos, colleges = decisions_overview(self.proposal)
        context.update(
            years=years,
            coverages=coverages,
            year_totals=totals_per_year(coverages, years),
            result=result,
            dvos=dvos,
            colleges_decided=[(m, d) for m, d in colleges if d],
            colleges_missing=[m for m, d in colleges if not d],
            versions=versions_of(self.proposal),
            next_label=next_version_label(self.proposal),
            version_form=VersionForm(),
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


class VersionCreateView(_ProposalMixin, View):
    """Freeze the proposal as it reads now as its next version (staff)."""

    permission_required = "proposal.change_proposal"
    write = True
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        form = VersionForm(request.POST)
        if form.is_valid():
            try:
                version = services.proposal_version_create(
                    proposal=self.proposal, user=request.user, note=form.cleaned_data["note"]
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Versie %(label)s is vastgelegd.") % {"label": version.label})
        else:
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
        return redirect(self.proposal.get_absolute_url() + "#versions-heading")


DOWNLOAD_URLS = {Kind.DOCUMENT: "proposal:version_pdf", Kind.DOCX: "proposal:version_docx"}


def _status_url(slug: str, label: str, kind: Kind) -> str:
    return reverse("proposal:render_status", kwargs={"slug": slug, "label": label}) + f"?kind={kind.value}"


class _VersionRenderingMixin(_ProposalMixin):
    def get_version_and_content(self):
        version = get_version_for_user(self.request.user, self.process, self.kwargs["label"])
        return version, version_content(version)


class _VersionDownloadView(_VersionRenderingMixin, View):
    """A version as PDF or .docx: from the render cache at once, else rendered by the Celery task while a page shows
    the progress (the nota's download, documents/views/downloads.py)."""

    kind: Kind

    def get(self, request, *args, **kwargs):
        version, content = self.get_version_and_content()
        name = request_render(version, content, self.kind, task=render_proposal_version)
        slug, label = self.process.slug, version.label
        if name:
            audit_record(
                kind=AuditEvent.Kind.DOCUMENT_DOWNLOAD, request=request, obj=version, details={"kind": self.kind.value}
            )
            response = FileResponse(
                storage().open(name, "rb"),
                as_attachment=True,
                filename=download_name(content, self.kind),
                content_type=self.kind.content_type,
            )
            response["X-Content-Type-Options"] = "nosniff"
            response["Cache-Control"] = "private, no-store"
            return response
        context = {
            "process": self.process,
            "version": version,
            "content": content,
            "kind": self.kind,
            "status_url": _status_url(slug, label, self.kind),
            "download_url": reverse(DOWNLOAD_URLS[self.kind], kwargs={"slug": slug, "label": label}),
            "status": render_status(content.fingerprint(), self.kind),
        }
        return render(request, "documents/pdf/render_progress.html", context, status=202)


class VersionPdfView(_VersionDownloadView):
    kind = Kind.DOCUMENT


class VersionDocxView(_VersionDownloadView):
    kind = Kind.DOCX


class RenderStatusView(_VersionRenderingMixin, View):
    """{"status", "progress"} of a version's rendering (``?kind=document|docx``); for htmx the nota's fragment,
    with 286 to stop the polling once done or failed."""

    def get(self, request, *args, **kwargs):
        try:
            kind = Kind(request.GET.get("kind", Kind.DOCUMENT.value))
        except ValueError as exc:
            raise Http404 from exc
        if kind not in DOWNLOAD_URLS:
            raise Http404
        version, content = self.get_version_and_content()
        status = render_status(content.fingerprint(), kind)
        download_url = reverse(DOWNLOAD_URLS[kind], kwargs={"slug": self.process.slug, "label": version.label})
        if request.headers.get("HX-Request") != "true":
            return JsonResponse({**status, "download_url": download_url}, headers={"Cache-Control": "no-store"})
        finished = status["status"] in (Status.DONE, Status.FAILED)
        response = render(
            request,
            "documents/pdf/render_status.html",
            {
                "status": status,
                "kind": kind,
                "status_url": _status_url(self.process.slug, version.label, kind),
                "download_url": download_url,
                "finished": finished,
            },
            status=STOP_POLLING if finished else 200,
        )
        response["Cache-Control"] = "no-store"
        if status["status"] == Status.DONE:
            response["HX-Redirect"] = download_url
        return response


HISTORY_LIMIT = 500


class ProposalHistoryView(_ProposalMixin, TemplateView):
    """Who changed what in the proposal, when: the proposal itself field by field, the goals' organisation, the
    budget lines, the key's municipalities, the decisions and the versions. A fixed number of queries."""

    template_name = "proposal/proposal_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.proposal
        context.update(
            versions=history_versions(proposal.history.all(), exclude=("process", "updated_at")),
            plan_records=GoalPlan.history.filter(proposal_id=proposal.pk)
            .select_related("history_user", "goal")
            .order_by("-history_id")[:HISTORY_LIMIT],
            cost_records=CostItem.history.filter(plan__proposal_id=proposal.pk)
            .select_related("history_user", "plan__goal")
            .order_by("-history_id")[:HISTORY_LIMIT],
            funding_records=Funding.history.filter(plan__proposal_id=proposal.pk)
            .select_related("history_user", "plan__goal")
            .order_by("-history_id")[:HISTORY_LIMIT],
            key_records=KeyMunicipality.history.filter(proposal_id=proposal.pk)
            .select_related("history_user", "municipality")
            .order_by("-history_id")[:HISTORY_LIMIT],
            decision_records=ProposalDecision.history.filter(proposal_id=proposal.pk)
            .select_related("history_user", "district", "municipality")
            .order_by("-history_id")[:HISTORY_LIMIT],
            proposal_versions=versions_of(proposal),
        )
        return context
