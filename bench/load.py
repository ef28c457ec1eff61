"""Load: the project served by gunicorn on loopback, each main page hit by a logged-in staff user.

    .venv/bin/python bench/load.py [--requests 200] [--concurrency 4] [--seconds 4] [--repeat 3] [--readme]
    .venv/bin/python bench/load.py --page "DVO choice" --page results --size 1x   (a quick look at a few pages)

Builds the scratch database with the demo (bench/data.py), starts gunicorn on 127.0.0.1 (a free port, 2 workers,
production settings: DEBUG off, a bench SECRET_KEY; only TLS redirects and secure cookies off, as there is no TLS
on loopback), logs in through the login form (with its CSRF token), and hits each main page with a bounded load
generator: Python threads with http.client, --requests per page at --concurrency, stopping early after --seconds
(but not before 20 answers).
Then it grows the data to 10x in place and does the same against the same server.

Per page: requests per second, median and 95th percentile latency, and each AS A RATIO to a bare Django view
(bench/urls.py: the whole middleware stack, the session and request.user, nothing else) measured in the same
server and the same round, before and after the pages (the bare figures of both, and their spread as a check of
noise). Each size is measured --repeat times (default 3); the table gives per page the MEDIAN over the rounds of
each figure and of each ratio. The generator shares the machine with the server, so absolute numbers depend on
it; the ratios much less. The final table goes to stdout and, with --readme, between the bench markers of the
README's Quality section. gunicorn is always stopped, also on an error or Ctrl-C.
"""

import data  # noqa: I001  (first: points Django at the scratch database)

import argparse
import http.client
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie

HOST = "127.0.0.1"
BARE = ("bare Django view", "/bench/bare/")
MIN_SAMPLES = 20


@dataclass
class Run:
    name: str
    count: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def p95(self) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def request(port: int, method: str, path: str, headers: dict | None = None, body: str | None = None):
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()


def cookies_of(headers) -> dict[str, str]:
    jar = SimpleCookie()
    for name, value in headers:
        if name.lower() == "set-cookie":
            jar.load(value)
    return {key: morsel.value for key, morsel in jar.items()}


def log_in(port: int, username: str, password: str) -> str:
    """POST the login form with its CSRF token; return the Cookie header of the session."""
    status, headers, body = request(port, "GET", "/account/inloggen/")
    if status != 200:
        raise SystemExit(f"Login page answered {status}.")
    cookies = cookies_of(headers)
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if not match or "csrftoken" not in cookies:
        raise SystemExit("No CSRF token on the login page.")
    form = f"csrfmiddlewaretoken={match.group(1).decode()}&username={username}&password={password}"
    status, headers, _body = request(
        port,
        "POST",
        "/account/inloggen/",
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
            "Referer": f"http://{HOST}:{port}/account/inloggen/",
        },
        form,
    )
    session = cookies_of(headers).get("sessionid")
    if status != 302 or not session:
        raise SystemExit(f"Login failed (status {status}).")
    return f"sessionid={session}; csrftoken={cookies['csrftoken']}"


def hammer(port: int, name: str, path: str, cookie: str, total: int, concurrency: int, seconds: float) -> Run:
    """`total` GETs of `path` from `concurrency` threads, one connection per request (gunicorn's sync workers
    close it anyway); stops early after `seconds`. Only 200 counts; anything else is an error."""
    # As a browser asks: the pages come compressed (GZipMiddleware), so the compression is part of their cost.
    headers = {"Cookie": cookie, "Accept-Language": "nl", "Accept-Encoding": "gzip"}
    latencies: list[float] = []
    errors = 0
    issued = 0
    lock = threading.Lock()
    deadline = 0.0

    def worker():
        nonlocal issued, errors
        while True:
            with lock:
                # Bounded by count and time; at least MIN_SAMPLES so that a slow page still has a median and p95.
                if issued >= total or (time.perf_counter() > deadline and issued >= MIN_SAMPLES):
                    return
                issued += 1
            started = time.perf_counter()
            try:
                status, _headers, _body = request(port, "GET", path, headers)
            except OSError:
                status = 0
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors += 1

    for _ in range(3):  # warm-up, not counted
        request(port, "GET", path, headers)
    deadline = time.perf_counter() + seconds
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Run(name, len(latencies), errors, time.perf_counter() - started, latencies)


def static_is_stale() -> bool:
    """DEBUG off serves hashed static files from STATIC_ROOT's manifest; rebuild it when it is missing or older
    than a file of the project's static/ directory (as docker-compose.yml does, plus the age check)."""
    from django.conf import settings

    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    return any(path.stat().st_mtime > built for path in (data.ROOT / "static").rglob("*") if path.is_file())


