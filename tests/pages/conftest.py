"""Fixtures for the medical-content tests: a procedure page carrying a risk list alias."""

import pytest
from cms.models import PageContent

from pages import demo
from tests import factories


@pytest.fixture
def references(db):
    return factories.references()


@pytest.fixture
def risk_alias(site_tree, editor):
    return factories.risk_list_alias(user=editor)


@pytest.fixture
def procedure_with_risks(site_tree, editor, risk_alias, references):
    """Two published procedure pages sharing one risk list, the first citing [17,19,29]."""
    pages = [
        factories.published_page(
            title,
            user=editor,
            parent=site_tree.section,
            template="cms/procedure.html",
            content=factories.text(f"<p>{title} relieves pain{{cite:17,19,29}} for most.</p>"),
            safety=[{"plugin": "Alias", "alias": risk_alias.static_code}],
        )
        for title in ("Kyphoplasty", "Vertebral augmentation")
    ]
    return pages


def page_content(page) -> PageContent:
    return PageContent.objects.get(page=page, language=factories.LANGUAGE)


__all__ = ["demo", "page_content"]
