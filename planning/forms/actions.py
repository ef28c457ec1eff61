"""Forms for actions of the planning and for absences of people."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput

from ..models import Absence, Action, Milestone, Person, StrategyProcess


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("submit", gettext("Opslaan")))
    return helper


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["title", "milestone", "owner", "due_on", "done_on", "description"]
        widgets = {
            "due_on": DateInput,
            "done_on": DateInput,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": _("Geef de actie een titel.")},
            "milestone": {"invalid_choice": _("Kies een mijlpaal van dit proces.")},
            "due_on": {"invalid": _("Vul een geldige datum in.")},
            "done_on": {"invalid": _("Vul een geldige datum in.")},
        }
        help_texts = {
            "done_on": _("Leeg zolang de actie nog openstaat."),
        }

    def __init__(self, *args, process: StrategyProcess, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        if self.instance.pk is None:
            self.instance.process = process
        self.fields["milestone"].queryset = Milestone.objects.filter(process=process).only(
            "id", "title", "starts_on", "ends_on", "precision"
        )
        self.fields["owner"].queryset = Person.objects.all()
        self.helper = _helper()

    def clean_done_on(self):
        done_on = self.cleaned_data.get("done_on")
        if done_on and done_on > timezone.localdate():
            raise forms.ValidationError(
                gettext("Een actie kan niet in de toekomst gedaan zijn."), code="action_done_in_future"
            )
        return done_on


class AbsenceForm(forms.ModelForm):
    class Meta:
        model = Absence
        fields = ["person", "starts_on", "ends_on", "reason"]
        widgets = {"starts_on": DateInput, "ends_on": DateInput}
        error_messages = {
            "person": {"required": _("Kies wie er afwezig is.")},
            "starts_on": {
                "required": _("Vul de eerste dag van de afwezigheid in."),
                "invalid": _("Vul een geldige datum in."),
            },
            "ends_on": {"invalid": _("Vul een geldige datum in.")},
        }
        help_texts = {
            "ends_on": _("Leeg laten voor één dag."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].required = False
        self.helper = _helper()

    def clean(self):
        cleaned_data = super().clean()
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and not ends_on and "ends_on" not in self.errors:
            cleaned_data["ends_on"] = starts_on
        elif starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", gettext("De laatste dag ligt vóór de eerste dag van de afwezigheid."))
        return cleaned_data
