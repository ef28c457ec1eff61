"""Pages of the monitoring, under /processen/<slug>/monitoring/."""

from django.urls import path

from . import views

app_name = "monitoring"

BASE = "processen/<slug:slug>/monitoring/"
GOAL = BASE + "doelstellingen/<int:pk>/"

urlpatterns = [
    path(BASE, views.DashboardView.as_view(), name="dashboard"),
    path(BASE + "meetmomenten/", views.MomentListView.as_view(), name="moment_list"),
    path(BASE + "meetmomenten/<int:pk>/verwijderen/", views.MomentDeleteView.as_view(), name="moment_delete"),
    path(BASE + "ontbrekend/", views.MissingView.as_view(), name="missing"),
    path(BASE + "waarden.xlsx", views.ValuesXlsxView.as_view(), name="values_xlsx"),
    path(BASE + "voortgangsrapportage/<int:year>/", views.ReportView.as_view(), name="report"),
    path(BASE + "voortgangsrapportage/<int:year>/pdf/", views.ReportPdfView.as_view(), name="report_pdf"),
    path(BASE + "voortgangsrapportage/<int:year>/docx/", views.ReportDocxView.as_view(), name="report_docx"),
    path(
        BASE + "voortgangsrapportage/<int:year>/nieuwe-versie/",
        views.ReportVersionCreateView.as_view(),
        name="report_version_create",
    ),
    path(
        BASE + "voortgangsrapportage/<int:year>/status/<str:status>/",
        views.ReportTransitionView.as_view(),
        name="report_transition",
    ),
    path(GOAL, views.GoalView.as_view(), name="goal"),
    path(GOAL + "waarden/", views.GoalValuesView.as_view(), name="goal_values"),
    path(GOAL + "status/", views.GoalStatusView.as_view(), name="goal_status"),
    path(GOAL + "geschiedenis/", views.GoalHistoryView.as_view(), name="goal_history"),
    path(GOAL + "contactpersonen/", views.GoalContactsView.as_view(), name="goal_contacts"),
    path(GOAL + "indicatoren/nieuw/", views.GoalIndicatorCreateView.as_view(), name="goal_indicator_create"),
    path(BASE + "indicatoren/<int:pk>/", views.IndicatorUpdateView.as_view(), name="indicator_update"),
]
