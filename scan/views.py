"""Pages of the scan: the theme catalogue, the municipalities' plans (IVP) with their ambtelijke toets, the
other sources, the scan matrix and its exports, and the permission-checked document downloads.

Every role reads; programme staff change. Confidential sources reach only programme staff, through
``sources_visible_to``.
"""

import os

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.generic import FormView, TemplateView

from audit.models import AuditEvent
from audit.services import audit_record
from core.deflated import DeflatedHTML, DeflatedPiecesMixin
from core.fragments import CONTENT_AREA, cached_fragment, cached_html
from core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from core.uploads import content_type_for
from core.views import ProcessMixin, RuleRequiredMixin

from . import matrix_html
from .access import get_plan_for_user, get_source_for_user, get_theme_for_user
from .exports import matrix_csv, matrix_xlsx, sources_csv
from .forms import (
    MunicipalPlanForm,
    PlanThemeAddForm,
    PlanThemeFormSet,
    SourceFilterForm,
    SourceForm,
    ThemeForm,
)
from .fragments import SCAN_AREA
from .models import Source, Theme
from .selectors import (
    SORT_COUNT,
    SORT_NAME,
    format_optional_date,
    plan_themes_of,
    plans_overview,
    scan_matrix,
    search_sources,
    sources_visible_to,
)
from .services import plan_save, plan_theme_add, source_save


class ScanPageMixin(RuleRequiredMixin):
    """A page of the scan: anonymous users go to the login page, users without ``permission_required`` get 403;
    then ``fetch_objects`` reads what the URL names (404 when it is not there, 403 for a reader who writes)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.fetch_objects()
        return super().dispatch(request, *args, **kwargs)

    def fetch_objects(self) -> None:
        pass


class ProcessScanMixin(ScanPageMixin, ProcessMixin):
    """A page of one process's scan; ``process`` in the context drives the process navigation."""

    permission_required = "scan.view_scan"

    def fetch_objects(self) -> None:
        self.process  # noqa: B018 - an unknown process is a 404 before anything of its scan is read

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit_scan"] = self.request.user.has_perm("scan.change_scan")
        context["can_edit_sources"] = self.request.user.has_perm("scan.change_source")
        return context


def document_response(field_file, download_name: str) -> FileResponse:
    """The document as an attachment; never shown inline, never sniffed into another type."""
    # The field's own storage: the private one (core.storage), outside the web root.
    if not field_file or not field_file.storage.exists(field_file.name):
        raise Http404(gettext("Er is geen document."))
    name = download_name or os.path.basename(field_file.name)
    response = FileResponse(
        field_file.storage.open(field_file.name, "rb"),
        as_attachment=True,
        filename=name,
        content_type=content_type_for(field_file.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Themes -----------------------------------------------------------------------------------------------------


class ThemeListView(ScanPageMixin, TemplateView):
    permission_required = "scan.view_theme"
    template_name = "scan/theme_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["themes"] = Theme.objects.all()
        context["can_edit"] = self.request.user.has_perm("scan.change_theme")
        return context


class ThemeFormView(ScanPageMixin, FormView):
    permission_required = "scan.change_theme"
    template_name = "scan/theme_form.html"
    form_class = ThemeForm

    def get_theme(self):
        return Theme()

    def fetch_objects(self) -> None:
        super().fetch_objects()
        self.theme = self.get_theme()

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"instance": self.theme}

    def form_valid(self, form):
        theme = form.save()
        messages.success(self.request, gettext("Thema '%(name)s' is opgeslagen.") % {"name": theme.name})
        return redirect("scan:theme_list")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"theme": self.theme}


class ThemeCreateView(ThemeFormView):
    pass


class ThemeUpdateView(ThemeFormView):
    def get_theme(self):
        return get_theme_for_user(self.request.user, self.kwargs["pk"], write=True)


# --- The matrix and its exports -------------------------------------------------------------------------------


def _sort(request) -> str:
    return SORT_COUNT if request.GET.get("sorteer") == SORT_COUNT else SORT_NAME


