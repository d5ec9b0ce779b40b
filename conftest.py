"""Fixtures shared by the whole suite. Test data comes from tests/factories.py."""

import pytest
from cms.signals import apphook as apphook_signals
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished
from django.utils import translation

from tests import factories


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """Each test starts like a fresh process: cold cache, default region active.

    (Requests activate their region on the thread; a test must not inherit it.
    Nor an apphook change django CMS has armed to announce at a request's end.)
    """
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    request_finished.disconnect(dispatch_uid=apphook_signals.DISPATCH_UID)


@pytest.fixture(autouse=True)
def django_db_serialized_rollback() -> bool:
    """Transactional tests (live servers, subprocesses) end by flushing the database; this
    puts back the rows migrations made (the site, the editorial roles) for the tests after
    them, instead of letting post_migrate recreate them under new keys."""
    return True


@pytest.fixture
def editor(db):
    return factories.UserFactory(is_staff=True, is_superuser=True, username="editor")


@pytest.fixture
def site_tree(db, editor):
    """A small published site: home, a section with a procedure page and its children."""
    return factories.build_site(user=editor)
