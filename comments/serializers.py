from rest_framework import serializers

from core.api import absolute_url

from .models import COMMENT_MAX_LENGTH, Comment


class CommentSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    author = serializers.CharField(source="author.username", read_only=True, allow_null=True, default=None)
    author_name = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField(help_text="HTML (de veilige subset); leeg voor een verwijderde reactie.")
    is_deleted = serializers.BooleanField(read_only=True)
    is_resolved = serializers.BooleanField(read_only=True, help_text="Alleen bij de eerste reactie van een discussie.")
    mentions = serializers.SlugRelatedField(slug_field="username", many=True, read_only=True)
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = ["id", "process", "priority", "goal", "thread", "parent", "author", "author_name", "body",
                  "mentions", "created_at", "edited_at", "is_deleted", "deleted_at", "is_resolved", "resolved_at",
                  "html_url"]  # fmt: skip
        read_only_fields = fields

    def get_author_name(self, comment) -> str:
        return str(comment.author) if comment.author else ""

    def get_body(self, comment) -> str:
        return "" if comment.is_deleted else comment.body

    def get_html_url(self, comment) -> str:
        return absolute_url(self.context.get("request"), comment.get_absolute_url())


class CommentWriteSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=COMMENT_MAX_LENGTH, help_text="HTML of platte tekst; wordt opgeschoond.")
    parent = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1, help_text="Antwoord op.")
    mentions = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        max_length=50,
        help_text="Ids van gebruikers die u noemt (naast @gebruikersnaam in de tekst).",
    )


class CommentEditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=COMMENT_MAX_LENGTH)
    mentions = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), required=False, max_length=50
    )


class ThreadResolveSerializer(serializers.Serializer):
    resolved = serializers.BooleanField(default=True)