def start_server(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": data.SCRATCH_URL,
        "DEBUG": "false",
        "TWO_FACTOR_REQUIRED": "false",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "ROOT_URLCONF": "bench.urls",
        "LOG_LEVEL": "WARNING",
    }
    if static_is_stale():
        print("collectstatic (hashed and compressed files, as in production; minutes on a busy machine)")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=data.ROOT,
            env=env,
            check=True,
        )
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    proc = subprocess.Popen(
        [
            gunicorn,
            "vs_portal.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
            # gunicorn.conf.py logs every request; the load run would print thousands of lines.
            "--access-logfile",
            "/dev/null",
        ],
        cwd=data.ROOT,
        env=env,
    )
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited with {proc.returncode}.")
        try:
            status, _h, _b = request(port, "GET", BARE[1])
            if status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.1)
    stop_server(proc)
    raise SystemExit("gunicorn did not answer within 30 s.")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def warm_up(port: int, cookie: str, args) -> None:
    """Each page and the bare view a few times, unmeasured: both workers compile their templates and fill their
    caches (and the new size's fragments are rendered) before the first figure is taken."""
    for name, path in [BARE, *args.page_list]:
        hammer(port, name, path, cookie, 20, args.concurrency, args.seconds)


def measure_size(port: int, cookie: str, args) -> tuple[Run, Run, list[Run]]:
    """One round: the bare view, every page, the bare view again."""

    def run(name, path):
        return hammer(port, name, path, cookie, args.requests, args.concurrency, args.seconds)

    bare_before = run(*BARE)
    pages = [run(name, path) for name, path in args.page_list]
    bare_after = run(*BARE)
    return bare_before, bare_after, pages


@dataclass
class Row:
    """A page's figures at one size: medians over the rounds (the ratios taken per round, then the median)."""

    name: str
    rps: float
    median_ms: float
    p95_ms: float
    rps_ratio: float
    median_ratio: float
    errors: int


def summarise(rounds: list[tuple[Run, Run, list[Run]]], page_list) -> tuple[Row, float, list[Row]]:
    """The bare row, the bare view's spread (largest / smallest req/s of its before-and-after runs) and a row per
    page, each a median over ``rounds``."""
    med = statistics.median
    bare_runs = [run for before, after, _pages in rounds for run in (before, after)]

    def bare_of(before: Run, after: Run) -> tuple[float, float]:
        latencies = before.latencies + after.latencies
        rps = (before.count + after.count) / (before.seconds + after.seconds)
        return rps, statistics.median(latencies) if latencies else float("nan")

    per_round_bare = [bare_of(before, after) for before, after, _pages in rounds]
    bare = Row(
        BARE[0],
        med(rps for rps, _m in per_round_bare),
        med(m for _r, m in per_round_bare) * 1000,
        med(run.p95 for run in bare_runs) * 1000,
        1.0,
        1.0,
        sum(run.errors for run in bare_runs),
    )
    spread = max(run.rps for run in bare_runs) / max(min(run.rps for run in bare_runs), 1e-9)
    rows = []
    for index, (name, _path) in enumerate(page_list):
        runs = [pages[index] for _b, _a, pages in rounds]
        rows.append(
            Row(
                name,
                med(run.rps for run in runs),
                med(run.median for run in runs) * 1000,
                med(run.p95 for run in runs) * 1000,
                med(run.rps / rps for run, (rps, _m) in zip(runs, per_round_bare, strict=True)),
                med(run.median / m for run, (_r, m) in zip(runs, per_round_bare, strict=True)),
                sum(run.errors for run in runs),
            )
        )
    return bare, spread, rows


GOAL = 1 / 3  # issue 13: every main page at least a third of the bare view's requests per second


def report(size: str, bare: Row, spread: float, rows: list[Row], repeat: int) -> list[str]:
    lines = [
        f"{size}: bare Django view {bare.rps:.0f} req/s, median {bare.median_ms:.1f} ms, p95 {bare.p95_ms:.1f} ms "
        f"(medians of {repeat} rounds; bare runs differ up to {spread:.2f}x)",
        f"{'page':<16} {'req/s':>7} {'median ms':>10} {'p95 ms':>8} {'req/s x bare':>13} {'median x bare':>14} "
        f"{'goal 1/3':>9} {'errors':>7}",
    ]
    lines.append("-" * len(lines[-1]))
    for row in rows:
        lines.append(
            f"{row.name:<16} {row.rps:>7.1f} {row.median_ms:>10.1f} {row.p95_ms:>8.1f} {row.rps_ratio:>13.3f} "
            f"{row.median_ratio:>14.1f} {'met' if row.rps_ratio >= GOAL else 'missed':>9} {row.errors:>7}"
        )
    return lines


