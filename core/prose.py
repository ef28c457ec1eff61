"""Prose: the rich text that users write (the nota's sections, a council's response, a comment, a report's
summary). One place for its form field, its widget, its maximum length and its sanitiser, so that every prose
field of every app gets the same editor, the same limit and the same safe subset (core.sanitize).

- Models store prose in a ``models.TextField`` with ``prose_validators(...)``: a maximum length with a Dutch
  message (``PROSE_MAX_LENGTH`` unless a field needs less).
- Forms use ``ProseFormField``: it renders ``ProseWidget`` and cleans to the sanitised subset, so what is stored is
  exactly what the PDF and the .docx renderers understand.
- Services sanitise again with ``clean_prose`` before saving (the API and the import do not pass a form).

The editor is django-prose-editor (Tiptap/ProseMirror, served from the package, so it works offline). Its
extensions are exactly the sanitised subset: headings 3 and 4, paragraphs and line breaks, bold and italic, bullet
and numbered lists, links and simple tables; nothing the editor makes is lost on save. Without JavaScript the
widget stays a plain textarea with the same subset. The page loads it through ``{{ form.media }}``: a module of
our own (static/js/prose-editor.js) that imports the editor by a relative path, because the package's import map
is an inline script, which the Content Security Policy refuses. The editor's own words come in Dutch from
static/js/prose-editor-i18n.js.
"""

import json

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from .sanitize import sanitize_html

# A nota's longest section is a few thousand words; 50,000 characters of HTML leaves room for tables.
PROSE_MAX_LENGTH = 50_000
# A comment or a short remark in the same editor.
SHORT_PROSE_MAX_LENGTH = 5_000


def prose_validators(max_length: int = PROSE_MAX_LENGTH) -> list:
    """The validators of a prose TextField: at most ``max_length`` characters, with a Dutch message."""
    return [
        MaxLengthValidator(
            max_length,
            message=_("Deze tekst is te lang: ten hoogste %(limit_value)s tekens (nu %(show_value)s)."),
        )
    ]


def clean_prose(html: str | None) -> str:
    """The prose as it is stored: the safe subset of core.sanitize, stripped."""
    return sanitize_html(html)


# The editor's extensions (Tiptap names) and their options: the sanitised subset of core.sanitize, no more.
EDITOR_EXTENSIONS = {
    "Document": True,
    "Paragraph": True,
    "Text": True,
    "HardBreak": True,
    "Heading": {"levels": [3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "Dropcursor": True,
    "Gapcursor": True,
    "Menu": {
        "groups": [
            {"group": "blockType -lists", "type": "dropdown", "minItems": 2},
            {"group": "lists"},
            {"group": "marks"},
            {"group": "link"},
            {"group": "table"},
            {"group": "history"},
        ]
    },
}


class ProseWidget(forms.Textarea):
    """The widget of every prose field: a textarea that the rich-text editor takes over in the browser."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 8, "class": "form-control prose-input", **(attrs or {})})
        self.attrs["data-prose-editor"] = json.dumps({"extensions": EDITOR_EXTENSIONS}, separators=(",", ":"))

    class Media:
        css = {  # noqa: RUF012 (Django's Media reads these once)
            "all": ("django_prose_editor/material-icons.css", "django_prose_editor/editor.css", "css/prose-editor.css")
        }
        # The Dutch words first (a classic script), then the editor (a module, so it runs after the page is read).
        js = ("js/prose-editor-i18n.js", forms.Script("js/prose-editor.js", type="module"))

    def use_required_attribute(self, initial):
        # The browser cannot focus a hidden textarea to report "required"; the server checks it.
        return False


class ProseFormField(forms.CharField):
    """A prose field: the shared widget, a maximum length, and the sanitised subset as its cleaned value."""

    widget = ProseWidget

    def __init__(self, *args, max_length: int = PROSE_MAX_LENGTH, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, max_length=max_length, **kwargs)
        self.error_messages.setdefault(
            "max_length", _("Deze tekst is te lang: ten hoogste %(limit_value)d tekens (nu %(show_value)d).")
        )

    def to_python(self, value):
        return clean_prose(super().to_python(value))
