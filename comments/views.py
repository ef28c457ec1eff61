"""Pages of the comments: an object's threads with the forms to comment, reply, edit, delete and resolve; a
comment's history; the export of a goal's comments for the working group; the overview of what one may comment on
(/meedenken/, the municipal contacts' way in).

Views parse input, reach objects through comments.access, call a service and render or redirect.
"""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from openpyxl import Workbook

from core.errors import add_service_error
from core.history import history_versions
from core.spreadsheets import XLSX_CONTENT_TYPE, write_row
from core.views import RuleRequiredMixin
from documents.models import Goal
from planning.models import StrategyProcess

from . import services
from .access import get_comment_for_user, get_target_for_user, get_target_process
from .forms import CommentForm, ReplyForm
from .rules import comment_actions, contact_process_ids
from .selectors import mentionable_users, open_thread_counts, threads_for, visible_targets
from .targets import GOAL, PRIORITY, closed_reason, kind_of


def _with_process_nav(user, process) -> dict:
    """The process's menu only for the roles that read its pages (a municipal contact reaches none of them)."""
    return {"comment_process": process, **({"process": process} if user.has_role else {})}


class TargetCommentsView(RuleRequiredMixin, TemplateView):
    """The threads on one priority or goal, the form for a new thread, and a reply form under each comment."""

    permission_required = "comments.view_target"
    template_name = "comments/target_comments.html"
    kind = PRIORITY

    @cached_property
    def target(self):
        return get_target_for_user(self.request.user, self.kind, self.kwargs["slug"], self.kwargs["pk"])

    def get_context_data(self, form=None, reply_form=None, **kwargs):
        user = self.request.user
        target = self.target
        threads = threads_for(target)
        for thread in threads:
            for entry in thread.entries:
                entry.actions = comment_actions(user, entry.comment)
                entry.reply_form = (
                    reply_form
                    if reply_form is not None and reply_form.data.get("parent") == str(entry.comment.pk)
                    else ReplyForm(initial={"parent": entry.comment.pk}, auto_id=f"id_reply_{entry.comment.pk}_%s")
                )
        return super().get_context_data(
            **_with_process_nav(user, target.process),
            target=target,
            kind=self.kind,
            target_url=target.get_absolute_url() if user.has_perm(self.kind.view_perm, target) else "",
            threads=threads,
            open_threads=sum(1 for thread in threads if not thread.is_resolved and not thread.start.is_deleted),
            closed=closed_reason(target),
            form=form or CommentForm(users=mentionable_users(target).exclude(pk=user.pk)),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        target = self.target
        is_reply = "parent" in request.POST
        form = (ReplyForm if is_reply else CommentForm)(
            request.POST, **({} if is_reply else {"users": mentionable_users(target).exclude(pk=request.user.pk)})
        )
        if form.is_valid():
            data = form.cleaned_data
            try:
                parent = get_comment_for_user(request.user, data["parent"]) if is_reply else None
                comment = services.comment_post(
                    user=request.user,
                    target=target,
                    body=data["body"],
                    parent=parent,
                    mentioned_ids=[user.pk for user in data.get("mentions") or ()],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Uw reactie is geplaatst."))
                return redirect(comment.get_absolute_url())
        if is_reply:
            form.auto_id = f"id_reply_{request.POST.get('parent')}_%s"
            context = self.get_context_data(reply_form=form, failed_reply=request.POST.get("parent"))
        else:
            context = self.get_context_data(form=form)
        return self.render_to_response(context, status=400)


class PriorityCommentsView(TargetCommentsView):
    kind = PRIORITY


class GoalCommentsView(TargetCommentsView):
    kind = GOAL


class CommentMixin(RuleRequiredMixin):
    permission_required = "comments.view_comment"
    perm = "comments.view_comment"

    @cached_property
    def comment(self):
        return get_comment_for_user(self.request.user, self.kwargs["pk"], perm=self.perm)

    def get_context_data(self, **kwargs):
        comment = self.comment
        return super().get_context_data(
            **_with_process_nav(self.request.user, comment.process),
            comment=comment,
            target=comment.target,
            kind=kind_of(comment.target),
            **kwargs,
        )


class CommentEditView(CommentMixin, FormView):
    perm = "comments.change_comment"
    template_name = "comments/comment_form.html"

    def get_form(self, form_class=None):
        users = mentionable_users(self.comment.target).exclude(pk=self.request.user.pk)
        if self.request.method == "POST":
            return CommentForm(self.request.POST, users=users)
        return CommentForm(initial={"body": self.comment.body}, users=users)

    def form_valid(self, form):
        try:
            services.comment_edit(
                user=self.request.user,
                comment=self.comment,
                body=form.cleaned_data["body"],
                mentioned_ids=[user.pk for user in form.cleaned_data.get("mentions") or ()],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De reactie is gewijzigd."))
        return redirect(self.comment.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CommentDeleteView(CommentMixin, View):
    perm = "comments.delete_comment"
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        services.comment_delete(user=request.user, comment=self.comment)
        messages.success(request, _("De reactie is verwijderd."))
        return redirect(self.comment.get_absolute_url())


class ThreadResolveView(CommentMixin, View):
    perm = "comments.resolve_comment"
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        resolved = request.POST.get("resolved", "1") != "0"
        try:
            services.thread_resolve(user=request.user, comment=self.comment, resolved=resolved)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De discussie is afgehandeld.") if resolved else _("De discussie is heropend."))
        return redirect(self.comment.get_absolute_url())


class CommentHistoryView(CommentMixin, TemplateView):
    template_name = "comments/comment_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            versions=history_versions(
                self.comment.history.all(), select_related=("deleted_by", "resolved_by"), exclude=("process",)
            ),
            **kwargs,
        )


class GoalCommentsExportView(RuleRequiredMixin, View):
    """Every comment on a goal, thread by thread, as a workbook for the working group (core.spreadsheets: text
    never a formula). Deleted comments keep their place with "verwijderd"."""

    permission_required = "comments.view_target"

    def get(self, request, *args, **kwargs):
        goal = get_target_for_user(request.user, GOAL, kwargs["slug"], kwargs["pk"])
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Reacties")[:31]
        write_row(sheet, 1, [_("Doelstelling"), goal.title], bold=True)
        write_row(sheet, 2, [_("Proces"), str(goal.process)])
        write_row(sheet, 3, [_("Geëxporteerd op"), timezone.localtime().strftime("%d-%m-%Y %H:%M")])
        headings = [_("Discussie"), _("Niveau"), _("Auteur"), _("Geplaatst op"), _("Bewerkt op"), _("Reactie"),
                    _("Genoemd"), _("Status")]  # fmt: skip
        write_row(sheet, 5, headings, bold=True)
        row = 6
        for number, thread in enumerate(threads_for(goal), start=1):
            status = _("afgehandeld") if thread.is_resolved else _("open")
            for entry in thread.entries:
                comment = entry.comment
                write_row(
                    sheet,
                    row,
                    [
                        number,
                        entry.depth,
                        str(comment.author or _("onbekend")),
                        timezone.localtime(comment.created_at).strftime("%d-%m-%Y %H:%M"),
                        timezone.localtime(comment.edited_at).strftime("%d-%m-%Y %H:%M") if comment.edited_at else "",
                        _("verwijderd") if comment.is_deleted else " ".join(strip_tags(comment.body).split()),
                        ", ".join(str(user) for user in comment.mentions.all()),
                        status if entry.depth == 0 else "",
                    ],
                )
                row += 1
        for column, width in zip("ABCDEFGH", (10, 8, 24, 18, 18, 80, 30, 14), strict=True):
            sheet.column_dimensions[column].width = width
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="reacties-doelstelling-{goal.pk}.xlsx"'
        return response


class ParticipationHomeView(RuleRequiredMixin, TemplateView):
    """The processes one may comment on: every process for the roles, those of a contact's municipalities."""

    permission_required = "comments.view_target"
    template_name = "comments/participation_home.html"

    def get_context_data(self, **kwargs):
        processes = StrategyProcess.objects.order_by("-period_start_year", "short_name")
        if not self.request.user.has_role:
            processes = processes.filter(pk__in=contact_process_ids(self.request.user))
        return super().get_context_data(processes=list(processes), **kwargs)


class ParticipationView(RuleRequiredMixin, TemplateView):
    """One process's priorities and goals with their open threads: where a municipal contact finds what to comment
    on (the roles also reach it from the long list and the goals)."""

    permission_required = "comments.view_target"
    template_name = "comments/participation.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        process = get_target_process(user, self.kwargs["slug"])
        priorities = list(visible_targets(user, PRIORITY).filter(process=process).order_by("position", "pk"))
        goals = list(visible_targets(user, GOAL).filter(process=process).order_by("position", "pk"))
        priority_counts = open_thread_counts(PRIORITY, [priority.pk for priority in priorities])
        goal_counts = open_thread_counts(GOAL, [goal.pk for goal in goals])
        for priority in priorities:
            priority.open_threads = priority_counts.get(priority.pk, 0)
        for goal in goals:
            goal.open_threads = goal_counts.get(goal.pk, 0)
        long_list_closed = closed_reason(priorities[0]) if priorities else None
        return super().get_context_data(
            **_with_process_nav(user, process),
            priorities=priorities,
            goals=goals,
            long_list_closed=long_list_closed,
            adopted=Goal.Status.ADOPTED,
            **kwargs,
        )
