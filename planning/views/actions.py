"""STUB: to be replaced."""

from django.http import HttpResponse
from django.views import View


class _Stub(View):
    def get(self, request, *args, **kwargs):
        return HttpResponse("stub", status=501)


ActionListView = _Stub
ActionCreateView = _Stub
ActionDetailView = _Stub
ActionUpdateView = _Stub
ActionDeleteView = _Stub
ActionHistoryView = _Stub
AbsenceListView = _Stub
AbsenceCreateView = _Stub
AbsenceUpdateView = _Stub
AbsenceDeleteView = _Stub
