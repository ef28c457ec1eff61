"""Forms of the proposal: they parse the input; the rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from core.limits import TEXT_MAX_LENGTH
from core.prose import ProseFormField
from planning.models import District, Municipality

from .models import Funding, GoalPlan, Proposal, ProposalDecision

AMOUNT_FIELD = {"max_digits": 12, "decimal_places": 2, "min_value": 0}


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    introduction = ProseFormField(label=_("Inleiding"))
    key_method = forms.ChoiceField(
        label=_("Verdeelsleutel voor het aandeel van de gemeenten"), choices=Proposal.KeyMethod.choices
    )
    fixed_amount = forms.DecimalField(
        label=_("Vast bedrag per gemeente per jaar (euro)"),
        required=False,
        **AMOUNT_FIELD,
        help_text=_("Alleen bij 'vast bedrag per gemeente plus naar inwonertal'."),
    )


class PlanForm(forms.Form):
    lead_partner = forms.ChoiceField(
        label=_("Trekker"), required=False, choices=[("", "—"), *GoalPlan._meta.get_field("lead_partner").choices]
    )
    lead_partner_other = forms.CharField(label=_("Andere trekker"), required=False, max_length=200)
    programme_team = forms.CharField(label=_("Programmateam"), required=False, max_length=500)
    partner_roles = ProseFormField(label=_("Rollen van de partners"), max_length=5_000)


class CostItemForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int, choices=())
    description = forms.CharField(label=_("Kostenpost"), max_length=200)
    amount = forms.DecimalField(label=_("Bedrag (euro)"), **AMOUNT_FIELD)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]


class FundingForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int, choices=())
    source = forms.ChoiceField(label=_("Bron"), choices=Funding.Source.choices)
    source_other = forms.CharField(label=_("Andere bron"), required=False, max_length=200)
    amount = forms.DecimalField(label=_("Bedrag (euro)"), **AMOUNT_FIELD)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in years]


class KeyPopulationForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=Municipality.objects.order_by("name"))
    population = forms.IntegerField(label=_("Inwoners"), min_value=1, max_value=10_000_000)
    population_source = forms.CharField(label=_("Bron van het inwonertal"), max_length=200)


class KeyExcludeForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=Municipality.objects.order_by("name"))
    reason = forms.CharField(label=_("Reden"), max_length=500)


class OfferForm(forms.Form):
    offered_on = forms.DateField(label=_("Aangeboden door de BBG op"), widget=DateInput())


class AdoptForm(forms.Form):
    rvo_on = forms.DateField(label=_("Besluit RVO op"), widget=DateInput())
    board_adopted_on = forms.DateField(label=_("Vastgesteld door het Bestuurscollege op"), widget=DateInput())


class DecisionForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("DVO"),
        required=False,
        queryset=District.objects.order_by("order"),
        help_text=_("Kies een DVO óf een gemeente."),
    )
    municipality = forms.ModelChoiceField(
        label=_("College van B&W van"), required=False, queryset=Municipality.objects.order_by("name")
    )
    outcome = forms.ChoiceField(label=_("Besluit"), choices=ProposalDecision.Outcome.choices)
    decided_on = forms.DateField(label=_("Datum besluit"), widget=DateInput())
    conditions = forms.CharField(
        label=_("Voorwaarden of toelichting"), required=False, max_length=1000, widget=forms.Textarea({"rows": 3})
    )


class VersionForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting bij de versie"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea({"rows": 2}),
    )
