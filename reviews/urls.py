"""Pages of the reviews, under /processen/<slug>/reviews/."""

from django.urls import path

from . import views

app_name = "reviews"

BASE = "processen/<slug:slug>/reviews/"
REVIEW = BASE + "<int:pk>/"

urlpatterns = [
    path(BASE, views.ReviewListView.as_view(), name="review_list"),
    path(BASE + "nieuw/", views.ReviewCreateView.as_view(), name="review_create"),
    path(REVIEW, views.ReviewDetailView.as_view(), name="review_detail"),
    path(REVIEW + "bewerken/", views.ReviewEditView.as_view(), name="review_edit"),
    path(REVIEW + "status/<str:status>/", views.ReviewTransitionView.as_view(), name="review_transition"),
    path(REVIEW + "versie/", views.ReviewVersionCreateView.as_view(), name="review_version_create"),
    path(REVIEW + "geschiedenis/", views.ReviewHistoryView.as_view(), name="review_history"),
    path(REVIEW + "pdf/", views.ReviewPdfView.as_view(), name="review_pdf"),
    path(BASE + "doelstellingen/<int:pk>/", views.ReviewGoalEditView.as_view(), name="reviewgoal_edit"),
]
