"""
Build the demo site from the YAML files in fixtures/demo.

Everything goes through the APIs an editor's actions use (cms.api,
djangocms-versioning's publish, djangocms-text's sanitising save), so demo
content is indistinguishable from edited content. What exists is left alone:
the loader only adds what is missing, which makes it safe to run on every
`make run`.

Two conventions in the YAML bodies:
- ``{page:KEY}`` as a link target becomes a django CMS page link, so links
  follow the page when it moves and point into the reader's region;
- ``{cite:17,19}`` becomes a citation plugin inside the text.
"""

import re
from dataclasses import dataclass, field

import yaml
from cms.api import add_plugin, create_page, create_page_content
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from djangocms_alias.models import Alias, AliasContent, Category
from djangocms_text.utils import plugin_to_tag
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version
from filer.models import Image

from media.library import folder_at, import_image

from . import conf
from .library import create_reference
from .models import Reference, ReferenceContent

DEMO_USERNAME = "demo-content"
PAGE_SLOTS = ("content", "safety", "illustration")
# Where the demo's illustrations go in the media library.
ILLUSTRATIONS_FOLDER = "Illustrations/Balloon kyphoplasty"
PAGE_LINK = re.compile(r'href="\{page:([\w-]+)\}"')
CITATION = re.compile(r"\{cite:([\d,\s]+)\}")


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_fixture(name: str) -> dict:
    with open(conf.DEMO_FIXTURES / name, encoding="utf-8") as handle:
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


# --- Plugins ----------------------------------------------------------------


def add_plugins(placeholder, specs: list, *, language: str, target=None) -> None:
    """Add plugins from specs: {"plugin": type, **fields, "children": [...]}, or plain HTML."""
    for spec in specs:
        data = {"plugin": "TextPlugin", "body": spec} if isinstance(spec, str) else dict(spec)
        plugin_type = data.pop("plugin")
        children = data.pop("children", [])
        if isinstance(data.get("alias"), str):
            data["alias"] = Alias.objects.get(static_code=data["alias"], site=None)
        if isinstance(data.get("image"), str):
            data["image"] = _illustration(data["image"])
        if plugin_type == "TextPlugin":
            data["body"] = _link_pages(data["body"])
        plugin = add_plugin(placeholder, plugin_type, language, target=target, **data)
        if plugin_type == "TextPlugin":
            _embed_citations(plugin, placeholder=placeholder, language=language)
        add_plugins(placeholder, children, language=language, target=plugin)


def _illustration(file_name: str):
    """A demo illustration already in the media library (see load_illustrations)."""
    return Image.objects.get(folder=folder_at(ILLUSTRATIONS_FOLDER), original_filename=file_name)


def _link_pages(body: str) -> str:
    def page_link(match):
        page = Page.objects.get(reverse_id=match.group(1), site_id=settings.SITE_ID)
        return f'data-cms-href="cms.page:{page.pk}" href="#"'

    return PAGE_LINK.sub(page_link, body)


def _embed_citations(text_plugin, *, placeholder, language: str) -> None:
    """Turn {cite:N,M} markers into citation plugins nested in the text, as the editor does."""
    if not CITATION.search(text_plugin.body):
        return

    def citation(match):
        child = add_plugin(
            placeholder, "CitationPlugin", language, target=text_plugin, numbers=match.group(1)
        )
        return plugin_to_tag(child)

    text_plugin.body = CITATION.sub(citation, text_plugin.body)
    text_plugin.save()


# --- Pages ------------------------------------------------------------------


def load_pages(*, spec: dict, user, report: LoadReport) -> None:
    """Create the missing pages (matched by key), then fill and publish them.

    Pages are created before any content so text can link to pages further on.
    """
    language = spec["language"]
    new_contents = []
    for node in spec["pages"]:
        _create_page(
            node,
            parent=None,
            language=language,
            user=user,
            report=report,
            new_contents=new_contents,
        )
    for content, plugins_by_slot in new_contents:
        for slot, plugins in plugins_by_slot.items():
            placeholder = content.get_placeholders().get(slot=slot)
            add_plugins(placeholder, plugins, language=content.language)
        publish(content, user=user)
        if content.page.reverse_id == spec.get("home"):
            content.page.set_as_homepage(user)


