"""Pages of the councils' consultation: the rounds per sent version, a round's overview by district, one
council's entry, and a municipality's response log. Views parse, fetch through access.py, call a service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.errors import add_service_error
from core.views import ProcessMixin
from documents.models import DocumentVersion
from planning.models import Municipality
from scan.views import document_response

from . import services
from .access import get_entry_for_user, get_round_for_user
from .forms import EntryForm, RoundDeadlineForm, RoundForm
from .selectors import municipality_log, overview_by_district, rounds_of, totals


class _ConsultationMixin(ProcessMixin):
    permission_required = "consultation.view_consultation"


class RoundListView(_ConsultationMixin, TemplateView):
    template_name = "consultation/round_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rounds"] = rounds_of(self.process)
        context["can_start"] = self.request.user.has_perm("consultation.change_round")
        return context


class RoundCreateView(_ConsultationMixin, FormView):
    permission_required = "consultation.change_round"
    template_name = "consultation/round_form.html"
    form_class = RoundForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["versions"] = DocumentVersion.objects.filter(
            document__process=self.process, consultation_round__isnull=True
        ).order_by("-major", "-minor")
        return kwargs

    def get_initial(self):
        return {"sent_on": timezone.localdate()}

    def form_valid(self, form):
        try:
            consultation = services.round_create(user=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De consultatie is gestart: elke gemeenteraad staat op 'verstuurd'."))
        return redirect(consultation.get_absolute_url())


class RoundDetailView(_ConsultationMixin, TemplateView):
    """The overview by district: counts per status, what is missing, and every council's entry."""

    template_name = "consultation/round_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        consultation = get_round_for_user(self.request.user, self.process, self.kwargs["pk"])
        rows = overview_by_district(consultation)
        user = self.request.user
        context.update(
            consultation=consultation,
            rows=rows,
            totals=totals(rows),
            statuses=[
                (value, label, totals(rows).get(value, 0)) for value, label in consultation.entries.model.Status.choices
            ],
            can_change_round=user.has_perm("consultation.change_round"),
            editable_district=None if user.is_programme_staff else user.district_id,
            can_register_any=user.has_perm("consultation.change_entry"),
            is_staff=user.is_programme_staff,
        )
        return context


class RoundUpdateView(_ConsultationMixin, FormView):
    permission_required = "consultation.change_round"
    template_name = "consultation/round_update.html"
    form_class = RoundDeadlineForm

    @cached_property
    def consultation(self):
        return get_round_for_user(self.request.user, self.process, self.kwargs["pk"], write=True)

    def get_initial(self):
        return {"deadline": self.consultation.deadline, "note": self.consultation.note}

    def get_context_data(self, **kwargs):
        return super().get_context_data(consultation=self.consultation, **kwargs)

    def form_valid(self, form):
        try:
            services.round_update(consultation=self.consultation, user=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De termijn is gewijzigd."))
        return redirect(self.consultation.get_absolute_url())


class EntryUpdateView(_ConsultationMixin, FormView):
    """Register a council's status and response: staff for all, a secretary for their own district."""

    permission_required = "consultation.change_entry"
    template_name = "consultation/entry_form.html"
    form_class = EntryForm

    @cached_property
    def entry(self):
        return get_entry_for_user(self.request.user, self.process, self.kwargs["pk"], write=True)

    def get_initial(self):
        return EntryForm.initial_for(self.entry)

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, consultation=self.entry.round, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.entry_register(
                entry=self.entry,
                user=self.request.user,
                status=data["status"],
                meeting_on=data["meeting_on"],
                received_on=data["received_on"],
                scope=data["scope"],
                response_html=data["response_html"],
                summary=data["summary"],
                follow_up=data["follow_up"],
                attachment=data.get("attachment") or None,
                remove_attachment=data["remove_attachment"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("De reactie van %(name)s is vastgelegd.") % {"name": self.entry.municipality.name}
        )
        return redirect(self.entry.round.get_absolute_url() + f"#district-{self.entry.municipality.district.code}")


class EntryAttachmentView(_ConsultationMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        entry = get_entry_for_user(request.user, self.process, self.kwargs["pk"])
        if not entry.attachment:
            raise Http404(_("Er is geen bijlage."))
        return document_response(entry.attachment, entry.attachment_name)


class MunicipalityLogView(_ConsultationMixin, TemplateView):
    """A municipality's response log: its entry in every round, each with who changed what when."""

    template_name = "consultation/municipality_log.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = get_object_or_404(
            Municipality.objects.select_related("district"), pk=self.kwargs["municipality_pk"]
        )
        context.update(municipality=municipality, log=municipality_log(self.process, municipality))
        return context
