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
