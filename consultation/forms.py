"""Forms of the consultation: they parse the input; the rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from core.prose import SHORT_PROSE_MAX_LENGTH, ProseFormField
from core.uploads import DocumentField

from .models import CouncilEntry


class RoundForm(forms.Form):
    version = forms.ModelChoiceField(label=_("Versie van het document"), queryset=None, empty_label=None)
    sent_on = forms.DateField(label=_("Verstuurd op"), widget=DateInput())
    deadline = forms.DateField(label=_("Reactie uiterlijk"), widget=DateInput())
    note = forms.CharField(
        label=_("Toelichting"), required=False, max_length=SHORT_PROSE_MAX_LENGTH, widget=forms.Textarea({"rows": 3})
    )

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = versions


class RoundDeadlineForm(forms.Form):
    deadline = forms.DateField(label=_("Reactie uiterlijk"), widget=DateInput())
    note = forms.CharField(
        label=_("Toelichting"), required=False, max_length=SHORT_PROSE_MAX_LENGTH, widget=forms.Textarea({"rows": 3})
    )


class EntryForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CouncilEntry.Status.choices)
    meeting_on = forms.DateField(label=_("Datum raadsvergadering"), required=False, widget=DateInput())
    received_on = forms.DateField(label=_("Reactie ontvangen op"), required=False, widget=DateInput())
    scope = forms.ChoiceField(
        label=_("De reactie gaat over"),
        required=False,
        choices=[("", _("— kies —")), *CouncilEntry.Scope.choices],
        help_text=_("De raden worden alleen over het politiedeel (MJB) geraadpleegd; de VS ligt niet voor."),
    )
    response_html = ProseFormField(label=_("Reactie van de raad"))
    summary = forms.CharField(
        label=_("Korte samenvatting"),
        required=False,
        max_length=300,
        help_text=_("Eén of twee zinnen, voor het hoofdstuk in het document."),
    )
    follow_up = forms.CharField(
        label=_("Wat is ermee gedaan"),
        required=False,
        max_length=SHORT_PROSE_MAX_LENGTH,
        widget=forms.Textarea({"rows": 3}),
    )
    attachment = DocumentField(
        label=_("Motie of brief"), required=False, widget=forms.FileInput({"accept": ".pdf,.docx"})
    )
    remove_attachment = forms.BooleanField(label=_("Bijlage verwijderen"), required=False)

    @classmethod
    def initial_for(cls, entry: CouncilEntry) -> dict:
        return {
            "status": entry.status,
            "meeting_on": entry.meeting_on,
            "received_on": entry.received_on,
            "scope": entry.scope,
            "response_html": entry.response_html,
            "summary": entry.summary,
            "follow_up": entry.follow_up,
        }
