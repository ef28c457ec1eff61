"""A DVO's ballot pages: the choice of seven (with description, criteria and evidence of each priority), the
confirmation after submitting, and the ballot's history.

Only programme staff and the DVO's own secretary reach them; everyone else with a role gets 404 (see
voting/access.py). After the DVO's deadline or the round's closing the page is read-only and says why.
"""

import hashlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from core.errors import add_service_error
from core.fragments import CONTENT_AREA, cached_fragment, cached_html
from core.views import ProcessMixin
from planning.fragments import role_audience
from priorities.fragments import reader_audience
from priorities.selectors import criterion_cells, long_list_for, priorities_for, user_sees_confidential

from .. import services
from ..access import get_ballot_for_user, get_district_for_user
from ..emails import receipt_recipients
from ..forms import BallotForm
from ..models import Round, RoundDeadline
from ..selectors import ballot_history, round_for


class BallotStartView(ProcessMixin, View):
    """/keuze/: a secretary goes to their own DVO's page, staff to the round, others to the progress."""

    permission_required = "voting.view_progress"

    def get(self, request, *args, **kwargs):
        user = request.user
        self.process  # noqa: B018 (404 for an unknown process before redirecting)
        if user.is_dvo_secretary:
            return redirect("voting:ballot", slug=self.process.slug, district=user.district.code)
        if user.has_perm("voting.view_round"):
            return redirect("voting:round_detail", slug=self.process.slug)
        return redirect("voting:progress", slug=self.process.slug)


class DistrictBallotMixin(ProcessMixin):
    """The process, its round and the DVO of the URL; 404 for anyone but staff and the DVO's own secretary."""

    permission_required = "voting.view_ballot"

    @cached_property
    def district(self):
        return get_district_for_user(self.request.user, self.kwargs["district"], request=self.request)

    @cached_property
    def state(self) -> dict:
        """The round, the DVO's deadline and its ballot with the choices. A page (GET) reads them from the cache,
        under the version of all content (core.fragments) and per role; who may see this DVO at all is checked
        first (``district``: 404 for a stranger). A submission reads them afresh."""
        self.district  # noqa: B018 (a stranger gets 404 before anything about the round is read)
        if self.request.method != "GET":
            return self.read_state()
        return cached_fragment(
            "voting-ballot-state",
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk, self.district.pk],
            render=self.read_state,
        )

    def read_state(self) -> dict:
        round = round_for(self.process)
        if round is None:
            return {"round": None, "deadline": None, "ballot": None}
        return {
            "round": round,
            "deadline": RoundDeadline.objects.filter(round=round, district=self.district)
            .select_related("meeting")
            .first(),
            "ballot": get_ballot_for_user(self.request.user, round, self.district),
        }

    @property
    def round(self) -> Round:
        if self.state["round"] is None:
            raise Http404
        return self.state["round"]

    @property
    def ballot(self):
        self.round  # noqa: B018 (404 without a round)
        return self.state["ballot"]

    @property
    def deadline(self) -> RoundDeadline | None:
        self.round  # noqa: B018
        return self.state["deadline"]

    @cached_property
    def is_staff(self) -> bool:
        return bool(self.request.user.is_programme_staff)

    @cached_property
    def locked_message(self) -> str:
        message = services.lock_reason(self.round, self.deadline, staff=self.is_staff)
        if not message and not long_list_for(self.process).is_frozen:
            message = _("De lange lijst is heropend; er kan pas weer gekozen worden als de BBG hem opnieuw vaststelt.")
        return message

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deadline = self.deadline
        context.update(
            round=self.round,
            district=self.district,
            ballot=self.ballot,
            deadline=deadline,
            deadline_passed=bool(deadline and deadline.has_passed()),
            locked_message=self.locked_message,
            is_staff=self.is_staff,
            required=self.round.choices_required,
        )
        return context


def sorted_choices(ballot):
    if ballot is None:
        return []
    return sorted(
        ballot.choices.all(),
        key=lambda choice: (choice.preference is None, choice.preference or 0, choice.priority.position),
    )


