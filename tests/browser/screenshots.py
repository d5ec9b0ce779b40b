"""
`make screenshots`: PNGs of the demo site for the README, in docs/screenshots/.

Builds the same throwaway demo site the browser tests use (tests/browser/server.py)
and photographs it with Debian's Chromium at 1280px wide, plus the procedure page
on a 375px phone. Run it again after changing templates or styles and commit the
PNGs that changed.
"""

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from playwright.sync_api import sync_playwright

from tests.browser import chromium, server

OUT = server.ROOT / "docs" / "screenshots"
# Big enough to read, small enough for the repository: each PNG should stay under this.
MAX_BYTES = 500_000


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    viewport: str = "desktop"
    full_page: bool = True
    press: str | None = None  # a button to press first, by its name ("Menu")


PUBLIC_SHOTS = [
    Shot("home", "/"),
    Shot("procedure", "/patients/balloon-kyphoplasty/"),
    Shot("procedure-phone", "/patients/balloon-kyphoplasty/", viewport="phone", full_page=False),
    Shot("finder-results", "/physician-finder/?location=55432&radius=25"),
    Shot("animation", "/patients/balloon-kyphoplasty/procedure-animation/", full_page=False),
    Shot("step-by-step", "/patients/balloon-kyphoplasty/procedure-step-by-step/"),
    Shot(
        "step-by-step-phone",
        "/patients/balloon-kyphoplasty/procedure-step-by-step/",
        viewport="phone",
        full_page=False,
    ),
    # Site search: lay words find the medical terms (synonyms), each hit with its snippet.
    Shot("search-results", "/search/?q=heart+attack"),
    # A page below the procedure page carries the Important Safety Information (fair balance).
    Shot("safety-child-page", "/patients/balloon-kyphoplasty/after-the-procedure/"),
    # The phone header, menu closed and open, on a page with a section menu.
    Shot(
        "header-phone",
        "/patients/balloon-kyphoplasty/procedure-animation/",
        viewport="phone",
        full_page=False,
    ),
    Shot(
        "header-phone-menu",
        "/patients/balloon-kyphoplasty/procedure-animation/",
        viewport="phone",
        full_page=False,
        press="Menu",
    ),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    out = parser.parse_args(argv).out
    if chromium.executable() is None:
        sys.stderr.write(chromium.missing_message().replace("browser tests", "screenshots") + "\n")
        return 1
    out.mkdir(parents=True, exist_ok=True)
    sys.stdout.write("Building the demo site...\n")
    with server.demo_site() as site, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        saved = [_public(browser, site, shot, out) for shot in PUBLIC_SHOTS]
        saved.append(_page_tree(browser, site, out))
        browser.close()
    too_big = [path for path in saved if path.stat().st_size > MAX_BYTES]
    for path in saved:
        sys.stdout.write(f"  {path} ({path.stat().st_size // 1024} KB)\n")
    if too_big:
        sys.stderr.write(f"Over {MAX_BYTES // 1000} KB: {', '.join(p.name for p in too_big)}\n")
        return 1
    return 0


def _public(browser, site, shot: Shot, out: Path) -> Path:
    context = browser.new_context(base_url=site.url, viewport=chromium.VIEWPORTS[shot.viewport])
    page = context.new_page()
    page.goto(shot.path)
    if shot.press:
        page.get_by_role("button", name=shot.press, exact=True).click()
    if shot.full_page:  # bring lazy images in before the whole page is captured
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollTo(0, 0)")
    path = out / f"{shot.name}.png"
    page.screenshot(path=path, full_page=shot.full_page)
    context.close()
    _shrink(path)
    return path


def _shrink(path: Path) -> None:
    """A 256-colour palette: screenshots of flat pages look the same at a third of the size."""
    with PILImage.open(path) as image:
        palette = image.convert("RGB").quantize(256, method=PILImage.Quantize.FASTOCTREE)
    palette.save(path, optimize=True)


def _page_tree(browser, site, out: Path) -> Path:
    """The admin's page tree with the procedure's branch open, as an editor sees it."""
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 760})
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(site.editor_username)
    page.get_by_label("Password").fill(site.editor_password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    # The tree, not the admin's app list, is the subject: fold the sidebar away.
    page.evaluate("() => localStorage.setItem('django.admin.navSidebarIsOpen', 'false')")
    page.goto("/admin/cms/pagecontent/")
    for title in ("Information for Patients", "Balloon Kyphoplasty"):
        closed = page.locator("li.jstree-node.jstree-closed").filter(
            has=page.get_by_text(title, exact=True)
        )
        node = page.locator(f"li[id='{closed.get_attribute('id')}']")
        node.locator(".jstree-ocl").first.click()
        node.locator("li.jstree-node").first.wait_for()  # children arrive by XHR
    page.mouse.move(0, 0)  # no hover highlight on a row
    path = out / "admin-page-tree.png"
    page.screenshot(path=path)
    _shrink(path)
    context.close()
    return path


if __name__ == "__main__":
    sys.exit(main())
