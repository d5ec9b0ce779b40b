"""
Surrogate keys: what a page was built from, named so an edge cache can forget exactly it.

An HTTP cache in front of the app servers (Varnish with xkey, a CDN with surrogate
keys) stores each page under the keys of its ``Surrogate-Key`` header, and a purge
naming a key drops every page stored under it (delivery.edge_purge sends them).

- ``site``: every page. Purged when everything may be stale: a restore, Redis back
  after an outage, ``refresh_pages()`` called by hand after a raw ORM change.
- ``menu``: every page that shows the page tree, which is all of them (navigation,
  breadcrumbs, the site map, links between pages). Purged when a page is published,
  unpublished, moved, deleted, or its settings or view permissions change.
- ``page-<id>``: the page itself.
- ``alias-<id>``: each alias placed on the page (a risk list, an illustrated sequence).
  An alias placed inside another alias purges the outer one's key too.
- ``notices``: the site notices the footer renders on every page from aliases that
  no plugin places (``{% batched_static_alias %}``).
- ``reference-<number>``: each reference the page cites, by library number.

Physician listings show only in the finder's results, which are never edge-cacheable
(see delivery.edge_cache), so no cacheable page carries a physician key.
"""

from cms.models import PageContent, Placeholder
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast
from djangocms_alias.models import AliasContent, AliasPlugin

from media.models import SequenceDisplay
from pages.models import Citation
from pages.selectors import page_content_on_screen

SITE = "site"
MENU = "menu"
NOTICES = "notices"
PAGE_VIEWS = {"pages-root", "pages-details-by-slug"}


def page_key(page_id: int) -> str:
    return f"page-{page_id}"


def alias_key(alias_id: int) -> str:
    return f"alias-{alias_id}"


def reference_key(number: int) -> str:
    return f"reference-{number}"


# --- What a response shows (read once per page render, one query) ---------------------


def for_response(request) -> list[str]:
    """The keys of a cacheable response: a django CMS page, or the site map."""
    keys = {SITE, MENU}
    match = getattr(request, "resolver_match", None)
    content = page_content_on_screen(request) if match and match.url_name in PAGE_VIEWS else None
    if content is not None:
        keys |= {NOTICES, page_key(content.page_id), *_placed_in(content.pk)}
    return sorted(keys)


def _placed_in(content_id: int) -> set[str]:
    """Aliases and citations in a page content's placeholders, whether or not django CMS's
    placeholder cache rendered them (its hits are not listed as rendered)."""
    placeholders = Placeholder.objects.filter(
        content_type=ContentType.objects.get_for_model(PageContent), object_id=content_id
    ).values("pk")

    def tagged(model, kind: str, value):
        return (
            model.objects.filter(placeholder__in=placeholders)
            .annotate(kind=Value(kind, output_field=CharField()), value=value)
            .values_list("kind", "value")
            .order_by()  # plugins are ordered by tree path; a union allows no ORDER BY
        )

    as_text = Cast("alias_id", output_field=CharField())
    rows = tagged(AliasPlugin, "alias", as_text).union(
        tagged(SequenceDisplay, "alias", as_text),
        tagged(Citation, "cite", F("numbers")),
    )
    keys = set()
    for kind, value in rows:
        if kind == "alias":
            keys.add(alias_key(int(value)))
        else:
            keys.update(reference_key(n) for n in Citation(numbers=value).cited_numbers())
    return keys


# --- What a change makes stale (read at publish time) ----------------------------------


def for_alias_change(alias_id: int) -> set[str]:
    """The alias, every alias that places it (up to the pages), and the footer's notices
    when no plugin places it (it is a site notice, shown by the template on every page)."""
    alias_type = ContentType.objects.get_for_model(AliasContent)
    keys, todo = set(), [alias_id]
    while todo:
        current = todo.pop()
        if alias_key(current) in keys:
            continue
        keys.add(alias_key(current))
        placements = _placements(current)
        if current == alias_id and not placements:
            keys.add(NOTICES)
        inside_aliases = [obj for type_id, obj in placements if type_id == alias_type.pk]
        todo += AliasContent.admin_manager.filter(pk__in=inside_aliases).values_list(
            "alias_id", flat=True
        )
    return keys


def _placements(alias_id: int) -> list[tuple[int, int]]:
    """(content type, object id) of every placeholder placing the alias, in any version."""
    fields = ("placeholder__content_type_id", "placeholder__object_id")
    placed = AliasPlugin.objects.filter(alias_id=alias_id).values_list(*fields).order_by()
    shown = SequenceDisplay.objects.filter(alias_id=alias_id).values_list(*fields).order_by()
    return list(placed.union(shown))


def for_reference_change(reference) -> set[str]:
    """A reference's number never changes once created (citations store it)."""
    return {reference_key(reference.number)}
