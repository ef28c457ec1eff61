"""axe-core in the browser tests: inject the vendored axe.min.js into a page and check it for WCAG 2.1 A/AA.

The script is vendored (tests/browser/vendor/axe.min.js, axe-core 4.14.1, MPL-2.0): nothing is downloaded at run
time. It is injected with ``page.evaluate`` rather than a <script> tag, so that the site's Content-Security-Policy
(no inline scripts) does not block it; Playwright's evaluate is not subject to the page's CSP.
"""

from functools import cache
from pathlib import Path

AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# The impacts that fail a test; "minor" and "moderate" ones are reported, not failed on.
BLOCKING_IMPACTS = frozenset({"serious", "critical"})

# Known exceptions: (rule id, CSS selector of the node) that we accept for now, each with its reason. Every entry
# here is listed in the accessibility statement (/toegankelijkheid). Keep it empty if you can.
EXCLUDED: dict[tuple[str, str], str] = {}


@cache
def axe_source() -> str:
    return AXE_PATH.read_text(encoding="utf-8")


def run_axe(page, *, tags=WCAG_TAGS) -> list[dict]:
    """Run axe on the page as it is now and return its violations (the JSON of axe.run's ``violations``)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # The source defines `axe` on window when evaluated as a script body.
        page.evaluate(axe_source())
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}))"
        ".violations",
        list(tags),
    )


def _node_excluded(rule: str, node: dict) -> bool:
    return any((rule, selector) in EXCLUDED for selector in node.get("target", []) if isinstance(selector, str))


def blocking(violations: list[dict]) -> list[dict]:
    """The serious and critical violations, less the excluded (rule, node) pairs."""
    found = []
    for violation in violations:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        nodes = [node for node in violation["nodes"] if not _node_excluded(violation["id"], node)]
        if nodes:
            found.append({**violation, "nodes": nodes})
    return found


def describe(violations: list[dict], *, max_nodes: int = 5) -> str:
    """A readable list: rule id, impact, help, and the target and failure summary of the first nodes."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation.get('impact')}]: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:max_nodes]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {node['target']}: {node['html'][:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > max_nodes:
            lines.append(f"    ... and {len(violation['nodes']) - max_nodes} more")
    return "\n".join(lines)


def assert_no_serious_violations(page, label: str = "") -> list[dict]:
    """Fail with a readable list when axe finds a serious or critical violation; return all violations."""
    violations = run_axe(page)
    found = blocking(violations)
    where = label or page.url
    assert not found, f"axe found serious or critical violations on {where}:\n{describe(found)}"
    return violations
