"""Pages of the BBG's top five, under /processen/<slug>/top-vijf/ (the paths of before this app, kept for
bookmarks)."""

from django.urls import path

from . import views

app_name = "decisions"

DECISION = "processen/<slug:slug>/top-vijf/"

urlpatterns = [
    path(DECISION, views.DecisionView.as_view(), name="detail"),
    path(DECISION + "bewerken/", views.DecisionEditView.as_view(), name="edit"),
    path(DECISION + "bevestigen/", views.DecisionConfirmView.as_view(), name="confirm"),
]
