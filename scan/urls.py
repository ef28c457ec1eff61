"""Pages of the scan: themes, municipal plans, sources and the scan matrix. The paths are those of before the scan
had its own app (users have bookmarks)."""

from django.urls import path

from . import views as scan

app_name = "scan"

PROCESS = "processen/<slug:slug>/"
PLAN = PROCESS + "scan/gemeenten/<int:municipality_pk>/"
SOURCE = PROCESS + "bronnen/<int:pk>/"

urlpatterns = [
    # The theme catalogue (shared by all processes)
    path("themas/", scan.ThemeListView.as_view(), name="theme_list"),
    path("themas/nieuw/", scan.ThemeCreateView.as_view(), name="theme_create"),
    path("themas/<int:pk>/bewerken/", scan.ThemeUpdateView.as_view(), name="theme_update"),
    # The scan matrix
    path(PROCESS + "scan/", scan.ScanMatrixView.as_view(), name="matrix"),
    path(PROCESS + "scan/export.xlsx", scan.ScanExportXlsxView.as_view(), name="matrix_xlsx"),
    path(PROCESS + "scan/export.csv", scan.ScanExportCsvView.as_view(), name="matrix_csv"),
    path(PROCESS + "scan/thema-toevoegen/", scan.PlanThemeAddView.as_view(), name="plan_theme_add"),
    # Municipal plans (IVP), by municipality
    path(PROCESS + "scan/gemeenten/", scan.PlanListView.as_view(), name="plan_list"),
    path(PLAN, scan.PlanDetailView.as_view(), name="plan_detail"),
    path(PLAN + "bewerken/", scan.PlanUpdateView.as_view(), name="plan_update"),
    path(PLAN + "document/", scan.PlanDocumentView.as_view(), name="plan_document"),
    # Other sources
    path(PROCESS + "bronnen/", scan.SourceListView.as_view(), name="source_list"),
    path(PROCESS + "bronnen/nieuw/", scan.SourceCreateView.as_view(), name="source_create"),
    path(PROCESS + "bronnen/export.csv", scan.SourceExportCsvView.as_view(), name="source_export_csv"),
    path(SOURCE, scan.SourceDetailView.as_view(), name="source_detail"),
    path(SOURCE + "bewerken/", scan.SourceUpdateView.as_view(), name="source_update"),
    path(SOURCE + "document/", scan.SourceDocumentView.as_view(), name="source_document"),
]
