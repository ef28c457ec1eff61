"""The registry of what the nightly prune task removes besides audit events.

Apps higher in the layers (notifications, planning) register a function ``prune(now) -> int`` in their
AppConfig.ready; the audit app, low in the layers, never imports them.
"""

import datetime
from collections.abc import Callable

Prune = Callable[[datetime.datetime], int]
_registry: dict[str, Prune] = {}


def register(name: str, prune: Prune) -> None:
    _registry[name] = prune


def registered() -> list[tuple[str, Prune]]:
    return sorted(_registry.items())
