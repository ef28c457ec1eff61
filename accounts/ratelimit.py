"""Requests per client address in a window, counted in the cache (Redis in production, shared by every web
replica). Used for login attempts and password-reset requests; django-axes adds the lock-out per user name and
address on top of it."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from .client_address import client_address


def hit(request: HttpRequest, scope: str, limit: int) -> bool:
    """Count one request of ``scope`` from this client; True while the client is within ``limit`` per window."""
    if limit <= 0:
        return True
    window = settings.RATE_LIMIT_WINDOW
    key = f"ratelimit:{scope}:{client_address(request) or 'unknown'}"
    # add() starts the window only when the key is new; incr() then counts inside it.
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
