"""Container health checks (docker-compose.yml), without curl in the image.

``python -m vs_portal.probe web``: asks this container's gunicorn for /_healthz/readyz, as the proxy would (the first
host of ALLOWED_HOSTS, X-Forwarded-Proto: https), and exits 0 when it answers 200.

``python -m vs_portal.probe services``: for the worker and beat, which serve no HTTP: the database, the cache and
the broker answer. Exit 1 with a one-line reason otherwise.
"""

import os
import sys
import urllib.error
import urllib.request


def web() -> int:
    host = (os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0] or "localhost").strip()
    request = urllib.request.Request(
        "http://127.0.0.1:8000/_healthz/readyz", headers={"Host": host, "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=8) as response:  # noqa: S310  (a fixed loopback address)
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as exc:
        print(f"niet gereed: {exc}", file=sys.stderr)
        return 1


def services() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vs_portal.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection

    from vs_portal.celery import app

    try:
        connection.ensure_connection()
        cache.set("vs:probe", "1", 10)
        with app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=1, timeout=5)
    except Exception as exc:
        print(f"niet gereed: {type(exc).__name__}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "web"
    sys.exit(web() if mode == "web" else services())
