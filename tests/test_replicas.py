"""Several web replicas on shared services, proven on real ones: two gunicorn instances on two loopback ports share
the PostgreSQL test database, a private Redis (broker, cache and sessions) and moto's S3 server; one real Celery
worker renders. Runs in CI (PostgreSQL and Redis are there); skipped with a reason on a bare laptop.

- a session made on one instance works on the other;
- a source uploaded through one downloads through the other;
- a PDF requested on one is rendered once, by the worker, and served by both;
- two secretaries' submissions for the same DVO, one through each instance at the same moment, give one ballot.
"""

import re
import secrets
import threading

import pytest
import requests
from django.db import connection
from django.urls import reverse

from accounts.models import Role
from documents.rendering import Kind
from planning.models import District
from scan.models import Source
from tests.accounts.factories import PASSWORD, UserFactory
from tests.documents.test_rendering import make_version, tiny_content
from tests.notifications.test_integration import Worker, broker, database_url, maildir, redis_server  # noqa: F401  (fixtures)
from tests.planning.factories import StrategyProcessFactory
from tests.scan.factories import pdf_bytes
from tests.servers import Gunicorn, ObjectStore, wait_for
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from voting.models import Ballot

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def object_store():
    store = ObjectStore()
    store.start()
    try:
        yield store
    finally:
        store.stop()


@pytest.fixture
def shared_env(redis_server, object_store, maildir):  # noqa: F811
    """Production settings (DEBUG off, one SECRET_KEY for all) on the shared services; plain HTTP on loopback."""
    return {
        "DJANGO_SETTINGS_MODULE": "vs_portal.settings",
        "DEBUG": "false",
        "VS_TESTING": "true",  # static files without a collected manifest
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_server.url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"filemail:///{maildir}",
        "TWO_FACTOR_REQUIRED": "false",
        "LOG_FORMAT": "json",
        **object_store.environment(),
    }


@pytest.fixture
def replicas(shared_env, tmp_path):
    instances = [Gunicorn(shared_env, tmp_path), Gunicorn(shared_env, tmp_path)]
    try:
        for instance in instances:
            instance.start()
        yield instances
    finally:
        for instance in instances:
            instance.stop()
        connection.close()


@pytest.fixture
def render_worker(broker, maildir, tmp_path, shared_env):  # noqa: F811
    worker = Worker(broker, maildir, tmp_path)
    try:
        worker.start(extra_env=shared_env)
        yield worker
    finally:
        worker.stop()
        connection.close()


def person(username: str, **fields):
    """A user whose password the replicas can check: they hash with Django's default (PBKDF2), not with the fast
    hasher of the test process."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    user = UserFactory(username=username, **fields)
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    user.save(update_fields=["password"])
    return user


def log_in(base_url: str, username: str) -> requests.Session:
    browser = requests.Session()
    page = browser.get(f"{base_url}/account/inloggen/", timeout=10)
    token = CSRF.search(page.text).group(1)
    response = browser.post(
        f"{base_url}/account/inloggen/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:500]
    return browser


def csrf_of(browser, url) -> str:
    return CSRF.search(browser.get(url, timeout=10).text).group(1)


def test_two_replicas_share_sessions_files_renders_and_ballots(replicas, render_worker, object_store, districts):
    a, b = replicas
    process = StrategyProcessFactory(slug="vs-2019-2022", short_name="VS 2019-2022")
    person("staf", role=Role.STAFF)
    person("bbg-lid", role=Role.BBG_MEMBER)

    # A session made on one instance works on the other (sessions in the database, read through Redis).
    staff = log_in(a.url, "staf")
    on_b = staff.get(f"{b.url}{reverse('planning:home')}", timeout=10)
    assert on_b.status_code == 200
    assert "Uitloggen" in on_b.text

    # A source uploaded through A downloads through B (the object store).
    create_url = f"{a.url}{reverse('scan:source_create', kwargs={'slug': process.slug})}"
    content = pdf_bytes()
    uploaded = staff.post(
        create_url,
        data={"title": "Ondermijningsbeeld", "kind": "undermining", "confidentiality": "internal",
              "csrfmiddlewaretoken": csrf_of(staff, create_url)},
        files={"document": ("Ondermijningsbeeld.pdf", content, "application/pdf")},
        allow_redirects=False,
        timeout=20,
    )  # fmt: skip
    assert uploaded.status_code == 302, uploaded.text[:2000]
    source = Source.objects.get(process=process)
    document_path = reverse("scan:source_document", kwargs={"slug": process.slug, "pk": source.pk})
    download = staff.get(f"{b.url}{document_path}", timeout=20)
    assert download.status_code == 200
    assert download.content == content

    # A PDF requested on A is rendered once, by the worker, and served by both.
    version = make_version(process, tiny_content())
    reader = log_in(b.url, "bbg-lid")
    pdf_path = reverse("documents:version_pdf", kwargs={"slug": process.slug, "label": version.label})
    first = reader.get(f"{a.url}{pdf_path}", timeout=20)
    assert first.status_code == 202  # under way in the worker; the page polls
    served = wait_for(
        lambda: (r := reader.get(f"{b.url}{pdf_path}", timeout=20)).status_code == 200 and r, "the render", 90
    )
    from_a = reader.get(f"{a.url}{pdf_path}", timeout=20)
    assert served.content.startswith(b"%PDF")
    assert from_a.content == served.content
    renders = [key for key in object_store.keys("private/renders/") if key.endswith(f"-{Kind.DOCUMENT.value}.pdf")]
    assert len(renders) == 1
    worker_log = render_worker.log.read_text()
    assert len(re.findall(r"render_document\[[^\]]+\] succeeded", worker_log)) == 1
    # The worker's lines are JSON with the task id (django-structlog), like the web's.
    import json

    task_lines = [json.loads(line) for line in worker_log.splitlines() if line.startswith("{") and "task_id" in line]
    assert any(line.get("task_id") and line.get("level") for line in task_lines), worker_log[-2000:]

    # Two secretaries of the same DVO submit at once, one through each instance: one ballot.
    priorities = make_frozen_long_list(process)
    voting_round = RoundFactory(process=process)
    for district in District.objects.all():
        RoundDeadlineFactory(round=voting_round, district=district)
    for name in ("secretaris-glm-1", "secretaris-glm-2"):
        person(name, role=Role.DVO_SECRETARY, district=districts["GLM"])
    ballot_path = reverse("voting:ballot", kwargs={"slug": process.slug, "district": "GLM"})
    submissions = [
        (log_in(a.url, "secretaris-glm-1"), a, [p.pk for p in priorities[:7]]),
        (log_in(b.url, "secretaris-glm-2"), b, [p.pk for p in priorities[3:10]]),
    ]
    forms = [(browser, node, ids, csrf_of(browser, f"{node.url}{ballot_path}")) for browser, node, ids in submissions]
    answers = []
    start = threading.Barrier(2)

    def submit(browser, instance, ids, token):
        start.wait()
        answers.append(
            browser.post(
                f"{instance.url}{ballot_path}",
                data={"choice": [str(pk) for pk in ids], "council_involvement": "informed",
                      "csrfmiddlewaretoken": token},
                allow_redirects=False,
                timeout=30,
            ).status_code
        )  # fmt: skip

    threads = [threading.Thread(target=submit, args=form) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(answers) == [302, 302]
    [ballot] = Ballot.objects.filter(round=voting_round, district=districts["GLM"])
    chosen = sorted(ballot.choices.values_list("priority_id", flat=True))
    assert chosen in (sorted(ids) for _, _, ids in submissions)
    assert ballot.history.count() == 2  # both were stored, one after the other, the second replacing the first
