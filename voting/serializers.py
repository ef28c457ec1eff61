"""The API's view of the DVO choice: a ballot with its choices, and the input of a submission.

A submission goes through voting/services.py (ballot_submit), so exactly seven distinct of this process's list,
the deadline and the own-DVO rule hold here as on the pages; a refusal is a 400 with the Dutch message.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.limits import TEXT_MAX_LENGTH

from .models import Ballot, BallotChoice


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
        return ballot.get_absolute_url()


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
