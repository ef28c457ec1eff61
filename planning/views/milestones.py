"""STUB: to be replaced."""

from django.http import HttpResponse
from django.views import View


class _Stub(View):
    def get(self, request, *args, **kwargs):
        return HttpResponse("stub", status=501)


MilestoneListView = _Stub
MilestoneCreateView = _Stub
MilestoneDetailView = _Stub
MilestoneUpdateView = _Stub
MilestoneDeleteView = _Stub
MilestoneHistoryView = _Stub
