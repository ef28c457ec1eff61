"""A lower app never imports a higher one (core.layers.LAYERS), at module level or inside a function; migrations
are left out (they name other apps' models by their label)."""

import ast
from pathlib import Path

import pytest

from core.layers import LAYERS, layer_of

ROOT = Path(__file__).resolve().parent.parent


def app_files(app: str, root: Path = ROOT) -> list[Path]:
    return sorted(path for path in (root / app).rglob("*.py") if "migrations" not in path.relative_to(root).parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every absolute module an import statement in ``path`` names, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def upward_imports(app: str, root: Path = ROOT) -> list[str]:
    own = layer_of(app)
    problems = []
    for path in app_files(app, root):
        for line, module in imported_modules(path):
            target = module.split(".")[0]
            if target in LAYERS and layer_of(target) > own:
                problems.append(f"{path.relative_to(root)}:{line} imports {module} ({target} is above {app})")
    return problems


def test_every_app_of_the_project_has_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps == set(LAYERS), f"without a layer: {apps - set(LAYERS)}; layers without an app: {set(LAYERS) - apps}"


@pytest.mark.parametrize("app", LAYERS)
def test_no_app_imports_a_higher_one(app):
    problems = upward_imports(app)
    assert not problems, "\n".join(problems)


def test_the_check_finds_an_upward_import_also_inside_a_function(tmp_path):
    """The check itself can fail: a lower app's import of a higher one is named with its file and line; the same
    import in a migration, or of a lower app, is not."""
    (tmp_path / "planning" / "views").mkdir(parents=True)
    (tmp_path / "planning" / "migrations").mkdir()
    (tmp_path / "planning" / "views" / "dashboard.py").write_text(
        "from core.dates import format_date\n\n\ndef top_five():\n    from voting.selectors import round_for\n"
    )
    (tmp_path / "planning" / "migrations" / "0009_example.py").write_text("import documents.models\n")
    assert upward_imports("planning", root=tmp_path) == [
        "planning/views/dashboard.py:5 imports voting.selectors (voting is above planning)"
    ]
