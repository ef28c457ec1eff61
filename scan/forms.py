"""Forms of the scan: themes, a municipality's plan with its themes, adding one theme, and the sources."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from core.limits import TEXT_MAX_LENGTH
from core.uploads import DocumentField, DocumentFormMixin
from planning.models import Municipality

from .models import MunicipalPlan, PlanTheme, Source, Theme
from .services import plan_check_errors


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {
                "required": _("Geef het thema een naam."),
                "unique": _("Er is al een thema met deze naam."),
            },
        }


class MunicipalPlanForm(DocumentFormMixin, forms.ModelForm):
    document = DocumentField(required=False)

    class Meta:
        model = MunicipalPlan
        fields = [
            "title",
            "period_start_year",
            "period_end_year",
            "document",
            "check_status",
            "check_sent_on",
            "check_answered_on",
            "check_notes",
        ]
        widgets = {
            "check_sent_on": DateInput(),
            "check_answered_on": DateInput(),
            "check_notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "check_notes": _("Wat de gemeente bij de ambtelijke toets heeft aangevuld, gewijzigd of opgemerkt."),
            "title": _("Bijv. Integraal Veiligheidsplan 2019-2022."),
        }

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("period_start_year"), cleaned_data.get("period_end_year")
        if start is not None and end is not None and end < start:
            self.add_error("period_end_year", gettext("Het laatste jaar ligt vóór het eerste jaar."))
        for name, message in plan_check_errors(
            status=cleaned_data.get("check_status") or MunicipalPlan.CheckStatus.NOT_SENT,
            sent_on=cleaned_data.get("check_sent_on"),
            answered_on=cleaned_data.get("check_answered_on"),
        ).items():
            if name not in self.errors:
                self.add_error(name, message)
        return cleaned_data


PlanThemeFormSet = inlineformset_factory(
    MunicipalPlan,
    PlanTheme,
    fields=["theme", "wording", "origin"],
    extra=1,
    can_delete=True,
    widgets={"wording": forms.Textarea(attrs={"rows": 2})},
)


class PlanThemeAddForm(forms.Form):
    """Add one theme to a municipality's plan, from the matrix or the plan's page."""

    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.order_by("name"),
        error_messages={"required": _("Kies een gemeente."), "invalid_choice": _("Kies een gemeente uit de lijst.")},
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.all(),
        error_messages={"required": _("Kies een thema."), "invalid_choice": _("Kies een thema uit de lijst.")},
    )
    wording = forms.CharField(
        max_length=TEXT_MAX_LENGTH,
        label=_("Formulering in het plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    origin = forms.ChoiceField(label=_("Herkomst"), choices=PlanTheme.Origin.choices, initial=PlanTheme.Origin.SCAN)

    def __init__(self, *args, municipality: Municipality | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("municipality", "theme", "origin"):
            self.fields[name].widget.attrs["class"] = "form-select"
        self.fields["wording"].widget = forms.TextInput(attrs={"class": "form-control"})
        if municipality is not None:
            self.fields["municipality"].initial = municipality.pk
            self.fields["municipality"].widget = forms.HiddenInput()


class SourceForm(DocumentFormMixin, forms.ModelForm):
    document = DocumentField(required=False)

    class Meta:
        model = Source
        fields = [
            "title",
            "kind",
            "published_on",
            "owner",
            "reference",
            "document",
            "themes",
            "confidentiality",
            "notes",
        ]
        widgets = {
            "published_on": DateInput(),
            "themes": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "reference": _("Een adres of vindplaats, als er geen document is (of naast het document)."),
            "confidentiality": _("Vertrouwelijke bronnen (ondermijningsbeelden, RIEC) ziet alleen de programmastaf."),
            "owner": _("De organisatie of persoon van wie de bron is."),
        }
        error_messages = {"title": {"required": _("Geef de bron een titel.")}}

    def clean(self):
        cleaned_data = super().clean()
        document = cleaned_data.get("document")
        has_document = bool(document) if document is not None else bool(self.instance.document)
        if "document" not in self.errors and not has_document and not cleaned_data.get("reference"):
            raise forms.ValidationError(
                gettext("Voeg een document toe of vul een vindplaats in."), code="source_document_or_reference"
            )
        return cleaned_data


class SourceFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Zoeken"), required=False, widget=forms.TextInput(attrs={"type": "search", "class": "form-control"})
    )
    kind = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[("", _("Alle soorten")), *Source.Kind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        required=False,
        queryset=Theme.objects.all(),
        empty_label=_("Alle thema's"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
