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


@dataclass(frozen=True)
class Column:
    """A column that a higher app adds to a lower app's list (the open comments per priority): its heading and,
    per object's pk, the Panel of its cell (an object without one gets an empty cell)."""

    heading: str
    cells: dict = field(default_factory=dict)

    def cell(self, obj) -> Panel | None:
        return self.cells.get(obj.pk)


def collect_columns(hook, **kwargs) -> list[Column]:
    """The columns the hook's functions give for ``kwargs`` (e.g. user=..., objects=...), Nones left out."""
    return [column for column in hook.call(**kwargs) if column is not None]
