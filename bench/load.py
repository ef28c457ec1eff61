"""Load: the project served by gunicorn on loopback, each main page hit by a logged-in staff user.

    .venv/bin/python bench/load.py [--requests 200] [--concurrency 4] [--seconds 12]

Builds the scratch database with the demo (bench/data.py), starts gunicorn on 127.0.0.1 (a free port, 2 workers,
production settings: DEBUG off, a bench SECRET_KEY; only TLS redirects and secure cookies off, as there is no TLS
on loopback), logs in through the login form (with its CSRF token), and hits each main page with a bounded load
generator: Python threads with http.client, --requests per page at --concurrency, stopping early after --seconds
(but not before 20 answers).
Then it grows the data to 10x in place and does the same against the same server.

Per page: requests per second, median and 95th percentile latency, and each AS A RATIO to a bare Django view
(bench/urls.py, the whole middleware stack and nothing else) measured in the same server and the same run, before
and after the pages (the mean of the two counts). The generator shares the machine with the server, so absolute
numbers depend on it; the ratios much less. gunicorn is always stopped, also on an error or Ctrl-C.
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
    headers = {"Cookie": cookie, "Accept-Language": "nl"}
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


def measure_size(port: int, cookie: str, args) -> tuple[Run, list[Run]]:
    def run(name, path):
        return hammer(port, name, path, cookie, args.requests, args.concurrency, args.seconds)

    bare_before = run(*BARE)
    pages = [run(name, path) for name, path in data.PAGES]
    bare_after = run(*BARE)
    both = bare_before.latencies + bare_after.latencies
    bare = Run(
        BARE[0],
        bare_before.count + bare_after.count,
        bare_before.errors + bare_after.errors,
        bare_before.seconds + bare_after.seconds,
        both,
    )
    return bare, pages


def report(size: str, bare: Run, pages: list[Run]) -> list[str]:
    lines = [
        f"{size}: bare Django view {bare.rps:.0f} req/s, median {bare.median * 1000:.1f} ms, "
        f"p95 {bare.p95 * 1000:.1f} ms",
        f"{'page':<16} {'req/s':>7} {'median ms':>10} {'p95 ms':>8} {'req/s x bare':>13} {'median x bare':>14} "
        f"{'p95 x bare':>11} {'errors':>7}",
    ]
    lines.append("-" * len(lines[-1]))
    for page in pages:
        lines.append(
            f"{page.name:<16} {page.rps:>7.1f} {page.median * 1000:>10.1f} {page.p95 * 1000:>8.1f} "
            f"{page.rps / bare.rps:>13.3f} {page.median / bare.median:>14.1f} {page.p95 / bare.p95:>11.1f} "
            f"{page.errors:>7}"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--seconds", type=float, default=12, help="at most this long per page (default 12)")
    args = parser.parse_args()

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
        f"{args.concurrency} (at most {args.seconds:.0f} s per page)"
    ]
    try:
        cookie = log_in(port, data.STAFF_USERNAME, demo_password(data.STAFF_USERNAME))
        bare, pages = measure_size(port, cookie, args)
        out += report("1x (the demo)", bare, pages)
        failed |= any(run.errors for run in [bare, *pages])

        data.grow_to_10x(process)
        connections.close_all()
        bare, pages = measure_size(port, cookie, args)
        out += ["", *report("10x", bare, pages)]
        failed |= any(run.errors for run in [bare, *pages])
    finally:
        stop_server(proc)
    print("\n".join(out))
    if failed:
        print("FAIL: some requests did not answer 200.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
