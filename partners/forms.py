from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DutchDateField
from planning.models import Municipality
from scan.models import Theme

from .models import REMARK_MAX_LENGTH, CheckProposal

LENGTH_MESSAGE = _("Hoogstens %(limit_value)d tekens (nu %(show_value)d).")


def remark_field(label, **kwargs):
    return forms.CharField(
        label=label,
        required=False,
        max_length=REMARK_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        error_messages={"max_length": LENGTH_MESSAGE},
        **kwargs,
    )


class CheckAnswerForm(forms.Form):
    agrees = forms.TypedChoiceField(
        label=_("Uw antwoord"),
        choices=[
            ("yes", _("Akkoord: de scan geeft ons plan goed weer")),
            ("no", _("Niet helemaal: wij stellen aanvullingen of wijzigingen voor (hieronder)")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies akkoord of aanvullingen en wijzigingen.")},
    )
    remark = remark_field(_("Opmerking (niet verplicht)"))


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Voorstel"),
        choices=[("", "—"), *CheckProposal.Kind.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    wording = remark_field(_("Formulering in uw plan"))
    remark = remark_field(_("Toelichting"))

    def clean(self):
        data = super().clean()
        if data.get("kind") and not data.get("theme"):
            self.add_error("theme", _("Kies het thema van dit voorstel."))
        if data.get("theme") and not data.get("kind"):
            self.add_error("kind", _("Kies of u het thema wilt toevoegen of de formulering wilt wijzigen."))
        return data


ProposalFormSet = forms.formset_factory(ProposalForm, extra=3, max_num=20, validate_max=True)


class ProposalDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Overnemen")), ("reject", _("Niet overnemen"))])
    reason = remark_field(_("Reden"))


class CheckSendForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.none(),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    deadline = DutchDateField(label=_("Reageren uiterlijk op"))

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities


class ContactInviteForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), max_length=254)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Gemeente(n)"),
        queryset=Municipality.objects.order_by("name"),
        widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 8}),
        help_text=_("Meer dan één bij een gedeelde dienst."),
    )
