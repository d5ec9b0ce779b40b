"""
Large published page trees, fast.

Creating and publishing 2,000 pages through cms.api takes minutes. These are
the same rows that ``create_page`` and versioning's ``publish`` leave behind
(a treebeard node, a URL, a page content, a published version), written with
``bulk_create``; ``check_tree`` proves the tree is consistent and the tests
request bulk pages to show django CMS serves them like any other.
"""

from cms.models import Page, PageContent, PageUrl
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

LANGUAGE = "en-us"


def _next_step(parent: Page | None) -> int:
    last = parent.get_last_child() if parent else Page.get_last_root_node()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def _url_path(parent: Page | None, slug: str) -> str:
    if parent is None or parent.is_home:
        return slug
    return f"{parent.get_path(LANGUAGE)}/{slug}"


def add_children(parent: Page | None, count: int, *, user, prefix: str) -> list[Page]:
    """`count` published pages under `parent` (None: top level), in navigation."""
    depth = parent.depth + 1 if parent else 1
    first = _next_step(parent)
    pages = Page.objects.bulk_create(
        Page(
            path=Page._get_path(parent.path if parent else None, depth, first + i),
            depth=depth,
            numchild=0,
            parent=parent,
            site_id=settings.SITE_ID,
            created_by=user.username,
            changed_by=user.username,
        )
        for i in range(count)
    )
    if parent:
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
        parent.numchild += count
    slugs = [f"{prefix}-{i}" for i in range(count)]
    PageUrl.objects.bulk_create(
        PageUrl(
            page=page,
            language=LANGUAGE,
            slug=slug,
            path=_url_path(parent, slug),
            site_id=settings.SITE_ID,
            managed=True,
        )
        for page, slug in zip(pages, slugs, strict=True)
    )
    contents = PageContent.admin_manager.bulk_create(
        PageContent(
            page=page,
            language=LANGUAGE,
            title=f"{prefix.title()} {i}",
            slug=slug,
            template="cms/content.html",
            in_navigation=True,
            created_by=user.username,
            changed_by=user.username,
        )
        for i, (page, slug) in enumerate(zip(pages, slugs, strict=True))
    )
    content_type = ContentType.objects.get_for_model(PageContent)
    Version.objects.bulk_create(
        Version(
            content_type=content_type,
            object_id=content.pk,
            created_by=user,
            number="1",
            state=PUBLISHED,
        )
        for content in contents
    )
    return pages


def add_tree(*, user, sections: int, children: int, prefix: str = "bulk") -> list[Page]:
    """`sections` top-level pages with `children` pages each: sections * (children + 1) pages."""
    tops = add_children(None, sections, user=user, prefix=prefix)
    for i, top in enumerate(tops):
        add_children(top, children, user=user, prefix=f"{prefix}{i}")
    return tops


def check_tree() -> None:
    """treebeard's own consistency check: paths, depths and child counts agree."""
    problems = Page.find_problems()
    assert not any(problems), problems
