"""The API's view of the DVO choice: a ballot with its choices, and the input of a submission.

A submission goes through voting/services.py (ballot_submit), so exactly seven distinct of this process's list,
the deadline and the own-DVO rule hold here as on the pages; a refusal is a 400 with the Dutch message.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api import absolute_url
from core.limits import TEXT_MAX_LENGTH

from .models import Ballot, BallotChoice, Round, RoundDeadline


class BallotChoiceSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="priority.title", read_only=True)

    class Meta:
        model = BallotChoice
        fields = ["priority", "title", "preference", "remark"]


class BallotSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(source="round.process", slug_field="slug", read_only=True)
    district = serializers.SlugRelatedField(slug_field="code", read_only=True)
    submitted_by = serializers.StringRelatedField()
    choices = BallotChoiceSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField(help_text=_("De pagina van deze keuze."))

    class Meta:
        model = Ballot
        fields = [
            "id",
            "process",
            "district",
            "submitted_by",
            "submitted_at",
            "entered_by_staff",
            "staff_reason",
            "remark",
            "council_involvement",
            "council_note",
            "choices",
            "url",
        ]

    def get_url(self, ballot) -> str:
        return absolute_url(self.context.get("request"), ballot.get_absolute_url())


class BallotSubmitSerializer(serializers.Serializer):
    process = serializers.SlugField(help_text=_("De adresnaam van het proces, bijv. vs-2019-2022."))
    district = serializers.CharField(max_length=8, help_text=_("De code van de DVO, bijv. GLM."))
    priorities = serializers.ListField(
        child=serializers.IntegerField(), help_text=_("Precies zeven verschillende prioriteiten van de lange lijst.")
    )
    preferences = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        required=False,
        default=dict,
        help_text=_("Per prioriteit-id een plaats 1-7 in de volgorde van voorkeur: alle zeven of geen."),
    )
    remarks = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=500),
        required=False,
        default=dict,
        help_text=_("Per prioriteit-id een opmerking."),
    )
    remark = serializers.CharField(max_length=TEXT_MAX_LENGTH, allow_blank=True, required=False, default="")
    council_involvement = serializers.ChoiceField(
        choices=Ballot.CouncilInvolvement.choices, required=False, default=Ballot.CouncilInvolvement.UNKNOWN
    )
    council_note = serializers.CharField(max_length=TEXT_MAX_LENGTH, allow_blank=True, required=False, default="")
    on_behalf_reason = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
        allow_blank=True,
        required=False,
        default="",
        help_text=_("Verplicht voor de programmastaf: waarom u namens de DVO invoert."),
    )


# --- The round ------------------------------------------------------------------------------------------------


class RoundDeadlineSerializer(serializers.ModelSerializer):
    district = serializers.SlugRelatedField(slug_field="code", read_only=True)
    meeting = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text=_("De DVO-vergadering in de planning.")
    )
    passed = serializers.SerializerMethodField(help_text=_("Of de termijn verstreken is."))

    class Meta:
        model = RoundDeadline
        fields = ["district", "deadline", "meeting", "passed"]

    def get_passed(self, deadline) -> bool:
        return deadline.has_passed()


class ProgressSerializer(serializers.Serializer):
    chosen = serializers.IntegerField(help_text=_("Zoveel DVO's hebben gekozen."))
    total = serializers.IntegerField(help_text=_("Van zoveel DVO's."))
    complete = serializers.BooleanField()


class RoundSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    deadlines = RoundDeadlineSerializer(many=True, read_only=True)
    chosen = serializers.SerializerMethodField(help_text=_("De codes van de DVO's die gekozen hebben."))
    results_visible_to_all = serializers.BooleanField(
        read_only=True, help_text=_("Of iedereen met een rol de uitslag nu ziet (na sluiten of vrijgeven).")
    )
    html_url = serializers.SerializerMethodField(help_text=_("De pagina van de ronde in VS-portaal."))

    class Meta:
        model = Round
        fields = [
            "process",
            "status",
            "choices_required",
            "opened_at",
            "closed_at",
            "results_released_at",
            "results_visible_to_all",
            "deadlines",
            "chosen",
            "html_url",
        ]

    def get_chosen(self, round) -> list[str]:
        return sorted(ballot.district.code for ballot in round.ballots.all())

    def get_html_url(self, round) -> str:
        return absolute_url(self.context.get("request"), round.get_absolute_url())


class RoundCreateSerializer(serializers.Serializer):
    process = serializers.SlugField(help_text=_("De adresnaam van het proces, bijv. vs-2019-2022."))


class RoundResetSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=2000, help_text=_("Waarom de ronde opnieuw begint; komt in de geschiedenis van de ronde.")
    )
    new_deadline = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Eén nieuwe termijn (dag, tot 23:59) voor alle DVO's."),
    )


class DeadlineInputSerializer(serializers.Serializer):
    district = serializers.CharField(max_length=8, help_text=_("De code van de DVO, bijv. GLM."))
    deadline = serializers.DateTimeField(help_text=_("Het uiterste moment, bijv. 2018-04-04T23:59:00+02:00."))
    meeting = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text=_("Het id van de DVO-vergadering in de planning.")
    )


# --- The result -----------------------------------------------------------------------------------------------


class ResultDistrictSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    municipalities = serializers.IntegerField(help_text=_("Aantal gemeenten in het district."))
    inhabitants = serializers.IntegerField(help_text=_("Inwoners van die gemeenten (zonder de onbekende)."))
    has_chosen = serializers.BooleanField()


class ResultChoiceSerializer(serializers.Serializer):
    district = serializers.CharField(help_text=_("De code van de DVO die deze prioriteit koos."))
    preference = serializers.IntegerField(allow_null=True, help_text=_("De plaats 1-7 in haar volgorde, of null."))


class ResultPrioritySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    position = serializers.IntegerField(help_text=_("Het volgnummer op de lange lijst."))


class ResultRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    priority = ResultPrioritySerializer()
    dvo_count = serializers.IntegerField(help_text=_("Zoveel DVO's kozen deze prioriteit."))
    chosen_by = ResultChoiceSerializer(many=True)
    municipalities = serializers.IntegerField()
    inhabitants = serializers.IntegerField()
    inhabitants_display = serializers.CharField(help_text=_("Als op de pagina, bijv. 1.234.567."))
    borda = serializers.IntegerField(help_text=_("De voorkeursscore (Borda)."))
    ordered_count = serializers.IntegerField(help_text=_("Zoveel DVO's gaven een volgorde."))
    share = serializers.DecimalField(max_digits=7, decimal_places=4, help_text=_("Aandeel van alle DVO's, in %."))
    share_display = serializers.CharField(help_text=_("Als op de pagina, bijv. 66,7%."))
    reaches_majority = serializers.BooleanField(help_text=_("Overgrote meerderheid bij de drempel van het proces."))
    tie_break = serializers.ChoiceField(
        choices=["inhabitants", "borda", "position"],
        allow_null=True,
        help_text=_("Bij evenveel DVO's als de vorige: het criterium dat besliste; anders null."),
    )
    tie_break_text = serializers.CharField(allow_blank=True, help_text=_("De uitleg als op de pagina."))
    unknown_population = serializers.ListField(child=serializers.CharField())


class ResultSerializer(serializers.Serializer):
    process = serializers.CharField()
    round_status = serializers.CharField()
    final = serializers.BooleanField(help_text=_("Gesloten of vrijgegeven: de BBG kan erop besluiten."))
    dvo_total = serializers.IntegerField()
    ballot_count = serializers.IntegerField()
    threshold = serializers.DecimalField(max_digits=5, decimal_places=2)
    threshold_display = serializers.CharField()
    tie_break_rule = serializers.CharField()
    borda_rule = serializers.CharField()
    unknown_population = serializers.ListField(child=serializers.CharField())
    unknown_population_note = serializers.CharField(allow_blank=True)
    districts = ResultDistrictSerializer(many=True)
    ranking = ResultRowSerializer(many=True)
    html_url = serializers.CharField()
