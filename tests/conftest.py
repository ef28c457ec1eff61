"""Shared fixtures: one user per role plus an outsider, a process, and the switches for tests that need
PostgreSQL, Redis or Chromium.

On a newcomer's machine tests whose service is missing are skipped with a one-line reason. Under CI=true a
missing service is an error: CI always tests against PostgreSQL and always runs the browser tests.

The suite runs in parallel (pytest-xdist, `make test`): each worker has its own test database (pytest-django adds
the worker's name), its own folder for uploaded and rendered files, and its own Redis database number for the queue
and the cache (vs_portal/settings_test.py); servers that tests start (live_server, redis-server, a Celery worker)
take a free port. Faker and factory_boy are seeded
per test from the test's name, so a test makes the same names whatever ran before it and on whichever worker.
"""

import importlib
import os
import shutil
import zlib

import factory.random
import faker
import pytest
from django.db import connection
from django.test import override_settings

from accounts.models import Role
from planning.models import District
from tests.accounts.factories import PASSWORD, UserFactory
from tests.planning.factories import PhaseFactory, StrategyProcessFactory

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_configure(config):
    from django.conf import settings

    # Hashing real passwords dominates the run time of a suite that creates many users; tests only need it to work.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def worker_number() -> int:
    """0 without xdist or on its first worker (gw0), 1 on gw1, ..."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


@pytest.fixture(autouse=True)
def _seeded_fakes(request):
    """The same fake names and values for a test on every run, whatever ran before it (Dutch names such as
    "van 't Riet" then break a test always or never, not now and then)."""
    seed = zlib.crc32(request.node.nodeid.encode())
    factory.random.reseed_random(seed)
    faker.Faker.seed(seed)


@pytest.fixture(scope="session", autouse=True)
def _own_files(tmp_path_factory):
    """Uploaded and rendered files of this test session (and xdist worker) go to a temporary folder, never to the
    developer's var/, and never to another worker's folder (two workers' databases hand out the same ids)."""
    from django.conf import settings

    root = tmp_path_factory.mktemp("files")
    storages = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": root / "private", "base_url": "/-/"}},
    }
    with override_settings(MEDIA_ROOT=root / "media", STORAGES=storages):
        # File fields took their storage when the models were defined; point them at this session's as well.
        from django.apps import apps
        from django.core.files.storage import storages as handler
        from django.db.models import FileField

        from core.storage import private_storage

        fields = [
            field
            for model in apps.get_models()
            for field in model._meta.get_fields()
            if isinstance(field, FileField) and getattr(field, "_storage_callable", None) is private_storage
        ]
        previous = [field.storage for field in fields]
        for field in fields:
            field.storage = handler["private"]
        yield root
        for field, storage in zip(fields, previous, strict=True):
            field.storage = storage


def skip_or_fail(reason: str):
    """Skip with a reason on a developer's machine; fail in CI, where every service must be there."""
    if IN_CI:
        pytest.fail(f"CI requires it: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Tests that really commit (transaction=True: browser, concurrency and worker tests) find the reference data.

    Django empties every table after such a test, including the districts, municipalities, bodies and themes that
    the data migrations load; they are loaded again (idempotently) before each one.
    """
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    from planning.models import Body, Municipality
    from planning.reference_data import load_reference_data
    from scan.models import Theme

    load_reference_data(District, Municipality, Body)
    catalogue = importlib.import_module("planning.migrations.0004_theme_catalogue")
    for name, description in catalogue.THEMES:
        Theme.objects.get_or_create(name=name, defaults={"description": description})


@pytest.fixture(autouse=True)
def _needs_services(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL (set DATABASE_URL=postgres://...)")
    if request.node.get_closest_marker("redis") and not os.environ.get("REDIS_URL"):
        skip_or_fail("needs Redis (set REDIS_URL=redis://...)")


@pytest.fixture(autouse=True)
def _dutch(settings):
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counters and the cached site settings do not leak; nor do
    the rows each worker keeps (core.rows) of a database that the test's rollback has undone."""
    from django.core.cache import cache

    from core.rows import forget_rows

    cache.clear()
    forget_rows()
    yield
    cache.clear()
    forget_rows()


@pytest.fixture(autouse=True)
def _second_factor_optional(settings):
    """Staff and administrators log in without a second factor here, as with TWO_FACTOR_REQUIRED=false; the tests
    of the second factor (tests/accounts/test_second_factor.py) switch the requirement on."""
    settings.TWO_FACTOR_REQUIRED = False


@pytest.fixture(autouse=True)
def _tasks_run_eagerly(settings):
    """Tasks run in the test's own process, as in the embedded set-up, also when REDIS_URL is set (as in CI):
    no worker serves the test process. Tests of the queue itself (tests/notifications/test_integration.py, the
    render-progress test) switch this off and start or imitate a worker themselves."""
    from vs_portal.celery import app

    previous = app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = True
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def districts(db):
    """The five districts from the reference-data migration, by code."""
    return {district.code: district for district in District.objects.all()}


@pytest.fixture
def staff(db):
    return UserFactory(username="staf", role=Role.STAFF)


@pytest.fixture
def secretary(districts):
    return UserFactory(username="secretaris-glm", role=Role.DVO_SECRETARY, district=districts["GLM"])


@pytest.fixture
def other_secretary(districts):
    return UserFactory(username="secretaris-twn", role=Role.DVO_SECRETARY, district=districts["TWN"])


@pytest.fixture
def bbg_member(db):
    return UserFactory(username="bbg-lid", role=Role.BBG_MEMBER)


@pytest.fixture
def administrator(db):
    return UserFactory(username="beheerder", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def outsider(db):
    """Logged in, but without any role."""
    return UserFactory(username="buitenstaander", role="")


@pytest.fixture
def users(staff, secretary, bbg_member, administrator, outsider):
    return {
        "staff": staff,
        "secretary": secretary,
        "bbg_member": bbg_member,
        "administrator": administrator,
        "outsider": outsider,
    }


@pytest.fixture
def process(db):
    process = StrategyProcessFactory(
        title="Veiligheidsstrategie 2019-2022", short_name="VS 2019-2022", slug="vs-2019-2022"
    )
    for order, name in enumerate(["Scan en lange lijst", "Keuze DVO's", "Top vijf BBG"], start=1):
        PhaseFactory(process=process, name=name, order=order)
    return process


# --- Browser tests --------------------------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian's Chromium, found on the PATH, driven by Playwright's Python package (no `playwright install`)."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        skip_or_fail("needs Debian's chromium on the PATH (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("needs the playwright Python package")
    # Playwright runs an event loop in this thread; the ORM calls in the test itself are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium_browser, live_server):
    context = chromium_browser.new_context(locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login(page, password):
    """Log a user in through the real login form."""

    def _login(user):
        page.goto("/account/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        return page

    return _login
