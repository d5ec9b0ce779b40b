"""
The navigation tree built once per request, however many menu tags use it.

Every page shows three menus (main navigation, section navigation and the
breadcrumb). django CMS's MenuRenderer builds the node tree for each tag on
its own: with the menu cache warm that is a cache read and an unpickle of the
whole tree per tag, and with the cache cold (or off) three rounds of the same
queries. Modifiers and ``cut_levels`` change the nodes they are given in
place, so the tags cannot share one list; instead this renderer keeps the
tree it built and hands each tag a fresh copy, which costs about what the
unpickle it replaces does. The tree lives on the renderer, so nothing
outlives the request: freshness stays with django CMS's menu cache and
delivery.invalidation.

``menu_renderer`` is a context processor listed after django CMS's own, so the
menu tags find this renderer under ``cms_menu_renderer``.
"""

from django.utils.functional import SimpleLazyObject
from menus.base import NavigationNode
from menus.menu_pool import MenuRenderer, menu_pool


class RequestMenuRenderer(MenuRenderer):
    """A MenuRenderer that builds (or loads) the node tree once per request."""

    _built: list[NavigationNode] | None = None

    def _build_nodes(self) -> list[NavigationNode]:
        if self._built is None:
            self._built = super()._build_nodes()
        return copy_nodes(self._built)


def copy_nodes(nodes: list[NavigationNode]) -> list[NavigationNode]:
    """Copy a list of linked nodes: new nodes, parents, children and attr dicts."""
    copies: dict[int, NavigationNode] = {}

    def clone(node: NavigationNode) -> NavigationNode:
        copied = copies.get(id(node))
        if copied is None:
            copied = copies[id(node)] = object.__new__(type(node))
            copied.__dict__ = node.__dict__.copy()
            copied.attr = node.attr.copy()
            copied.parent = clone(node.parent) if node.parent is not None else None
            copied.children = [clone(child) for child in node.children]
        return copied

    return [clone(node) for node in nodes]


def menu_renderer(request) -> dict:
    """Context processor: this request's RequestMenuRenderer, made when a menu tag needs it."""
    return {"cms_menu_renderer": SimpleLazyObject(lambda: RequestMenuRenderer(menu_pool, request))}
