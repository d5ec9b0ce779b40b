"""Searching as a visitor does: the results page through the test client."""

import re

import pytest
from cms.models import PageContent
from djangocms_versioning.models import Version

from search.models import Synonym
from tests import factories
from tests.html import texts, tree

# The lay and medical groups of the issue, as an editor would enter them.
GROUPS = [
    "heart attack, myocardial infarction",
    "stroke, cerebrovascular accident",
    "broken back, spinal fracture, vertebral compression fracture",
    "blood clot in the lungs, pulmonary embolism",
    "cement, bone cement",
]


def search(client, q=None, *, region: str = "", **params):
    """GET the results page of a region ("" for the US, "/en-ca" for Canada)."""
    if q is not None:
        params["q"] = q
    return client.get(f"{region}/search/", params)


def result_titles(response) -> list[str]:
    return texts(response, '//li[@class="search-result"]/h2')


def result_links(response) -> list[str]:
    return tree(response).xpath('//li[@class="search-result"]/h2/a/@href')


def snippets(response) -> list[str]:
    """Each snippet's HTML exactly as sent (to check what is escaped and what is markup)."""
    html = response.content.decode()
    return re.findall(r'<p class="search-result__snippet">(.*?)</p>', html, flags=re.DOTALL)


def page(title: str, body: str, *, user, **kwargs):
    """A published content page whose text is `body` (HTML)."""
    return factories.published_page(title, user=user, content=factories.text(body), **kwargs)


def version_of(page, language: str = factories.LANGUAGE) -> Version:
    return Version.objects.get_for_content(PageContent.objects.get(page=page, language=language))


@pytest.fixture
def synonyms(db):
    return [Synonym.objects.create(terms=terms) for terms in GROUPS]
