"""The bench server's URLconf: the project's own URLs plus one bare Django view, the baseline of bench/load.py.

Selected only in the server that bench/load.py starts (ROOT_URLCONF=bench.urls in its environment); production
and the tests keep vs_portal.urls, so /bench/bare/ exists nowhere else.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.generic import TemplateView

from core.views import ProcessMixin
from vs_portal.urls import urlpatterns as project_urlpatterns


def bare_view(request):
    """The least a logged-in page can cost in this project: the whole middleware stack, the session read and
    ``request.user`` loaded (as every logged-in page does), no template, no query of its own."""
    name = request.user.get_username() if request.user.is_authenticated else ""
    return HttpResponse(f"ok {name}".encode(), content_type="text/plain")


class ShellView(ProcessMixin, TemplateView):
    """The frame every page of a process pays for: its permission and process checks, base.html with both menus,
    the footer and the context processors, and an empty content block. Not a ceiling: profile_page.py's "shell"
    shows what a page costs before its own content."""

    permission_required = "planning.view_process"

    def get_template_names(self):
        return engines["django"].from_string('{% extends "base.html" %}')


urlpatterns = [
    path("bench/bare/", bare_view, name="bench_bare"),
    path("bench/shell/<slug:slug>/", ShellView.as_view(), name="bench_shell"),
    *project_urlpatterns,
]
