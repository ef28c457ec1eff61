"""The API's view of the reviews: a review with its content per goal (what was achieved from the monitoring, what
worked, what not, the recommendation), its versions and steps. Writes go through reviews/services.py."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.limits import TEXT_MAX_LENGTH
from core.prose import PROSE_MAX_LENGTH
from monitoring.models import MeasurementMoment
from planning.models import StrategyProcess

from .models import REASON_MAX_LENGTH, Recommendation, Review, ReviewGoal, ReviewTransition, ReviewVersion
from .selectors import review_content


class ReviewVersionSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)

    class Meta:
        model = ReviewVersion
        fields = ["label", "status", "note", "created_at"]


class ReviewTransitionSerializer(serializers.ModelSerializer):
    version = serializers.CharField(source="version.label", read_only=True, allow_null=True)

    class Meta:
        model = ReviewTransition
        fields = ["from_status", "to_status", "meeting_date", "note", "version", "at"]


class ReviewSerializer(serializers.ModelSerializer):
    """A review. Writing: ``process`` (its adresnaam) and ``kind`` only when it starts; the rest may change until
    it is adopted."""

    process = serializers.SlugRelatedField(slug_field="slug", queryset=StrategyProcess.objects.all())
    kind = serializers.ChoiceField(choices=Review.Kind.choices)
    moment = serializers.PrimaryKeyRelatedField(
        queryset=MeasurementMoment.objects.all(), required=False, allow_null=True
    )
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    summary_html = serializers.CharField(max_length=PROSE_MAX_LENGTH, required=False, allow_blank=True)
    status = serializers.CharField(read_only=True)
    content = serializers.SerializerMethodField()
    versions = ReviewVersionSerializer(many=True, read_only=True)
    transitions = ReviewTransitionSerializer(many=True, read_only=True)

    class Meta:
        model = Review
        fields = [
            "id", "process", "kind", "light", "moment", "title", "summary_html", "status", "sent_to_rvo_on",
            "for_adoption_on", "adopted_on", "content", "versions", "transitions",
        ]  # fmt: skip
        read_only_fields = ["sent_to_rvo_on", "for_adoption_on", "adopted_on"]
        validators = []  # one review per kind is the service's rule (review_exists), with its own code

    def get_content(self, review) -> dict:
        """Per priority its goals: the monitoring's values and status at the moment, the prose, the recommendation
        (``id`` of each goal row is the one to POST to ``goals``)."""
        return review_content(review)


class ReviewListSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Review
        fields = ["id", "process", "kind", "light", "moment", "title", "status", "adopted_on"]


class ReviewGoalWriteSerializer(serializers.Serializer):
    goal_row = serializers.PrimaryKeyRelatedField(
        queryset=ReviewGoal.objects.select_related("review"), help_text=_("De regel van de doelstelling (content).")
    )
    worked_html = serializers.CharField(max_length=PROSE_MAX_LENGTH, required=False, allow_blank=True, default="")
    not_worked_html = serializers.CharField(max_length=PROSE_MAX_LENGTH, required=False, allow_blank=True, default="")
    recommendation = serializers.ChoiceField(
        choices=[("", "—"), *Recommendation.choices], required=False, allow_blank=True, default=""
    )
    reason = serializers.CharField(max_length=REASON_MAX_LENGTH, required=False, allow_blank=True, default="")


class ReviewTransitionWriteSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(choices=Review.Status.choices)
    meeting_date = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")