def _create_page(node, *, parent, language, user, report, new_contents) -> None:
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
            meta_description=node.get("meta_description"),
            apphook=node.get("apphook"),
            apphook_namespace=node.get("apphook_namespace"),
            created_by=user,
        )
        content = PageContent.admin_manager.get(page=page, language=language)
        new_contents.append((content, _slots(node)))
        report.created.append(f"page {key} ({language})")
    else:
        report.skipped.append(f"page {key} ({language})")
    for region, translation in node.get("translations", {}).items():
        if PageContent.admin_manager.filter(page=page, language=region).exists():
            report.skipped.append(f"page {key} ({region})")
            continue
        content = create_page_content(
            region,
            translation.get("title", node["title"]),
            page,
            menu_title=translation.get("menu_title", node.get("menu_title")),
            slug=translation.get("slug", node.get("slug")),
            template=node.get("template", "cms/content.html"),
            in_navigation=node.get("in_navigation", True),
            meta_description=translation.get("meta_description", node.get("meta_description")),
            created_by=user,
        )
        # A region's slots replace the page's one by one: a translated body keeps its safety list.
        new_contents.append((content, {**_slots(node), **_slots(translation)}))
        report.created.append(f"page {key} ({region})")
    for child in node.get("children", []):
        _create_page(
            child,
            parent=page,
            language=language,
            user=user,
            report=report,
            new_contents=new_contents,
        )


def _slots(node: dict) -> dict:
    return {slot: node[slot] for slot in PAGE_SLOTS if node.get(slot)}


# --- Aliases: site notices and risk lists ------------------------------------


def load_aliases(*, spec: dict, user, report: LoadReport) -> None:
    """Create each alias and its published content per region.

    spec: {"category": name, "aliases": {code: {"name": ..., REGION: plugins or HTML}}}
    """
    category = Category.objects.filter(translations__name=spec["category"]).first()
    if category is None:
        category = Category.objects.create(name=spec["category"])
    for static_code, alias_spec in spec["aliases"].items():
        alias, _ = Alias.objects.get_or_create(
            static_code=static_code,
            site=None,
            defaults={"category": category, "creation_method": Alias.CREATION_BY_TEMPLATE},
        )
        for language, plugins in alias_spec.items():
            if language == "name":
                continue
            if AliasContent.admin_manager.filter(alias=alias, language=language).exists():
                report.skipped.append(f"alias {static_code} ({language})")
                continue
            content = AliasContent.objects.with_user(user).create(
                alias=alias, name=alias_spec["name"], language=language
            )
            plugins = [plugins] if isinstance(plugins, str) else plugins
            add_plugins(content.placeholder, plugins, language=language)
            publish(content, user=user)
            report.created.append(f"alias {static_code} ({language})")


# --- Media library -------------------------------------------------------------


def load_illustrations(*, spec: list, user, report: LoadReport) -> None:
    """Import the project's own illustrations (fixtures/demo/media) into the library."""
    for entry in spec:
        image, created = import_image(
            conf.DEMO_FIXTURES / "media" / entry["file"],
            folder=ILLUSTRATIONS_FOLDER,
            owner=user,
            alt_text=entry["alt"],
            caption=entry["caption"],
        )
        (report.created if created else report.skipped).append(f"illustration {entry['file']}")


# --- Reference library -------------------------------------------------------


def load_references(*, spec: dict, report: LoadReport, user=None) -> None:
    """Each missing reference with a first version, published (it was checked at writing)."""
    user = user or demo_user()
    for entry in spec["references"]:
        fields = dict(entry)
        number = fields.pop("number")
        if Reference.objects.filter(number=number).exists():
            report.skipped.append(f"reference {number}")
            continue
        create_reference(number=number, user=user, publish=True, **fields)
        report.created.append(f"reference {number}")


def delete_site_content() -> None:
    """Remove every page, alias and reference with their versions (for `--reset`)."""
    from django.contrib.contenttypes.models import ContentType

    for model in (PageContent, AliasContent, ReferenceContent):
        content_type = ContentType.objects.get_for_model(model)
        Version.objects.filter(content_type=content_type).delete()
    PageContent.admin_manager.all().delete()
    Page.objects.all().delete()
    AliasContent.admin_manager.all().delete()
    Alias.objects.all().delete()
    ReferenceContent.admin_manager.all().delete()
    Reference.objects.all().delete()
