"""The agenda link: a page with the user's secret feed addresses, renewing the secret, and the .ics feed itself.

The feed is fetched by agenda programs that cannot log in, so the secret token in its address is the login.
An unknown token, or one of a user who has no role (any more), gets 404: the address reveals nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.views import RuleRequiredMixin

from ..calendar_feed import build_calendar, feed_url, feed_user
from ..models import StrategyProcess


class CalendarView(LoginRequiredMixin, RuleRequiredMixin, TemplateView):
    """The user's agenda links, one per process, with how to subscribe in Outlook."""

    permission_required = "accounts.use_calendar"
    template_name = "planning/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["feeds"] = [
            {"process": process, "url": feed_url(self.request.user, process)}
            for process in StrategyProcess.objects.all()
        ]
        return context


class CalendarTokenRenewView(LoginRequiredMixin, RuleRequiredMixin, View):
    """Give the user a new secret; every earlier agenda link stops working."""

    permission_required = "accounts.use_calendar"
    http_method_names = ("post",)

    def post(self, request, *args, **kwargs):
        request.user.renew_calendar_token()
        messages.success(request, _("Uw agendalink is vernieuwd; de oude link werkt niet meer."))
        return redirect("planning:calendar")


class CalendarFeedView(View):
    """The .ics feed of one process, for the user whose token is in the address."""

    http_method_names = ("get", "head")

    def get(self, request, token, slug):
        user = feed_user(token)
        if user is None:
            raise Http404
        process = get_object_or_404(StrategyProcess, slug=slug)
        if not user.has_perm("planning.view_process", process):
            raise Http404
        # Agenda programs send their own Accept-Language; the feed speaks the site's language.
        with translation.override(settings.LANGUAGE_CODE):
            body = build_calendar(process)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{process.slug}.ics"'
        response["Cache-Control"] = "private, max-age=0, no-cache"
        return response
