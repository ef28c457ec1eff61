"""Forms of the review pages. They only parse: every rule is in reviews/services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DutchDateField
from core.limits import TEXT_MAX_LENGTH
from core.prose import ProseFormField
from monitoring.forms import StyledForm
from monitoring.models import MeasurementMoment

from .models import REASON_MAX_LENGTH, Recommendation, Review


class ReviewForm(StyledForm):
    kind = forms.ChoiceField(label=_("Soort"), choices=Review.Kind.choices)
    light = forms.BooleanField(label=_("Light (een korte evaluatie)"), required=False)
    moment = forms.ModelChoiceField(
        label=_("Stand van de monitoring"),
        queryset=MeasurementMoment.objects.none(),
        required=False,
        empty_label=_("(geen meetmoment)"),
        help_text=_("De review neemt de waarden en de status van de doelstellingen op dit meetmoment over."),
    )
    title = forms.CharField(
        label=_("Titel"), max_length=200, required=False, help_text=_("Leeg: ‘Midterm review VS …’.")
    )
    summary_html = ProseFormField(label=_("Samenvatting"), required=False)

    def __init__(self, *args, process, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moment"].queryset = MeasurementMoment.objects.filter(process=process).order_by("measured_on")
        if editing:
            del self.fields["kind"]


class ReviewGoalForm(StyledForm):
    worked_html = ProseFormField(label=_("Wat werkte"), required=False)
    not_worked_html = ProseFormField(label=_("Wat werkte niet"), required=False)
    recommendation = forms.ChoiceField(
        label=_("Aanbeveling voor de volgende strategie"),
        choices=[("", _("(nog geen aanbeveling)")), *Recommendation.choices],
        required=False,
    )
    reason = forms.CharField(
        label=_("Reden van de aanbeveling"), widget=forms.Textarea(attrs={"rows": 3}), max_length=REASON_MAX_LENGTH,
        required=False,
    )  # fmt: skip


class TransitionForm(StyledForm):
    meeting_date = DutchDateField(label=_("Datum van de vergadering"), required=False)
    note = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), max_length=TEXT_MAX_LENGTH, required=False
    )


class VersionForm(StyledForm):
    note = forms.CharField(label=_("Toelichting bij de versie"), max_length=TEXT_MAX_LENGTH, required=False)
