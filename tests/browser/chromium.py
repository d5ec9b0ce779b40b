"""
Launching Debian's Chromium through Playwright, for the browser tests and
`make screenshots` alike.

Playwright's own browser download cannot work here, so it drives the system
Chromium (apt package ``chromium``); set PORTAL_CHROMIUM to use another build.
"""

import os
from pathlib import Path

DEFAULT_EXECUTABLE = "/usr/bin/chromium"
ARGS = [
    # CI runs as root in a container, where Chromium's sandbox cannot start.
    "--no-sandbox",
    "--disable-gpu",
    # Hermetic runs: no update checks, safe-browsing lists or field trials.
    "--disable-background-networking",
    "--disable-component-update",
]
# The widths every journey runs at: a laptop, and a small phone held upright.
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 375, "height": 812},
}


def executable() -> Path | None:
    """The Chromium to drive, or None when there is none (the browser tests then skip)."""
    path = Path(os.environ.get("PORTAL_CHROMIUM") or DEFAULT_EXECUTABLE)
    return path if path.is_file() and os.access(path, os.X_OK) else None


def missing_message() -> str:
    wanted = os.environ.get("PORTAL_CHROMIUM") or DEFAULT_EXECUTABLE
    return (
        f"browser tests skipped: no Chromium at {wanted} "
        "(apt-get install chromium, or set PORTAL_CHROMIUM to a Chromium binary)"
    )


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(executable()), args=ARGS)