class ScanMatrixView(DeflatedPiecesMixin, ProcessScanMixin, TemplateView):
    """The matrix: the same tables for every reader of the scan (it holds no confidential source and nothing a
    role changes), so one cached fragment per process, sort order, language and version of the scan's data serves
    them all; the staff-only form to add a theme stays outside it (``core.fragments``, ``scan.fragments``)."""

    template_name = "scan/matrix.html"

    def render_fragment(self, sort: str) -> dict[str, str]:
        matrix = scan_matrix(self.process, sort=sort)
        context = {
            "matrix": matrix,
            "process": self.process,
            "sort_name": SORT_NAME,
            "sort_count": SORT_COUNT,
            "shares_table": matrix_html.shares_table(matrix),
            "heat_map_table": matrix_html.heat_map_table(matrix),
            "municipalities_table": matrix_html.municipalities_table(matrix),
        }
        # Compressed once here, not on every request (core.deflated): the grid is 1.6 MB of HTML at 10x.
        return {
            "summary": DeflatedHTML.of(render_to_string("scan/includes/matrix_summary.html", context)),
            "grid": DeflatedHTML.of(render_to_string("scan/includes/matrix_grid.html", context)),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sort = _sort(self.request)
        fragment = cached_fragment(
            "scan-matrix-pieces",  # compressed pieces (core.deflated), not the HTML of "scan-matrix" before
            areas=[SCAN_AREA],
            audience="scan-readers",
            parts=[self.process.pk, self.process.slug, sort],
            render=lambda: self.render_fragment(sort),
        )
        context["fragment"] = {part: self.deflated(piece) for part, piece in fragment.items()}
        if context["can_edit_scan"]:
            context["add_form"] = form = PlanThemeAddForm()
            # Its lists of all municipalities and themes, the same for every editor until the content changes.
            context["add_form_fields"] = cached_html(
                "scan-add-theme-fields",
                areas=[CONTENT_AREA],
                audience="scan-editors",
                render=lambda: render_to_string("scan/includes/plantheme_add_fields.html", {"form": form}),
            )
        return context


class ScanExportXlsxView(ProcessScanMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        matrix = scan_matrix(self.process, sort=_sort(request))
        sources = sources_visible_to(request.user, self.process).prefetch_related("themes")
        return _attachment(
            matrix_xlsx(matrix, sources),
            XLSX_CONTENT_TYPE,
            f"scan-{self.process.slug}.xlsx",
        )


class ScanExportCsvView(ProcessScanMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        matrix = scan_matrix(self.process, sort=_sort(request))
        return _attachment(matrix_csv(matrix), CSV_CONTENT_TYPE, f"scan-{self.process.slug}.csv")


# --- Municipal plans ---------------------------------------------------------------------------------------------


class PlanListView(ProcessScanMixin, TemplateView):
    template_name = "scan/plan_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = plans_overview(self.process)
        context["rows"] = rows
        context["plan_count"] = sum(1 for row in rows if row.plan is not None)
        return context


class PlanMixin(ProcessScanMixin):
    write = False

    def fetch_objects(self) -> None:
        super().fetch_objects()
        self.plan = get_plan_for_user(self.request.user, self.process, self.kwargs["municipality_pk"], write=self.write)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan"] = self.plan
        context["municipality"] = self.plan.municipality
        return context


class PlanDetailView(PlanMixin, TemplateView):
    template_name = "scan/plan_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan_themes"] = plan_themes_of(self.plan)
        context["sent_display"] = format_optional_date(self.plan.check_sent_on)
        context["answered_display"] = format_optional_date(self.plan.check_answered_on)
        if context["can_edit_scan"]:
            context["add_form"] = PlanThemeAddForm(municipality=self.plan.municipality)
        return context


class PlanUpdateView(PlanMixin, TemplateView):
    template_name = "scan/plan_form.html"
    write = True

    def forms(self, data=None, files=None):
        form = MunicipalPlanForm(data, files, instance=self.plan, prefix="plan")
        formset = PlanThemeFormSet(data, instance=self.plan, prefix="themas")
        return form, formset

    def get(self, request, *args, **kwargs):
        form, formset = self.forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST, request.FILES)
        if form.is_valid() and formset.is_valid():
            plan = plan_save(form=form, formset=formset)
            messages.success(
                request, gettext("Het plan van %(municipality)s is opgeslagen.") % {"municipality": plan.municipality}
            )
            return redirect("scan:plan_detail", slug=self.process.slug, municipality_pk=plan.municipality_id)
        return self.render_to_response(self.get_context_data(form=form, formset=formset), status=400)


class PlanDocumentView(PlanMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        if self.plan.pk is None:
            raise Http404(gettext("Er is geen document."))
        return document_response(self.plan.document, self.plan.document_name)


class PlanThemeAddView(ProcessScanMixin, TemplateView):
    """Adds one theme to a municipality's plan (from the matrix or the plan's page), then goes back there."""

    permission_required = "scan.change_scan"
    template_name = "scan/plantheme_add.html"

    def _next(self):
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return reverse("scan:matrix", kwargs={"slug": self.process.slug})

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=PlanThemeAddForm(), next=self._next()))

    def post(self, request, *args, **kwargs):
        form = PlanThemeAddForm(request.POST)
        if form.is_valid():
            plan = get_plan_for_user(request.user, self.process, form.cleaned_data["municipality"].pk, write=True)
            try:
                plan_theme = plan_theme_add(
                    plan=plan,
                    theme=form.cleaned_data["theme"],
                    wording=form.cleaned_data["wording"],
                    origin=form.cleaned_data["origin"],
                )
            except ValidationError as error:
                form.add_error("theme", error)
            else:
                messages.success(
                    request,
                    gettext("'%(theme)s' is toegevoegd aan het plan van %(municipality)s.")
                    % {"theme": plan_theme.theme, "municipality": plan.municipality},
                )
                return redirect(self._next())
        return self.render_to_response(self.get_context_data(form=form, next=self._next()), status=400)


