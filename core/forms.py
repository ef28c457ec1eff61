"""Form fields and widgets that several apps share: the Dutch date field and the browser's date picker."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .dates import PeriodError, Precision, parse_when


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(attrs=attrs, **kwargs)


class DutchDateField(forms.CharField):
    """A day written as '4 april 2018' or '4-4-2018'."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("Bijvoorbeeld 29 maart 2018."))
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            when = parse_when(value)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc), code="date_unreadable") from exc
        if when.precision != Precision.DAY:
            raise forms.ValidationError(_("Vul een dag in, bijvoorbeeld 29 maart 2018."), code="date_not_a_day")
        return when.starts_on
