"""The public site never offers a login form, whatever the URL asks for."""

import pytest

from tests.html import tree

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["", "?toolbar_on", "?edit", "?structure", "?preview"])
def test_anonymous_visitors_see_no_toolbar_and_no_login_form(client, site_tree, query):
    response = client.get(site_tree.procedure.get_absolute_url() + query)

    assert response.status_code == 200
    root = tree(response)
    assert not root.xpath("//input[@type='password']")
    assert not root.xpath("//form[contains(@action, 'cms_login')]")
    assert not root.xpath('//*[contains(@class, "cms-toolbar")]')


def test_toolbar_login_endpoint_only_takes_posts(client, db):
    assert client.get("/cms_login/").status_code == 405
