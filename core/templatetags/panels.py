from django import template
from django.template.loader import get_template

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    """Render a core.panels.Panel with the page's context plus the panel's own."""
    with context.push(**panel.context):
        return get_template(panel.template).template.render(context)


@register.simple_tag(takes_context=True)
def render_cell(context, column, obj):
    """Render the cell of ``obj`` in a core.panels.Column ('' when the column has none for it)."""
    panel = column.cell(obj)
    return render_panel(context, panel) if panel is not None else ""
