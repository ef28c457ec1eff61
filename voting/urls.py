"""Pages of the DVO choice, under /processen/<slug>/keuzeronde/ (the round, for staff; the progress, for all),
/processen/<slug>/keuze/<district code>/ (a DVO's ballot) and /processen/<slug>/uitslag/ (the result)."""

from django.urls import path

from .views import ballots, results, rounds

app_name = "voting"

ROUND = "processen/<slug:slug>/keuzeronde/"
BALLOT = "processen/<slug:slug>/keuze/"
RESULT = "processen/<slug:slug>/uitslag/"

urlpatterns = [
    # The round and the ballots.
    path(ROUND, rounds.RoundDetailView.as_view(), name="round_detail"),
    path(ROUND + "aanmaken/", rounds.RoundActionView.as_view(action="create"), name="round_create"),
    path(ROUND + "openen/", rounds.RoundActionView.as_view(action="open"), name="round_open"),
    path(ROUND + "sluiten/", rounds.RoundActionView.as_view(action="close"), name="round_close"),
    path(ROUND + "uitslag-vrijgeven/", rounds.RoundActionView.as_view(action="release"), name="round_release"),
    path(ROUND + "opnieuw/", rounds.RoundResetView.as_view(), name="round_reset"),
    path(ROUND + "termijn/<str:district>/", rounds.DeadlineUpdateView.as_view(), name="deadline_update"),
    path(ROUND + "voortgang/", rounds.ProgressView.as_view(), name="progress"),
    path(BALLOT, ballots.BallotStartView.as_view(), name="ballot_start"),
    path(BALLOT + "<str:district>/", ballots.BallotView.as_view(), name="ballot"),
    path(BALLOT + "<str:district>/bevestiging/", ballots.BallotConfirmationView.as_view(), name="ballot_confirmation"),
    path(BALLOT + "<str:district>/geschiedenis/", ballots.BallotHistoryView.as_view(), name="ballot_history"),
    # The result.
    path(RESULT, results.ResultsView.as_view(), name="results"),
    path(RESULT + "excel/", results.ResultsXlsxView.as_view(), name="results_xlsx"),
    path(RESULT + "pdf/", results.ResultsPdfView.as_view(), name="results_pdf"),
]
