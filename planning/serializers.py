"""The API's view of processes, milestones, actions and conflicts.

Writes hold the same rules as the forms, with Dutch messages: a milestone's end lies on or after its start, a
milestone on a day is one day long, and a milestone's phase, dependencies and an action's milestone belong to
the same process.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api import absolute_url, service_call
from core.dates import PeriodError, Precision, parse_when
from core.urls import reverse_for_ids

from .conflicts import Conflict, ConflictKind
from .forms.processes import MAX_SHIFT_YEARS
from .models import Action, District, Milestone, Municipality, Phase, StrategyProcess
from .services import process_create
from .services_schedule import milestone_save


class ChoiceLabelField(serializers.CharField):
    """A choice's label in the active language, read-only, from the field's value: what ``get_FOO_display()``
    gives, without that method's lookup built afresh on every call (and DRF's signature check of a callable
    source), which took a third of the milestone list's time."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices.choices)
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return str(self.labels.get(value, value))


class ProcessSerializer(serializers.ModelSerializer):
    predecessor = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=StrategyProcess.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("De adresnaam van het vorige proces."),
    )
    period = serializers.CharField(source="period_display", read_only=True, help_text=_("Bijv. 2019-2022."))
    html_url = serializers.SerializerMethodField(help_text=_("De pagina van het proces in VS-portaal."))

    class Meta:
        model = StrategyProcess
        fields = [
            "id",
            "slug",
            "title",
            "short_name",
            "period_start_year",
            "period_end_year",
            "period",
            "predecessor",
            "description",
            "created_at",
            "html_url",
        ]
        read_only_fields = ["created_at"]

    def get_html_url(self, process: StrategyProcess) -> str:
        return absolute_url(self.context.get("request"), process.get_absolute_url())

    def validate(self, attrs):
        start = attrs.get("period_start_year", getattr(self.instance, "period_start_year", None))
        end = attrs.get("period_end_year", getattr(self.instance, "period_end_year", None))
        if start is not None and end is not None and end < start:
            raise serializers.ValidationError({"period_end_year": _("Het laatste jaar ligt vóór het eerste jaar.")})
        predecessor = attrs.get("predecessor")
        if predecessor is not None and self.instance is not None and predecessor.pk == self.instance.pk:
            raise serializers.ValidationError({"predecessor": _("Een proces kan niet zijn eigen voorganger zijn.")})
        return attrs

    # A new process gets its seven phases from the service, as on the page.
    def create(self, validated_data):
        return service_call(process_create, **validated_data)


# A thing of one process: the process is named by its slug and cannot change afterwards. (Comments rather than
# docstrings here: drf-spectacular would publish a docstring as the schema's description.)
class ProcessScopedSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(
        slug_field="slug", queryset=StrategyProcess.objects.all(), help_text=_("De adresnaam van het proces.")
    )

    def validate_process(self, process):
        if self.instance is not None and process.pk != self.instance.process_id:
            raise serializers.ValidationError(_("Dit kan niet naar een ander proces worden verplaatst."))
        return process

    def target_process(self, attrs):
        return attrs.get("process") or getattr(self.instance, "process", None)


