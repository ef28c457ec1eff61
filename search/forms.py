from django import forms
from django.utils.translation import gettext_lazy as _

from planning.models import StrategyProcess

from .engine import MAX_QUERY_LENGTH
from .kinds import KINDS


class SearchForm(forms.Form):
    """The question, read from the address (GET): ?q=...&proces=<slug>&soort=<kind>."""

    q = forms.CharField(
        label=_("Zoeken naar"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Een zoekvraag is hoogstens %(limit_value)d tekens lang.")},
    )
    proces = forms.ModelChoiceField(
        label=_("Proces"),
        queryset=StrategyProcess.objects.order_by("-period_start_year", "short_name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle processen"),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("Dit proces bestaat niet.")},
    )
    soort = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("Deze soort bestaat niet.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", _("Alles")), *((kind.key, kind.label) for kind in KINDS)]
