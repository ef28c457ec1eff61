"""Where a page's time goes: cProfile over a few requests of one or more main pages, as the demo staff user.

    .venv/bin/python bench/profile_page.py "scan matrix" [timeline ...] [--size 10x] [--requests 20]
        [--sort tottime] [--top 30] [--reuse] [--summary]

Builds the scratch database (bench/data.py) at 1x (and 10x with --size 10x), requests each page once to warm the
caches, then profiles --requests requests through Django's test client (the whole middleware stack, no server)
and prints the --top most expensive functions and, per page, the milliseconds per request: wall time, the
process's CPU time, and two figures that do not depend on the machine's load: the Python function calls and the
database queries per request (on a shared machine, compare those).

--cold moves the versions of the cached fragments' data on before each request (as a write does), so each
request renders its fragments afresh: the cost of the first visit after a change.

--reuse keeps a scratch database that an earlier run built at the same size (the size is written on the
database as a comment) instead of building it again; the cache is emptied first either way, so no fragment of
an earlier run (or of older code) is served. --summary prints only the per-page lines.
"""

import data  # noqa: I001  (first: points Django at the scratch database)

import argparse
import cProfile
import io
import os
import pstats
import sys
import time

# The bare view (bench/urls.py: the middleware, the session and request.user, nothing else) as the yardstick.
os.environ["ROOT_URLCONF"] = "bench.urls"
BARE = ("bare", "/bench/bare/")
SHELL = ("shell", f"/bench/shell/{data.DEMO_SLUG}/")

SIZE_COMMENT = "vs-portaal bench data at {size}"


def database_size() -> str | None:
    """The size the scratch database was built at (its comment), or None when it is missing or unmarked."""
    import psycopg

    admin_url = data._parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [data.SCRATCH_NAME]
        ).fetchone()
    return row[0] if row else None


def build(size: str) -> None:
    from django.db import connection

    data.fresh_database()
    process = data.load_1x()
    if size == "10x":
        data.grow_to_10x(process)
    with connection.cursor() as cursor:
        cursor.execute(f"COMMENT ON DATABASE \"{data.SCRATCH_NAME}\" IS '{SIZE_COMMENT.format(size=size)}'")


def main() -> int:
    pages = dict([*data.PAGES, BARE, SHELL])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="+", choices=sorted(pages))
    parser.add_argument("--size", choices=["1x", "10x"], default="1x")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--sort", default="tottime", help="pstats sort key (default tottime)")
    parser.add_argument("--top", type=int, default=30, help="functions printed per page (default 30)")
    parser.add_argument("--reuse", action="store_true", help="keep a scratch database built at this size")
    parser.add_argument("--summary", action="store_true", help="only the per-page lines, no profile")
    parser.add_argument(
        "--cold", action="store_true", help="every request after a write: no cached fragment (versions moved on)"
    )
    args = parser.parse_args()

    data.setup_django()
    if not (args.reuse and database_size() == SIZE_COMMENT.format(size=args.size)):
        build(args.size)
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from planning.fragments import planning_changed
    from scan.fragments import scan_changed

    def before_request():
        if args.cold:
            planning_changed()
            scan_changed()

    cache.clear()
    client = Client()
    client.force_login(User.objects.get(username=data.STAFF_USERNAME))
    lines = []
    for name in args.page:
        path = pages[name]
        response = client.get(path)
        if response.status_code != 200:
            print(f"{path} answered {response.status_code}.")
            return 1
        reset_queries()  # DEBUG keeps the last 9,000 queries: a full log would count none
        before_request()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        profiler = cProfile.Profile()
        started, cpu_started = time.perf_counter(), time.process_time()
        profiler.enable()
        for _ in range(args.requests):
            before_request()
            client.get(path)
        profiler.disable()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        line = (
            f"{name} at {args.size}: {elapsed / args.requests * 1000:.1f} ms wall, "
            f"{cpu / args.requests * 1000:.1f} ms CPU, {stats.total_calls // args.requests:,} function calls, "
            f"{len(queries.captured_queries)} queries per request (profiled); {len(response.content):,} bytes"
            + (" (cold: no cached fragment)" if args.cold else "")
        )
        lines.append(line)
        if not args.summary:
            stats.sort_stats(args.sort).print_stats(args.top)
            print(line)
            print(out.getvalue())
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
