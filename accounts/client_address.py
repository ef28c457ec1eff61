"""The client's address, the same for the lock-out (django-axes), the rate limits and the audit log.

Behind TRUSTED_PROXY_COUNT reverse proxies each proxy appends the address it received the request from to
X-Forwarded-For, so the N-th entry from the right is the address the outermost trusted proxy saw: the real client.
Entries further left were written by the client itself and can be anything, so they are never used. Without a
proxy (0) the client is REMOTE_ADDR and the header is ignored.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The real client's IP address (AXES_CLIENT_IP_CALLABLE); REMOTE_ADDR when the header is missing or short."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            found = _valid(forwarded[-proxies])
            if found:
                return found
    return _valid(remote) or remote or None
