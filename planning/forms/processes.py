"""Forms to start, edit and copy a strategy process."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.limits import YEAR_MAX, YEAR_MIN

from ..models import StrategyProcess

MAX_SHIFT_YEARS = 20


def _submit_helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", label))
    return helper


class _UniqueNamesMixin:
    """Clear Dutch messages when a short name or slug is taken (instead of the generic model message)."""

    def _check_unique(self, field_name: str, message: str) -> str:
        value = self.cleaned_data[field_name]
        others = StrategyProcess.objects.filter(**{f"{field_name}__iexact": value})
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        other = others.first()
        if other is not None:
            raise forms.ValidationError(message % {"value": value, "process": other.title}, code="process_name_taken")
        return value

    def clean_short_name(self):
        return self._check_unique(
            "short_name", gettext("De korte naam '%(value)s' is al in gebruik bij '%(process)s'. Kies een andere.")
        )

    def clean_slug(self):
        return self._check_unique(
            "slug", gettext("De adresnaam '%(value)s' is al in gebruik bij '%(process)s'. Kies een andere.")
        )


class ProcessForm(_UniqueNamesMixin, forms.ModelForm):
    """Start or edit a process: its names, its period and its predecessor."""

    period_start_year = forms.IntegerField(
        label=_("Eerste jaar van de periode"),
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        error_messages={
            "min_value": _("Kies een jaar vanaf %(limit_value)s."),
            "max_value": _("Kies een jaar tot en met %(limit_value)s."),
        },
    )
    period_end_year = forms.IntegerField(
        label=_("Laatste jaar van de periode"),
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        error_messages={
            "min_value": _("Kies een jaar vanaf %(limit_value)s."),
            "max_value": _("Kies een jaar tot en met %(limit_value)s."),
        },
    )

    class Meta:
        model = StrategyProcess
        fields = ["title", "short_name", "slug", "period_start_year", "period_end_year", "predecessor", "description"]
        labels = {
            "title": _("Titel"),
            "short_name": _("Korte naam"),
            "slug": _("Adresnaam"),
            "predecessor": _("Voorganger"),
            "description": _("Omschrijving"),
        }
        help_texts = {
            "slug": _("Kleine letters, cijfers en streepjes; komt in het webadres, bijv. vs-2023-2026."),
            "predecessor": _("Het vorige proces waarop dit proces voortbouwt, bijv. VS 2015-2018."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        predecessors = StrategyProcess.objects.order_by("-period_start_year", "short_name")
        if self.instance.pk:
            predecessors = predecessors.exclude(pk=self.instance.pk)
        self.fields["predecessor"].queryset = predecessors
        self.fields["predecessor"].empty_label = gettext("(geen)")
        self.fields["slug"].error_messages["invalid"] = gettext(
            "Gebruik alleen kleine letters, cijfers, streepjes en liggende streepjes."
        )
        self.helper = _submit_helper(gettext("Opslaan"))

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("period_start_year"), cleaned_data.get("period_end_year")
        if start is not None and end is not None and end < start:
            self.add_error(
                "period_end_year",
                gettext("Het laatste jaar (%(end)s) mag niet vóór het eerste jaar (%(start)s) liggen.")
                % {"end": end, "start": start},
            )
        return cleaned_data


def _shift_text(text: str, source: StrategyProcess, years: int) -> str:
    """'VS 2019-2022' shifted 4 years is 'VS 2023-2026': the period's years in a name move with it."""
    mapping = {str(year): str(year + years) for year in range(source.period_start_year, source.period_end_year + 1)}
    return re.sub(r"\b(\d{4})\b", lambda match: mapping.get(match.group(1), match.group(1)), text)


class ProcessCopyForm(_UniqueNamesMixin, forms.ModelForm):
    """The names of the new process and how many years its planning moves."""

    field_order = ["shift_years", "title", "short_name", "slug"]

    shift_years = forms.IntegerField(
        label=_("Aantal jaren verschuiven"),
        min_value=1,
        max_value=MAX_SHIFT_YEARS,
        help_text=_("Alle data en perioden van de planning schuiven zoveel hele jaren op; meestal 4."),
        error_messages={
            "min_value": _("Verschuif de planning minstens één jaar."),
            "max_value": _("Verschuif de planning hoogstens %(limit_value)s jaar."),
            "invalid": _("Vul een heel aantal jaren in."),
            "required": _("Vul in hoeveel jaar de planning moet verschuiven."),
        },
    )

    class Meta:
        model = StrategyProcess
        fields = ["title", "short_name", "slug"]
        labels = {"title": _("Titel"), "short_name": _("Korte naam"), "slug": _("Adresnaam")}
        help_texts = {
            "slug": _("Kleine letters, cijfers en streepjes; komt in het webadres, bijv. vs-2023-2026."),
        }

    def __init__(self, *args, source: StrategyProcess, **kwargs):
        self.source = source
        years = source.period_end_year - source.period_start_year + 1
        suggested = {
            "title": _shift_text(source.title, source, years),
            "short_name": _shift_text(source.short_name, source, years),
            "slug": _shift_text(source.slug, source, years),
            "shift_years": years,
        }
        kwargs["initial"] = {**suggested, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.fields["slug"].error_messages["invalid"] = gettext(
            "Gebruik alleen kleine letters, cijfers, streepjes en liggende streepjes."
        )
        self.helper = _submit_helper(gettext("Kopie maken"))

    def clean(self):
        cleaned_data = super().clean()
        years = cleaned_data.get("shift_years")
        if years is not None:
            # The copy's period, so that the model's own checks see the real values.
            self.instance.period_start_year = self.source.period_start_year + years
            self.instance.period_end_year = self.source.period_end_year + years
        return cleaned_data
