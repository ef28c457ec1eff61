"""The result of the DVO choice and the BBG's top five, appended to voting/urls.py's patterns (app "voting")."""

from django.urls import path

from .views import decision, results

RESULT = "processen/<slug:slug>/uitslag/"
DECISION = "processen/<slug:slug>/top-vijf/"

urlpatterns = [
    path(RESULT, results.ResultsView.as_view(), name="results"),
    path(RESULT + "excel/", results.ResultsXlsxView.as_view(), name="results_xlsx"),
    path(RESULT + "pdf/", results.ResultsPdfView.as_view(), name="results_pdf"),
    path(DECISION, decision.DecisionView.as_view(), name="decision"),
    path(DECISION + "bewerken/", decision.DecisionEditView.as_view(), name="decision_edit"),
    path(DECISION + "bevestigen/", decision.DecisionConfirmView.as_view(), name="decision_confirm"),
]
