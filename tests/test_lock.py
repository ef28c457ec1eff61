"""The hashed lock files agree with pyproject.toml: every pin there is locked at the same version, every locked
requirement has a hash, and the Dockerfile, `make install` and CI install from the locks. A branch that adds or
changes a pin without `make lock` fails here."""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]+\])?==([^\s;]+)")
LOCKED = re.compile(r"^([a-z0-9][a-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: list[str]) -> dict[str, str]:
    found = {}
    for requirement in requirements:
        match = PIN.match(requirement.strip())
        assert match, f"pyproject.toml pins exactly (==): {requirement!r}"
        found[normalise(match.group(1))] = match.group(2)
    return found


def locked(path: Path) -> dict[str, str]:
    return {normalise(name): version for name, version in LOCKED.findall(path.read_text())}


PROJECT = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]


@pytest.mark.parametrize(
    ("lock_file", "requirements"),
    [
        ("requirements.lock", PROJECT["dependencies"]),
        ("requirements-test.lock", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]),
    ],
)
def test_every_pin_is_locked_at_its_version(lock_file, requirements):
    lock = locked(BASE_DIR / lock_file)
    wrong = {
        name: (version, lock.get(name)) for name, version in pins(requirements).items() if lock.get(name) != version
    }

    assert not wrong, f"pyproject.toml and {lock_file} disagree (pinned, locked); run `make lock`: {wrong}"


@pytest.mark.parametrize("lock_file", ["requirements.lock", "requirements-test.lock"])
def test_every_locked_requirement_has_a_hash(lock_file):
    text = (BASE_DIR / lock_file).read_text()
    blocks = re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[-1])
    without = [block.split("==")[0] for block in blocks if "==" in block and "--hash=sha256:" not in block]

    assert not without


def test_the_test_tools_are_not_in_the_production_lock():
    assert "pytest" not in locked(BASE_DIR / "requirements.lock")
    assert "pytest" in locked(BASE_DIR / "requirements-test.lock")


def test_the_image_make_and_ci_install_from_the_locks():
    assert "pip install --require-hashes --no-deps -r requirements.lock" in (BASE_DIR / "Dockerfile").read_text()
    makefile = (BASE_DIR / "Makefile").read_text()
    assert "--require-hashes --no-deps -r $(TEST_LOCK)" in makefile
    assert "uv pip compile pyproject.toml --generate-hashes" in makefile
    assert "make test" in (BASE_DIR / ".ci" / "run").read_text()
