"""The demo loader builds its state through the public services only (issue 10): it imports no private helper
(``_check_*``, ``_ensure_*``, ...) of any app and calls none, and its milestones' dependencies go through
``planning.services_schedule.milestone_save`` (the same rules as the page and the API)."""

import ast
import pathlib

import demo

DEMO_DIR = pathlib.Path(demo.__file__).parent


def _private_uses(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not (node.module or "").startswith("demo") and node.level == 0:
            found += [
                f"{path.name}:{node.lineno} imports {alias.name}" for alias in node.names if alias.name.startswith("_")
            ]
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name)
            and node.value.id in {"services", "selectors", "rules", "access"}
        ):
            found.append(f"{path.name}:{node.lineno} uses {node.value.id}.{node.attr}")
    return found


def test_the_demo_uses_no_private_helper_of_an_app():
    found = [use for path in sorted(DEMO_DIR.glob("*.py")) for use in _private_uses(path)]
    assert found == []


def test_the_demo_sets_dependencies_through_the_service():
    source = (DEMO_DIR / "planning.py").read_text()
    assert "milestone_save(" in source
    assert "depends_on.set(" not in source
