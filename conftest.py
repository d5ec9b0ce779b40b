"""Fixtures shared by the whole suite. Test data comes from tests/factories.py."""

import pytest
from django.core.cache import cache

from tests import factories


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with a cold cache, as a freshly deployed site does."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return factories.UserFactory(is_staff=True, is_superuser=True, username="editor")


@pytest.fixture
def site_tree(db, editor):
    """A small published site: home, a section with a procedure page and its children."""
    return factories.build_site(user=editor)
