"""Project-wide pages that belong to no app."""

from django.views.generic import TemplateView


class AccessibilityStatementView(TemplateView):
    """The accessibility statement (toegankelijkheidsverklaring): public, so anyone can read it without an account."""

    template_name = "accessibility.html"
