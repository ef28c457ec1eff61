"""The scratch database of the benchmarks and the data in it: the demo (1x) and ten times the demo (10x).

Every bench script imports this module FIRST: it points DATABASE_URL at the scratch PostgreSQL database
(postgres://postgres@127.0.0.1:5432/vs_bench, or BENCH_DATABASE_URL; loopback only) before Django reads its
settings, and leaves the project's own database alone.

1x is the demo as `manage.py load_demo` loads it with DEBUG on (planning, scan, long list, the 2018 round and the
top five, the demo users), plus the goals and the document of documents/demo.py when that module is there.

10x adds, in place:
- nine copies of the demo process's planning (planning.services.process_copy), so that there are ten processes;
- in the demo process itself nine more of each milestone, action and source (titles suffixed), so the pages of
  that process show ten times the rows;
- nine more themes per municipal plan in the demo's scan (new catalogue themes), ten times the scan matrix's
  marks.
The long list stays at ten priorities and the round at the five DVOs: those are the process's rules, not sizes.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCRATCH_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vs_bench")
LOOPBACK = {"127.0.0.1", "::1", "localhost"}

_parts = urlsplit(SCRATCH_URL)
if _parts.hostname not in LOOPBACK:
    raise SystemExit(f"The bench database must be on loopback, not {_parts.hostname!r}.")
SCRATCH_NAME = _parts.path.lstrip("/")

os.environ["DATABASE_URL"] = SCRATCH_URL


def _redis_answers(url: str) -> bool:
    import socket

    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


# The cache as in production: Redis (the fragments, the sessions' cache, the site settings), shared by both
# workers; a scratch database number of its own, emptied with the scratch database. Only the cache: the tasks stay
# eager (no REDIS_URL), so the demo's renders happen while it loads. Without a Redis on loopback, a local memory
# cache per worker (said at the start of the run).
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/12")
if urlsplit(CACHE_URL).hostname not in LOOPBACK:
    raise SystemExit(f"The bench cache must be on loopback, not {urlsplit(CACHE_URL).hostname!r}.")
if _redis_answers(CACHE_URL):
    os.environ["CACHE_URL"] = CACHE_URL
else:
    print(f"No Redis at {CACHE_URL}: the bench uses a local memory cache per worker, unlike production.")
    CACHE_URL = ""
os.environ["DJANGO_SETTINGS_MODULE"] = "vs_portal.settings"
os.environ["DEBUG"] = "true"  # load_demo makes its demo users only with DEBUG on; the load server runs without
# The pages are measured as the logged-in demo staff user sees them, without a second factor to enter first.
os.environ["TWO_FACTOR_REQUIRED"] = "false"
os.environ.setdefault("LOG_LEVEL", "WARNING")

DEMO_SLUG = "vs-2019-2022"
STAFF_USERNAME = "staf"
SCALE = 10


def recreate_database() -> None:
    """DROP and CREATE the scratch database (through the 'postgres' maintenance database)."""
    import psycopg

    admin_url = _parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{SCRATCH_NAME}"')


def setup_django() -> None:
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)


def fresh_database() -> None:
    """A new, migrated scratch database and an empty scratch cache. Call before setup_django() has opened a
    connection, or after closing it."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    recreate_database()
    cache.clear()
    call_command("migrate", verbosity=0, interactive=False)


def load_1x():
    """The demo, with its users and (when available) its goals and document. Returns the demo process."""
    from demo.loader import load_demo

    return load_demo(create_users=True).process


