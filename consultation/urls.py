"""Pages of the councils' consultation, under /processen/<slug>/consultatie/."""

from django.urls import path

from . import views

app_name = "consultation"

BASE = "processen/<slug:slug>/consultatie/"

urlpatterns = [
    path(BASE, views.RoundListView.as_view(), name="round_list"),
    path(BASE + "nieuw/", views.RoundCreateView.as_view(), name="round_create"),
    path(BASE + "<int:pk>/", views.RoundDetailView.as_view(), name="round_detail"),
    path(BASE + "<int:pk>/termijn/", views.RoundUpdateView.as_view(), name="round_update"),
    path(BASE + "reactie/<int:pk>/", views.EntryUpdateView.as_view(), name="entry_update"),
    path(BASE + "reactie/<int:pk>/bijlage/", views.EntryAttachmentView.as_view(), name="entry_attachment"),
    path(BASE + "gemeente/<int:municipality_pk>/", views.MunicipalityLogView.as_view(), name="municipality_log"),
]
