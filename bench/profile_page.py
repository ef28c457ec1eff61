"""Where a page's time goes: cProfile over a few requests of one main page, as the demo staff user.

    .venv/bin/python bench/profile_page.py "scan matrix" [--size 10x] [--requests 20] [--sort tottime]

Builds the scratch database (bench/data.py) at 1x (and 10x with --size 10x), requests the page once to warm the
caches, then profiles --requests requests through Django's test client (the whole middleware stack, no server)
and prints the 30 most expensive functions and the page's milliseconds per request.
"""

import data  # noqa: I001  (first: points Django at the scratch database)

import argparse
import cProfile
import pstats
import sys
import time


def main() -> int:
    pages = dict(data.PAGES)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", choices=sorted(pages))
    parser.add_argument("--size", choices=["1x", "10x"], default="1x")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--sort", default="tottime", help="pstats sort key (default tottime)")
    args = parser.parse_args()

    data.setup_django()
    data.fresh_database()
    from django.test import Client

    from accounts.models import User

    process = data.load_1x()
    if args.size == "10x":
        data.grow_to_10x(process)
    client = Client()
    client.force_login(User.objects.get(username=data.STAFF_USERNAME))
    path = pages[args.page]
    response = client.get(path)
    if response.status_code != 200:
        print(f"{path} answered {response.status_code}.")
        return 1
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(args.requests):
        client.get(path)
    profiler.disable()
    elapsed = time.perf_counter() - started
    print(
        f"{args.page} at {args.size}: {elapsed / args.requests * 1000:.1f} ms per request (profiled), "
        f"{len(response.content):,} bytes"
    )
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
