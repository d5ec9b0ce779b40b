"""Published medical content is never silently lost by a delete."""

import pytest
from cms.api import create_page
from cms.models import Page
from django.urls import reverse
from djangocms_alias.models import Alias

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_page_that_went_live_cannot_be_deleted(admin_client, site_tree):
    page = site_tree.child

    response = admin_client.post(reverse("admin:cms_page_delete", args=[page.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()


def test_a_section_with_a_published_child_cannot_be_deleted(admin_client, site_tree):
    response = admin_client.post(
        reverse("admin:cms_page_delete", args=[site_tree.section.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Page.objects.filter(pk=site_tree.child.pk).exists()


def test_a_draft_that_never_went_live_can_be_deleted(admin_client, admin_user, site_tree):
    page = create_page("Scratch", "cms/content.html", "en-us", created_by=admin_user)

    response = admin_client.post(reverse("admin:cms_page_delete", args=[page.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_a_risk_list_in_use_cannot_be_deleted(admin_client, admin_user, site_tree):
    alias = factories.risk_list_alias(user=admin_user)
    factories.published_page(
        "Kyphoplasty",
        user=admin_user,
        template="cms/procedure.html",
        safety=[{"plugin": "Alias", "alias": alias.static_code}],
    )

    admin_client.post(
        reverse("admin:djangocms_alias_alias_delete", args=[alias.pk]), {"post": "yes"}
    )

    assert Alias.objects.filter(pk=alias.pk).exists()
