"""Pages of the notifications, under /meldingen/."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.NotificationListView.as_view(), name="list"),
    path("gelezen/", views.MarkReadView.as_view(), name="mark_read"),
    path("alles-gelezen/", views.MarkAllReadView.as_view(), name="mark_all_read"),
    path("voorkeur/", views.PreferenceView.as_view(), name="preferences"),
]
