"""The one prose field: its widget, its maximum length with a Dutch message, and the sanitised subset it keeps."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from core.prose import (
    EDITOR_EXTENSIONS,
    PROSE_MAX_LENGTH,
    ProseFormField,
    ProseWidget,
    clean_prose,
    prose_validators,
)


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


def test_the_widget_hands_the_editor_exactly_the_sanitised_subset():
    html = ResponseForm()["text"].as_widget()
    assert "data-prose-editor=" in html
    assert 'class="form-control prose-input"' in html
    extensions = set(EDITOR_EXTENSIONS)
    # Every kind of markup the editor can make survives the sanitiser, and it can make nothing else.
    assert {"Bold", "Italic", "Heading", "BulletList", "OrderedList", "Link", "Table"} <= extensions
    assert not extensions & {"Image", "Figure", "Underline", "Strike", "Code", "CodeBlock", "TextAlign", "HTML"}
    assert EDITOR_EXTENSIONS["Heading"] == {"levels": [3, 4]}
    written = (
        "<h3>Kop</h3><p><strong>vet</strong> <em>cursief</em><br>regel</p><ul><li><p>een</p></li></ul>"
        '<ol><li><p>twee</p></li></ol><p><a href="https://wetten.overheid.nl">wet</a></p>'
        "<table><tbody><tr><th><p>Kop</p></th></tr><tr><td><p>cel</p></td></tr></tbody></table>"
    )
    kept = (
        "<h3>Kop</h3><p><strong>vet</strong> <em>cursief</em><br>regel</p><ul><li>een</li></ul>"
        '<ol><li>twee</li></ol><p><a href="https://wetten.overheid.nl" rel="noopener noreferrer">wet</a></p>'
        "<table><tbody><tr><th>Kop</th></tr><tr><td>cel</td></tr></tbody></table>"
    )
    # The editor's paragraph in each list item and cell is unwrapped: prose from before the editor stays as it was.
    assert clean_prose(written) == kept
    assert clean_prose(kept) == kept


def test_the_widget_loads_the_editor_from_static_files_without_an_inline_script():
    media = str(ResponseForm().media)
    assert '<script src="/static/js/prose-editor-i18n.js"></script>' in media
    assert '<script src="/static/js/prose-editor.js" type="module"></script>' in media
    assert "/static/django_prose_editor/editor.css" in media
    assert "importmap" not in media


def test_a_cell_or_item_with_more_than_one_paragraph_keeps_them():
    html = (
        "<table><tbody><tr><td><p>een</p><p>twee</p></td></tr></tbody></table>"
        "<ul><li><p>a</p><ul><li>b</li></ul></li></ul>"
    )
    assert clean_prose(html) == html
