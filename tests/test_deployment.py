"""docker-compose.yml keeps the production layout that the README describes (Docker does not run here, so the
file is read): a one-shot migrate that web, worker and beat wait for, web scalable behind nginx with no published
port of its own, exactly one beat, a health check on every long-running container, the image from the lock."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())["services"]


def test_migrate_runs_once_before_web_worker_and_beat(services):
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert services["migrate"]["restart"] == "no"
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}, name
        assert "migrate" not in " ".join(services[name]["command"]), name


def test_web_scales_behind_nginx(services):
    assert "ports" not in services["web"]
    assert services["nginx"]["ports"] == ["127.0.0.1:8080:80"]
    nginx = (BASE_DIR / "deploy" / "nginx.conf").read_text()
    assert "proxy_pass http://$vs_portal_web;" in nginx
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in nginx


def test_there_is_exactly_one_beat(services):
    assert services["beat"]["deploy"]["replicas"] == 1


def test_every_long_running_container_has_a_health_check(services):
    for name, service in services.items():
        if name != "migrate":
            assert "healthcheck" in service, name
    assert services["web"]["healthcheck"]["test"] == ["CMD", "python", "-m", "vs_portal.probe", "web"]


def test_the_probe_asks_readyz_as_the_proxy_would(monkeypatch):
    from vs_portal import probe

    seen = {}

    class Answer:
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

    def urlopen(request, timeout):
        seen.update(url=request.full_url, headers=dict(request.headers))
        return Answer()

    monkeypatch.setenv("ALLOWED_HOSTS", "vs.example.org,andere.example.org")
    monkeypatch.setattr(probe.urllib.request, "urlopen", urlopen)

    assert probe.web() == 0
    assert seen["url"] == "http://127.0.0.1:8000/_healthz/readyz"
    assert seen["headers"]["Host"] == "vs.example.org"
    assert seen["headers"]["X-forwarded-proto"] == "https"


@pytest.mark.django_db
def test_the_services_probe_of_worker_and_beat_reaches_database_cache_and_broker():
    from vs_portal import probe

    assert probe.services() == 0