class MilestoneSerializer(ProcessScopedSerializer):
    when = serializers.CharField(
        source="when_display",
        required=False,
        help_text=_(
            "De dag of periode in woorden, bijv. '4 april 2018', 'juli - augustus 2018' of 'eind 2018'. "
            "Bij schrijven mag dit in plaats van starts_on, ends_on en precision."
        ),
    )
    depends_on = serializers.PrimaryKeyRelatedField(
        many=True,
        queryset=Milestone.objects.all(),
        required=False,
        help_text=_("De mijlpalen (id's, uit hetzelfde proces) waarvan deze afhangt."),
    )
    phase = serializers.PrimaryKeyRelatedField(queryset=Phase.objects.all(), required=False, allow_null=True)
    kind_label = ChoiceLabelField(Milestone.Kind, source="kind")
    status_label = ChoiceLabelField(Milestone.Status, source="status")
    html_url = serializers.SerializerMethodField(help_text=_("De pagina van de mijlpaal in VS-portaal."))

    class Meta:
        model = Milestone
        fields = [
            "id",
            "process",
            "phase",
            "title",
            "description",
            "kind",
            "kind_label",
            "starts_on",
            "ends_on",
            "precision",
            "when",
            "status",
            "status_label",
            "completed_by",
            "body",
            "responsible_person",
            "deliverables",
            "notes",
            "depends_on",
            "updated_at",
            "html_url",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {
            "starts_on": {"required": False},
            "ends_on": {"required": False},
        }

    def get_html_url(self, milestone: Milestone) -> str:
        # One reverse() per process for a whole list (the child serializer serves every row of it).
        urls = self.__dict__.setdefault("_html_urls", {})
        slug = milestone.process.slug
        if slug not in urls:
            urls[slug] = reverse_for_ids("planning:milestone_detail", slug=slug)
        return absolute_url(self.context.get("request"), urls[slug](milestone.pk))

    def validate(self, attrs):
        attrs = super().validate(attrs)
        process = self.target_process(attrs)
        errors = {}

        when_text = attrs.pop("when_display", None)
        if when_text is not None:
            try:
                when = parse_when(when_text)
            except PeriodError as exc:
                raise serializers.ValidationError({"when": [str(exc)]}) from None
            attrs.update(starts_on=when.starts_on, ends_on=when.ends_on, precision=when.precision)

        current = self.instance
        starts_on = attrs.get("starts_on", getattr(current, "starts_on", None))
        precision = attrs.get("precision", getattr(current, "precision", Precision.DAY))
        if "ends_on" not in attrs and "starts_on" in attrs and precision == Precision.DAY:
            # A day needs no separate end: it ends on the day it starts.
            attrs["ends_on"] = starts_on
        ends_on = attrs.get("ends_on", getattr(current, "ends_on", None))

        if starts_on is None:
            errors["starts_on"] = _("Vul een begindatum in, of een datum of periode in 'when'.")
        elif ends_on is None:
            errors["ends_on"] = _("Vul een einddatum in.")
        elif ends_on < starts_on:
            errors["ends_on"] = _("De einddatum ligt vóór de begindatum.")
        elif precision == Precision.DAY and ends_on != starts_on:
            errors["ends_on"] = _("Een mijlpaal op één dag begint en eindigt op dezelfde dag.")

        phase = attrs.get("phase")
        if phase is not None and process is not None and phase.process_id != process.pk:
            errors["phase"] = _("Deze fase hoort bij een ander proces.")

        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    # Written through the service, like the form: the dependency rules (same process, not itself, no cycle)
    # are planning.services_schedule's.
    def create(self, validated_data):
        depends_on = validated_data.pop("depends_on", [])
        return service_call(milestone_save, milestone=Milestone(**validated_data), depends_on=depends_on)

    def update(self, instance, validated_data):
        depends_on = validated_data.pop("depends_on", None)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return service_call(milestone_save, milestone=instance, depends_on=depends_on)


class ActionSerializer(ProcessScopedSerializer):
    milestone = serializers.PrimaryKeyRelatedField(
        queryset=Milestone.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("De mijlpaal (id, uit hetzelfde proces) waarbij de actie hoort."),
    )
    is_done = serializers.BooleanField(read_only=True)
    html_url = serializers.SerializerMethodField(help_text=_("De pagina van de actie in VS-portaal."))

    class Meta:
        model = Action
        fields = [
            "id",
            "process",
            "milestone",
            "title",
            "description",
            "owner",
            "due_on",
            "done_on",
            "is_done",
            "html_url",
        ]

    def get_html_url(self, action: Action) -> str:
        path = reverse("planning:action_detail", kwargs={"slug": action.process.slug, "pk": action.pk})
        return absolute_url(self.context.get("request"), path)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        process = self.target_process(attrs)
        milestone = attrs.get("milestone")
        if milestone is not None and process is not None and milestone.process_id != process.pk:
            raise serializers.ValidationError({"milestone": _("Deze mijlpaal hoort bij een ander proces.")})
        return attrs


# A conflict as planning.conflicts finds it; read only.
class ConflictSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=list(ConflictKind.labels), read_only=True)
    kind_label = serializers.CharField(read_only=True)
    message = serializers.CharField(read_only=True)
    milestone = serializers.SerializerMethodField(help_text=_("De mijlpaal met het knelpunt (id)."))
    action = serializers.SerializerMethodField(help_text=_("De actie met het knelpunt (id)."))
    other = serializers.SerializerMethodField(help_text=_("De mijlpaal waarvan de eerste afhangt (id)."))
    person_name = serializers.CharField(read_only=True, help_text=_("Wie afwezig is."))
    absence_reason = serializers.SerializerMethodField(
        help_text=_("De reden van de afwezigheid: alleen voor de programmastaf, anders null.")
    )

    def get_absence_reason(self, conflict: Conflict) -> str | None:
        request = self.context.get("request")
        if conflict.kind != ConflictKind.ABSENCE or request is None:
            return None
        return conflict.absence_reason if request.user.has_perm("planning.view_absence") else None

    def get_milestone(self, conflict: Conflict) -> int | None:
        return conflict.milestone.pk if conflict.milestone is not None else None

    def get_action(self, conflict: Conflict) -> int | None:
        return conflict.action.pk if conflict.action is not None else None

    def get_other(self, conflict: Conflict) -> int | None:
        return conflict.other.pk if conflict.other is not None else None


# --- Reference data: districts and municipalities with their population (read-only) ---------------------------


class MunicipalitySerializer(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Municipality
        fields = ["id", "name", "cbs_code", "district", "population", "population_date", "population_source"]


class DistrictMunicipalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["id", "name", "cbs_code", "population"]


class DistrictSerializer(serializers.ModelSerializer):
    population = serializers.IntegerField(
        read_only=True, help_text=_("Inwoners van de gemeenten met een bekend inwonertal.")
    )
    population_unknown = serializers.IntegerField(
        read_only=True, help_text=_("Aantal gemeenten waarvan het inwonertal onbekend is (telt niet mee).")
    )
    municipalities = DistrictMunicipalitySerializer(many=True, read_only=True)

    class Meta:
        model = District
        fields = [
            "id",
            "code",
            "name",
            "veiligheidsregio",
            "order",
            "population",
            "population_unknown",
            "municipalities",
        ]


# A new process from an earlier one's planning, shift_years whole years later (planning.services.process_copy).
class ProcessCopySerializer(serializers.Serializer):
    title = serializers.CharField(max_length=StrategyProcess._meta.get_field("title").max_length)
    short_name = serializers.CharField(max_length=StrategyProcess._meta.get_field("short_name").max_length)
    slug = serializers.SlugField(max_length=StrategyProcess._meta.get_field("slug").max_length)
    shift_years = serializers.IntegerField(
        min_value=1, max_value=MAX_SHIFT_YEARS, help_text=_("Alle data van de planning schuiven zoveel hele jaren op.")
    )
