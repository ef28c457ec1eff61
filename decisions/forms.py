"""The form in which staff record the BBG's top five: five places, each a priority of the long list with its
ambition; the meeting and the date; and, per priority of the result, room for why the BBG passed it over.

The form only reads the input; the rules (exactly five, ambitions, which justifications are required) are held by
decisions.services.decision_record, whose errors the view puts back on this form.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from core.limits import TEXT_MAX_LENGTH
from voting.tally import PriorityResult

from .models import TOP_SIZE, BbgDecision
from .services import ChosenPriority


class DecisionForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label=_("BBG-vergadering"),
        queryset=None,
        required=False,
        empty_label=_("(geen vergadering uit de planning)"),
        help_text=_("De vergadering van de BBG in de planning; bij bevestiging wordt deze mijlpaal gereedgemeld."),
    )
    decided_on = forms.DateField(
        label=_("Datum besluit"),
        required=False,
        widget=DateInput(),
        help_text=_("Leeg laten: de datum van de gekozen vergadering."),
    )
    notes = forms.CharField(
        max_length=TEXT_MAX_LENGTH, label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, meetings, ranked: list[PriorityResult], decision: BbgDecision | None = None, **kwargs):
        self.ranked = ranked
        initial = kwargs.pop("initial", None) or {}
        if decision is not None:
            initial.update(meeting=decision.meeting_id, decided_on=decision.decided_on, notes=decision.notes)
            for item in decision.chosen.all():
                initial[f"priority_{item.position}"] = item.priority_id
                initial[f"ambition_{item.position}"] = item.ambition
            for item in decision.passed_over.all():
                initial[f"justification_{item.priority_id}"] = item.justification
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda milestone: f"{milestone.when_display}: {milestone.title}"
        choices = [("", gettext("– kies een prioriteit –"))] + [
            (str(result.priority.id), f"{result.rank}. {result.priority.title}") for result in ranked
        ]
        for place in range(1, TOP_SIZE + 1):
            self.fields[f"priority_{place}"] = forms.TypedChoiceField(
                label=gettext("Prioriteit op plaats %(place)d") % {"place": place},
                choices=choices,
                coerce=int,
                required=False,
            )
            self.fields[f"ambition_{place}"] = forms.CharField(
                max_length=TEXT_MAX_LENGTH,
                label=gettext("Ambitie bij plaats %(place)d") % {"place": place},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for result in ranked:
            self.fields[f"justification_{result.priority.id}"] = forms.CharField(
                max_length=TEXT_MAX_LENGTH,
                label=gettext("Waarom gepasseerd: %(rank)d. %(title)s")
                % {"rank": result.rank, "title": result.priority.title},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def places(self):
        """Per place its two bound fields, for the template."""
        return [(place, self[f"priority_{place}"], self[f"ambition_{place}"]) for place in range(1, TOP_SIZE + 1)]

    def justification_fields(self):
        return [(result, self[f"justification_{result.priority.id}"]) for result in self.ranked]

    def clean(self):
        cleaned = super().clean()
        missing = [place for place in range(1, TOP_SIZE + 1) if cleaned.get(f"priority_{place}") in (None, "")]
        for place in missing:
            self.add_error(f"priority_{place}", gettext("Kies een prioriteit op plaats %(place)d.") % {"place": place})
        if missing:
            self.add_error(
                None,
                gettext("De BBG kiest precies %(top)d prioriteiten; er ontbreken er %(missing)d.")
                % {"top": TOP_SIZE, "missing": len(missing)},
            )
        if not cleaned.get("decided_on"):
            meeting = cleaned.get("meeting")
            if meeting is None:
                self.add_error("decided_on", gettext("Geef de datum van het besluit, of kies de vergadering."))
            else:
                cleaned["decided_on"] = meeting.starts_on
        return cleaned

    def chosen(self) -> list[ChosenPriority]:
        return [
            ChosenPriority(
                priority_id=self.cleaned_data[f"priority_{place}"],
                ambition=self.cleaned_data.get(f"ambition_{place}", ""),
            )
            for place in range(1, TOP_SIZE + 1)
        ]

    def justifications(self) -> dict[int, str]:
        return {
            result.priority.id: self.cleaned_data.get(f"justification_{result.priority.id}", "")
            for result in self.ranked
        }


class DecisionConfirmForm(forms.Form):
    """Nothing to fill in: the button is the confirmation."""
