"""A panel: a piece of a page that a higher app contributes to a lower app's page (the dashboard's top five, the
decision under the round's result). The lower app owns a Hook of panel functions; each function answers a Panel
or None (nothing to show), and the page renders them in order with ``{% render_panel panel %}``."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict = field(default_factory=dict)


def collect_panels(hook, **kwargs) -> list[Panel]:
    """The panels the hook's functions give for ``kwargs`` (e.g. process=..., user=...), Nones left out."""
    return [panel for panel in hook.call(**kwargs) if panel is not None]
