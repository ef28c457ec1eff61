"""The project's form renderer (settings.FORM_RENDERER): Django's own, except that a select list is written in
Python instead of through a template per option.

Django renders every <option> through an include of its own template; a select of a hundred municipalities or
themes then costs more than the rest of the page (the scan matrix's add form: two thirds of its time). The output
is the same, byte for byte, as Django's templates select.html, select_option.html and attrs.html write it
(tests/core/test_forms_renderer.py compares them); a widget with other templates goes the normal way.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict) -> str:
    """attrs.html: ' name="value"' per attribute, the name alone for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _option(option: dict) -> str:
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>"
    )


def render_select(widget: dict) -> str:
    """select.html, with each option as select_option.html writes it (and the included template's newline)."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            parts.append(f"\n  {_option(option)}\n")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT else None
        if widget is not None and all(
            option.get("template_name") == OPTION for _name, group, _index in widget["optgroups"] for option in group
        ):
            return mark_safe(render_select(widget))  # noqa: S308 - every value escaped above
        return super().render(template_name, context, request=request)
