"""Forms of the monitoring pages. They only parse: every rule is in monitoring/services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import DutchDateField
from core.prose import ProseFormField
from documents.models import Goal
from planning.models import Action, District
from priorities.models import PartnerRole

from .models import EXPLANATION_MAX_LENGTH, REMARK_MAX_LENGTH, Indicator, ProgressStatus, Unit
from .services import NAME_MAX_LENGTH, SOURCE_MAX_LENGTH


class StyledForm(forms.Form):
    """Bootstrap's classes on every widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                css = "form-check-input" if isinstance(widget, forms.CheckboxInput) else ""
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            if css:
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if field.help_text:
                widget.attrs.setdefault("aria-describedby", f"id_{self.add_prefix(name)}_help")


class MomentForm(StyledForm):
    measured_on = DutchDateField(label=_("Peildatum"))
    label = forms.CharField(label=_("Naam"), max_length=100, required=False, help_text=_("Bijv. ‘Peildatum 2019’."))


class GenerateMomentsForm(StyledForm):
    half_yearly = forms.BooleanField(label=_("Ook halfjaarlijks (30 juni)"), required=False)


class IndicatorForm(StyledForm):
    name = forms.CharField(label=_("Indicator"), max_length=NAME_MAX_LENGTH)
    unit = forms.ChoiceField(label=_("Eenheid"), choices=Unit.choices)
    baseline = forms.CharField(label=_("Nulmeting"), max_length=40, help_text=_("Een getal, of ‘ja’/‘nee’."))
    target = forms.CharField(label=_("Streefwaarde"), max_length=40)
    scope = forms.ChoiceField(label=_("Regionaal gemeten"), choices=Indicator.Scope.choices)


class ContactForm(StyledForm):
    user = forms.ModelChoiceField(
        label=_("Gebruiker"),
        queryset=User.objects.filter(is_active=True).exclude(role="").order_by("last_name", "first_name", "username"),
        help_text=_("Deze gebruiker vult de waarden van deze doelstelling in en krijgt de herinneringen."),
    )


class ValueRowForm(StyledForm):
    """One value: of an indicator, for the whole unit or one area (the row's label says which)."""

    value = forms.CharField(label=_("Waarde"), max_length=40, required=False)
    source = forms.CharField(label=_("Bron van het cijfer"), max_length=SOURCE_MAX_LENGTH, required=False)
    provisional = forms.BooleanField(label=_("Voorlopig"), required=False)
    remark = forms.CharField(label=_("Opmerking"), max_length=REMARK_MAX_LENGTH, required=False)


class ExplanationForm(StyledForm):
    explanation = forms.CharField(
        label=_("Toelichting van de eigenaar"),
        max_length=EXPLANATION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat is er gedaan, wat verklaart de cijfers, wat is er nodig?"),
    )
    actions = forms.ModelMultipleChoiceField(
        label=_("Acties van de partners (uit de planning)"),
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = Action.objects.filter(process=process).order_by("due_on", "pk")


class OverrideForm(StyledForm):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("berekend volgens de regel")), *ProgressStatus.choices], required=False
    )
    reason = forms.CharField(
        label=_("Reden"), max_length=REMARK_MAX_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DashboardFilterForm(StyledForm):
    """The dashboard's filters (GET): priority, owner, district and status."""

    priority = forms.ChoiceField(label=_("Prioriteit"), required=False)
    owner = forms.ChoiceField(label=_("Eigenaar"), required=False)
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.order_by("order", "name"), required=False, empty_label=_("alle")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("alle")), *ProgressStatus.choices, ("none", _("nog geen status"))],
    )

    def __init__(self, *args, goals: list[Goal] = (), **kwargs):
        super().__init__(*args, **kwargs)
        priorities = {goal.priority_id: goal.priority.title for goal in goals}
        self.fields["priority"].choices = [("", _("alle")), *((str(pk), title) for pk, title in priorities.items())]
        owners = {goal.owner for goal in goals if goal.owner}
        labels = dict(PartnerRole.Partner.choices)
        self.fields["owner"].choices = [
            ("", _("alle")),
            *((owner, labels.get(owner, owner)) for owner in sorted(owners)),
        ]


class ReportSummaryForm(StyledForm):
    summary_html = ProseFormField(label=_("Samenvatting voor het bestuur"))
