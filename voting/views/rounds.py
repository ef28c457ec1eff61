"""The round's pages: the staff's overview with the actions (create, open, close, release, reset) and the deadlines,
and the progress that every role may see ("3 van 5 DVO's hebben gekozen"; never what they chose).

Views parse input, reach objects through voting/access.py, call a service and render or redirect.
"""

from typing import ClassVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from core.dates import format_date
from core.errors import add_service_error
from core.views import ProcessMixin
from planning.models import District
from priorities.selectors import long_list_for

from .. import services
from ..access import get_round_for_user
from ..forms import DeadlineForm, RoundResetForm
from ..models import RoundDeadline
from ..selectors import round_for, round_progress, round_rows


def error_messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


class RoundDetailView(ProcessMixin, TemplateView):
    """Staff: the round's status and, per DVO, its deadline, meeting and whether (and by whom) it has chosen."""

    permission_required = "voting.view_round"
    template_name = "voting/round_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round = round_for(self.process)
        now = timezone.now()
        context.update(
            round=round,
            long_list=long_list_for(self.process),
            rows=round_rows(round, now=now) if round else [],
            progress=round_progress(round),
            can_change=self.request.user.has_perm("voting.change_round"),
        )
        if round:
            context["missing_deadlines"] = [row.district for row in context["rows"] if row.deadline is None]
        return context


class RoundActionView(ProcessMixin, View):
    """POST only: create, open, close the round or release the result, then back to the round page."""

    permission_required = "voting.change_round"
    http_method_names = ("post",)
    action = ""
    done_messages: ClassVar[dict] = {
        "create": gettext_lazy("De keuzeronde is aangemaakt. Controleer de termijnen en open de ronde."),
        "open": gettext_lazy("De keuzeronde is open; de DVO's kunnen kiezen."),
        "close": gettext_lazy("De keuzeronde is gesloten; alle keuzes liggen vast."),
        "release": gettext_lazy("De uitslag is vrijgegeven."),
    }

    def post(self, request, *args, **kwargs):
        user = request.user
        try:
            if self.action == "create":
                services.round_create(process=self.process, user=user)
            else:
                round = get_round_for_user(user, self.process, write=True)
                service = {
                    "open": services.round_open,
                    "close": services.round_close,
                    "release": services.round_release_results,
                }[self.action]
                service(round=round, user=user)
        except ValidationError as error:
            for message in error_messages(error):
                messages.error(request, message)
        else:
            messages.success(request, self.done_messages[self.action])
        return redirect("voting:round_detail", slug=self.process.slug)


class RoundResetView(ProcessMixin, FormView):
    """Staff: start the round afresh, with a reason; every ballot is deleted (the history keeps it)."""

    permission_required = "voting.change_round"
    template_name = "voting/round_reset.html"
    form_class = RoundResetForm

    @cached_property
    def round(self):
        return get_round_for_user(self.request.user, self.process, write=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["round"] = self.round
        context["progress"] = round_progress(self.round)
        return context

    def form_valid(self, form):
        try:
            services.round_reset(
                round=self.round,
                user=self.request.user,
                reason=form.cleaned_data["reason"],
                new_deadline=form.cleaned_data["new_deadline"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De keuzeronde is opnieuw begonnen; alle keuzes zijn gewist."))
        return redirect("voting:round_detail", slug=self.process.slug)


class DeadlineUpdateView(ProcessMixin, FormView):
    """Staff: set one DVO's deadline (by default the end of the day of its meeting)."""

    permission_required = "voting.change_round"
    template_name = "voting/round_deadline_form.html"
    form_class = DeadlineForm

    @cached_property
    def round(self):
        return get_round_for_user(self.request.user, self.process, write=True)

    @cached_property
    def district(self):
        district = District.objects.filter(code__iexact=self.kwargs["district"]).first()
        if district is None:
            raise Http404
        return district

    @cached_property
    def current(self):
        return RoundDeadline.objects.filter(round=self.round, district=self.district).select_related("meeting").first()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process, "district": self.district}

    def get_initial(self):
        if self.current is None:
            return {}
        local = timezone.localtime(self.current.deadline, services.local_zone())
        return {"day": format_date(local.date()), "time": local.time(), "meeting": self.current.meeting}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(round=self.round, district=self.district, current=self.current)
        return context

    def form_valid(self, form):
        try:
            services.deadline_update(
                round=self.round,
                district=self.district,
                deadline=form.deadline(services.local_zone()),
                meeting=form.cleaned_data["meeting"],
                user=self.request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De termijn van DVO %(code)s is opgeslagen.") % {"code": self.district.code})
        return redirect("voting:round_detail", slug=self.process.slug)


class ProgressView(ProcessMixin, TemplateView):
    """Every role: how many DVOs have chosen. Counts of DVOs only; no priority and no DVO's choice appears here.
    An htmx request gets only the partial."""

    permission_required = "voting.view_progress"
    template_name = "voting/round_progress.html"

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["voting/includes/round_progress.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        round = round_for(self.process)
        own_ballot = None
        if round is not None and user.is_dvo_secretary:
            own_ballot = round.ballots.filter(district_id=user.district_id).select_related("submitted_by").first()
        context.update(
            round=round,
            progress=round_progress(round),
            own_ballot=own_ballot,
            user_district=user.district if user.is_dvo_secretary else None,
        )
        return context
