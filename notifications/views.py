"""The user's notifications: the list with the unread count, marking read, and how to receive reminders."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, UpdateView

from core.views import RuleRequiredMixin

from . import selectors, services
from .forms import NotificationPreferenceForm
from .models import NotificationPreference


class NotificationListView(RuleRequiredMixin, ListView):
    permission_required = "notifications.view_notification"
    template_name = "notifications/notification_list.html"
    context_object_name = "notifications"
    paginate_by = 50

    def get_queryset(self):
        return selectors.notifications_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Counted once: the navigation's badge (the context processor's lazy count) shows the same number.
        context["unread"] = context["unread_notification_count"] = selectors.unread_count(self.request.user)
        context["delivery"] = NotificationPreference.Delivery(selectors.delivery_of(self.request.user)).label
        return context


class MarkReadView(RuleRequiredMixin, View):
    """POST notification=<id>: mark it read; with open=1 go on to what it is about."""

    permission_required = "notifications.view_notification"

    def post(self, request):
        notification = selectors.get_notification_for_user(request.user, _int(request.POST.get("notification")))
        services.notification_mark_read(user=request.user, notification=notification)
        opens = request.POST.get("open") and notification.url
        if opens and url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
            return redirect(notification.url)
        return redirect(_next(request))


class MarkAllReadView(RuleRequiredMixin, View):
    permission_required = "notifications.view_notification"

    def post(self, request):
        count = services.notifications_mark_all_read(user=request.user)
        if count:
            messages.success(request, _("Alle meldingen zijn als gelezen gemarkeerd."))
        return redirect(_next(request))


class PreferenceView(RuleRequiredMixin, UpdateView):
    permission_required = "notifications.change_notificationpreference"
    template_name = "notifications/preference_form.html"
    form_class = NotificationPreferenceForm
    success_url = reverse_lazy("notifications:list")

    def get_object(self, queryset=None):
        preference, _created = NotificationPreference.objects.get_or_create(user=self.request.user)
        return preference

    def form_valid(self, form):
        messages.success(self.request, _("Uw voorkeur is opgeslagen."))
        return super().form_valid(form)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _next(request) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("notifications:list")
