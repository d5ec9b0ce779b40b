"""
Browser tests: Playwright drives a real Chromium against the demo site.

The journeys need the whole site, so they run against the product's own demo
content (`load_demo_content`), not pages built from factories: the site under
test is the one `make run` shows. It is built once per test session and served
from a child process on a throwaway database (tests/browser/server.py), and one
Chromium serves every test; each test gets a fresh browser profile.
"""

from urllib.parse import urlparse
from urllib.request import urlopen

import lxml.etree
import pytest
from playwright.sync_api import sync_playwright

from tests.browser import chromium, server

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# The finder as visitors see it after searching: results (over two pages) and each kind of error.
FINDER_STATES = [
    "/physician-finder/?location=55432&radius=25",
    "/physician-finder/?location=10001&radius=100&page=2",
    "/physician-finder/?location=zzzz",
    "/physician-finder/?location=Minneapols%2C+MN",
    "/physician-finder/?location=",
    "/physician-finder/?location=10001&page=99",
]


def pytest_terminal_summary(terminalreporter):
    """Say once, even with -q, why the browser tests did not run."""
    skipped = terminalreporter.stats.get("skipped", [])
    if chromium.executable() is None and any("tests/browser/" in r.nodeid for r in skipped):
        terminalreporter.write_line(chromium.missing_message(), yellow=True, bold=True)


@pytest.fixture(scope="session")
def chromium_executable():
    path = chromium.executable()
    if path is None:
        pytest.skip(chromium.missing_message())
    return path


@pytest.fixture(scope="session")
def site(chromium_executable):
    with server.demo_site() as demo:
        yield demo


@pytest.fixture(scope="session")
def public_paths(site) -> list[str]:
    """Every page /sitemap.xml lists (both regions), as paths."""
    with urlopen(f"{site.url}/sitemap.xml") as response:
        root = lxml.etree.fromstring(response.read())
    paths = [urlparse(loc.text).path for loc in root.xpath("//s:loc", namespaces=SITEMAP_NS)]
    assert paths, "the sitemap lists no pages: did the demo content load?"
    return paths


@pytest.fixture(scope="session")
def visitor_pages(public_paths) -> list[str]:
    """Every public page, plus the finder's results and errors."""
    return public_paths + FINDER_STATES


@pytest.fixture(scope="session")
def browser(site):
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(params=list(chromium.VIEWPORTS))
def viewport(request) -> str:
    """Each journey runs at desktop width and at phone width."""
    return request.param


@pytest.fixture
def context(browser, site, viewport):
    """A fresh browser profile: no cookies, no local or session storage."""
    context = browser.new_context(base_url=site.url, viewport=chromium.VIEWPORTS[viewport])
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
