from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView


class ProfileView(LoginRequiredMixin, TemplateView):
    """The user's own account: role, DVO, links to change the password and to the calendar feed."""

    template_name = "accounts/profile.html"