class BallotView(DistrictBallotMixin, FormView):
    """Choose exactly seven. A live counter in the browser (static/js/ballot.js); the server checks anyway."""

    template_name = "voting/ballot_form.html"
    form_class = BallotForm

    @cached_property
    def priorities(self):
        """The long list to choose from: cached under the version of all content (core.fragments), per role and
        whether the reader sees confidential sources."""
        return cached_fragment(
            "voting-ballot-priorities",
            areas=[CONTENT_AREA],
            audience=reader_audience(self.request.user),
            parts=[self.process.pk],
            render=self.read_priorities,
        )

    def read_priorities(self) -> list:
        """The priorities, each with its description, criteria, themes and sources already as HTML
        (voting/includes/ballot_priority_about.html): the same on every visit until the content changes."""
        priorities = list(priorities_for(self.process, self.request.user))
        sees_confidential = user_sees_confidential(self.request.user)
        for priority in priorities:
            priority.cells = criterion_cells(priority)
            priority.about_html = mark_safe(  # noqa: S308 - rendered by our template, escaped there
                render_to_string(
                    "voting/includes/ballot_priority_about.html",
                    {"priority": priority, "sees_confidential": sees_confidential},
                )
            )
        return priorities

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "priorities": self.priorities,
            "required": self.round.choices_required,
            "staff": self.is_staff,
        }

    def get_initial(self):
        return BallotForm.initial_from(self.ballot)

    def get(self, request, *args, **kwargs):
        if self.locked_message:
            # Read-only: the message and the DVO's choices, no form (neither the long list nor the form is built).
            context = {"view": self, "process": self.process, "district": self.district}
            return self.render_to_response({**context, "locked_html": self.locked_html()})
        return super().get(request, *args, **kwargs)

    def locked_html(self):
        """The read-only page's content (voting/includes/ballot_locked.html), cached under the version of all
        content and per role, and per what depends on the clock: whether the deadline has passed and the lock's
        message."""
        message = self.locked_message
        deadline = self.deadline
        passed = bool(deadline and deadline.has_passed())
        return cached_html(
            "voting-ballot-locked",
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[self.process.pk, self.district.pk, passed, hashlib.sha256(message.encode()).hexdigest()[:16]],
            render=lambda: render_to_string(
                "voting/includes/ballot_locked.html",
                {**self.get_context_data(form=None), "deadline_passed": passed},
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["choices"] = sorted_choices(self.ballot)
        form = context["form"]
        if form is None:
            return context
        checked = form.checked_ids()
        items = [
            {
                "priority": priority,
                "checked": str(priority.pk) in checked,
                "preference": form[f"preference_{priority.pk}"],
                "remark": form[f"remark_{priority.pk}"],
            }
            for priority in self.priorities
        ]
        context.update(
            items=items,
            chosen_count=len(checked),
            sees_confidential=user_sees_confidential(self.request.user),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.locked_message:
            messages.error(request, self.locked_message)
            return redirect("voting:ballot", slug=self.process.slug, district=self.district.code)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            ballot = services.ballot_submit(
                round=self.round, district=self.district, user=self.request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        recipients = receipt_recipients(ballot)
        if recipients:
            messages.success(
                self.request,
                _("De keuze van DVO %(code)s is opgeslagen. Een ontvangstbevestiging wordt gemaild naar %(to)s.")
                % {"code": self.district.code, "to": ", ".join(recipients)},
            )
        else:
            messages.success(
                self.request,
                _("De keuze van DVO %(code)s is opgeslagen. Er is geen e-mailadres bekend voor een bevestiging.")
                % {"code": self.district.code},
            )
        return redirect("voting:ballot_confirmation", slug=self.process.slug, district=self.district.code)


class BallotConfirmationView(DistrictBallotMixin, TemplateView):
    """What the DVO has chosen, as stored; reached after submitting (POST-redirect-GET)."""

    template_name = "voting/ballot_confirmation.html"

    def get(self, request, *args, **kwargs):
        if self.ballot is None:
            return redirect("voting:ballot", slug=self.process.slug, district=self.district.code)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["choices"] = sorted_choices(self.ballot)
        context["now"] = timezone.now()
        return context


class BallotHistoryView(DistrictBallotMixin, TemplateView):
    """Every version of the DVO's ballot: who, when, which choices changed, and whether staff entered it."""

    permission_required = "voting.view_ballot_history"
    template_name = "voting/ballot_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = ballot_history(self.round, self.district)
        return context
