"""The milestone form: one text field for the day or period, choices limited to the milestone's own process."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import PeriodError, When, parse_when
from core.forms import SearchableCheckboxSelectMultiple

from ..models import Milestone, StrategyProcess
from ..services_schedule import milestone_dependencies_check, milestone_save


class MilestoneForm(forms.ModelForm):
    when = forms.CharField(
        label=_("Datum of periode"),
        max_length=60,
        error_messages={"required": _("Vul een datum of periode in.")},
        help_text=_(
            "Een dag of een periode, bijvoorbeeld '4 april 2018', 'juli - augustus 2018', 'begin 2019' of 'eind 2018'."
        ),
    )

    class Meta:
        model = Milestone
        fields = [
            "title",
            "when",
            "phase",
            "kind",
            "status",
            "completed_by",
            "body",
            "responsible_person",
            "description",
            "deliverables",
            "notes",
            "depends_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "deliverables": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "depends_on": SearchableCheckboxSelectMultiple,
        }
        error_messages = {
            "title": {"required": _("Geef de mijlpaal een titel.")},
            "depends_on": {
                "invalid_choice": _(
                    "Een mijlpaal kan alleen afhangen van andere mijlpalen van hetzelfde proces "
                    "(%(value)s hoort daar niet bij)."
                ),
            },
            "phase": {"invalid_choice": _("Kies een fase van dit proces.")},
        }
        help_texts = {
            "depends_on": _("De mijlpalen die eerst klaar moeten zijn."),
            "status": _("Kies 'onder voorbehoud' als nog niet zeker is dat deze mijlpaal doorgaat."),
        }

    def __init__(self, *args, process: StrategyProcess, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        if self.instance.pk is None:
            self.instance.process = process
        else:
            self.fields["when"].initial = self.instance.when_display
        self.fields["phase"].queryset = process.phases.all()
        dependencies = Milestone.objects.filter(process=process).only(
            "id", "title", "starts_on", "ends_on", "precision"
        )
        if self.instance.pk is not None:
            dependencies = dependencies.exclude(pk=self.instance.pk)
        self.fields["depends_on"].queryset = dependencies
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Opslaan")))

    def clean_when(self) -> When:
        try:
            return parse_when(self.cleaned_data["when"])
        except PeriodError as error:
            raise forms.ValidationError(str(error), code="milestone_when_unreadable") from None

    def clean_depends_on(self):
        dependencies = self.cleaned_data["depends_on"]
        try:
            milestone_dependencies_check(milestone=self.instance, dependencies=dependencies)
        except ValidationError as error:
            raise forms.ValidationError(error.error_dict["depends_on"]) from None
        return dependencies

    def clean(self):
        cleaned_data = super().clean()
        when = cleaned_data.get("when")
        if isinstance(when, When):
            self.instance.starts_on = when.starts_on
            self.instance.ends_on = when.ends_on
            self.instance.precision = when.precision
        return cleaned_data

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        # Through the service, like the API: the milestone and its dependencies together or not at all.
        return milestone_save(milestone=self.instance, depends_on=self.cleaned_data["depends_on"])
