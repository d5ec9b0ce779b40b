"""
axe-core in a page: inject the vendored copy, run it, report violations readably.

The script is evaluated (or added as an init script) through the DevTools
protocol, which the page's Content-Security-Policy does not govern, so pages
are audited under the same strict policy visitors get (no ``bypass_csp``).
"""

from pathlib import Path

SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
VERSION = "4.14.1"  # also in vendor/README.md
if not SOURCE.startswith(f"/*! axe v{VERSION}"):
    raise RuntimeError(f"tests/browser/vendor/axe.min.js is not axe-core {VERSION}")

# WCAG 2.2 level A and AA, as axe tags its rules (2.2 added only AA rules it can test).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page, *, tags=WCAG_22_AA, rules: list[str] | None = None) -> list[dict]:
    """axe's violations for the page as it is now; `rules` narrows the run to those rules."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(SOURCE)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags}
    result = page.evaluate(
        "runOnly => axe.run(document, {runOnly, resultTypes: ['violations']})", run_only
    )
    return result["violations"]


def report(found: dict[str, list[dict]]) -> str:
    """One line per failing element, grouped by page: what a developer needs to find it."""
    lines = []
    for where, page_violations in found.items():
        for violation in page_violations:
            for node in violation["nodes"]:
                summary = " ".join(node["failureSummary"].split())
                lines.append(
                    f"{where}: {violation['id']} ({violation['impact']}) "
                    f"at {' '.join(node['target'])}: {summary}"
                )
    return "\n".join(lines)
