"""The project's set-up: production settings pass `check --deploy`, the embedded default needs nothing, the
migrations match the models, and every front-end asset is served from our own static files (no CDN).

Settings are read once per process, so each environment is tried in a subprocess with an environment built from
scratch: nothing from the developer's shell or from CI (DATABASE_URL, REDIS_URL, ...) leaks in.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from vs_portal import settings as settings_module

BASE_DIR = Path(settings.BASE_DIR)

# A key as `check --deploy` wants it: long, varied, and not starting with "django-insecure-".
STRONG_SECRET_KEY = secrets.token_urlsafe(64)


def clean_env(**values: str) -> dict[str, str]:
    """Only what a process needs to start, plus `values`."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", tempfile.gettempdir()),
        "LANG": "C.UTF-8",
    }
    env.update(values)
    return env


def run_python(args: list[str], env: dict[str, str], cwd: Path = BASE_DIR) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    values = {
        "DEBUG": "false",
        "SECRET_KEY": STRONG_SECRET_KEY,
        "ALLOWED_HOSTS": "vs.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
    }
    values.update(overrides)
    return clean_env(**values)


# --- Production ------------------------------------------------------------------------------------------------


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "check_id"),
    [
        ({"TWO_FACTOR_REQUIRED": "false"}, "vs_portal.W001"),
        ({"USE_X_FORWARDED_PROTO": "true"}, "vs_portal.W002"),
        ({"OIDC_RP_CLIENT_ID": "vs-portaal"}, "vs_portal.E001"),
    ],
)
def test_check_deploy_flags_a_weakened_login(tmp_path, overrides, check_id):
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path, **overrides)
    )

    assert result.returncode != 0
    assert check_id in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"OIDC_ROLE_MAP": "vs-staf=superuser"}, "OIDC_ROLE_MAP maps to staff, bbg_member or administrator only."),
        ({"TRUSTED_PROXY_COUNT": "-1"}, "TRUSTED_PROXY_COUNT must be 0 or more."),
        ({"TRUSTED_PROXY_COUNT": "twee"}, "invalid literal for int()"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be 'json' or 'plain'."),
    ],
)
def test_a_bad_value_stops_the_start_with_its_name(tmp_path, overrides, message):
    result = run_python(["manage.py", "check"], production_env(tmp_path, **overrides))

    assert result.returncode != 0
    assert message in result.stderr


def test_production_with_everything_configured_passes_check_deploy(tmp_path):
    env = production_env(
        tmp_path,
        USE_X_FORWARDED_PROTO="true",
        TRUSTED_PROXY_COUNT="2",
        OIDC_RP_CLIENT_ID="vs-portaal",
        OIDC_RP_CLIENT_SECRET="geheim",
        OIDC_OP_DISCOVERY_ENDPOINT="https://login.example.org/.well-known/openid-configuration",
        REDIS_URL="redis://127.0.0.1:6379/0",
        AWS_STORAGE_BUCKET_NAME="vs-bestanden",
        SENTRY_DSN="http://publickey@127.0.0.1:9/1",
    )

    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_static_files_collect_with_the_manifest_storage(tmp_path):
    """The Docker image runs collectstatic at build time under DEBUG=false; a stylesheet pointing at a missing
    file (a source map, a font) breaks that build, so try it here into a temporary directory.

    WhiteNoise's storage adds compression to Django's manifest storage; compressing the API docs' assets takes
    minutes and cannot fail on a missing file, so this uses the manifest storage alone."""
    static_root = tmp_path / "static"
    (tmp_path / "collect_settings.py").write_text(
        "from vs_portal.settings import *  # noqa: F403\n"
        f"STATIC_ROOT = {str(static_root)!r}\n"
        'assert STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"\n'
        'STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"\n'
    )
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="collect_settings", PYTHONPATH=str(tmp_path))

    result = run_python(["manage.py", "collectstatic", "--noinput", "-v", "0"], env)

    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    assert "vendor/bootstrap/bootstrap.min.css" in manifest["paths"]
    assert "vendor/htmx/htmx.min.js" in manifest["paths"]
    # The theme's @font-face URLs are rewritten to the hashed font files, so the fonts must be found.
    assert "css/theme.css" in manifest["paths"]
    assert "vendor/noto-sans/noto-sans-latin-400-normal.woff2" in manifest["paths"]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]

    result = run_python(["manage.py", "check"], env)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_production_refuses_the_development_secret_key(tmp_path):
    env = production_env(tmp_path)

    result = run_python(["manage.py", "check"], {**env, "SECRET_KEY": settings_module._DEV_SECRET_KEY})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "development SECRET_KEY" in result.stderr


