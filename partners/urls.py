from django.urls import path

from . import views

app_name = "partners"

CHECKS = "processen/<slug:slug>/toetsen/"

urlpatterns = [
    path("toets/", views.ContactHomeView.as_view(), name="contact_home"),
    path("toets/<int:pk>/", views.CheckAnswerView.as_view(), name="check_answer"),
    path(CHECKS, views.CheckOverviewView.as_view(), name="check_overview"),
    path(CHECKS + "<int:pk>/", views.CheckProcessView.as_view(), name="check_process"),
    path("contactpersonen/", views.ContactInviteView.as_view(), name="contact_invite"),
]
