# VS-portaal. `make run` takes a fresh machine to the demo at http://127.0.0.1:8000; `make test` runs the tests.
# Dependencies come from the hashed lock files (make lock writes them from pyproject.toml's pins).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo runs in development mode (DEBUG on: the development key, plain HTTP) and without the second factor, so
# that its printed logins work at once. Production has neither: DEBUG is off unless set, the second factor is
# required for staff and administrators unless TWO_FACTOR_REQUIRED=false (and then check --deploy warns).
DEMO_ENV := DEBUG=true TWO_FACTOR_REQUIRED=false

.PHONY: install run demo test lint format messages bench screenshots clean lock

$(STAMP): $(TEST_LOCK)
	@test -x $(VENV)/bin/pip || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(TEST_LOCK)
	@touch $(STAMP)

install: $(STAMP)

# Pin every dependency, transitive ones included, with their hashes: one for production (the Docker image), one
# with the test tools (make install, CI). Run after changing a pin in pyproject.toml; tests/test_lock.py fails
# while a pin and the locks disagree.
lock: install
	$(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 --quiet -o $(LOCK)
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 --quiet -o $(TEST_LOCK)

demo: install
	@mkdir -p var
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py load_demo

run: demo
	$(DEMO_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# The suite runs on PYTEST_WORKERS processes (pytest-xdist; CI has two cores). Locally the PostgreSQL test
# databases are kept between runs (--reuse-db; new migrations are still applied); add --create-db to PYTEST_ARGS to
# build them afresh. CI always starts from empty databases.
PYTEST_WORKERS ?= 2
PYTEST_REUSE := $(if $(filter true 1 yes,$(CI)),,--reuse-db)

test: install
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_REUSE) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	DEBUG=true $(PY) manage.py makemessages -l en --ignore=.venv --ignore=var --ignore=static/vendor --no-obsolete
	DEBUG=true $(PY) manage.py compilemessages --ignore=.venv

bench: install
	DEBUG=true $(PY) bench/run.py

# Screenshots of the main pages (staff and a DVO secretary, 1366 and 390 px) from the theme's browser test into
# var/screenshots/; the README's three (1366 px) are copied to docs/screenshots/.
SCREENSHOTS := var/screenshots
screenshots: install
	CI=true SCREENSHOT_DIR=$(SCREENSHOTS) $(PY) -m pytest -p no:xdist --create-db tests/browser/test_theme.py
	for name in start-secretaris keuze-dvo overzicht-staf; do cp $(SCREENSHOTS)/$$name-1366.png docs/screenshots/; done

clean:
	rm -rf $(VENV) var build *.egg-info
