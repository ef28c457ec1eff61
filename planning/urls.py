from django.urls import path

from .views import actions, calendar, dashboard, milestones, processes

app_name = "planning"

urlpatterns = [
    path("", processes.HomeView.as_view(), name="home"),
    path("processen/nieuw/", processes.ProcessCreateView.as_view(), name="process_create"),
    path("processen/<slug:slug>/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("processen/<slug:slug>/bewerken/", processes.ProcessUpdateView.as_view(), name="process_update"),
    path("processen/<slug:slug>/kopieren/", processes.ProcessCopyView.as_view(), name="process_copy"),
    path("processen/<slug:slug>/tijdlijn/", dashboard.TimelineView.as_view(), name="timeline"),
    path("processen/<slug:slug>/knelpunten/", dashboard.ConflictListView.as_view(), name="conflict_list"),
    # Milestones
    path("processen/<slug:slug>/mijlpalen/", milestones.MilestoneListView.as_view(), name="milestone_list"),
    path("processen/<slug:slug>/mijlpalen/nieuw/", milestones.MilestoneCreateView.as_view(), name="milestone_create"),
    path(
        "processen/<slug:slug>/mijlpalen/<int:pk>/", milestones.MilestoneDetailView.as_view(), name="milestone_detail"
    ),
    path(
        "processen/<slug:slug>/mijlpalen/<int:pk>/bewerken/",
        milestones.MilestoneUpdateView.as_view(),
        name="milestone_update",
    ),
    path(
        "processen/<slug:slug>/mijlpalen/<int:pk>/verwijderen/",
        milestones.MilestoneDeleteView.as_view(),
        name="milestone_delete",
    ),
    path(
        "processen/<slug:slug>/mijlpalen/<int:pk>/geschiedenis/",
        milestones.MilestoneHistoryView.as_view(),
        name="milestone_history",
    ),
    # Actions
    path("processen/<slug:slug>/acties/", actions.ActionListView.as_view(), name="action_list"),
    path("processen/<slug:slug>/acties/nieuw/", actions.ActionCreateView.as_view(), name="action_create"),
    path("processen/<slug:slug>/acties/<int:pk>/", actions.ActionDetailView.as_view(), name="action_detail"),
    path("processen/<slug:slug>/acties/<int:pk>/bewerken/", actions.ActionUpdateView.as_view(), name="action_update"),
    path(
        "processen/<slug:slug>/acties/<int:pk>/verwijderen/", actions.ActionDeleteView.as_view(), name="action_delete"
    ),
    path(
        "processen/<slug:slug>/acties/<int:pk>/geschiedenis/",
        actions.ActionHistoryView.as_view(),
        name="action_history",
    ),
    # Absences (of people, across processes)
    path("afwezigheden/", actions.AbsenceListView.as_view(), name="absence_list"),
    path("afwezigheden/nieuw/", actions.AbsenceCreateView.as_view(), name="absence_create"),
    path("afwezigheden/<int:pk>/bewerken/", actions.AbsenceUpdateView.as_view(), name="absence_update"),
    path("afwezigheden/<int:pk>/verwijderen/", actions.AbsenceDeleteView.as_view(), name="absence_delete"),
    # Calendar
    path("agenda/", calendar.CalendarView.as_view(), name="calendar"),
    path("agenda/vernieuwen/", calendar.CalendarTokenRenewView.as_view(), name="calendar_renew"),
    path("agenda/<str:token>/<slug:slug>.ics", calendar.CalendarFeedView.as_view(), name="calendar_feed"),
]
