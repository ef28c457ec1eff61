"""Pages of the document: the current concept with its status, versions, steps and checks; editing the prose and
the community officers; the steps of the workflow; a stored version; the comparison of two versions; the history.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from core.dates import format_date
from core.deflated import DeflatedPiecesMixin
from core.errors import add_service_error
from core.fragments import CONTENT_AREA, cached_form_pieces, cached_fragment
from core.history import history_versions
from core.limits import parse_id
from core.numbers import format_number
from planning.fragments import role_audience
from planning.models import Municipality

from .. import services
from ..access import get_document_for_user, get_version_for_user
from ..content import DocumentContent
from ..diff import compare_contents
from ..forms import DocumentForm, OfficerPlanFormSet, TransitionForm, VersionForm
from ..models import CommunityOfficerPlan, Document
from ..selectors import (
    build_document_content,
    capacity_rows,
    capacity_totals,
    consistency_basis,
    document_consistency,
    draft_content,
    officer_norm,
    top_five,
    transitions_of,
    versions_of,
)
from .mixins import ProcessMixin

CONCEPT = "concept"  # in the comparison: the current concept instead of a stored version

TRANSITION_LABELS = {
    Document.Status.SENT_TO_RVO: (_("Naar het RVO sturen"), _("Datum van het RVO")),
    Document.Status.FOR_ADOPTION: (
        _("Ter vaststelling naar het Bestuurscollege"),
        _("Datum van het Bestuurscollege"),
    ),
    Document.Status.ADOPTED: (_("Vastgesteld door het Bestuurscollege"), _("Datum van vaststelling")),
    Document.Status.NOTA: (_("Bestuurlijke nota gemaakt"), _("Datum van de nota")),
    Document.Status.CONCEPT: (_("Terug naar concept"), _("Datum van de vergadering (optioneel)")),
}


def safe_sections(content: DocumentContent) -> list[dict]:
    """The sections for a page. Prose was sanitised when the content was built; generated HTML comes from our own
    templates with autoescaping."""
    return [
        {"key": s.key, "title": s.title, "html": mark_safe(s.html), "generated": s.generated}  # noqa: S308
        for s in content.sections
    ]


class DocumentMixin(ProcessMixin):
    permission_required = "documents.view_document"
    write = False

    @cached_property
    def document(self) -> Document | None:
        return get_document_for_user(self.request.user, self.process, write=self.write, request=self.request)

    def require_document(self) -> Document:
        if self.document is None:
            raise Http404
        return self.document

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["document"] = self.document
        return context


class DocumentView(DeflatedPiecesMixin, DocumentMixin, TemplateView):
    template_name = "documents/document_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.document
        if document is None:
            return context
        # The page below the menus (documents/includes/document_body.html): the same for every reader of a role who
        # may or may not change the document, but for the CSRF token of its form; 57 KB, kept compressed
        # (core.fragments.cached_form_pieces).
        context["body"] = cached_form_pieces(
            "document-page-pieces",
            request=self.request,
            deflated=self.deflated,
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[document.pk, timezone.localdate().isoformat(), context["can_change_document"]],
            render=lambda extra: render_to_string(
                "documents/includes/document_body.html", {**self.body_context(context), **extra}
            ),
        )
        return context

    def body_context(self, context: dict) -> dict:
        # The preview and both consistency checks draw on the goals, the top five, the priorities, the planning and
        # the consultation: cached under the version of all content (core.fragments), per role, language and day.
        document = self.document
        read = cached_fragment(
            "document-preview",
            areas=[CONTENT_AREA],
            audience=role_audience(self.request.user),
            parts=[document.pk, timezone.localdate().isoformat()],
            render=lambda: self.preview(document),
        )
        return {
            **context,
            "version_label": read["version_label"],
            # The versions, the steps taken, the checks and the concept as HTML (our templates, escaped there).
            "preview": {part: mark_safe(read[part]) for part in ("versions_html", "transitions_html", "html")},  # noqa: S308
            "steps": [
                {"status": status, "label": TRANSITION_LABELS[status][0]}
                for status in services.allowed_transitions(document)
            ],
            "version_form": VersionForm(),
            "dates": [
                (label, format_date(value))
                for label, value in [
                    (_("Naar het RVO"), document.sent_to_rvo_on),
                    (_("Ter vaststelling"), document.for_adoption_on),
                    (_("Vastgesteld"), document.adopted_on),
                    (_("Bestuurlijke nota"), document.nota_on),
                ]
                if value
            ],
        }

    def preview(self, document: Document) -> dict:
        """The versions, the current concept and the checks of the concept and of the latest version."""
        versions = versions_of(document)
        # The top five and the adopted goals, read once for the preview and both consistency checks.
        chosen = top_five(self.process)
        basis = consistency_basis(self.process, chosen)
        content = draft_content(document, versions, chosen)
        latest = versions[-1] if versions else None
        checks = {
            "process": self.process,
            "document": document,
            "content": content,
            "latest": latest,
            "problems": document_consistency(self.process, content, basis),
            "latest_problems": (
                document_consistency(self.process, build_document_content(latest), basis) if latest else None
            ),
            "capacity": capacity_totals(content.capacity),
            "sections": safe_sections(content),
            "letter_html": mark_safe(content.letter_html),  # noqa: S308 - sanitised, see safe_sections
        }
        # The versions and the steps taken as HTML, newest version first, and the checks and the concept's text.
        tables = {"process": self.process, "versions": versions[::-1], "transitions": list(transitions_of(document))}
        return {
            # Only what the page shows of the content outside the HTML: unpickling all of it cost more than the rest.
            "version_label": content.version_label,
            "versions_html": render_to_string("documents/includes/version_table.html", tables),
            "transitions_html": render_to_string("documents/includes/transition_table.html", tables),
            "html": render_to_string("documents/includes/preview.html", checks),
        }


class DocumentStartView(DocumentMixin, View):
    permission_required = "documents.change_document"
    write = True

    def post(self, request, *args, **kwargs):
        services.document_start(process=self.process, user=request.user)
        messages.success(request, _("Het document is aangemaakt met de standaardteksten uit de planningsnotitie."))
        return redirect(reverse("documents:document", kwargs={"slug": self.process.slug}))


class FrozenRedirectMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        document = self.require_document() if request.user.has_perm(self.permission_required) else None
        if document is not None and document.is_frozen:
            messages.error(
                request,
                _("Het document is op %(date)s vastgesteld en kan niet meer worden gewijzigd.")
                % {"date": format_date(document.adopted_on)},
            )
            return redirect(document.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)


class DocumentEditView(FrozenRedirectMixin, DocumentMixin, FormView):
    template_name = "documents/document_form.html"
    permission_required = "documents.change_document"
    form_class = DocumentForm
    write = True

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.require_document()
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["not_saved"] = _("De teksten zijn niet opgeslagen.")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.document_update(
                document=self.document,
                user=self.request.user,
                title=data["title"],
                prose={name: data[name] for name in DocumentForm.prose_fields()},
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("De teksten van het concept zijn opgeslagen."))
        return redirect(self.document.get_absolute_url())


class CapacityEditView(FrozenRedirectMixin, DocumentMixin, TemplateView):
    """The community officers planned per municipality, in one form of all the unit's municipalities."""

    template_name = "documents/capacity_form.html"
    permission_required = "documents.change_document"
    write = True

    @cached_property
    def municipalities(self):
        return list(Municipality.objects.select_related("district").order_by("district__order", "name"))

    def get_formset(self):
        if self.request.method == "POST":
            return OfficerPlanFormSet(self.request.POST, prefix="officers")
        planned = dict(
            CommunityOfficerPlan.objects.filter(process=self.process).values_list("municipality_id", "officers")
        )
        initial = [{"municipality": m.pk, "officers": planned.get(m.pk)} for m in self.municipalities]
        return OfficerPlanFormSet(initial=initial, prefix="officers")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        formset = kwargs.get("formset") or self.get_formset()
        by_id = {m.pk: m for m in self.municipalities}
        rows = []
        for form in formset.forms:
            raw = form["municipality"].value()
            municipality = by_id.get(parse_id(raw))
            if municipality is None:
                continue
            rows.append(
                {
                    "form": form,
                    "municipality": municipality,
                    "population": format_number(municipality.population) if municipality.population else None,
                    "norm": officer_norm(municipality.population),
                }
            )
        context.update(formset=formset, rows=rows, totals=capacity_totals(capacity_rows(self.process)))
        return context

    def post(self, request, *args, **kwargs):
        formset = self.get_formset()
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        known = {m.pk for m in self.municipalities}
        officers = {
            form.cleaned_data["municipality"]: form.cleaned_data.get("officers")
            for form in formset.forms
            if form.cleaned_data.get("municipality") in known
        }
        try:
            count = services.officer_plans_save(process=self.process, user=request.user, officers=officers)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(formset=formset))
        messages.success(request, _("Wijkagenten opgeslagen (%(count)d gewijzigd).") % {"count": count})
        return redirect(self.document.get_absolute_url())


