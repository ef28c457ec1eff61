"""Prose: the rich text that users write (the nota's sections, a council's response, a comment, a report's
summary). One place for its form field, its widget, its maximum length and its sanitiser, so that every prose
field of every app gets the same editor, the same limit and the same safe subset (core.sanitize).

- Models store prose in a ``models.TextField`` with ``prose_validators(...)``: a maximum length with a Dutch
  message (``PROSE_MAX_LENGTH`` unless a field needs less).
- Forms use ``ProseFormField``: it renders ``ProseWidget`` and cleans to the sanitised subset, so what is stored is
  exactly what the PDF and the .docx renderers understand.
- Services sanitise again with ``clean_prose`` before saving (the API and the import do not pass a form).
"""

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


class ProseWidget(forms.Textarea):
    """The widget of every prose field. One place: the rich-text editor is plugged in here."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 8, "class": "prose-input", **(attrs or {})})


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
