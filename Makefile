# VS-portaal. `make run` takes a fresh machine to the demo at http://127.0.0.1:8000; `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run demo test lint format messages bench clean

$(STAMP): pyproject.toml
	@test -x $(VENV)/bin/pip || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[test]"
	@rm -rf build *.egg-info
	@touch $(STAMP)

install: $(STAMP)

demo: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# The suite runs on PYTEST_WORKERS processes (pytest-xdist; CI has two cores). Locally the PostgreSQL test
# databases are kept between runs (--reuse-db; new migrations are still applied); add --create-db to PYTEST_ARGS to
# build them afresh. CI always starts from empty databases.
PYTEST_WORKERS ?= 2
PYTEST_REUSE := $(if $(filter true 1 yes,$(CI)),,--reuse-db)

test: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_REUSE) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=var --ignore=static/vendor --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var build *.egg-info
