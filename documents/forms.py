"""Forms of the goals and the document. They read and check input; the rules are applied by documents/services.py.
Prose fields are core.prose's field (the rich-text editor), sanitised there and again by the service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import AmountField, DutchDateField
from core.prose import ProseFormField
from planning.models import StrategyProcess
from priorities.models import Priority

from .models import Document, Goal, Partner
from .selectors import PROSE_FIELDS

PROSE_HELP = _(
    "Opmaak: tussenkoppen, vet, cursief, opsommingen, links (http, https, mailto) en eenvoudige tabellen. "
    "Plakt u tekst uit Word, dan blijft alleen die opmaak over."
)


class GoalForm(forms.ModelForm):
    baseline_date = DutchDateField(label=_("Datum nulmeting"), required=False)
    target_date = DutchDateField(label=_("Datum streefwaarde"), required=False)
    deadline = DutchDateField(
        label=_("Uiterste datum"), required=False, help_text=_("Binnen de periode van de strategie.")
    )

    class Meta:
        model = Goal
        fields = [
            "priority",
            "title",
            "description",
            "indicator",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "deadline",
            "owner",
            "owner_other",
            "urgency",
            "organisation",
            "financing_amount",
            "financing_source",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "organisation": forms.Textarea(attrs={"rows": 3}),
            "urgency": forms.RadioSelect,
        }
        field_classes = {"financing_amount": AmountField}

    def __init__(self, *args, process: StrategyProcess, top_five_ids: set[int] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        priorities = Priority.objects.filter(process=process).order_by("position", "pk")
        if top_five_ids:
            ids = set(top_five_ids)
            if self.instance.priority_id:
                ids.add(self.instance.priority_id)
            priorities = priorities.filter(pk__in=ids)
            self.fields["priority"].help_text = _("Een van de vijf prioriteiten die de BBG heeft gekozen.")
        else:
            self.fields["priority"].help_text = _(
                "De BBG heeft de top vijf nog niet bevestigd; de doelstelling kan pas naar het RVO als haar "
                "prioriteit in de top vijf staat."
            )
        self.fields["priority"].queryset = priorities
        self.fields["urgency"].choices = [choice for choice in self.fields["urgency"].choices if choice[0]]
        self.fields["urgency"].required = False
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.RadioSelect):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            widget.attrs.setdefault("class", css)

    def validate_unique(self):
        # The service checks the title within the process (the process is not a form field).
        pass

    def goal_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class GoalRoleForm(forms.Form):
    partner = forms.ChoiceField(
        label=_("Partner"),
        choices=[("", "---------"), *Partner.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    partner_other = forms.CharField(
        label=_("Andere partner"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
    role = forms.CharField(
        label=_("Rol"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("partner") == Partner.OTHER and not (data.get("partner_other") or "").strip():
            self.add_error("partner_other", _("Noem de partner bij 'anders'."))
        if data.get("partner") and not (data.get("role") or "").strip():
            self.add_error("role", _("Beschrijf de rol van deze partner."))
        return data


GoalRoleFormSet = forms.formset_factory(GoalRoleForm, extra=2)


def roles_initial(goal: Goal | None) -> list[dict]:
    if goal is None or goal.pk is None:
        return []
    return [
        {"partner": role.partner, "partner_other": role.partner_other, "role": role.role} for role in goal.roles.all()
    ]


def roles_from_formset(formset) -> list[dict]:
    return [form.cleaned_data for form in formset.forms if form.cleaned_data.get("partner")]


class GoalPutForwardForm(forms.Form):
    on = DutchDateField(label=_("Naar het RVO op"), required=False, help_text=_("Leeg: vandaag."))


class GoalWithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}), max_length=2000
    )


class GoalAdoptForm(forms.Form):
    on = DutchDateField(label=_("Vastgesteld door het Bestuurscollege op"))


class DocumentForm(forms.ModelForm):
    """The concept's title and prose sections."""

    class Meta:
        model = Document
        fields = ["title", *PROSE_FIELDS.values(), "letter_html"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["class"] = "form-control"
        for name in self.prose_fields():
            self.fields[name] = ProseFormField(label=self.fields[name].label, help_text=PROSE_HELP)

    @classmethod
    def prose_fields(cls) -> list[str]:
        return [*PROSE_FIELDS.values(), "letter_html"]


class TransitionForm(forms.Form):
    meeting_date = DutchDateField(label=_("Datum van de vergadering"), required=False)
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class VersionForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting bij deze versie"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )


class OfficerPlanForm(forms.Form):
    municipality = forms.IntegerField(widget=forms.HiddenInput)
    officers = forms.IntegerField(
        label=_("Wijkagenten"),
        required=False,
        min_value=0,
        max_value=999,
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "inputmode": "numeric"}),
    )


OfficerPlanFormSet = forms.formset_factory(OfficerPlanForm, extra=0)
