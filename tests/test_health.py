"""Health probes: /_healthz/livez and /_healthz/readyz, outside the login, with no secrets in the answer."""

import pytest
from django.core.files.storage import storages
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_livez_answers_without_login_and_checks_nothing(client):
    response = client.get(reverse("livez"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_checks_database_cache_and_storage(client):
    response = client.get(reverse("readyz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "opslag": "ok"}}


def test_readyz_pings_a_celery_worker_when_tasks_go_to_a_queue(client, settings):
    """Tasks queued (not eager) and no worker listening: not ready, and the answer says which check, not why."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from vs_portal.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens there
    try:
        response = client.get(reverse("readyz"))
    finally:
        app.conf.broker_url = previous

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "niet beschikbaar"
    assert body["checks"]["celery"] == "niet beschikbaar"
    assert "127.0.0.1" not in response.content.decode()


def test_readyz_reports_a_broken_storage_without_its_error(client, settings, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the storage wants a directory")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": blocked}},
    }
    storages._storages.pop("private", None)

    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert response.json()["checks"]["opslag"] == "niet beschikbaar"
    assert str(tmp_path) not in response.content.decode()
    storages._storages.pop("private", None)


def test_probes_are_not_redirected_to_https_in_production(settings, client):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get(reverse("livez")).status_code == 200
