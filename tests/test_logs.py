"""Logs: JSON lines with time, level, logger, request id and user id; secret tokens masked in every line (ours and
gunicorn's access log); Sentry initialised when SENTRY_DSN is set."""

import io
import json
import logging

import pytest
from django.conf import settings
from django.urls import reverse

from tests.test_settings import production_env, run_python
from vs_portal.logs import RedactingGunicornLogger, logging_config, redact


@pytest.fixture
def json_log():
    """What the console handler of production (LOG_FORMAT=json) would write, as parsed lines."""
    formatter_config = dict(logging_config("json", "INFO")["formatters"]["structured"])
    formatter = formatter_config.pop("()")(**formatter_config)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.addHandler(handler)
    previous = root.level
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


@pytest.mark.django_db
def test_request_lines_are_json_with_time_level_logger_request_and_user(client, staff, json_log):
    client.force_login(staff)

    client.get(reverse("planning:home"))

    lines = json_log()
    finished = [line for line in lines if line.get("event") == "request_finished"]
    assert finished, lines
    line = finished[-1]
    assert line["level"] == "info"
    assert line["logger"] == "django_structlog.middlewares.request"
    assert line["timestamp"].endswith("Z")
    assert line["request_id"]
    assert line["user_id"] == staff.pk
    assert line["code"] == 200


@pytest.mark.django_db
def test_secret_tokens_are_masked_in_every_line(client, staff, json_log):
    token = staff.calendar_token
    client.get(reverse("planning:calendar_feed", kwargs={"token": token, "slug": "onbekend"}))
    client.get("/account/wachtwoord-herstellen/MQ/c4h1ab-0123456789abcdef0123456789abcdef/")
    client.get("/oidc/callback/?code=geheime-code&state=geheime-staat")

    written = json.dumps(json_log())

    assert "/agenda/***/onbekend.ics" in written
    assert token not in written
    assert "c4h1ab-0123456789abcdef" not in written
    assert "geheime-code" not in written
    assert "geheime-staat" not in written


def test_redact_masks_each_kind_of_token():
    assert redact("GET /agenda/abcDEF123_-x/vs-2019-2022.ics HTTP/1.1") == "GET /agenda/***/vs-2019-2022.ics HTTP/1.1"
    assert redact("/account/wachtwoord-herstellen/MQ/set-password/") == "/account/wachtwoord-herstellen/***/***/"
    assert redact("/oidc/callback/?state=s&code=c") == "/oidc/callback/?state=***&code=***"
    assert redact("/planning/?page=2") == "/planning/?page=2"


def test_the_gunicorn_access_log_is_masked():
    class Config:
        access_log_format = '"%(r)s" %(s)s'
        accesslog = "-"
        errorlog = "-"
        loglevel = "info"
        syslog = False
        disable_redirect_access_to_syslog = False
        capture_output = False
        logconfig = None
        logconfig_dict = {}  # noqa: RUF012  (gunicorn reads a plain class attribute)
        logconfig_json = None
        syslog_addr = None
        syslog_prefix = None
        syslog_facility = "user"
        statsd_host = None
        dogstatsd_tags = ""
        user = 0
        group = 0
        umask = 0

    logger = RedactingGunicornLogger(Config())
    stream = io.StringIO()
    logger.access_log.handlers = [logging.StreamHandler(stream)]

    class Response:
        status = "200 OK"
        status_code = 200
        sent = 10
        headers = ()
        response_length = 10

    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/agenda/geheim-token-123/vs.ics",
        "PATH_INFO": "/agenda/geheim-token-123/vs.ics",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    import datetime

    logger.access(Response(), type("Request", (), {"headers": []})(), environ, datetime.timedelta(seconds=0.01))

    assert stream.getvalue().strip() == '"GET /agenda/***/vs.ics HTTP/1.1" 200'


def test_sentry_starts_when_a_dsn_is_set(tmp_path):
    script = (
        "import django; django.setup(); import sentry_sdk; "
        "client = sentry_sdk.get_client(); print(client.is_active(), client.options['environment'], "
        "client.options['send_default_pii'])"
    )
    env = production_env(
        tmp_path, SENTRY_DSN="http://publickey@127.0.0.1:9/1", DJANGO_SETTINGS_MODULE="vs_portal.settings"
    )

    result = run_python(["-c", script], env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True production False"


def test_without_a_dsn_sentry_stays_off(tmp_path):
    script = "import django; django.setup(); import sentry_sdk; print(sentry_sdk.get_client().is_active())"
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="vs_portal.settings")

    result = run_python(["-c", script], env)

    assert result.stdout.strip().splitlines()[-1] == "False"


def test_production_logs_json_and_development_plain():
    assert settings.LOG_FORMAT in ("json", "plain")
    assert logging_config("json", "INFO")["root"]["handlers"] == ["console"]
    with pytest.raises(Exception, match="LOG_FORMAT"):
        logging_config("xml", "INFO")


@pytest.mark.django_db
def test_the_logged_address_is_the_real_client_behind_the_proxy(client, json_log, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    client.get(reverse("login"), REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")

    started = [line for line in json_log() if line.get("event") == "request_started"][-1]
    assert started["ip"] == "198.51.100.7"