class VersionCreateView(DocumentMixin, View):
    permission_required = "documents.change_document"
    write = True

    def post(self, request, *args, **kwargs):
        document = self.require_document()
        form = VersionForm(request.POST)
        note = form.cleaned_data.get("note", "") if form.is_valid() else ""
        try:
            version = services.version_create(document=document, user=request.user, note=note)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Versie %(label)s is vastgelegd.") % {"label": version.label})
        return redirect(document.get_absolute_url())


class TransitionView(DocumentMixin, FormView):
    template_name = "documents/document_transition.html"
    permission_required = "documents.change_document"
    form_class = TransitionForm
    write = True

    def dispatch(self, request, *args, **kwargs):
        if kwargs["status"] not in Document.Status.values:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        _label, date_label = TRANSITION_LABELS[self.kwargs["status"]]
        form.fields["meeting_date"].label = date_label
        if self.kwargs["status"] == Document.Status.CONCEPT:
            form.fields["note"].label = _("Reden")
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.require_document()
        status = self.kwargs["status"]
        context.update(
            step_label=TRANSITION_LABELS[status][0],
            allowed=status in services.allowed_transitions(document),
            not_saved=_("De status is niet gewijzigd."),
        )
        return context

    def form_valid(self, form):
        document = self.require_document()
        try:
            transition = services.document_transition(
                document=document,
                user=self.request.user,
                to_status=self.kwargs["status"],
                meeting_date=form.cleaned_data.get("meeting_date"),
                note=form.cleaned_data.get("note", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        message = _("Het document is nu: %(status)s.") % {"status": transition.get_to_status_display()}
        if transition.version_id and transition.to_status != Document.Status.NOTA:
            message += " " + _("Versie %(label)s is vastgelegd.") % {"label": transition.version.label}
        messages.success(self.request, message)
        return redirect(document.get_absolute_url())


class VersionDetailView(DocumentMixin, TemplateView):
    template_name = "documents/version_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version = get_version_for_user(self.request.user, self.process, self.kwargs["label"])
        content = build_document_content(version)
        context.update(
            version=version,
            content=content,
            sections=safe_sections(content),
            letter_html=mark_safe(content.letter_html),  # noqa: S308 - sanitised when the snapshot was made
            problems=document_consistency(self.process, content),
        )
        return context


class CompareView(DocumentMixin, TemplateView):
    """/document/vergelijk/?a=0.1&b=0.3 (or b=concept for the current concept)."""

    template_name = "documents/version_compare.html"

    def _content(self, label: str) -> DocumentContent | None:
        if not label:
            return None
        if label == CONCEPT:
            return draft_content(self.require_document())
        return build_document_content(get_version_for_user(self.request.user, self.process, label))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.require_document()
        versions = versions_of(document)
        labels = [version.label for version in versions]
        a = self.request.GET.get("a") or (labels[-2] if len(labels) >= 2 else (labels[0] if labels else ""))
        b = self.request.GET.get("b") or (labels[-1] if len(labels) >= 2 else CONCEPT)
        content_a, content_b = self._content(a), self._content(b)
        diffs = compare_contents(content_a, content_b) if content_a and content_b else []
        context.update(
            versions=versions,
            a=a,
            b=b,
            content_a=content_a,
            content_b=content_b,
            diffs=diffs,
            changed=[diff for diff in diffs if diff.changed],
            unchanged=[diff for diff in diffs if not diff.changed],
            concept_choice=not document.is_frozen,
        )
        return context


class DocumentHistoryView(DocumentMixin, TemplateView):
    template_name = "documents/document_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.require_document()
        plan_records = (
            CommunityOfficerPlan.history.filter(process_id=self.process.pk)
            .select_related("history_user", "municipality")
            .order_by("-history_id")
        )
        context.update(
            versions=history_versions(document.history.all(), exclude=("process", "updated_at")),
            transitions=list(transitions_of(document)),
            plan_records=plan_records,
        )
        return context
