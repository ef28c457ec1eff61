"""Form fields and widgets that several apps share: the Dutch date field and the browser's date picker, the amount
in euros as the reader's language writes it."""

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .dates import PeriodError, Precision, parse_when
from .numbers import format_number, parse_amount


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(attrs=attrs, **kwargs)


class DutchDateField(forms.CharField):
    """A day, picked in the browser's date picker (shown the Dutch way, dd-mm-jjjj, in a Dutch browser) and sent
    as YYYY-MM-DD; written out as '4 april 2018' or '4-4-2018' it is read too (the API, an old browser)."""

    widget = DateInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # a date input has no length
        return attrs

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


class AmountField(forms.DecimalField):
    """An amount in euros, typed and shown as the reader's language writes it: '50.000,00' or '€ 50.000' in Dutch,
    '50,000.00' in English. Cleans to a Decimal with two places."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = _("Vul een bedrag in euro's in, bijvoorbeeld 50.000,00.")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        try:
            amount = parse_amount(str(value))
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc
        if not amount.is_finite():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return amount

    def prepare_value(self, value):
        if isinstance(value, Decimal | int):
            return format_number(Decimal(value), self.decimal_places)
        return value

    def widget_attrs(self, widget):
        # No min/step attributes: the input is text (it holds a thousands separator).
        return {}


class SearchableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes with a search box above them (static/js/checkbox-filter.js): type a few letters and only the
    matching options stay visible; ticked ones always stay. Without JavaScript, the plain checkboxes."""

    class Media:
        js = ("js/checkbox-filter.js",)

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs={"data-filterable": "true", **(attrs or {})}, choices=choices)