# --- Sources ------------------------------------------------------------------------------------------------------


class SourceListView(ProcessScanMixin, TemplateView):
    template_name = "scan/source_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = SourceFilterForm(self.request.GET or None)
        sources = sources_visible_to(self.request.user, self.process)
        if filters.is_valid():
            theme = filters.cleaned_data["theme"]
            sources = search_sources(
                sources,
                text=filters.cleaned_data["q"].strip(),
                kind=filters.cleaned_data["kind"],
                theme_id=theme.pk if theme else None,
            )
        context["filters"] = filters if self.request.GET else SourceFilterForm()
        context["sources"] = list(sources.prefetch_related("themes").order_by("-published_on", "title"))
        for source in context["sources"]:
            source.published_display = format_optional_date(source.published_on)
        context["sees_confidential"] = self.request.user.has_perm("scan.view_confidential_source")
        return context


class SourceExportCsvView(ProcessScanMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        sources = sources_visible_to(request.user, self.process).prefetch_related("themes")
        return _attachment(
            sources_csv(sources.order_by("-published_on", "title")),
            CSV_CONTENT_TYPE,
            f"bronnen-{self.process.slug}.csv",
        )


class SourceMixin(ProcessScanMixin):
    write = False

    def fetch_objects(self) -> None:
        super().fetch_objects()
        self.source = get_source_for_user(self.request.user, self.process, self.kwargs["pk"], write=self.write)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"source": self.source}


class SourceDetailView(SourceMixin, TemplateView):
    template_name = "scan/source_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["published_display"] = format_optional_date(self.source.published_on)
        context["themes"] = self.source.themes.all()
        return context


class SourceDocumentView(SourceMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        response = document_response(self.source.document, self.source.document_name)
        if self.source.confidentiality == Source.Confidentiality.CONFIDENTIAL:
            audit_record(kind=AuditEvent.Kind.SOURCE_DOWNLOAD, request=request, obj=self.source)
        return response


class SourceFormView(ProcessScanMixin, FormView):
    permission_required = "scan.change_source"
    template_name = "scan/source_form.html"
    form_class = SourceForm

    def get_source(self):
        return Source(process=self.process)

    def fetch_objects(self) -> None:
        super().fetch_objects()
        self.source = self.get_source()

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"instance": self.source}

    def form_valid(self, form):
        source = source_save(form=form)
        messages.success(self.request, gettext("Bron '%(title)s' is opgeslagen.") % {"title": source.title})
        return redirect("scan:source_detail", slug=self.process.slug, pk=source.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"source": self.source}


class SourceCreateView(SourceFormView):
    pass


class SourceUpdateView(SourceFormView):
    def get_source(self):
        return get_source_for_user(self.request.user, self.process, self.kwargs["pk"], write=True)
