"""The comments' API routes, included under /api/ by vs_portal/api_urls.py."""

from django.urls import path

from . import api

urlpatterns = [
    path("processes/<slug:slug>/priorities/<int:pk>/comments/", api.PriorityCommentsView.as_view(),
         name="priority-comments"),
    path("processes/<slug:slug>/goals/<int:pk>/comments/", api.GoalCommentsView.as_view(), name="goal-comments"),
    path("comments/<int:pk>/", api.CommentDetailView.as_view(), name="comment-detail"),
    path("comments/<int:pk>/resolve/", api.ThreadResolveView.as_view(), name="comment-resolve"),
]  # fmt: skip
