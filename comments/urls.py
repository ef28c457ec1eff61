"""Pages of the comments: per object under /processen/<slug>/reacties/, per comment under /reacties/<id>/."""

from django.urls import path

from . import views

app_name = "comments"

PROCESS = "processen/<slug:slug>/"

urlpatterns = [
    path("meedenken/", views.ParticipationHomeView.as_view(), name="home"),
    path(PROCESS + "meedenken/", views.ParticipationView.as_view(), name="participation"),
    path(PROCESS + "reacties/prioriteit/<int:pk>/", views.PriorityCommentsView.as_view(), name="priority_comments"),
    path(PROCESS + "reacties/doelstelling/<int:pk>/", views.GoalCommentsView.as_view(), name="goal_comments"),
    path(
        PROCESS + "reacties/doelstelling/<int:pk>/export.xlsx",
        views.GoalCommentsExportView.as_view(),
        name="goal_comments_export",
    ),
    path("reacties/<int:pk>/bewerken/", views.CommentEditView.as_view(), name="comment_edit"),
    path("reacties/<int:pk>/verwijderen/", views.CommentDeleteView.as_view(), name="comment_delete"),
    path("reacties/<int:pk>/afhandelen/", views.ThreadResolveView.as_view(), name="comment_resolve"),
    path("reacties/<int:pk>/geschiedenis/", views.CommentHistoryView.as_view(), name="comment_history"),
]
