"""
Build the demo page tree and site notices from the YAML files in fixtures/demo.

Everything goes through the same APIs an editor's actions do (cms.api,
djangocms-versioning's publish, djangocms-text's sanitising save), so demo
content is indistinguishable from edited content. Existing pages and notices
are left alone: the loader only adds what is missing.
"""

from dataclasses import dataclass, field

import yaml
from cms.api import add_plugin, create_page
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from djangocms_alias.models import Alias, AliasContent, Category
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

DEMO_USERNAME = "demo-content"
NOTICE_CATEGORY = "Site notices"
PAGE_SLOTS = ("content", "safety")


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_fixture(name: str) -> dict:
    with open(settings.PORTAL_DEMO_FIXTURES / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def demo_user():
    """The author recorded on demo versions; it cannot log in."""
    user, _ = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME, defaults={"is_active": False, "first_name": "Demo content"}
    )
    return user


def publish(content, *, user) -> None:
    """Publish the draft version of a page or alias content."""
    version = Version.objects.get_for_content(content)
    if version.state != PUBLISHED:
        version.publish(user)


def add_plugins(placeholder, specs: list[dict], *, language: str) -> None:
    for spec in specs:
        data = dict(spec)
        plugin_type = data.pop("plugin")
        add_plugin(placeholder, plugin_type, language, **data)


def load_pages(*, spec: dict, user, report: LoadReport) -> None:
    """Create the pages in `spec` that do not exist yet (matched by their key)."""
    language = spec["language"]
    for node in spec["pages"]:
        _load_page(node, parent=None, language=language, user=user, report=report)


def _load_page(node: dict, *, parent, language: str, user, report: LoadReport) -> None:
    key = node["key"]
    page = Page.objects.filter(reverse_id=key, site_id=settings.SITE_ID).first()
    if page is None:
        page = create_page(
            title=node["title"],
            template=node.get("template", "cms/content.html"),
            language=language,
            menu_title=node.get("menu_title"),
            slug=node.get("slug"),
            parent=parent,
            reverse_id=key,
            in_navigation=node.get("in_navigation", True),
            apphook=node.get("apphook"),
            apphook_namespace=node.get("apphook_namespace"),
            created_by=user,
        )
        content = PageContent.admin_manager.get(page=page, language=language)
        for slot in PAGE_SLOTS:
            if node.get(slot):
                placeholder = content.get_placeholders().get(slot=slot)
                add_plugins(placeholder, node[slot], language=language)
        publish(content, user=user)
        if node.get("is_home"):
            page.set_as_homepage(user)
        report.created.append(f"page {key}")
    else:
        report.skipped.append(f"page {key}")
    for child in node.get("children", []):
        _load_page(child, parent=page, language=language, user=user, report=report)


def load_notices(*, spec: dict, user, report: LoadReport) -> None:
    """Create each site notice as a published static alias, per region."""
    category = Category.objects.filter(translations__name=NOTICE_CATEGORY).first()
    if category is None:
        category = Category.objects.create(name=NOTICE_CATEGORY)
    for static_code, notice in spec["notices"].items():
        alias, _ = Alias.objects.get_or_create(
            static_code=static_code,
            site=None,
            defaults={"category": category, "creation_method": Alias.CREATION_BY_TEMPLATE},
        )
        for language, body in notice.items():
            if language == "name":
                continue
            exists = AliasContent.admin_manager.filter(alias=alias, language=language).exists()
            if exists:
                report.skipped.append(f"notice {static_code} ({language})")
                continue
            content = AliasContent.objects.with_user(user).create(
                alias=alias, name=notice["name"], language=language
            )
            add_plugin(content.placeholder, "TextPlugin", language, body=body)
            publish(content, user=user)
            report.created.append(f"notice {static_code} ({language})")


def delete_site_content() -> None:
    """Remove every page and site notice with their versions (for `--reset`)."""
    from django.contrib.contenttypes.models import ContentType

    for model in (PageContent, AliasContent):
        content_type = ContentType.objects.get_for_model(model)
        Version.objects.filter(content_type=content_type).delete()
    PageContent.admin_manager.all().delete()
    Page.objects.all().delete()
    AliasContent.admin_manager.all().delete()
    Alias.objects.all().delete()
