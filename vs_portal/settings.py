"""Settings for VS-portaal, read from the environment.

DEBUG is off unless it is switched on (`make run` and the development .env.example do): a deployment that forgets a
setting refuses to start rather than run with debug pages and the development key. With DEBUG on and nothing else
set the project runs embedded: SQLite under var/, Celery tasks run eagerly, email to the console, a local cache.
Production sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and EMAIL_URL; with DEBUG off the secure
defaults below switch on, so that `manage.py check --deploy` passes. The README's settings table lists them all.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from vs_portal.env import env_bool

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# Every boolean goes through env_bool (vs_portal/env.py): a typo such as AXES_ENABLED=ture stops the start.

DEBUG = env_bool("DEBUG", default=False)
TESTING = env_bool("VS_TESTING", default=False)

# Known on purpose: refused below whenever DEBUG is off.
_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdefghij"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:
    raise ImproperlyConfigured("The development SECRET_KEY must not be used when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The address users reach the site on, used in emails and calendar links.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "core",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "mozilla_django_oidc",
    "solo",
    "health_check",
    "django_structlog",
    # The rich-text editor of every prose field (core/prose.py): ProseMirror, served from the package.
    "django_prose_editor",
    "accounts",
    "audit",
    "sitesettings",
    "planning",
    "scan",
    "priorities",
    "voting",
    "decisions",
    "documents",
    "notifications",
    "monitoring",
    "reviews",
    # partners, comments and the search (issue 16)
    "search",
    "partners",
    "comments",
    "consultation",
    "proposal",
    "archive",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "vs_portal.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and API answers compressed (a tenth to a twenty-fifth of the HTML) by Django's GZipMiddleware, with
    # the random padding against BREACH that it adds since 4.2 (nginx's gzip has none, so deploy/nginx.conf leaves
    # it off); text only (vs_portal.middleware). Below WhiteNoise, which serves its own pre-compressed static files
    # before this is reached; above everything that writes the body.
    "vs_portal.middleware.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "vs_portal.middleware.DutchFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Request id, user id and address in every log line of the request (django-structlog).
    "django_structlog.middlewares.RequestMiddleware",
    "accounts.middleware.IdleTimeoutMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "accounts.middleware.NoStoreWhenLoggedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = env.str("ROOT_URLCONF", default="vs_portal.urls")
WSGI_APPLICATION = "vs_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.roles",
                "notifications.context_processors.unread_notifications",
                "sitesettings.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'vs_portal.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: a web worker keeps its PostgreSQL connection for CONN_MAX_AGE seconds (default 60)
# instead of opening one per request (a few milliseconds each, more than many pages' own queries); the health
# check pings a connection that was idle before reusing it, so a restarted database costs no failed request.
# SQLite (the no-services default) gains nothing from it and keeps 0.
DATABASES["default"].setdefault(
    "CONN_MAX_AGE",
    env.int("CONN_MAX_AGE", default=0 if DATABASES["default"]["ENGINE"].endswith("sqlite3") else 60),
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "planning:home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Django's own minimum length, with its error message in Dutch (vs_portal/security.py).
    {"NAME": "vs_portal.security.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Dutch first, English available. Message ids in our own code are Dutch; the English
# catalogue in locale/en translates them.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Uploaded plans and sources, rendered documents and their status files: never under STATIC/MEDIA URLs; served
# through permission-checking views. On local disk by default; in S3-compatible object storage (django-storages)
# when AWS_STORAGE_BUCKET_NAME is set, so that several web replicas and workers share them.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    PRIVATE_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("AWS_LOCATION", default="private"),
            # Private objects; downloads go through our views (FileResponse over the object), never a public URL.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": True,
            "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default="") or None,
        },
    }
else:
    PRIVATE_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private"), "base_url": "/-/"},
    }
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Largest upload of a plan or source document, in bytes (default 20 MB).
MAX_DOCUMENT_SIZE = env.int("MAX_DOCUMENT_SIZE", default=20 * 1024 * 1024)

# Largest request body apart from uploaded files, in bytes: the forms (Django answers 400 above it) and the API's
# JSON (core.parsers answers 413). Room for a version of the nota with every section at its longest.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
API_MAX_BODY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
# Largest export that import_process reads (default 500 MB), and its data.json unpacked (default 50 MB).
MAX_IMPORT_SIZE = env.int("MAX_IMPORT_SIZE", default=500 * 1024 * 1024)
MAX_IMPORT_DATA_SIZE = env.int("MAX_IMPORT_DATA_SIZE", default=50 * 1024 * 1024)

# Django's renderer, with the select lists written in Python (core/forms_renderer.py: the same HTML, a fraction of
# the time for a long list of options).
FORM_RENDERER = "core.forms_renderer.FormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: console in development; EMAIL_URL (smtp://user:pass@host:587 with ?tls=True) in production.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A mail server that hangs must not hold a worker: every SMTP connection gives up after this many seconds. Mail is
# only ever sent by Celery tasks (with retries), never inside a request.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="VS-portaal <noreply@vs-portaal.localhost>")

# Celery: Redis when REDIS_URL is set, otherwise every task runs eagerly in the process that sends it.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Every countdown, ETA and retry delay must stay below this (in seconds).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = TIME_ZONE
# The worker logs through the project's logging (JSON lines with the task id), not through Celery's own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Emails: a failed send is tried again after 1, 2, 4, ... minutes (EMAIL_RETRY_BACKOFF seconds, doubling, with
# jitter; at most EMAIL_RETRY_MAX_DELAY apart, below the visibility timeout), EMAIL_MAX_RETRIES times. The reminders
# keep their own count and backoff (notifications/conf.py).
EMAIL_MAX_RETRIES = env.int("EMAIL_MAX_RETRIES", default=10)
EMAIL_RETRY_BACKOFF = env.int("EMAIL_RETRY_BACKOFF", default=60)
EMAIL_RETRY_MAX_DELAY = env.int("EMAIL_RETRY_MAX_DELAY", default=30 * 60)
# The one beat schedule (run exactly ONE beat process). Timings of the reminders: notifications/conf.py.
CELERY_BEAT_SCHEDULE = {
    # Plan the reminders that are due (milestones, DVO choices, actions, ambtelijke toetsen) and enqueue one send
    # per reminder; also re-enqueues what Redis could not take and what a dead worker left. Safe to run twice.
    "plan-reminders": {
        "task": "notifications.tasks.plan_reminders",
        "schedule": crontab(minute="*/15"),
        "options": {"expires": 14 * 60},  # a tick stuck in the queue is dropped; the next one comes
    },
    # The daily digest for users who chose one, at 07:00 (CELERY_TIMEZONE); at most one per user per day.
    "send-daily-digests": {
        "task": "notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=7, minute=0),
        "options": {"expires": 55 * 60},
    },
    # Remove expired sessions from the database (Django's clearsessions), nightly.
    "clear-sessions": {
        "task": "accounts.tasks.clear_sessions",
        "schedule": crontab(hour=3, minute=10),
        "options": {"expires": 55 * 60},
    },
    # Prune audit events, notifications, reminders, digests and absences older than their retention (below).
    "prune-old-records": {
        "task": "audit.tasks.prune_old_records",
        "schedule": crontab(hour=3, minute=30),
        "options": {"expires": 55 * 60},
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["accounts.api_permissions.HasRole"],
    "DEFAULT_SCHEMA_CLASS": "core.schema.AutoSchema",
    # One shape for every refusal: {"errors": [{"code", "message", "field"}]} (core/api.py).
    "EXCEPTION_HANDLER": "core.api.exception_handler",
    # ?limit= at most core.pagination.MAX_LIMIT; an offset past the end gives the empty last page.
    "DEFAULT_PAGINATION_CLASS": "core.pagination.BoundedLimitOffsetPagination",
    "PAGE_SIZE": 100,
    # JSON bodies at most API_MAX_BODY_SIZE bytes (413) and MAX_JSON_DEPTH levels deep (400): core/parsers.py.
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.LimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "VS-portaal API",
    "DESCRIPTION": "Processen, planning, acties en conflicten van de Veiligheidsstrategie.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["accounts.api_permissions.HasRole"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice sets that share a field name with another one get a stable name (otherwise check warns, W001).
    "ENUM_NAME_OVERRIDES": {
        "SourceKindEnum": "scan.models.Source.Kind",
        "LongListStatusEnum": "priorities.models.LongList.Status",
        "CriterionOutcomeEnum": "priorities.models.Outcome",
        "ProposalDecisionOutcomeEnum": "proposal.models.ProposalDecision.Outcome",
        "CheckProposalKindEnum": "partners.models.CheckProposal.Kind",
        "ReviewKindEnum": "reviews.models.Review.Kind",
        "ReviewStatusEnum": "reviews.models.Review.Status",
        "ProgressReportStatusEnum": "monitoring.models.ProgressReport.Status",
        "ProposalStatusEnum": "proposal.models.Proposal.Status",
    },
}

# Security. With DEBUG off these pass `manage.py check --deploy`; behind a TLS-terminating proxy set
# SECURE_PROXY_SSL_HEADER through USE_X_FORWARDED_PROTO.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The health probes of the containers and the orchestrator come over plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^_healthz/"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Django's default, stated here because the security headers are tested: Cross-Origin-Opener-Policy.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The Content Security Policy and Permissions-Policy come from vs_portal/security.py (Django 5.2 has no CSP).
USE_X_FORWARDED_PROTO = env_bool("USE_X_FORWARDED_PROTO", default=False)
if USE_X_FORWARDED_PROTO:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Sessions: in the database, read through the Redis cache when there is one (cached_db); never in a local memory
# cache, which the other web processes would not see (a logout there would not end the session here). A session
# ends after SESSION_IDLE_TIMEOUT seconds without a request (default 8 hours; accounts/middleware.py renews it at
# most every few minutes), and at the latest when the browser closes. Expired sessions are removed nightly (beat).
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=8 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)

# Cache: Redis (django-redis) when REDIS_URL is set (or CACHE_URL for a separate one), shared by every web replica:
# the rate limits and the session cache need that. Without Redis, a local memory cache.
CACHE_URL = env.str("CACHE_URL", default=REDIS_URL)
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "vs",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "vs-portaal"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# The site settings row (django-solo), which every page shows: from the shared cache (Redis) where there is one, so
# every replica sees a change at once (django-solo stores the row there on each save); without a shared cache from
# the database, one query per page, as a local memory cache would keep the other workers' copies old.
SOLO_CACHE = "default" if CACHE_URL else None
SOLO_CACHE_TIMEOUT = 60 * 60
# The rows each worker keeps (core.rows: a page's process, document, round, DVO), valid only while every worker
# reads the same data versions: on by default with a shared cache; a local memory cache is one worker's own.
ROW_MEMO = env_bool("ROW_MEMO", default=bool(CACHE_URL))
# The unread count in every page's account menu, kept in the cache this many seconds at most (notifications/unread.py;
# every change to a user's notifications drops it at once). 0: counted on every page.
UNREAD_COUNT_CACHE_SECONDS = env.int("UNREAD_COUNT_CACHE_SECONDS", default=60)

# Behind a reverse proxy: how many proxies that we trust add their client's address to X-Forwarded-For. The client
# address (for the lock-out, the rate limits and the audit log) is the address the outermost trusted proxy saw;
# anything a client writes into the header itself is ignored. 0: no proxy, REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
# Requests per address: password-reset requests and login attempts (POSTs), each per window of RATE_LIMIT_WINDOW
# seconds (shared by all web replicas through the cache). Over the limit: 429 with a Dutch page.
RATE_LIMIT_WINDOW = env.int("RATE_LIMIT_WINDOW", default=15 * 60)
RATE_LIMIT_LOGIN = env.int("RATE_LIMIT_LOGIN", default=30)
RATE_LIMIT_PASSWORD_RESET = env.int("RATE_LIMIT_PASSWORD_RESET", default=5)

# Two factors (django-otp, django-two-factor-auth): TOTP with backup codes. Required for programme staff,
# administrators and /beheer/ users who log in with a local password; optional for everyone else (a user who
# enrolled a device must use it). TWO_FACTOR_REQUIRED=false switches the requirement off (only the demo does).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=True)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="VS-portaal")
TWO_FACTOR_PATCH_ADMIN = False
TWO_FACTOR_REMEMBER_COOKIE_AGE = None

# Single sign-on (OpenID Connect, mozilla-django-oidc): on when OIDC_RP_CLIENT_ID is set. The provider's endpoints
# come from OIDC_OP_DISCOVERY_ENDPOINT (its /.well-known/openid-configuration) or each OIDC_OP_* variable. Users are
# matched on the claim OIDC_USERNAME_CLAIM (default "sub", stable per user); a new user gets no role, unless
# OIDC_ROLE_CLAIM and OIDC_ROLE_MAP say which claim value gives which role. accounts/oidc.py.
OIDC_ENABLED = bool(env.str("OIDC_RP_CLIENT_ID", default=""))
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
OIDC_USERNAME_CLAIM = env.str("OIDC_USERNAME_CLAIM", default="sub")
OIDC_ROLE_CLAIM = env.str("OIDC_ROLE_CLAIM", default="")
# "claim value=role,...", e.g. "vs-staf=staff,vs-bbg=bbg_member"; roles: staff, bbg_member, administrator.
OIDC_ROLE_MAP = env.dict("OIDC_ROLE_MAP", default={})
if set(OIDC_ROLE_MAP.values()) - {"staff", "bbg_member", "administrator"}:
    raise ImproperlyConfigured("OIDC_ROLE_MAP maps to staff, bbg_member or administrator only.")
# The provider did MFA when its "amr" claim holds one of these, or its "acr" claim is one of OIDC_MFA_ACR_VALUES;
# then (with OIDC_MFA_EXEMPTS true) no local second factor is asked.
OIDC_MFA_EXEMPTS = env_bool("OIDC_MFA_EXEMPTS", default=True)
OIDC_MFA_AMR_VALUES = env.list("OIDC_MFA_AMR_VALUES", default=["mfa", "otp", "hwk", "swk", "fpt", "face", "sms"])
OIDC_MFA_ACR_VALUES = env.list("OIDC_MFA_ACR_VALUES", default=[])
OIDC_OP_DISCOVERY_ENDPOINT = env.str("OIDC_OP_DISCOVERY_ENDPOINT", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_OP_LOGOUT_ENDPOINT = env.str("OIDC_OP_LOGOUT_ENDPOINT", default="")
OIDC_OP_LOGOUT_URL_METHOD = "accounts.oidc.provider_logout_url"
OIDC_STORE_ID_TOKEN = True
OIDC_USE_NONCE = True
OIDC_CALLBACK_CLASS = "accounts.oidc.CallbackView"
OIDC_AUTHENTICATE_CLASS = "accounts.oidc.AuthenticateView"
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
LOGIN_REDIRECT_URL_FAILURE = "/account/inloggen/?sso=mislukt"
# Endpoints not set one by one are read from the discovery document when first needed, not at start-up: the site
# starts even while the provider is unreachable (accounts/oidc.py).

# Logs: JSON lines on stdout (LOG_FORMAT=json, the default without DEBUG) with time, level, logger, request id,
# user id and the Celery task id, or plain readable lines (LOG_FORMAT=plain, the default with DEBUG). Secret tokens
# in addresses (calendar feeds, password resets, the SSO callback) are masked in every line (vs_portal/logs.py).
LOG_FORMAT = env.str("LOG_FORMAT", default="plain" if DEBUG else "json")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
from vs_portal.logs import configure_structlog, logging_config  # noqa: E402

LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)
configure_structlog()
DJANGO_STRUCTLOG_CELERY_ENABLED = True
# The address in the log lines is the real client's, as for the lock-out (accounts/apps.py binds it), not ipware's
# guess from a header the client may have written itself.
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False

# Errors to Sentry (or a compatible server such as GlitchTip) when SENTRY_DSN is set.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default="production" if not DEBUG else "development")
if SENTRY_DSN:
    from vs_portal.logs import init_sentry

    init_sentry(SENTRY_DSN, SENTRY_ENVIRONMENT)

# How long records are kept, in days; the nightly prune task (audit/tasks.py) removes what is older.
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=2 * 365)
NOTIFICATION_RETENTION_DAYS = env.int("NOTIFICATION_RETENTION_DAYS", default=365)
ABSENCE_RETENTION_DAYS = env.int("ABSENCE_RETENTION_DAYS", default=2 * 365)

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out login is refused before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    # Before ModelBackend: a permission the roles' rules grant is answered without a query (a permission is
    # granted when any backend grants it, so the order changes no answer; ModelBackend's two queries for the
    # user's and groups' permissions run only for what the rules do not grant).
    "accounts.rules.RuleBackend",
    "django.contrib.auth.backends.ModelBackend",
    *(["accounts.oidc.RoleMappingOIDCBackend"] if OIDC_ENABLED else []),
]

# Login protection (django-axes): five wrong passwords for one user name from one address lock that combination
# out for 30 minutes; other users and other addresses are not affected. A successful login clears the count.
# Administrators lift a lock-out in /beheer/ (Axes > Access attempts: delete the attempt) or with
# `manage.py axes_reset_username <name>`. The address is the real client's, also behind trusted proxies
# (TRUSTED_PROXY_COUNT, accounts/client_address.py): an attacker's failures lock the attacker, not the user.
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.client_address.client_address"
# The lock-out lasts 30 minutes from the fifth failure; further tries during it do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The Dutch lock-out page (status 429), templates/registration/locked_out.html.
AXES_LOCKOUT_CALLABLE = "vs_portal.security.lockout_response"

# Comments (comments/services.py): at most this many per user per window of seconds, counted in the cache.
COMMENT_RATE_LIMIT = env.int("COMMENT_RATE_LIMIT", default=10)
COMMENT_RATE_WINDOW = env.int("COMMENT_RATE_WINDOW", default=60)
