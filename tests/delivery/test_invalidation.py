"""
Cached pages change at the very next request when anything they show changes,
including changes committed while a page was being rendered. (Edits of risk
lists, references and notices: tests/pages/test_freshness.py and friends.)
"""

import pytest
from cms.models import PageContent
from djangocms_versioning.models import Version

from delivery import invalidation as page_cache
from tests import factories
from tests.html import nav_links, tree

pytestmark = pytest.mark.django_db


def cached(client, url):
    """GET twice: the second answer must come from the page cache."""
    client.get(url)
    response = client.get(url)
    assert response.headers.get("X-Page-Cache") == "hit"
    return response


def version_of(page):
    return Version.objects.get_for_content(PageContent.objects.get(page=page))


def test_newly_published_page_is_in_the_menu_of_cached_pages(client, editor, site_tree):
    url = site_tree.procedure.get_absolute_url()
    assert "Contact" not in nav_links(cached(client, url), "Main")

    factories.published_page("Contact", user=editor)

    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Contact" in nav_links(response, "Main")


def test_unpublished_page_leaves_menus_and_links_of_cached_pages(client, editor, site_tree):
    linking = factories.published_page(
        "Linking",
        user=editor,
        content=factories.text('<p>Read the <a href="{page:terms-of-use}">terms</a>.</p>'),
    )
    terms = site_tree.footer_pages[1]
    url = linking.get_absolute_url()
    page = tree(cached(client, url))
    assert page.xpath(f'//main//a[@href="{terms.get_absolute_url()}"]')
    assert "Patients" in nav_links(page, "Main")

    version_of(terms).unpublish(editor)
    version_of(site_tree.section).unpublish(editor)

    page = tree(client.get(url))
    assert not page.xpath("//main//a[text()='terms']")
    assert page.xpath("//main//span[text()='terms']")
    assert "Patients" not in nav_links(page, "Main")


def test_changes_refresh_pages_again_once_committed(django_capture_on_commit_callbacks):
    """Other processes may re-cache old content before the commit; the rerun clears it."""
    before = page_cache.read_versions()
    with django_capture_on_commit_callbacks() as callbacks:
        page_cache.refresh_pages()
    during = page_cache.read_versions()

    for callback in callbacks:
        callback()

    assert len(callbacks) == 1
    assert before[0] < during[0] < page_cache.read_versions()[0]


def test_render_overlapping_a_change_is_not_stored(client, site_tree, monkeypatch):
    """A page rendered while a change commits may mix old and new content: drop it."""
    from cms.plugin_rendering import ContentRenderer

    render_placeholder = ContentRenderer.render_placeholder

    def change_while_rendering(self, *args, **kwargs):
        page_cache.refresh_pages()
        return render_placeholder(self, *args, **kwargs)

    url = site_tree.procedure.get_absolute_url()
    epoch = page_cache.read_versions()[1]
    monkeypatch.setattr(ContentRenderer, "render_placeholder", change_while_rendering)
    response = client.get(url)
    monkeypatch.undo()

    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers
    assert page_cache.read_versions()[1] == epoch + 1
    assert client.get(url).headers["X-Page-Cache"] == "miss"
