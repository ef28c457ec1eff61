from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext_lazy as _

from core.queue import enqueue_on_commit


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the email goes through the queue: the request never waits for the mail server, and
    the link is made by the task from SITE_URL (accounts/emails.py), not from the request's Host header."""

    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def save(self, *args, **kwargs):
        from .tasks import send_password_reset

        for user in self.get_users(self.cleaned_data["email"]):
            enqueue_on_commit(send_password_reset, user.pk)


class SecondFactorForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("De zescijferige code uit uw authenticator-app, of een van uw back-upcodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )
