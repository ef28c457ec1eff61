"""The settings the tests run with: the production settings module, read with the development switches that
`make run` also sets (DEBUG for the development key and plain HTTP; VS_TESTING for plain static files). Set in the
environment before the settings are read, so that subprocesses the tests start (a Celery worker, gunicorn) read
the same. pytest-django then runs the tests themselves with DEBUG off, as production does."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("VS_TESTING", "true")

from vs_portal.settings import *  # noqa: E402, F403