def markdown(sizes: dict[str, tuple[Row, float, list[Row]]], args) -> str:
    """The README's table: per page and size req/s, median, p95 and req/s as a ratio to the bare view."""
    one, ten = sizes["1x"], sizes["10x"]
    lines = [
        f"gunicorn, 2 workers, DEBUG off, logged in as staff, {args.requests} requests per page (at most "
        f"{args.seconds:.0f} s) at concurrency {args.concurrency}, medians of {args.repeat} rounds per size. Bare "
        f"Django view (session and user read): {one[0].rps:,.0f} req/s, median {one[0].median_ms:.1f} ms (1x); "
        f"{ten[0].rps:,.0f} req/s, median {ten[0].median_ms:.1f} ms (10x); its runs differ up to "
        f"{max(one[1], ten[1]):.2f}x.",
        "",
        "| page | 1x req/s | 1x median | 1x p95 | 1x x bare | 10x req/s | 10x median | 10x p95 | 10x x bare |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for a, b in zip(one[2], ten[2], strict=True):
        lines.append(
            f"| {a.name} | {a.rps:.1f} | {a.median_ms:.1f} ms | {a.p95_ms:.1f} ms | {a.rps_ratio:.2f} | "
            f"{b.rps:.1f} | {b.median_ms:.1f} ms | {b.p95_ms:.1f} ms | {b.rps_ratio:.2f} |"
        )
    return "\n".join(lines)


README_START = "<!-- bench/load.py: start -->"
README_END = "<!-- bench/load.py: end -->"


def write_readme(table: str) -> None:
    """Replace the text between the two markers of the README's Quality section with ``table``."""
    readme = data.ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        print(f"README.md has no {README_START} ... {README_END} block; not written.")
        return
    head, rest = text.split(README_START, 1)
    _old, tail = rest.split(README_END, 1)
    readme.write_text(f"{head}{README_START}\n{table}\n{README_END}{tail}", encoding="utf-8")
    print("Written to README.md (Quality).")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--seconds", type=float, default=4, help="at most this long per page (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size; medians are reported (default 3)")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md's Quality section")
    parser.add_argument(
        "--page", action="append", choices=[name for name, _path in data.PAGES], help="only these pages (repeatable)"
    )
    parser.add_argument("--size", choices=["1x", "10x"], action="append", help="only these sizes (repeatable)")
    args = parser.parse_args()
    args.page_list = [(name, path) for name, path in data.PAGES if not args.page or name in args.page]
    sizes_wanted = args.size or ["1x", "10x"]
    if args.readme and (args.page or args.size):
        parser.error("--readme needs every page at both sizes")

    data.setup_django()
    data.fresh_database()
    from django.db import connections

    from demo.loader import demo_password

    process = data.load_1x()
    connections.close_all()  # the server uses the database; this process holds no connection while it runs

    port = free_port()
    proc = start_server(port)
    failed = False
    out = [
        f"gunicorn on {HOST}:{port}, 2 workers, DEBUG off; {args.requests} requests per page at concurrency "
        f"{args.concurrency} (at most {args.seconds:.0f} s per page), {args.repeat} rounds per size"
    ]
    sizes = {}
    try:
        cookie = log_in(port, data.STAFF_USERNAME, demo_password(data.STAFF_USERNAME))
        for size, label in (("1x", "1x (the demo)"), ("10x", "10x")):
            if size not in sizes_wanted:
                continue
            if size == "10x":
                data.grow_to_10x(process)
                connections.close_all()
            warm_up(port, cookie, args)
            rounds = [measure_size(port, cookie, args) for _ in range(args.repeat)]
            sizes[size] = summarise(rounds, args.page_list)
            bare, spread, rows = sizes[size]
            out += ["", *report(label, bare, spread, rows, args.repeat)]
            failed |= bool(bare.errors) or any(row.errors for row in rows)
    finally:
        stop_server(proc)
    print("\n".join(out))
    if len(sizes) == 2:
        table = markdown(sizes, args)
        print("\n" + table)
        if args.readme:
            write_readme(table)
    if failed:
        print("FAIL: some requests did not answer 200.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
