"""The result of a round: the ranked table, the DVO x priority matrix and the bar chart, and its exports (Excel,
and a PDF for the BBG meeting).

Who sees what (voting/rules.py): programme staff always; BBG members and DVO secretaries only once the round
is closed or staff released the result. Until then their page shows progress only ("3 van 5 DVO's hebben
gekozen"), never a count per priority, and the exports answer 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from core.deflated import DeflatedHTML, DeflatedPiecesMixin
from core.fragments import CONTENT_AREA, cached_fragment
from core.panels import collect_panels
from core.rows import cached_row
from core.views import ProcessMixin
from planning.fragments import role_audience

from ..exports import result_context, results_pdf, results_xlsx
from ..hooks import RESULT_PANELS
from ..models import Round
from ..selectors import round_for, round_progress, round_result

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ResultProcessMixin(ProcessMixin):
    """A page of one process's result, reached through the access helpers."""

    permission_required = "voting.view_result_page"

    @cached_property
    def round(self) -> Round | None:
        # Every save of a round moves the content's version on (core.fragments), which the page reads anyway.
        process = self.process
        round = cached_row(
            self.request, "round", area=CONTENT_AREA, lookup={"process": process.pk}, fetch=lambda: round_for(process)
        )
        if round is not None:
            round.process = process
        return round


def get_visible_result_round(user, process) -> Round:
    """The process's round, when the user may see its counts now: 404 without a round, 403 while the result is
    not yet visible to them."""
    round = round_for(process)
    if round is None:
        raise Http404
    if not user.has_perm("voting.view_result", round):
        raise PermissionDenied
    return round


class ResultsView(DeflatedPiecesMixin, ResultProcessMixin, TemplateView):
    def get_template_names(self):
        return ["voting/results.html" if self.visible else "voting/results_not_public.html"]

    @cached_property
    def visible(self) -> bool:
        return self.round is not None and self.request.user.has_perm("voting.view_result", self.round)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(process=self.process, round=self.round)
        if not self.visible:
            context["progress"] = round_progress(self.round)  # what the others see until the result is public
        else:
            # The count (read from the ballots, the priorities and the districts) and its tables and chart as
            # HTML: cached under the version of all content (core.fragments), per role and language, and kept
            # compressed (core.deflated, 30 KB of HTML); who may see it was checked above, before the cache.
            piece = cached_fragment(
                "voting-result-pieces",
                areas=[CONTENT_AREA],
                audience=role_audience(self.request.user),
                parts=[self.round.pk],
                render=lambda: DeflatedHTML.of(self.render_result_body()),
            )
            context["result_body"] = self.deflated(piece)
            # What the apps built on the result show under it (decisions: the BBG's top five).
            context["panels"] = collect_panels(
                RESULT_PANELS, process=self.process, round=self.round, user=self.request.user
            )
        return context

    def render_result_body(self) -> str:
        context = {**result_context(self.process, round_result(self.round)), "round": self.round}
        return render_to_string("voting/includes/result_body.html", context)


class ResultsXlsxView(ResultProcessMixin, View):
    def get(self, request, *args, **kwargs):
        round = get_visible_result_round(request.user, self.process)
        response = HttpResponse(results_xlsx(self.process, round_result(round)), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="uitslag-{self.process.slug}.xlsx"'
        return response


class ResultsPdfView(ResultProcessMixin, View):
    def get(self, request, *args, **kwargs):
        round = get_visible_result_round(request.user, self.process)
        response = HttpResponse(results_pdf(self.process, round_result(round)), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="uitslag-{self.process.slug}.pdf"'
        return response
