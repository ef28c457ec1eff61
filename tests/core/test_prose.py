"""The one prose field: its widget, its maximum length with a Dutch message, and the sanitised subset it keeps."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from core.prose import PROSE_MAX_LENGTH, ProseFormField, ProseWidget, clean_prose, prose_validators


class ResponseForm(forms.Form):
    text = ProseFormField(label="Reactie", max_length=100)


def test_it_keeps_the_safe_subset_and_drops_the_rest():
    form = ResponseForm(data={"text": '<p>Akkoord <script>alert(1)</script><a href="javascript:x">hier</a></p>'})
    assert form.is_valid()
    assert form.cleaned_data["text"] == '<p>Akkoord <a rel="noopener noreferrer">hier</a></p>'
    assert isinstance(form.fields["text"].widget, ProseWidget)


def test_it_refuses_too_long_a_text_in_dutch():
    form = ResponseForm(data={"text": "<p>" + "a" * 200 + "</p>"})
    assert not form.is_valid()
    assert form.errors["text"] == ["Deze tekst is te lang: ten hoogste 100 tekens (nu 207)."]


def test_the_model_validators_refuse_past_the_limit():
    [validator] = prose_validators(10)
    validator("a" * 10)
    with pytest.raises(ValidationError) as error:
        validator("a" * 11)
    assert "ten hoogste 10 tekens" in str(error.value.message % error.value.params)
    assert prose_validators()[0].limit_value == PROSE_MAX_LENGTH


def test_clean_prose_is_idempotent():
    html = "<h3>Kop</h3><ul><li>een</li></ul><table><tr><td>1</td></tr></table>"
    assert clean_prose(clean_prose(html)) == clean_prose(html)
