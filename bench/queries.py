"""The number of database queries per main page, at the demo's size (1x) and at ten times it (10x).

    .venv/bin/python bench/queries.py

Builds the scratch database (bench/data.py), requests each page as the demo staff user with Django's test client
and counts the queries with CaptureQueriesContext. A page whose count grows with the data runs a query per row:
the script prints a table and exits 1 when any count differs between 1x and 10x (or a page does not answer 200).
"""

import data  # noqa: I001  (first: points Django at the scratch database)

import sys


def measure(client) -> dict[str, tuple[int, int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    out = {}
    for name, path in data.PAGES:
        client.get(path)  # warm: caches that fill once per process are not the page's cost
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        out[name] = (response.status_code, len(ctx.captured_queries))
    return out


def main() -> int:
    data.setup_django()
    data.fresh_database()
    from django.test import Client

    from accounts.models import User

    process = data.load_1x()
    client = Client()
    client.force_login(User.objects.get(username=data.STAFF_USERNAME))
    one = measure(client)
    size_1x = data.counts(process)
    data.grow_to_10x(process)
    ten = measure(client)
    size_10x = data.counts(process)

    print("Data: " + ", ".join(f"{k} {size_1x[k]} -> {size_10x[k]}" for k in size_1x))
    header = f"{'page':<16} {'status':>6} {'queries 1x':>11} {'queries 10x':>12}  equal"
    print(header)
    print("-" * len(header))
    failed = False
    for name, _path in data.PAGES:
        (s1, q1), (s10, q10) = one[name], ten[name]
        ok = q1 == q10 and s1 == s10 == 200
        failed |= not ok
        status = str(s1) if s1 == s10 else f"{s1}/{s10}"
        print(f"{name:<16} {status:>6} {q1:>11} {q10:>12}  {'yes' if ok else 'NO'}")
    if failed:
        print("FAIL: a page's query count depends on the data (or a page did not answer 200).")
        return 1
    print("OK: every page runs the same number of queries at 1x and 10x.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
