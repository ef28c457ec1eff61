"""The account pages: logging in (password and single sign-on) and out, the second factor, the password reset."""

import django_otp
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from two_factor import views as two_factor_views
from two_factor.signals import user_verified

from . import ratelimit
from .forms import QueuedPasswordResetForm, SecondFactorForm
from .second_factor import SESSION_SETTLED, Step, must_enrol, next_step


def too_many_requests(request, message: str):
    return render(request, "registration/rate_limited.html", {"message": message}, status=429)


class ProfileView(LoginRequiredMixin, TemplateView):
    """The user's own account: role, DVO, links to change the password, the second factor and the calendar feed."""

    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        from django_otp import devices_for_user

        context = super().get_context_data(**kwargs)
        context["has_second_factor"] = any(devices_for_user(self.request.user, confirmed=True))
        context["sso_login"] = self.request.session.get("vs_login_method") == "oidc"
        return context


class LoginView(auth_views.LoginView):
    """Django's login, with a limit on attempts per address (RATE_LIMIT_LOGIN per window) and the SSO button."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if not ratelimit.hit(request, "login", settings.RATE_LIMIT_LOGIN):
            return too_many_requests(
                request, _("Er is vanaf uw adres te vaak geprobeerd in te loggen. Probeer het later opnieuw.")
            )
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        context["sso_failed"] = self.request.GET.get("sso") == "mislukt"
        return context


class LogoutView(auth_views.LogoutView):
    """Log out here, and at the identity provider too when the user came through single sign-on."""

    def post(self, request, *args, **kwargs):
        provider_url = None
        if settings.OIDC_ENABLED and request.session.get("vs_login_method") == "oidc":
            from .oidc import provider_logout_url

            provider_url = provider_logout_url(request)
        response = super().post(request, *args, **kwargs)
        return redirect(provider_url) if provider_url else response


class PasswordResetView(auth_views.PasswordResetView):
    """Request a reset link: at most RATE_LIMIT_PASSWORD_RESET requests per address per window; the mail goes
    through the queue."""

    form_class = QueuedPasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    html_email_template_name = "registration/password_reset_email.html"
    subject_template_name = "registration/password_reset_subject.txt"

    def post(self, request, *args, **kwargs):
        if not ratelimit.hit(request, "password_reset", settings.RATE_LIMIT_PASSWORD_RESET):
            return too_many_requests(
                request,
                _("Er zijn vanaf uw adres te veel nieuwe wachtwoorden aangevraagd. Probeer het later opnieuw."),
            )
        return super().post(request, *args, **kwargs)


class SecondFactorView(LoginRequiredMixin, FormView):
    """The second step of the login: a code from the authenticator app, or a backup code."""

    template_name = "accounts/second_factor.html"
    form_class = SecondFactorForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and next_step(request) is not Step.VERIFY:
            return redirect(self._next_url())
        return super().dispatch(request, *args, **kwargs)

    def _next_url(self) -> str:
        url = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(url, {self.request.get_host()}, self.request.is_secure()):
            return url
        return reverse(settings.LOGIN_REDIRECT_URL)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = self._next_url()
        return context

    def form_valid(self, form):
        device = django_otp.match_token(self.request.user, form.cleaned_data["token"].replace(" ", ""))
        if device is None:
            form.add_error("token", _("Deze code klopt niet of is verlopen. Probeer de volgende code."))
            return self.form_invalid(form)
        django_otp.login(self.request, device)
        self.request.session[SESSION_SETTLED] = True
        user_verified.send(sender=type(self), request=self.request, user=self.request.user, device=device)
        return redirect(self._next_url())


class SecondFactorSetupView(two_factor_views.SetupView):
    """django-two-factor-auth's set-up (TOTP with a QR code), saying when the user's role requires it. It always
    ends on the page that offers the backup codes, also when the user was sent here from another page."""

    def get_success_url(self):
        return reverse(self.success_url)

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step=step, **kwargs)
        if "token" in form.fields:
            form.fields["token"].label = _("Code uit de app")
            form.fields["token"].widget.attrs.update(autocomplete="one-time-code", inputmode="numeric")
        return form

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        context["second_factor_required"] = must_enrol(self.request.user)
        return context
