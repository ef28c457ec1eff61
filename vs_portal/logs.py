"""Logging: structured JSON lines on stdout (django-structlog), or plain readable lines in development, with secret
tokens masked everywhere; errors to Sentry when SENTRY_DSN is set.

Every line carries the time, level and logger; lines written during a request also its request id, user id and
client address, and lines written by a Celery task its task id (django-structlog binds them). Secrets that live in
addresses are masked before any line is written, in our logs and in gunicorn's access log alike: the calendar feed
token, the password-reset token and the single sign-on callback's code and state.
"""

import logging
import re

import structlog

# (pattern, replacement) applied to every string in a log line.
REDACTIONS = [
    (re.compile(r"(/agenda/)[^/\s?\"']+"), r"\1***"),
    (re.compile(r"(/wachtwoord-herstellen/)[^/\s?\"']+/[^/\s?\"']+"), r"\1***/***"),
    (re.compile(r"([?&](?:code|state|token|id_token_hint|session_state)=)[^&\s\"']+"), r"\1***"),
]


def redact(text: str) -> str:
    for pattern, replacement in REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def redact_processor(logger, method_name, event_dict):
    """structlog processor: mask secret tokens in every string value of the line. Also drops the socket that
    runserver's log records carry as ``request`` (an object, not a line's content)."""
    if "request" in event_dict and not isinstance(event_dict["request"], str | dict):
        del event_dict["request"]
    for key, value in event_dict.items():
        if isinstance(value, str):
            event_dict[key] = redact(value)
    return event_dict


def _pre_chain():
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.stdlib.ExtraAdder(),
        redact_processor,
    ]


def logging_config(log_format: str, level: str) -> dict:
    """The LOGGING dict: one console handler whose formatter renders JSON or plain text."""
    if log_format not in ("json", "plain"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("LOG_FORMAT must be 'json' or 'plain'.")
    renderer = (
        {"processor": structlog.processors.JSONRenderer(ensure_ascii=False)}
        if log_format == "json"
        else {"processor": structlog.dev.ConsoleRenderer(colors=False)}
    )
    loggers = {
        # WeasyPrint and fontTools log every font and stylesheet step at INFO while a PDF renders.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Django's own console handlers would print the same lines again, unstructured.
        "django": {"handlers": ["console"], "level": level, "propagate": False},
        "django.server": {"handlers": ["console"], "level": level, "propagate": False},
    }
    if log_format == "plain":
        # In development the audit events (in the database anyway) would drown the demo loader's output.
        loggers["audit"] = {"level": "WARNING"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": _pre_chain(),
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    renderer["processor"],
                ],
            }
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": loggers,
    }


def configure_structlog() -> None:
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.stdlib.filter_by_level,
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            redact_processor,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def _sentry_before_send(event, hint):
    request = event.get("request") or {}
    for key in ("url", "query_string"):
        if isinstance(request.get(key), str):
            request[key] = redact(request[key])
    return event


def _sentry_before_breadcrumb(crumb, hint):
    if isinstance(crumb.get("message"), str):
        crumb["message"] = redact(crumb["message"])
    return crumb


def init_sentry(dsn: str, environment: str) -> None:
    """Errors (and only errors: no performance tracing, no personal data) to Sentry or a compatible server."""
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[
            DjangoIntegration(),
            CeleryIntegration(),
            LoggingIntegration(level=logging.INFO, event_level=logging.ERROR),
        ],
        send_default_pii=False,
        traces_sample_rate=0,
        before_send=_sentry_before_send,
        before_breadcrumb=_sentry_before_breadcrumb,
    )


try:  # gunicorn is there in production and the replica test; the app itself does not need it.
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover
    _GunicornLogger = object


class RedactingGunicornLogger(_GunicornLogger):
    """gunicorn's logger (gunicorn.conf.py: logger_class) with the secret tokens masked in the access log."""

    def access(self, resp, req, environ, request_time):
        environ = dict(environ)
        for key in ("RAW_URI", "PATH_INFO", "QUERY_STRING", "HTTP_REFERER"):
            if isinstance(environ.get(key), str):
                environ[key] = redact(environ[key])
        return super().access(resp, req, environ, request_time)
