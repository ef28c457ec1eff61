"""The milestone form: one text field for the day or period, choices limited to the milestone's own process."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import PeriodError, When, parse_when
from core.forms import SearchableCheckboxSelectMultiple

from ..models import Milestone, StrategyProcess


def dependency_graph(process: StrategyProcess) -> dict[int, set[int]]:
    """Milestone id -> the ids it depends on, for the whole process, in one query."""
    graph: dict[int, set[int]] = {}
    rows = Milestone.depends_on.through.objects.filter(from_milestone__process=process).values_list(
        "from_milestone_id", "to_milestone_id"
    )
    for source, target in rows:
        graph.setdefault(source, set()).add(target)
    return graph


def reaches(graph: dict[int, set[int]], start: int, goal: int) -> bool:
    """Whether following dependencies from ``start`` leads to ``goal``."""
    seen, stack = set(), [start]
    while stack:
        current = stack.pop()
        if current == goal:
            return True
        if current in seen:
            continue
        seen.add(current)
        stack.extend(graph.get(current, ()))
    return False


class MilestoneForm(forms.ModelForm):
    when = forms.CharField(
        label=_("Datum of periode"),
        max_length=60,
        error_messages={"required": _("Vul een datum of periode in.")},
        help_text=_(
            "Een dag of een periode, bijvoorbeeld '4 april 2018', 'juli - augustus 2018', 'begin 2019' of 'eind 2018'."
        ),
    )

    class Meta:
        model = Milestone
        fields = [
            "title",
            "when",
            "phase",
            "kind",
            "status",
            "body",
            "responsible_person",
            "description",
            "deliverables",
            "notes",
            "depends_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "deliverables": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "depends_on": SearchableCheckboxSelectMultiple,
        }
        error_messages = {
            "title": {"required": _("Geef de mijlpaal een titel.")},
            "depends_on": {
                "invalid_choice": _(
                    "Een mijlpaal kan alleen afhangen van andere mijlpalen van hetzelfde proces "
                    "(%(value)s hoort daar niet bij)."
                ),
            },
            "phase": {"invalid_choice": _("Kies een fase van dit proces.")},
        }
        help_texts = {
            "depends_on": _("De mijlpalen die eerst klaar moeten zijn."),
            "status": _("Kies 'onder voorbehoud' als nog niet zeker is dat deze mijlpaal doorgaat."),
        }

    def __init__(self, *args, process: StrategyProcess, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        if self.instance.pk is None:
            self.instance.process = process
        else:
            self.fields["when"].initial = self.instance.when_display
        self.fields["phase"].queryset = process.phases.all()
        dependencies = Milestone.objects.filter(process=process).only(
            "id", "title", "starts_on", "ends_on", "precision"
        )
        if self.instance.pk is not None:
            dependencies = dependencies.exclude(pk=self.instance.pk)
        self.fields["depends_on"].queryset = dependencies
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", gettext("Opslaan")))

    def clean_when(self) -> When:
        try:
            return parse_when(self.cleaned_data["when"])
        except PeriodError as error:
            raise forms.ValidationError(str(error), code="milestone_when_unreadable") from None

    def clean_depends_on(self):
        dependencies = self.cleaned_data["depends_on"]
        if self.instance.pk is None or not dependencies:
            return dependencies
        graph = dependency_graph(self.process)
        graph.pop(self.instance.pk, None)  # its own current dependencies are being replaced
        cyclic = [d for d in dependencies if reaches(graph, d.pk, self.instance.pk)]
        if cyclic:
            raise forms.ValidationError(
                gettext(
                    "Dat geeft een kringetje: %(names)s hangt zelf (via via) af van deze mijlpaal. "
                    "Haal die afhankelijkheid eerst weg."
                )
                % {"names": ", ".join(d.title for d in cyclic)},
                code="milestone_cycle",
            )
        return dependencies

    def clean(self):
        cleaned_data = super().clean()
        when = cleaned_data.get("when")
        if isinstance(when, When):
            self.instance.starts_on = when.starts_on
            self.instance.ends_on = when.ends_on
            self.instance.precision = when.precision
        return cleaned_data

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        # The milestone and its dependencies are saved together or not at all.
        with transaction.atomic():
            return super().save(commit=True)
