"""STUB: to be replaced."""

from django.http import HttpResponse
from django.views import View


class _Stub(View):
    def get(self, request, *args, **kwargs):
        return HttpResponse("stub", status=501)


HomeView = _Stub
ProcessCreateView = _Stub
ProcessUpdateView = _Stub
ProcessCopyView = _Stub
