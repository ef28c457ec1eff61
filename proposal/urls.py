"""Pages of the organisational and financial proposal, under /processen/<slug>/voorstel/."""

from django.urls import path

from . import views

app_name = "proposal"

BASE = "processen/<slug:slug>/voorstel/"

urlpatterns = [
    path(BASE, views.ProposalDetailView.as_view(), name="detail"),
    path(BASE + "starten/", views.ProposalStartView.as_view(), name="start"),
    path(BASE + "bewerken/", views.ProposalEditView.as_view(), name="edit"),
    path(BASE + "doelstelling/<int:pk>/", views.PlanBudgetView.as_view(), name="plan_budget"),
    path(BASE + "verdeelsleutel/", views.KeyView.as_view(), name="key"),
    path(BASE + "verdeelsleutel.xlsx", views.KeyXlsxView.as_view(), name="key_xlsx"),
    path(BASE + "begroting.xlsx", views.BudgetXlsxView.as_view(), name="budget_xlsx"),
    path(BASE + "aanbieden/", views.ProposalOfferView.as_view(), name="offer"),
    path(BASE + "besluit/", views.DecisionRecordView.as_view(), name="decision"),
    path(BASE + "vaststellen/", views.ProposalAdoptView.as_view(), name="adopt"),
    path(BASE + "versies/", views.VersionCreateView.as_view(), name="version_create"),
    path(BASE + "versies/<str:label>/pdf/", views.VersionPdfView.as_view(), name="version_pdf"),
    path(BASE + "versies/<str:label>/docx/", views.VersionDocxView.as_view(), name="version_docx"),
    path(BASE + "versies/<str:label>/status/", views.RenderStatusView.as_view(), name="render_status"),
    path(BASE + "geschiedenis/", views.ProposalHistoryView.as_view(), name="history"),
]
