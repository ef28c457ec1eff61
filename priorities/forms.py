"""Forms of the long list. They only read and check input; the rules are applied by priorities/services.py."""

from crispy_forms.helper import FormHelper
from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from core.forms import DutchDateField
from core.limits import TEXT_MAX_LENGTH
from planning.models import Milestone, StrategyProcess
from scan.models import Source, Theme

from .models import MAX_PRIORITIES, Criterion, Outcome, PartnerRole, Priority


class PriorityForm(forms.ModelForm):
    """A priority's fields; its themes and the sources of its process as evidence."""

    position = forms.IntegerField(label=_("Volgorde"), min_value=1, max_value=MAX_PRIORITIES)

    class Meta:
        model = Priority
        fields = ["title", "description", "urgency", "position", "themes", "sources", "continues"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
            "sources": forms.CheckboxSelectMultiple,
            "urgency": forms.RadioSelect,
        }

    def __init__(self, *args, process: StrategyProcess, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        self.fields["themes"].queryset = Theme.objects.order_by("name")
        self.fields["sources"].queryset = Source.objects.filter(process=process).order_by("title")
        self.fields["sources"].label_from_instance = lambda source: (
            f"{source.title} ({source.get_confidentiality_display()})"
        )
        if process.predecessor_id:
            self.fields["continues"].queryset = Priority.objects.filter(process_id=process.predecessor_id)
        else:
            del self.fields["continues"]
        if self.instance.pk is None:
            del self.fields["position"]  # a new priority goes to the end of the list
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def validate_unique(self):
        # The service checks the title's uniqueness within the process (the process is not a form field).
        pass


class PartnerRoleForm(forms.ModelForm):
    class Meta:
        model = PartnerRole
        fields = ["partner", "partner_other", "role"]
        widgets = {
            "partner": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "partner_other": forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            "role": forms.Select(attrs={"class": "form-select form-select-sm"}),
        }
        help_texts = {"partner_other": ""}  # the table's column heading says it

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("partner") == PartnerRole.Partner.OTHER and not (cleaned.get("partner_other") or "").strip():
            self.add_error("partner_other", _("Noem de partner bij 'anders'."))
        return cleaned

    def validate_constraints(self, exclude=None):
        # Checked across the whole formset by the service.
        pass


PartnerRoleFormSet = inlineformset_factory(
    Priority, PartnerRole, form=PartnerRoleForm, extra=2, can_delete=True, max_num=12
)


def roles_from_formset(formset) -> list[dict]:
    """The roles the formset ends with, as plain data for the service."""
    return [
        {
            "partner": form.cleaned_data["partner"],
            "partner_other": form.cleaned_data.get("partner_other", ""),
            "role": form.cleaned_data["role"],
        }
        for form in formset.forms
        if form.cleaned_data and form.cleaned_data.get("partner") and not form.cleaned_data.get("DELETE")
    ]


class CriteriaForm(forms.Form):
    """The four criteria, each an outcome and a justification."""

    def __init__(self, *args, priority: Priority, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        current = {assessment.criterion: assessment for assessment in priority.assessments.all()}
        choices = [("", _("nog niet beoordeeld")), *Outcome.choices]
        for number, criterion in enumerate(Criterion, start=1):
            assessment = current.get(criterion.value)
            outcome_help = ""
            if criterion == Criterion.MAJORITY:
                outcome_help = _("%(explanation)s Voorgesteld: %(outcome)s.") % {
                    "explanation": proposal.explanation,
                    "outcome": proposal.outcome_display,
                }
            self.fields[f"{criterion.value}_outcome"] = forms.ChoiceField(
                label=_("%(number)s. %(criterion)s") % {"number": number, "criterion": criterion.label},
                choices=choices,
                required=False,
                initial=assessment.outcome if assessment else "",
                help_text=outcome_help,
            )
            self.fields[f"{criterion.value}_justification"] = forms.CharField(
                max_length=TEXT_MAX_LENGTH,
                label=_("Toelichting"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=assessment.justification if assessment else "",
                help_text=_("Laat leeg om het voorstel uit de scan over te nemen.")
                if criterion == Criterion.MAJORITY
                else "",
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def assessments(self) -> list[dict]:
        return [
            {
                "criterion": criterion.value,
                "outcome": self.cleaned_data.get(f"{criterion.value}_outcome", ""),
                "justification": self.cleaned_data.get(f"{criterion.value}_justification", ""),
            }
            for criterion in Criterion
        ]

    def add_service_errors(self, error) -> None:
        """Put a service's per-criterion errors on the justification fields."""
        if hasattr(error, "error_dict"):
            for criterion, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(f"{criterion}_justification", message)
        else:
            for message in error.messages:
                self.add_error(None, message)


class ApproveForm(forms.Form):
    approved_on = DutchDateField(label=_("Vastgesteld door de BBG op"))
    meeting = forms.ModelChoiceField(
        label=_("In de vergadering"),
        queryset=Milestone.objects.none(),
        required=False,
        help_text=_("De BBG-vergadering uit de planning, als die erin staat."),
    )

    def __init__(self, *args, process: StrategyProcess, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Milestone.objects.filter(
            process=process, kind__in=[Milestone.Kind.MEETING, Milestone.Kind.DECISION]
        ).order_by("starts_on")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class SendForm(forms.Form):
    sent_on = DutchDateField(label=_("Naar de partners gestuurd op"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class ReopenForm(forms.Form):
    reason = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Reden van heropenen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Deze reden wordt bewaard in de geschiedenis van de lange lijst."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
