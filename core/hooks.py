"""How a higher app contributes to a lower one without the lower one importing it.

The lower app owns a ``Hook`` and calls it; the higher app registers a function on it in its
``AppConfig.ready()``. Examples: the dashboard's panels (planning.dashboard.PANELS, filled by voting and
decisions), the warnings when the long list is reopened (priorities.hooks.REOPEN_WARNINGS, filled by voting).

A hook is a plain, explicit list of functions in registration order (the app order of INSTALLED_APPS): no signal
magic, and a function registered twice (a test that calls ready() again) counts once.
"""

from collections.abc import Callable
from typing import Any


class Hook:
    """A named list of functions that a higher app registers and the owning app calls."""

    def __init__(self, name: str, doc: str = ""):
        self.name = name
        self.__doc__ = doc
        self._functions: list[Callable[..., Any]] = []

    def register(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """Add ``function`` (usable as a decorator); registering the same function again changes nothing."""
        if function not in self._functions:
            self._functions.append(function)
        return function

    @property
    def functions(self) -> tuple[Callable[..., Any], ...]:
        return tuple(self._functions)

    def call(self, *args, **kwargs) -> list[Any]:
        """Every registered function's answer, in order."""
        return [function(*args, **kwargs) for function in self._functions]

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._functions)} registered>"