# --- The embedded default --------------------------------------------------------------------------------------

PRINT_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
from vs_portal.celery import app
print(json.dumps({
    "debug": settings.DEBUG,
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "celery_app_eager": app.conf.task_always_eager,
    "broker": settings.CELERY_BROKER_URL,
    "email": settings.EMAIL_BACKEND,
    "language": settings.LANGUAGE_CODE,
}))
"""


def test_with_nothing_set_debug_is_off_and_it_refuses_to_start_without_a_secret_key():
    """A deployment that forgets DEBUG=false no longer runs with debug pages and the development key."""
    result = run_python(["-c", PRINT_SETTINGS], clean_env(DJANGO_SETTINGS_MODULE="vs_portal.settings"))

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_with_only_debug_on_it_runs_embedded_on_sqlite_under_var_with_eager_celery():
    result = run_python(["-c", PRINT_SETTINGS], clean_env(DJANGO_SETTINGS_MODULE="vs_portal.settings", DEBUG="true"))

    assert result.returncode == 0, result.stderr
    embedded = json.loads(result.stdout.strip().splitlines()[-1])
    assert embedded["debug"] is True
    assert embedded["engine"] == "django.db.backends.sqlite3"
    assert Path(embedded["name"]) == BASE_DIR / "var" / "vs_portal.sqlite3"
    assert embedded["eager"] is True
    assert embedded["celery_app_eager"] is True
    assert embedded["broker"] == "memory://"
    assert embedded["email"] == "django.core.mail.backends.console.EmailBackend"
    assert embedded["language"] == "nl"


def test_with_redis_url_set_tasks_go_to_the_broker():
    env = clean_env(DJANGO_SETTINGS_MODULE="vs_portal.settings", DEBUG="true", REDIS_URL="redis://127.0.0.1:6379/0")

    result = run_python(["-c", PRINT_SETTINGS], env)

    assert result.returncode == 0, result.stderr
    configured = json.loads(result.stdout.strip().splitlines()[-1])
    assert configured["eager"] is False
    assert configured["celery_app_eager"] is False
    assert configured["broker"] == "redis://127.0.0.1:6379/0"


# --- Migrations ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """Fails with the list of missing migrations; run `manage.py makemigrations` and commit the result."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=1)


# --- Front-end assets ------------------------------------------------------------------------------------------

VENDORED_ASSETS = [
    "static/vendor/bootstrap/bootstrap.min.css",
    "static/vendor/bootstrap/bootstrap.bundle.min.js",
    "static/vendor/htmx/htmx.min.js",
    "static/vendor/voorbeeld-design-tokens/theme.css",
    "static/vendor/noto-sans/noto-sans-latin-400-normal.woff2",
    "static/vendor/noto-sans/noto-sans-latin-700-normal.woff2",
]

REMOTE_ASSET = re.compile(
    r"(?:https?:)?//[\w.-]*(?:cdn|unpkg|jsdelivr|googleapis|gstatic|cloudflare|bootstrapcdn)[\w.-]*", re.IGNORECASE
)


def front_end_files():
    for folder in (BASE_DIR / "templates", BASE_DIR / "static"):
        for path in sorted(folder.rglob("*")):
            # Vendored files carry their licence and source-map comments; they are checked by existing, not by text.
            if path.is_file() and "vendor" not in path.relative_to(folder).parts and path.suffix != ".map":
                yield path


def test_no_template_or_stylesheet_loads_anything_from_a_cdn():
    offenders = []
    for path in front_end_files():
        text = path.read_text(errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if REMOTE_ASSET.search(line):
                offenders.append(f"{path.relative_to(BASE_DIR)}:{number}: {line.strip()}")

    assert not offenders, "remote assets found; vendor them into static/ instead:\n" + "\n".join(offenders)


@pytest.mark.parametrize("relative_path", VENDORED_ASSETS)
def test_vendored_asset_is_present(relative_path):
    path = BASE_DIR / relative_path

    assert path.is_file(), f"{relative_path} is missing"
    assert path.stat().st_size > 10_000, f"{relative_path} looks truncated"
