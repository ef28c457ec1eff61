"""Pages of the long list, under /processen/<slug>/lange-lijst/."""

from django.urls import path

from . import views

app_name = "priorities"

PREFIX = "processen/<slug:slug>/lange-lijst/"

urlpatterns = [
    path(PREFIX, views.LongListView.as_view(), name="longlist"),
    path(PREFIX + "naast-de-scan/", views.LongListScanView.as_view(), name="longlist_scan"),
    path(PREFIX + "geschiedenis/", views.LongListHistoryView.as_view(), name="longlist_history"),
    path(PREFIX + "vaststellen/", views.LongListApproveView.as_view(), name="longlist_approve"),
    path(PREFIX + "versturen/", views.LongListSendView.as_view(), name="longlist_send"),
    path(PREFIX + "heropenen/", views.LongListReopenView.as_view(), name="longlist_reopen"),
    path(PREFIX + "nieuw/", views.PriorityCreateView.as_view(), name="priority_create"),
    path(PREFIX + "<int:pk>/", views.PriorityDetailView.as_view(), name="priority_detail"),
    path(PREFIX + "<int:pk>/bewerken/", views.PriorityUpdateView.as_view(), name="priority_update"),
    path(PREFIX + "<int:pk>/criteria/", views.PriorityCriteriaView.as_view(), name="priority_criteria"),
    path(PREFIX + "<int:pk>/verwijderen/", views.PriorityDeleteView.as_view(), name="priority_delete"),
    path(PREFIX + "<int:pk>/geschiedenis/", views.PriorityHistoryView.as_view(), name="priority_history"),
]
