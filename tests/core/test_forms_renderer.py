"""The project's form renderer writes a select list exactly as Django's templates do, faster."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from core.forms_renderer import FormRenderer


class Everything(forms.Form):
    plain = forms.ChoiceField(choices=[("a", "Eén & twee"), ("b", "<b>vet</b>"), ("", "—")], initial="b")
    grouped = forms.ChoiceField(
        choices=[("Oost", [("1", "Apeldoorn"), ("2", 'Zutphen "aan de IJssel"')]), ("Overig", [("3", "Elders")])],
        widget=forms.Select(attrs={"class": "form-select", "data-x": "1<2", "disabled": True, "hidden": False}),
    )
    several = forms.MultipleChoiceField(choices=[(1, "een"), (2, "twee"), (3, mark_safe("<i>drie</i>"))])
    maybe = forms.NullBooleanField()
    numbers = forms.TypedChoiceField(choices=[(1, "1"), (2, "2")], coerce=int, required=False)


@pytest.mark.parametrize("data", [None, {"plain": "a", "grouped": "2", "several": ["1", "3"], "maybe": "true"}])
def test_the_selects_are_written_byte_for_byte_as_djangos_templates_write_them(data):
    form = Everything(data=data)
    for name in form.fields:
        field = form[name]
        ours = form.fields[name].widget.render(
            field.html_name, field.value(), attrs={"id": field.auto_id}, renderer=FormRenderer()
        )
        django = form.fields[name].widget.render(
            field.html_name, field.value(), attrs={"id": field.auto_id}, renderer=DjangoTemplates()
        )
        assert ours == django, name
        assert "<option" in ours


def test_a_widget_with_its_own_option_template_goes_the_normal_way():
    class Special(forms.Select):
        option_template_name = "django/forms/widgets/radio_option.html"

    widget = Special(choices=[("a", "A")])
    assert widget.render("x", "a", renderer=FormRenderer()) == widget.render("x", "a", renderer=DjangoTemplates())


def test_the_project_uses_it(settings):
    assert settings.FORM_RENDERER == "core.forms_renderer.FormRenderer"
