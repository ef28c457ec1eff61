"""The strict boolean reader of the settings (vs_portal/env.py): a typo stops the start with a clear message."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.test_settings import clean_env, run_python
from vs_portal.env import env_bool

SETTINGS = Path(__file__).resolve().parent.parent / "vs_portal" / "settings.py"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        *[("true", True), ("TRUE", True), (" yes ", True), ("on", True), ("1", True)],
        *[("false", False), ("False", False), ("no", False), ("off", False), ("0", False)],
    ],
)
def test_it_reads_the_usual_words(monkeypatch, raw, expected):
    monkeypatch.setenv("VS_EXAMPLE_FLAG", raw)
    assert env_bool("VS_EXAMPLE_FLAG", default=not expected) is expected


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_unset_or_empty_is_the_default(monkeypatch, raw):
    monkeypatch.delenv("VS_EXAMPLE_FLAG", raising=False)
    if raw is not None:
        monkeypatch.setenv("VS_EXAMPLE_FLAG", raw)
    assert env_bool("VS_EXAMPLE_FLAG", default=True) is True
    assert env_bool("VS_EXAMPLE_FLAG", default=False) is False


@pytest.mark.parametrize("raw", ["ture", "flase", "2", "yes please", "enabled"])
def test_anything_else_is_refused_naming_the_variable_and_the_value(monkeypatch, raw):
    monkeypatch.setenv("AXES_ENABLED", raw)
    with pytest.raises(ImproperlyConfigured) as error:
        env_bool("AXES_ENABLED", default=True)
    assert f"AXES_ENABLED={raw!r} is not a boolean" in str(error.value)


def test_every_boolean_setting_is_read_through_it():
    """No env.bool() of django-environ left in the settings: it reads 'ture' as false."""
    calls = [
        node
        for node in ast.walk(ast.parse(SETTINGS.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "bool"
    ]
    assert calls == []


def test_a_typo_stops_the_start(tmp_path):
    env = clean_env(DEBUG="true", AXES_ENABLED="ture", DATABASE_URL=f"sqlite:///{tmp_path / 'typo.sqlite3'}")
    result = run_python(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: AXES_ENABLED='ture' is not a boolean" in result.stderr
