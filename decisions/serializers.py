"""The API's view of the BBG's decision: the top five with ambitions and the passed-over priorities, and the input
of recording one. The rules (exactly five of the list, ambitions, justifications, a final result, locked once
confirmed) are decisions/services.py's; a refusal is a 400 with its code."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api import absolute_url

from .models import BbgDecision, DecisionPriority, PassedOver

# As long as the page's text fields allow (a nota's ambition is a paragraph or two).
AMBITION_MAX_LENGTH = 5000
NOTES_MAX_LENGTH = 20000


class DecisionPrioritySerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="priority.title", read_only=True)

    class Meta:
        model = DecisionPriority
        fields = ["position", "priority", "title", "ambition"]


class PassedOverSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="priority.title", read_only=True)

    class Meta:
        model = PassedOver
        fields = ["priority", "title", "justification"]


class DecisionSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(source="round.process", slug_field="slug", read_only=True)
    chosen = DecisionPrioritySerializer(many=True, read_only=True)
    passed_over = PassedOverSerializer(many=True, read_only=True)
    confirmed_by = serializers.StringRelatedField()
    is_confirmed = serializers.BooleanField(read_only=True)
    html_url = serializers.SerializerMethodField(help_text=_("De pagina van het besluit in VS-portaal."))

    class Meta:
        model = BbgDecision
        fields = [
            "process",
            "meeting",
            "decided_on",
            "notes",
            "chosen",
            "passed_over",
            "is_confirmed",
            "confirmed_at",
            "confirmed_by",
            "html_url",
        ]

    def get_html_url(self, decision) -> str:
        path = reverse("decisions:detail", kwargs={"slug": decision.round.process.slug})
        return absolute_url(self.context.get("request"), path)


class ChosenInputSerializer(serializers.Serializer):
    priority = serializers.IntegerField(min_value=1, max_value=2**31 - 1, help_text=_("Het id van de prioriteit."))
    ambition = serializers.CharField(max_length=AMBITION_MAX_LENGTH, allow_blank=True)


class DecisionRecordSerializer(serializers.Serializer):
    process = serializers.SlugField(help_text=_("De adresnaam van het proces."))
    decided_on = serializers.DateField(help_text=_("De datum van het besluit."))
    meeting = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text=_("Het id van de BBG-vergadering in de planning.")
    )
    notes = serializers.CharField(max_length=NOTES_MAX_LENGTH, required=False, allow_blank=True, default="")
    chosen = ChosenInputSerializer(many=True, help_text=_("Precies vijf, in de volgorde van de BBG (plaats 1-5)."))
    justifications = serializers.DictField(
        child=serializers.CharField(max_length=AMBITION_MAX_LENGTH, allow_blank=True),
        required=False,
        default=dict,
        help_text=_("Per prioriteit-id die hoger staat dan een gekozen prioriteit: waarom de BBG haar passeert."),
    )