def grow_to_10x(process) -> None:
    """Ten times the demo (see the module docstring). Bulk inserts; no history rows for the extra copies."""
    from django.db import transaction

    from planning.models import Action, Milestone
    from planning.services import process_copy
    from scan.models import MunicipalPlan, PlanTheme, Source, Theme

    extra = SCALE - 1
    with transaction.atomic():
        for n in range(1, extra + 1):
            process_copy(
                source=process,
                title=f"{process.title} (bench {n})",
                short_name=f"{process.short_name} b{n}"[:50],
                slug=f"{process.slug}-bench-{n}",
                shift_years=4 * n,
            )

        def copies(model, fields, title_field="title"):
            rows = list(model.objects.filter(process=process).order_by("pk"))
            new = []
            for n in range(1, extra + 1):
                for row in rows:
                    values = {name: getattr(row, name) for name in fields}
                    values[title_field] = f"{getattr(row, title_field)} (bench {n})"
                    new.append(model(**values))
            model.objects.bulk_create(new, batch_size=1000)

        def concrete(model, skip=("id",)):
            return [
                f.attname
                for f in model._meta.concrete_fields
                if f.attname not in skip and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
            ]

        copies(Milestone, concrete(Milestone))
        copies(Action, concrete(Action))
        copies(Source, concrete(Source))

        plans = list(MunicipalPlan.objects.filter(process=process).prefetch_related("plan_themes"))
        per_plan = max((len(plan.plan_themes.all()) for plan in plans), default=0) or 1
        theme_fields = concrete(Theme)
        base_themes = list(Theme.objects.order_by("pk"))
        needed = per_plan * extra
        new_themes = []
        for i in range(needed):
            template = base_themes[i % len(base_themes)]
            values = {name: getattr(template, name) for name in theme_fields}
            for name in ("name", "title"):
                if name in values:
                    values[name] = f"{values[name]} (bench {i + 1})"[:100]
            if "slug" in values:
                values["slug"] = f"{values['slug']}-bench-{i + 1}"[:50]
            new_themes.append(Theme(**values))
        new_themes = Theme.objects.bulk_create(new_themes)
        marks = []
        plan_theme_fields = [name for name in concrete(PlanTheme) if name not in ("plan_id", "theme_id")]
        for plan in plans:
            existing = list(plan.plan_themes.all())
            if not existing:
                continue
            template = existing[0]
            for theme in new_themes[: len(existing) * extra]:
                values = {name: getattr(template, name) for name in plan_theme_fields}
                marks.append(PlanTheme(plan_id=plan.pk, theme_id=theme.pk, **values))
        PlanTheme.objects.bulk_create(marks, batch_size=2000)
    # Bulk inserts send no signals; the cached fragments of what they changed learn it here.
    from planning.fragments import planning_changed
    from scan.fragments import scan_changed

    planning_changed()
    scan_changed()


def counts(process) -> dict[str, int]:
    from planning.models import StrategyProcess
    from scan.models import MunicipalPlan, PlanTheme

    return {
        "processes": StrategyProcess.objects.count(),
        "milestones": process.milestones.count(),
        "actions": process.actions.count(),
        "sources": process.sources.count(),
        "plans": MunicipalPlan.objects.filter(process=process).count(),
        "plan themes": PlanTheme.objects.filter(plan__process=process).count(),
    }


# The main pages, as (name, path) for the demo process (the DVO choice form as staff see it for DVO GLM). The API
# list is the first page (100) of the milestones.
PAGES = [
    ("dashboard", f"/processen/{DEMO_SLUG}/"),
    ("timeline", f"/processen/{DEMO_SLUG}/tijdlijn/"),
    ("milestones", f"/processen/{DEMO_SLUG}/mijlpalen/"),
    ("scan matrix", f"/processen/{DEMO_SLUG}/scan/"),
    ("long list", f"/processen/{DEMO_SLUG}/lange-lijst/"),
    ("results", f"/processen/{DEMO_SLUG}/uitslag/"),
    ("document", f"/processen/{DEMO_SLUG}/document/"),
    ("DVO choice", f"/processen/{DEMO_SLUG}/keuze/GLM/"),
    ("decision", f"/processen/{DEMO_SLUG}/top-vijf/"),
    ("goals", f"/processen/{DEMO_SLUG}/doelstellingen/"),
    ("monitoring", f"/processen/{DEMO_SLUG}/monitoring/"),
    ("notifications", "/meldingen/"),
    ("API milestones", f"/api/milestones/?process={DEMO_SLUG}"),
]
