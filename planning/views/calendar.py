"""STUB: to be replaced."""

from django.http import HttpResponse
from django.views import View


class _Stub(View):
    def get(self, request, *args, **kwargs):
        return HttpResponse("stub", status=501)


CalendarView = _Stub
CalendarTokenRenewView = _Stub
CalendarFeedView = _Stub
