from django import forms
from django.utils.translation import gettext_lazy as _

from core.prose import ProseFormField

from .models import COMMENT_MAX_LENGTH


class CommentForm(forms.Form):
    """A new thread, or an edit: the text in the prose editor and, besides typing @gebruikersnaam, a picker of the
    people who may see the object."""

    body = ProseFormField(label=_("Uw reactie"), max_length=COMMENT_MAX_LENGTH, required=True)
    mentions = forms.ModelMultipleChoiceField(
        label=_("Iemand noemen (optioneel)"),
        queryset=None,
        required=False,
        help_text=_(
            "Wie u noemt, krijgt een melding in het portaal en een e-mail. U kunt ook @gebruikersnaam in de tekst "
            "typen. Alleen wie dit onderwerp mag zien, kan worden genoemd."
        ),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentions"].queryset = users
        self.fields["mentions"].label_from_instance = lambda user: f"{user} (@{user.username})"


class ReplyForm(forms.Form):
    """A reply: a plain text box (the same sanitised subset), mentions by @gebruikersnaam."""

    body = ProseFormField(
        label=_("Uw antwoord"),
        max_length=COMMENT_MAX_LENGTH,
        required=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Noem iemand met @gebruikersnaam."),
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
