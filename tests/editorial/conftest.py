"""People in each editorial role, each with their own browser session."""

import pytest
from django.test import Client

from editorial import conf
from tests import factories


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def author(db):
    return factories.staff_in_role(conf.ROLE_AUTHOR, "alice-author")


@pytest.fixture
def reviewer(db):
    return factories.staff_in_role(conf.ROLE_REVIEWER, "rita-reviewer")


@pytest.fixture
def publisher(db):
    return factories.staff_in_role(conf.ROLE_PUBLISHER, "paul-publisher")


@pytest.fixture
def data_manager(db):
    return factories.staff_in_role(conf.ROLE_PHYSICIAN_DATA, "dana-data")


@pytest.fixture
def as_author(author):
    return _logged_in(author)


@pytest.fixture
def as_reviewer(reviewer):
    return _logged_in(reviewer)


@pytest.fixture
def as_publisher(publisher):
    return _logged_in(publisher)


@pytest.fixture
def as_data_manager(data_manager):
    return _logged_in(data_manager)
