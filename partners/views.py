"""Pages of the ambtelijke toets in the portal.

For a municipal contact (their only pages): /toets/ lists the toetsen of their municipalities, /toets/<id>/ shows
the plan as scanned with the public sources and takes the answer. For programme staff, per process: the overview
of who answered (/processen/<slug>/toetsen/), sending a toets, a municipality's proposals beside its scan with a
decision per proposal, and inviting a contact (/contactpersonen/nieuw/).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.errors import add_service_error
from core.limits import parse_id
from core.views import ProcessMixin, RuleRequiredMixin
from planning.models import Municipality
from scan.models import MunicipalPlan, PlanTheme, Source

from . import services
from .access import get_request_for_contact, get_request_for_staff
from .forms import CheckAnswerForm, CheckSendForm, ContactInviteForm, ProposalDecisionForm, ProposalFormSet
from .models import CheckProposal, CheckRequest, MunicipalContact


def plan_themes(plan: MunicipalPlan) -> list[PlanTheme]:
    return list(PlanTheme.objects.filter(plan=plan).select_related("theme").order_by("theme__name"))


# --- The municipal contact ----------------------------------------------------------------------------------------


class ContactHomeView(RuleRequiredMixin, TemplateView):
    permission_required = "partners.answer_checkrequest"
    template_name = "partners/contact_home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        requests = CheckRequest.objects.filter(plan__municipality__contacts__user=user).select_related(
            "plan__process", "plan__municipality"
        )
        return super().get_context_data(
            municipalities=Municipality.objects.filter(contacts__user=user).order_by("name"),
            requests=requests.order_by("-plan__process__period_start_year", "plan__municipality__name"),
            **kwargs,
        )


class CheckAnswerView(RuleRequiredMixin, TemplateView):
    permission_required = "partners.answer_checkrequest"
    template_name = "partners/check_answer.html"

    @cached_property
    def check_request(self) -> CheckRequest:
        return get_request_for_contact(self.request.user, self.kwargs["pk"])

    def get_context_data(self, form=None, formset=None, **kwargs):
        request = self.check_request
        return super().get_context_data(
            check=request,
            plan=request.plan,
            plan_themes=plan_themes(request.plan),
            proposals=request.proposals.select_related("theme"),
            # Only the public sources: internal and confidential ones are the network's.
            public_sources=Source.objects.filter(
                process=request.plan.process, confidentiality=Source.Confidentiality.PUBLIC
            ).order_by("title"),
            form=form or CheckAnswerForm(),
            formset=formset or ProposalFormSet(prefix="proposals"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = CheckAnswerForm(request.POST)
        formset = ProposalFormSet(request.POST, prefix="proposals")
        if form.is_valid() and formset.is_valid():
            proposals = [data for data in formset.cleaned_data if data.get("kind") and data.get("theme")]
            try:
                services.check_answer(
                    request=self.check_request,
                    user=request.user,
                    agrees=form.cleaned_data["agrees"],
                    remark=form.cleaned_data["remark"],
                    proposals=proposals,
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Dank u wel: uw antwoord is ontvangen."))
                return redirect("partners:check_answer", pk=self.check_request.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


# --- Programme staff ------------------------------------------------------------------------------------------------


class CheckOverviewView(ProcessMixin, TemplateView):
    permission_required = "partners.view_checkrequest"
    template_name = "partners/check_overview.html"

    def get_context_data(self, send_form=None, **kwargs):
        plans = (
            MunicipalPlan.objects.filter(process=self.process)
            .select_related("municipality__district", "check_request")
            .annotate(
                open_proposals=Count(
                    "check_request__proposals", filter=Q(check_request__proposals__decision=CheckProposal.Decision.OPEN)
                ),
                contact_count=Count("municipality__contacts", distinct=True),
            )
            .order_by("municipality__district__order", "municipality__name")
        )
        rows = list(plans)
        counts = dict.fromkeys(CheckRequest.Status.values, 0)
        for plan in rows:
            request = getattr(plan, "check_request", None)
            if request is not None:
                counts[request.status] += 1
        return super().get_context_data(
            plans=rows,
            counts=counts,
            not_sent=sum(1 for plan in rows if getattr(plan, "check_request", None) is None),
            send_form=send_form or CheckSendForm(municipalities=self.sendable()),
            **kwargs,
        )

    def sendable(self):
        return (
            Municipality.objects.filter(
                plans__process=self.process, plans__check_request__isnull=True, contacts__isnull=False
            )
            .distinct()
            .order_by("name")
        )

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("partners.change_checkrequest"):
            return self.handle_no_permission()
        form = CheckSendForm(request.POST, municipalities=self.sendable())
        if form.is_valid():
            plan = get_object_or_404(
                MunicipalPlan, process=self.process, municipality=form.cleaned_data["municipality"]
            )
            try:
                services.check_request_send(plan=plan, deadline=form.cleaned_data["deadline"], user=request.user)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("De toets is naar %(municipality)s verstuurd.") % {"municipality": plan.municipality}
                )
                return redirect("partners:check_overview", slug=self.process.slug)
        return self.render_to_response(self.get_context_data(send_form=form))


class CheckProcessView(ProcessMixin, TemplateView):
    permission_required = "partners.view_checkrequest"
    template_name = "partners/check_process.html"

    @cached_property
    def check_request(self) -> CheckRequest:
        return get_request_for_staff(self.request.user, self.process, self.kwargs["pk"])

    def get_context_data(self, failed=None, **kwargs):
        request = self.check_request
        proposals = list(request.proposals.select_related("theme", "plan_theme", "decided_by"))
        forms = {proposal.pk: ProposalDecisionForm(prefix=f"p{proposal.pk}") for proposal in proposals}
        if failed is not None:
            forms[failed[0]] = failed[1]
        return super().get_context_data(
            check=request,
            plan=request.plan,
            plan_themes=plan_themes(request.plan),
            proposals=[(proposal, forms[proposal.pk]) for proposal in proposals],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("partners.change_checkrequest"):
            return self.handle_no_permission()
        proposal_pk = request.POST.get("proposal", "")
        proposal = get_object_or_404(
            CheckProposal.objects.select_related("theme"),
            request=self.check_request,
            pk=parse_id(proposal_pk) or 0,
        )
        form = ProposalDecisionForm(request.POST, prefix=f"p{proposal.pk}")
        if form.is_valid():
            try:
                services.proposal_decide(
                    proposal=proposal,
                    accept=form.cleaned_data["decision"] == "accept",
                    reason=form.cleaned_data["reason"],
                    user=request.user,
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Het besluit over ‘%(theme)s’ is vastgelegd.") % {"theme": proposal.theme})
                return redirect("partners:check_process", slug=self.process.slug, pk=self.check_request.pk)
        return self.render_to_response(self.get_context_data(failed=(proposal.pk, form)))


class ContactInviteView(RuleRequiredMixin, FormView):
    permission_required = "partners.change_municipalcontact"
    template_name = "partners/contact_invite.html"
    form_class = ContactInviteForm

    def get_context_data(self, **kwargs):
        contacts = MunicipalContact.objects.select_related("user").prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
        )
        return super().get_context_data(contacts=contacts.order_by("user__last_name", "user__first_name"), **kwargs)

    def form_valid(self, form):
        try:
            contact = services.contact_invite(invited_by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s is uitgenodigd; de e-mail met de link om een wachtwoord in te stellen wordt nu verstuurd.")
            % {"name": contact.user},
        )
        return redirect("partners:contact_invite")
