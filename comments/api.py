"""The comments in the API, with the pages' rules: the comments of a priority or a goal (list, post), one comment
(read, edit, delete) and a thread's state (resolve, reopen). Who may see the object sees its comments (a
municipal contact too, for the processes of their municipalities); refusals are a 400 with the stable code."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from core.api import service_call
from core.schema import refusals

from . import services
from .access import get_comment_for_user, get_target_for_user
from .serializers import CommentEditSerializer, CommentSerializer, CommentWriteSerializer, ThreadResolveSerializer
from .targets import GOAL, PRIORITY

POST_CODES = (
    "comment_longlist_frozen",
    "comment_goal_adopted",
    "comment_empty",
    "comment_too_long",
    "comment_rate_limited",
    "comment_parent_other_object",
    "comment_parent_deleted",
    "comment_thread_resolved",
)
EDIT_CODES = ("comment_longlist_frozen", "comment_goal_adopted", "comment_empty", "comment_too_long", "comment_deleted")


class TakesPart(BasePermission):
    """A role or a municipal contact; the object's own rule is the access helper's (404, then 403)."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.has_perm("comments.view_target"))


def _comments(target):
    return target.comments.select_related("process", "author").prefetch_related("mentions").order_by("created_at", "pk")


class TargetCommentsView(GenericAPIView):
    permission_classes = [TakesPart]
    serializer_class = CommentSerializer
    pagination_class = None  # the comments of one object
    kind = PRIORITY

    def target(self):
        return get_target_for_user(self.request.user, self.kind, self.kwargs["slug"], self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return Response(self.get_serializer(_comments(self.target()), many=True).data)

    @extend_schema(request=CommentWriteSerializer, responses={201: CommentSerializer, 400: refusals(*POST_CODES)})
    def post(self, request, *args, **kwargs):
        target = self.target()
        data = CommentWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        parent = get_comment_for_user(request.user, values["parent"]) if values.get("parent") else None
        comment = service_call(
            services.comment_post, user=request.user, target=target, body=values["body"], parent=parent,
            mentioned_ids=values.get("mentions", ()),
        )  # fmt: skip
        return Response(self.get_serializer(comment).data, status=status.HTTP_201_CREATED)


@extend_schema(summary="De reacties op een prioriteit van de lange lijst")
class PriorityCommentsView(TargetCommentsView):
    kind = PRIORITY


@extend_schema(summary="De reacties op een doelstelling")
class GoalCommentsView(TargetCommentsView):
    kind = GOAL


class CommentDetailView(GenericAPIView):
    permission_classes = [TakesPart]
    serializer_class = CommentSerializer
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get(self, request, pk):
        return Response(self.get_serializer(get_comment_for_user(request.user, pk)).data)

    @extend_schema(request=CommentEditSerializer, responses={200: CommentSerializer, 400: refusals(*EDIT_CODES)})
    def patch(self, request, pk):
        comment = get_comment_for_user(request.user, pk, perm="comments.change_comment")
        data = CommentEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment = service_call(
            services.comment_edit, user=request.user, comment=comment, body=data.validated_data["body"],
            mentioned_ids=data.validated_data.get("mentions", ()),
        )  # fmt: skip
        return Response(self.get_serializer(comment).data)

    @extend_schema(responses={200: CommentSerializer})
    def delete(self, request, pk):
        comment = get_comment_for_user(request.user, pk, perm="comments.delete_comment")
        comment = service_call(services.comment_delete, user=request.user, comment=comment)
        return Response(self.get_serializer(comment).data)


class ThreadResolveView(GenericAPIView):
    permission_classes = [TakesPart]
    serializer_class = CommentSerializer

    @extend_schema(
        summary="Een discussie afhandelen of heropenen (programmastaf of de auteur van de eerste reactie)",
        request=ThreadResolveSerializer,
        responses={200: CommentSerializer, 400: refusals("comment_not_thread_start")},
    )
    def post(self, request, pk):
        comment = get_comment_for_user(request.user, pk, perm="comments.resolve_comment")
        data = ThreadResolveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment = service_call(
            services.thread_resolve, user=request.user, comment=comment, resolved=data.validated_data["resolved"]
        )
        return Response(self.get_serializer(comment).data)
