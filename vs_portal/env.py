"""Strict readers of the environment for the settings: a value that is not what it should be stops the start with
a clear message, instead of quietly meaning something else (django-environ reads ``AXES_ENABLED=ture`` as false).
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "off"})


def env_bool(name: str, *, default: bool) -> bool:
    """The boolean environment variable ``name``: true/false, 1/0, yes/no or on/off, in any case.

    Unset or empty means ``default``; anything else refuses to start with ImproperlyConfigured.
    """
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean. Use true or false (or 1/0, yes/no, on/off), or leave it unset "
        f"for the default ({str(default).lower()})."
    )
