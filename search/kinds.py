"""What the global search finds, one ``SearchKind`` per kind of object.

Each kind names the permission its pages ask (``view_perm``), the objects a user may see (``visible``: for sources
``scan.selectors.sources_visible_to``, so a confidential source never reaches a user who may not see it, not even
as a count) and the fields searched with their weight: A for the title, B for the main text, C for notes and
other text. The engines (search/engine.py) only ever search ``visible(user)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from comments.selectors import comments_visible_to
from documents.models import Document, Goal
from planning.models import Action, Milestone
from priorities.models import Priority
from scan.models import MunicipalPlan, PlanTheme
from scan.selectors import sources_visible_to


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str
    view_perm: str
    # Field paths (as for .values()) by weight "A" (the title) .. "C". A path through a to-many relation (the
    # themes of a plan) is searched as the concatenation of all its values.
    fields: dict[str, tuple[str, ...]]
    visible: Callable[[object], QuerySet]
    title: Callable[[object], str]
    url: Callable[[object], str] = lambda obj: obj.get_absolute_url()
    html_fields: tuple[str, ...] = ()
    # Relations the snippet reads (to-many fields), fetched once per search.
    prefetch: tuple[Prefetch, ...] = ()

    def queryset(self, user) -> QuerySet:
        """What ``user`` may see of this kind; nothing without the kind's view permission."""
        if not user.has_perm(self.view_perm):
            return self.visible(user).none()
        return self.visible(user)

    def texts(self, obj) -> dict[str, str]:
        """The searched text of ``obj`` by weight, as plain text (HTML fields without their tags)."""
        texts = {}
        for weight, paths in self.fields.items():
            parts = [_value(obj, path, html=path in self.html_fields) for path in paths]
            texts[weight] = " ".join(part for part in parts if part)
        return texts


def _value(obj, path: str, *, html: bool = False) -> str:
    head, _sep, rest = path.partition("__")
    value = getattr(obj, head, "")
    if rest and hasattr(value, "all"):
        # A to-many relation, prefetched by the kind's queryset.
        return " ".join(_value(item, rest, html=html) for item in value.all())
    if rest:
        return _value(value, rest, html=html) if value is not None else ""
    text = "" if value is None else str(value)
    return strip_tags(text) if html else text


DOCUMENT_SECTIONS = (
    "intro_html",
    "principles_html",
    "preconditions_html",
    "mjb_local_html",
    "mjb_national_html",
    "mjb_om_html",
    "capacity_html",
    "letter_html",
)

KINDS: tuple[SearchKind, ...] = (
    SearchKind(
        key="priority",
        label=_("Prioriteit"),
        view_perm="priorities.view_priority",
        fields={"A": ("title",), "B": ("description",)},
        visible=lambda user: Priority.objects.select_related("process"),
        title=lambda obj: obj.title,
    ),
    SearchKind(
        key="milestone",
        label=_("Mijlpaal"),
        view_perm="planning.view_milestone",
        fields={"A": ("title",), "B": ("description",), "C": ("deliverables", "notes")},
        visible=lambda user: Milestone.objects.select_related("process"),
        title=lambda obj: obj.title,
    ),
    SearchKind(
        key="action",
        label=_("Actie"),
        view_perm="planning.view_action",
        fields={"A": ("title",), "B": ("description",)},
        visible=lambda user: Action.objects.select_related("process"),
        title=lambda obj: obj.title,
    ),
    SearchKind(
        key="source",
        label=_("Bron"),
        view_perm="scan.view_source",
        fields={"A": ("title",), "B": ("owner", "reference"), "C": ("notes",)},
        visible=lambda user: sources_visible_to(user).select_related("process"),
        title=lambda obj: obj.title,
        url=lambda obj: reverse("scan:source_detail", kwargs={"slug": obj.process.slug, "pk": obj.pk}),
    ),
    SearchKind(
        key="plan",
        label=_("Gemeenteplan"),
        view_perm="scan.view_municipalplan",
        fields={
            "A": ("municipality__name", "title"),
            "B": ("plan_themes__theme__name", "plan_themes__wording"),
            "C": ("check_notes",),
        },
        visible=lambda user: MunicipalPlan.objects.select_related("process", "municipality"),
        title=lambda obj: obj.title or str(obj.municipality),
        url=lambda obj: reverse(
            "scan:plan_detail", kwargs={"slug": obj.process.slug, "municipality_pk": obj.municipality_id}
        ),
        prefetch=(Prefetch("plan_themes", queryset=PlanTheme.objects.select_related("theme")),),
    ),
    SearchKind(
        key="goal",
        label=_("Doelstelling"),
        view_perm="documents.view_goal",
        fields={
            "A": ("title",),
            "B": ("description", "indicator"),
            "C": ("organisation", "status_note", "financing_source"),
        },
        visible=lambda user: Goal.objects.select_related("process"),
        title=lambda obj: obj.title,
    ),
    SearchKind(
        key="document",
        label=_("Document"),
        view_perm="documents.view_document",
        fields={"A": ("title",), "B": DOCUMENT_SECTIONS},
        visible=lambda user: Document.objects.select_related("process"),
        title=lambda obj: obj.title,
        html_fields=DOCUMENT_SECTIONS,
    ),
    SearchKind(
        key="comment",
        label=_("Reactie"),
        view_perm="comments.view_comment",
        fields={"B": ("body",)},
        # Only the comments on what the user may see (the commented object's own rule), never a deleted one.
        visible=lambda user: comments_visible_to(user).select_related("process", "priority", "goal", "author"),
        title=lambda obj: str(
            _("Reactie van %(author)s op ‘%(target)s’") % {"author": obj.author, "target": obj.target.title}
        ),
        html_fields=("body",),
    ),
)

KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
