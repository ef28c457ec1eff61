"""Integration: a real Celery worker process and a real Redis, against the PostgreSQL test database.

Each test starts its own redis-server on a free port, without persistence (so stopping it disturbs nothing else),
and a worker subprocess (`celery worker --pool=solo`) that reads the test database and writes its mail to files
in a temporary directory, where they are counted. The test process plays beat: it calls plan_reminders, which
plans in the database and enqueues on the private Redis.

Every wait is a bounded poll; every subprocess is stopped in a fixture's teardown.
"""

import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from kombu import pools as kombu_pools

from notifications import tasks
from notifications.models import Reminder
from planning.models import Milestone
from tests.conftest import skip_or_fail
from tests.planning.factories import MilestoneFactory, PersonFactory, StrategyProcessFactory
from vs_portal.celery import app

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(settings.BASE_DIR)
WAIT = 30  # seconds, at most, for anything to happen


def wait_for(condition, what: str, timeout: float = WAIT, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private redis-server that can be stopped and started again on the same port."""

    def __init__(self, executable: str, directory: Path):
        self.executable, self.directory, self.port = executable, directory, free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self):
        args = [self.executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        args += ["--dir", str(self.directory)]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self._pings, "redis-server to answer", timeout=10)

    def _pings(self) -> bool:
        try:
            return bool(self.client().ping())
        except Exception:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None

    def queued(self) -> int:
        """Messages waiting in the default queue plus messages delivered but not acknowledged."""
        client = self.client()
        return client.llen("celery") + client.hlen("unacked")


@pytest.fixture
def redis_server(tmp_path):
    executable = shutil.which("redis-server")
    if not executable:
        skip_or_fail("needs redis-server on the PATH (apt-get install redis-server)")
    server = RedisServer(executable, tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def broker(redis_server, settings):
    """Point this process's Celery app at the private Redis, not eager."""
    conf = app.conf
    previous = conf.broker_url, conf.task_always_eager

    def reset_pools():
        # kombu keeps one pool per broker URL in process-wide groups: closing a pool leaves it there, closed, and the
        # next task sent to that URL (eager tasks acquire a producer too) fails with "Acquire on closed pool".
        # kombu.pools.reset() closes every pool and empties the groups, so the next send opens a fresh one.
        kombu_pools.reset()
        app._pool = None
        app.amqp._producer_pool = None

    reset_pools()
    conf.broker_url, conf.task_always_eager = redis_server.url, False
    try:
        yield redis_server
    finally:
        reset_pools()
        conf.broker_url, conf.task_always_eager = previous


def database_url() -> str:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """A `celery worker --pool=solo` subprocess on the test database and the private Redis."""

    def __init__(self, redis_server: RedisServer, maildir: Path, logdir: Path):
        self.redis_server, self.maildir, self.logdir = redis_server, maildir, logdir
        self.process = None
        self.log = None

    def start(self, send_delay: float | None = None, extra_env: dict[str, str] | None = None):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "vs_portal.settings",
            "DATABASE_URL": database_url(),
            "REDIS_URL": self.redis_server.url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "EMAIL_URL": f"filemail:///{self.maildir}",  # environ drops one slash: /tmp/... stays absolute
            "SITE_URL": "https://vs.example.org",
        }
        env.update(extra_env or {})
        env.pop("VS_TEST_SEND_DELAY", None)
        if send_delay:
            env["VS_TEST_SEND_DELAY"] = str(send_delay)
        self.log = self.logdir / f"worker-{uuid.uuid4().hex[:8]}.log"
        celery = BASE_DIR / ".venv" / "bin" / "celery"
        command = [str(celery)] if celery.exists() else [sys.executable, "-m", "celery"]
        command += ["-A", "vs_portal", "worker", "--pool=solo", "-c", "1", "-l", "info"]
        command += ["--without-heartbeat", "--without-gossip", "--without-mingle"]
        command += ["-n", f"test-{uuid.uuid4().hex[:8]}@%h"]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_for(lambda: self._ready() or self._died(), "the worker to be ready")
        assert self.process.poll() is None, self.log.read_text()

    def _ready(self) -> bool:
        return " ready." in self.log.read_text(errors="replace")

    def _died(self) -> bool:
        return self.process.poll() is not None

    def kill(self):
        """SIGKILL: no clean shutdown, nothing acknowledged, like a container killed for memory."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None


@pytest.fixture
def maildir(tmp_path):
    path = tmp_path / "mail"
    path.mkdir()
    return path


@pytest.fixture
def worker(broker, maildir, tmp_path, transactional_db):
    """A worker, not yet started (call .start()); stopped after the test, before the database is flushed."""
    worker = Worker(broker, maildir, tmp_path)
    try:
        yield worker
    finally:
        worker.stop()
        connection.close()


def mails(maildir: Path) -> list[str]:
    """The messages the worker sent (the file backend writes one file per connection, one message each here)."""
    return [path.read_text(errors="replace") for path in sorted(maildir.iterdir())]


@pytest.fixture
def due_milestone(transactional_db):
    """A decision seven days from now (the real today: the worker's clock is not frozen), with a responsible user."""
    from tests.accounts.factories import UserFactory

    user = UserFactory(username="verantwoordelijke", email="verantwoordelijke@example.org")
    person = PersonFactory(user=user)
    today = timezone.localdate()
    return MilestoneFactory(
        process=StrategyProcessFactory(),
        title="Besluit Bestuurscollege",
        kind=Milestone.Kind.DECISION,
        starts_on=today + datetime.timedelta(days=7),
        responsible_person=person,
    )


def beat_tick() -> int:
    """What beat does every 15 minutes: run plan_reminders (here in this process; it enqueues on Redis)."""
    return tasks.plan_reminders.apply().get()


def sent(count: int = 1):
    return lambda: Reminder.objects.filter(status=Reminder.Status.SENT).count() == count


def test_a_due_milestone_gives_one_email_and_a_second_tick_none(worker, broker, maildir, due_milestone):
    worker.start()
    assert beat_tick() == 1
    wait_for(sent(), "the reminder to be sent")
    wait_for(lambda: broker.queued() == 0, "the queue to be empty")
    [message] = mails(maildir)
    assert "Subject: Herinnering: Besluit Bestuurscollege op" in message
    assert "verantwoordelijke@example.org" in message
    assert f"https://vs.example.org/processen/{due_milestone.process.slug}/mijlpalen/{due_milestone.pk}/" in message

    # A second beat tick plans and enqueues nothing.
    assert beat_tick() == 0
    assert broker.queued() == 0
    # Even a duplicate message for the same reminder (a redelivery, a second worker) sends nothing.
    tasks.send_reminder.delay(Reminder.objects.get().pk)
    wait_for(lambda: broker.queued() == 0, "the duplicate message to be consumed")
    wait_for(lambda: "'not_claimed'" in worker.log.read_text(), "the worker to turn the duplicate away")
    assert len(mails(maildir)) == 1
    assert Reminder.objects.get().attempts == 1


def test_a_worker_killed_in_the_middle_of_a_send_and_restarted_sends_exactly_one(
    worker, broker, maildir, due_milestone, settings
):
    worker.start(send_delay=60)
    assert beat_tick() == 1
    reminder = wait_for(
        lambda: Reminder.objects.filter(status=Reminder.Status.SENDING).first(), "the worker to claim the reminder"
    )
    time.sleep(0.5)  # into the (slow) send
    worker.kill()
    assert mails(maildir) == []
    assert Reminder.objects.get().status == Reminder.Status.SENDING

    worker.start()
    # Within the timeout the reminder is not taken back: its worker might still be sending.
    assert beat_tick() == 0
    # After it, the next tick reclaims and enqueues it (here the timeout is shortened instead of waiting 15 min).
    settings.NOTIFICATIONS_SENDING_TIMEOUT = 0
    assert beat_tick() == 1
    wait_for(sent(), "the reclaimed reminder to be sent")
    assert len(mails(maildir)) == 1
    reminder.refresh_from_db()
    assert reminder.attempts == 2
    assert beat_tick() == 0
    assert len(mails(maildir)) == 1


def test_redis_stopped_and_started_again_loses_nothing(worker, broker, maildir, due_milestone, caplog):
    worker.start()
    broker.stop()
    # Beat ticks while Redis is down: the reminder is planned in the database, the enqueue fails with a warning.
    assert beat_tick() == 1
    assert "Broker onbereikbaar" in caplog.text
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.enqueued_at) == (Reminder.Status.PENDING, None)

    broker.start()

    # The next tick enqueues it (a tick whose publish still meets the old connection leaves it for the one after).
    def next_tick_sends() -> bool:
        beat_tick()
        try:
            wait_for(sent(), "the reminder to be sent", timeout=5)
        except AssertionError:
            return False
        return True

    wait_for(next_tick_sends, "a tick after Redis came back to send the reminder", interval=0)
    assert len(mails(maildir)) == 1
    assert beat_tick() == 0
    assert len(mails(maildir)) == 1
