"""The settings the tests run with: the production settings module, read with the development switches that
`make run` also sets (DEBUG for the development key and plain HTTP; VS_TESTING for plain static files). Set in the
environment before the settings are read, so that subprocesses the tests start (a Celery worker, gunicorn) read
the same. pytest-django then runs the tests themselves with DEBUG off, as production does.

Under pytest-xdist each worker (gw0, gw1, ...) uses its own Redis database number for the queue AND the cache
(REDIS_URL's and CACHE_URL's number moved by the worker's number, counting down from 15 when it would pass it), so
that one worker's cache.clear() or queued task never reaches another. Written back to the environment once, so a
subprocess a test starts inherits the same numbers instead of moving them again.
"""

import os
import re

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("VS_TESTING", "true")


def _own_redis_number(url: str, worker: int) -> str:
    match = re.fullmatch(r"(redis://[^/]+)/(\d+)", url)
    if not match or not worker:
        return url
    base = int(match.group(2))
    number = base + worker if base + worker <= 15 else base - worker
    return f"{match.group(1)}/{number}"


_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker.startswith("gw") and not os.environ.get("VS_TEST_REDIS_MOVED"):
    for _name in ("REDIS_URL", "CACHE_URL"):
        if os.environ.get(_name):
            os.environ[_name] = _own_redis_number(os.environ[_name], int(_worker[2:]))
    os.environ["VS_TEST_REDIS_MOVED"] = "1"

from vs_portal.settings import *  # noqa: E402, F403

# The site settings row from the database in tests, as without Redis: the query counts of the pages are then the
# same whether the test run has a Redis or not, and whichever test filled the cache first. The shared cache of the
# row (SOLO_CACHE, production with Redis) has its own tests (tests/sitesettings), which switch it on.
SOLO_CACHE = None
# Likewise the unread count (tests/notifications switch it on).
UNREAD_COUNT_CACHE_SECONDS = 0
# One process per test worker: its cache, local or Redis, is the one all of its requests read (core.rows).
ROW_MEMO = True
