"""Pages of the reviews: the process's reviews (and starting one), a review with its goals, what was achieved,
the recommendations, versions and workflow, editing the review and each goal, a step in the workflow, the history,
and the PDF. Views parse input, reach objects through reviews.access, call a service, render or redirect."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from core.access import check_perm, get_for_user
from core.errors import add_service_error
from core.history import history_versions
from core.views import ProcessMixin

from . import report, services
from .access import CHANGE, VIEW, get_review_for_user
from .forms import ReviewForm, ReviewGoalForm, TransitionForm, VersionForm
from .models import Review, ReviewGoal, ReviewTransition, ReviewVersion
from .selectors import review_content, reviews_of


class ReviewsMixin(ProcessMixin):
    permission_required = VIEW

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = self.request.user.has_perm(CHANGE)
        return context


class ReviewMixin(ReviewsMixin):
    write = False

    @cached_property
    def review(self) -> Review:
        return get_review_for_user(self.request.user, self.process, self.kwargs["pk"], write=self.write)

    def get(self, request, *args, **kwargs):
        if self.write and self.review.is_frozen:
            messages.error(request, _("Deze review is vastgesteld en kan niet meer worden gewijzigd."))
            return redirect(self.review.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review"] = self.review
        return context


class ReviewListView(ReviewsMixin, TemplateView):
    template_name = "reviews/review_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reviews"] = reviews_of(self.process)
        return context


class ReviewCreateView(ReviewsMixin, FormView):
    permission_required = CHANGE
    template_name = "reviews/review_form.html"
    form_class = ReviewForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            review = services.review_create(
                process=self.process,
                user=self.request.user,
                kind=data["kind"],
                light=data["light"],
                moment=data["moment"],
                title=data["title"],
                summary_html=data["summary_html"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, _("De review is aangemaakt."))
        return redirect(review.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReviewDetailView(ReviewMixin, TemplateView):
    template_name = "reviews/review_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        content = review_content(self.review)
        ids = {row.goal_id: row.pk for row in ReviewGoal.objects.filter(review=self.review)}
        context.update(
            content=content,
            goal_row_ids=ids,
            versions=list(ReviewVersion.objects.filter(review=self.review).select_related("created_by")),
            transitions=list(
                ReviewTransition.objects.filter(review=self.review).select_related("by", "version").order_by("at")
            ),
            next_steps=[(status, Review.Status(status).label) for status in services.allowed_transitions(self.review)],
            version_form=VersionForm(),
        )
        return context


class ReviewEditView(ReviewMixin, FormView):
    permission_required = CHANGE
    write = True
    template_name = "reviews/review_form.html"
    form_class = ReviewForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "process": self.process, "editing": True}

    def get_initial(self):
        review = self.review
        return {
            "light": review.light,
            "moment": review.moment_id,
            "title": review.title,
            "summary_html": review.summary_html,
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.review_update(
                review=self.review,
                user=self.request.user,
                title=data["title"],
                light=data["light"],
                moment=data["moment"],
                summary_html=data["summary_html"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, _("De review is opgeslagen."))
        return redirect(self.review.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReviewGoalEditView(ReviewsMixin, FormView):
    """One goal of a review: what worked, what not, the recommendation and its reason."""

    permission_required = CHANGE
    template_name = "reviews/reviewgoal_form.html"
    form_class = ReviewGoalForm

    @cached_property
    def item(self) -> ReviewGoal:
        check_perm(self.request.user, VIEW)
        return get_for_user(
            self.request.user,
            ReviewGoal.objects.select_related("goal__priority", "review__process", "review__moment"),
            view_perm=VIEW,
            change_perm=CHANGE,
            write=True,
            review__process=self.process,
            pk=self.kwargs["pk"],
        )

    def get(self, request, *args, **kwargs):
        if self.item.review.is_frozen:
            messages.error(request, _("Deze review is vastgesteld en kan niet meer worden gewijzigd."))
            return redirect(self.item.review.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        item = self.item
        return {
            "worked_html": item.worked_html,
            "not_worked_html": item.not_worked_html,
            "recommendation": item.recommendation,
            "reason": item.reason,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        content = review_content(self.item.review)
        row = next(
            (goal for priority in content["priorities"] for goal in priority["goals"] if goal["id"] == self.item.pk),
            None,
        )
        context.update(item=self.item, review=self.item.review, row=row)
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.review_goal_save(item=self.item, user=self.request.user, **data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, _("De doelstelling in de review is opgeslagen."))
        return redirect(self.item.review.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReviewTransitionView(ReviewMixin, FormView):
    """One step in the review's workflow: to the RVO, for adoption, adopted, or back to concept."""

    permission_required = CHANGE
    write = True
    template_name = "reviews/review_transition.html"
    form_class = TransitionForm

    @cached_property
    def to_status(self) -> str:
        status = self.kwargs["status"]
        if status not in Review.Status.values:
            raise Http404
        return status

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(to_status=self.to_status, to_label=Review.Status(self.to_status).label)
        return context

    def form_valid(self, form):
        try:
            services.review_transition(
                review=self.review,
                user=self.request.user,
                to_status=self.to_status,
                meeting_date=form.cleaned_data["meeting_date"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, _("De status van de review is gewijzigd."))
        return redirect(self.review.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReviewVersionCreateView(ReviewMixin, View):
    """Freeze the review as its next version (POST only)."""

    permission_required = CHANGE
    write = True
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(CHANGE):
            raise PermissionDenied
        form = VersionForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        try:
            version = services.review_version_create(review=self.review, user=request.user, note=note)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Versie %(label)s is vastgelegd.") % {"label": version.label})
        return redirect(self.review.get_absolute_url())


class ReviewHistoryView(ReviewMixin, TemplateView):
    template_name = "reviews/review_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.review
        context["review_versions"] = history_versions(Review.history.filter(id=review.pk), exclude=("process",))
        context["goal_records"] = (
            ReviewGoal.history.filter(review_id=review.pk)
            .select_related("history_user", "goal")
            .order_by("-history_id")[:500]
        )
        return context


class ReviewPdfView(ReviewMixin, TemplateView):
    """The review as PDF: served from the render cache, or made in the background while this page waits."""

    template_name = "reviews/review_rendering.html"

    def get(self, request, *args, **kwargs):
        html = report.review_html(self.review)
        name = report.cached_pdf(html)
        if name is None:
            report.request_render(self.review)
            name = report.cached_pdf(html)  # made at once when the tasks run in this process
        if name is None:
            response = self.render_to_response(self.get_context_data())
            response["Refresh"] = "3"
            return response
        response = FileResponse(
            storages["private"].open(name, "rb"),
            as_attachment=True,
            filename=f"{self.review.kind}-review-{self.process.slug}.pdf",
            content_type="application/pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
