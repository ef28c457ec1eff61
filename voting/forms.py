"""Forms of the DVO choice. They only read and check the shape of the input; the rules (exactly seven distinct of
this process's list, the order, the deadline) are applied by voting/services.py."""

import datetime

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DutchDateField
from planning.models import Body, District, Milestone

from .models import Ballot, BallotChoice
from .services import DEADLINE_TIME


class PriorityIdsField(forms.Field):
    """The ids of the ticked priorities, as sent by the checkboxes (rendered by hand in the template).

    Any id is accepted here, so that the service can say in words why one does not belong to this list."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if value in (None, ""):
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        return [str(item).strip() for item in value if str(item).strip()]


class BallotForm(forms.Form):
    """A DVO's choice: the ticked priorities with, per priority, an optional place in the order and a remark; an
    overall remark; how the municipal councils were involved; for staff, why they enter it on the DVO's behalf."""

    choice = PriorityIdsField(required=False, label=_("Gekozen prioriteiten"))
    remark = forms.CharField(
        label=_("Opmerking bij de keuze als geheel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    council_involvement = forms.ChoiceField(
        label=_("Zijn de gemeenteraden betrokken of geïnformeerd?"),
        choices=Ballot.CouncilInvolvement.choices,
        initial=Ballot.CouncilInvolvement.UNKNOWN,
        widget=forms.RadioSelect,
    )
    council_note = forms.CharField(
        label=_("Hoe zijn de gemeenteraden betrokken of geïnformeerd?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    on_behalf_reason = forms.CharField(
        label=_("Reden van invoer door de staf namens de DVO"),
        help_text=_("Bijvoorbeeld: keuze doorgegeven door de DVO-secretaris per e-mail van 4 april 2018."),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Geef een reden op als u als staf namens de DVO invoert.")},
    )

    def __init__(self, *args, priorities, required: int, staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.priorities = list(priorities)
        self.required = required
        if not staff:
            del self.fields["on_behalf_reason"]
        places = [("", _("geen"))] + [(place, str(place)) for place in range(1, required + 1)]
        remark_length = BallotChoice._meta.get_field("remark").max_length
        for priority in self.priorities:
            self.fields[f"preference_{priority.pk}"] = forms.TypedChoiceField(
                label=_("Plaats in de volgorde van voorkeur"),
                choices=places,
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"remark_{priority.pk}"] = forms.CharField(
                label=_("Opmerking bij deze keuze"), max_length=remark_length, required=False
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @classmethod
    def initial_from(cls, ballot: Ballot | None) -> dict:
        if ballot is None:
            return {}
        initial = {
            "choice": [str(choice.priority_id) for choice in ballot.choices.all()],
            "remark": ballot.remark,
            "council_involvement": ballot.council_involvement,
            "council_note": ballot.council_note,
        }
        for choice in ballot.choices.all():
            initial[f"preference_{choice.priority_id}"] = choice.preference
            initial[f"remark_{choice.priority_id}"] = choice.remark
        return initial

    def checked_ids(self) -> set[str]:
        if self.is_bound:
            return set(self.data.getlist("choice")) if hasattr(self.data, "getlist") else set()
        return set(self.initial.get("choice", []))

    def service_arguments(self) -> dict:
        """The cleaned input as ballot_submit's keyword arguments (without round, district and user)."""
        data = self.cleaned_data
        chosen = data["choice"]
        preferences, remarks = {}, {}
        for priority in self.priorities:
            if str(priority.pk) not in chosen:
                continue
            preferences[priority.pk] = data.get(f"preference_{priority.pk}")
            remarks[priority.pk] = data.get(f"remark_{priority.pk}", "")
        arguments = {
            "priority_ids": chosen,
            "preferences": preferences,
            "remarks": remarks,
            "remark": data["remark"],
            "council_involvement": data["council_involvement"],
            "council_note": data["council_note"],
        }
        if "on_behalf_reason" in self.fields:
            arguments["on_behalf_reason"] = data["on_behalf_reason"]
        return arguments


class DeadlineForm(forms.Form):
    """A DVO's deadline: a day (as in the planning) and a time, by default the end of that day."""

    day = DutchDateField(label=_("Dag"))
    time = forms.TimeField(label=_("Tijd"), initial=DEADLINE_TIME, widget=forms.TimeInput(attrs={"type": "time"}))
    meeting = forms.ModelChoiceField(label=_("DVO-vergadering"), queryset=Milestone.objects.none(), required=False)

    def __init__(self, *args, process, district: District, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Milestone.objects.filter(
            process=process, body__kind=Body.Kind.DVO, body__district=district
        ).order_by("starts_on")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def deadline(self, zone) -> datetime.datetime:
        return datetime.datetime.combine(self.cleaned_data["day"], self.cleaned_data["time"], tzinfo=zone)


class RoundResetForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wordt vastgelegd in de geschiedenis van de ronde."),
    )
    new_deadline = DutchDateField(
        label=_("Nieuwe termijn voor alle DVO's"),
        required=False,
        help_text=_("Leeg: de termijnen blijven zoals ze zijn. De termijn loopt tot 23:59 op die dag."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
