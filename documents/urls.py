"""Pages of the goals and the document, under /processen/<slug>/doelstellingen/ and /processen/<slug>/document/.

A version is named by its label ("0.3", "1.0") in the address.
"""

from django.urls import path, register_converter

from .views import document, downloads, goals

app_name = "documents"


class VersionLabelConverter:
    regex = r"\d{1,3}\.\d{1,3}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(VersionLabelConverter, "version")

GOALS = "processen/<slug:slug>/doelstellingen/"
DOCUMENT = "processen/<slug:slug>/document/"
VERSION = DOCUMENT + "versies/<version:label>/"

urlpatterns = [
    path(GOALS, goals.GoalListView.as_view(), name="goal_list"),
    path(GOALS + "nieuw/", goals.GoalCreateView.as_view(), name="goal_create"),
    path(GOALS + "<int:pk>/", goals.GoalDetailView.as_view(), name="goal_detail"),
    path(GOALS + "<int:pk>/bewerken/", goals.GoalUpdateView.as_view(), name="goal_update"),
    path(GOALS + "<int:pk>/verwijderen/", goals.GoalDeleteView.as_view(), name="goal_delete"),
    path(GOALS + "<int:pk>/geschiedenis/", goals.GoalHistoryView.as_view(), name="goal_history"),
    path(GOALS + "<int:pk>/naar-rvo/", goals.GoalPutForwardView.as_view(), name="goal_put_forward"),
    path(GOALS + "<int:pk>/terug-naar-concept/", goals.GoalWithdrawView.as_view(), name="goal_withdraw"),
    path(GOALS + "<int:pk>/vastgesteld/", goals.GoalAdoptView.as_view(), name="goal_adopt"),
    path(DOCUMENT, document.DocumentView.as_view(), name="document"),
    path(DOCUMENT + "starten/", document.DocumentStartView.as_view(), name="document_start"),
    path(DOCUMENT + "bewerken/", document.DocumentEditView.as_view(), name="document_edit"),
    path(DOCUMENT + "wijkagenten/", document.CapacityEditView.as_view(), name="capacity_edit"),
    path(DOCUMENT + "nieuwe-versie/", document.VersionCreateView.as_view(), name="version_create"),
    path(DOCUMENT + "status/<str:status>/", document.TransitionView.as_view(), name="document_transition"),
    path(DOCUMENT + "geschiedenis/", document.DocumentHistoryView.as_view(), name="document_history"),
    path(DOCUMENT + "vergelijk/", document.CompareView.as_view(), name="compare"),
    path(VERSION, document.VersionDetailView.as_view(), name="version_detail"),
    # Renderings of a version (documents/views/downloads.py, by the rendering work).
    path(VERSION + "pdf/", downloads.VersionPdfView.as_view(), name="version_pdf"),
    path(VERSION + "brief-pdf/", downloads.VersionLetterPdfView.as_view(), name="version_letter_pdf"),
    path(VERSION + "pdfa/", downloads.VersionPdfaView.as_view(), name="version_pdfa"),
    path(VERSION + "docx/", downloads.VersionDocxView.as_view(), name="version_docx"),
    path(VERSION + "weergave-status/", downloads.RenderStatusView.as_view(), name="render_status"),
]
