"""The toolbar's Review menu appears on drafts and never breaks the toolbar elsewhere."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_toolbar_asked_for_by_page_path_renders(site_tree, as_author):
    """django CMS's toolbar refresh can name a page by path; the toolbar then holds the
    Page, which has no versions (this answered 500)."""
    url = reverse("admin:cms_usersettings_get_toolbar")

    response = as_author.get(url, {"cms_path": site_tree.child.get_absolute_url()})

    assert response.status_code == 200
