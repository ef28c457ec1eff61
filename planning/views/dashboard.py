"""STUB: to be replaced."""

from django.http import HttpResponse
from django.views import View


class _Stub(View):
    def get(self, request, *args, **kwargs):
        return HttpResponse("stub", status=501)


DashboardView = _Stub
TimelineView = _Stub
ConflictListView = _Stub
