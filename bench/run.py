"""All benchmarks, one after the other, and one summary at the end: `make bench`.

    .venv/bin/python bench/run.py

Runs bench/queries.py, bench/scale.py, bench/pdf_render.py and bench/load.py, each in its own process (each
builds its own scratch database, postgres://postgres@127.0.0.1:5432/vs_bench; see bench/data.py), prints their
output as it comes, and then the summary: how long each took and whether it passed. Exits 1 if any failed.
About 10 minutes on two cores; the machine should be otherwise idle for numbers worth comparing.
"""

import datetime
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
STEPS = [
    ("queries per page, 1x and 10x", ["queries.py"]),
    ("scale: tally and reminder pass", ["scale.py"]),
    ("PDF: ours vs WeasyPrint, download", ["pdf_render.py", "--repeat", "3", "--readme"]),
    ("load, as a ratio to a bare view", ["load.py", "--readme"]),
]


def main() -> int:
    print(
        f"VS-portaal benchmarks, {datetime.datetime.now().astimezone():%Y-%m-%d}, {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    summary = []
    for title, command in STEPS:
        print(f"\n=== {title}: bench/{' '.join(command)}", flush=True)
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(BENCH / command[0]), *command[1:]],
            cwd=BENCH.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        print(proc.stdout, end="", flush=True)
        summary.append((title, time.perf_counter() - started, proc.returncode))

    print("\n=== Summary")
    for title, seconds, code in summary:
        print(f"{title:<34} {seconds:>6.0f} s  {'ok' if code == 0 else f'FAILED (exit {code})'}")
    print(f"{'total':<34} {sum(s for _t, s, _c in summary):>6.0f} s")
    return 1 if any(code for _t, _s, code in summary) else 0


if __name__ == "__main__":
    sys.exit(main())
