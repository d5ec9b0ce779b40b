"""
Page delivery: everything that turns a published page into a response, fast and fresh.

- ``page_cache``: anonymous pages answered before sessions, auth and django CMS run.
- ``invalidation``: what a publish, move or edit makes stale, and which caches forget it.
- ``edge_cache``, ``surrogate_keys`` and ``edge_purge``: what an HTTP cache in front
  (Varnish, deploy/varnish) may keep, the keys each page was built from, and the purge
  by key sent once a change commits.
- ``apphook_reload``: apphook changes mounted at the next request on every app server.
- ``lookups`` and ``templatetags/page_lookups``: the page links and site notices every
  page shows, loaded once per request.
- ``menu_renderer``: one navigation tree per request for all three menus.

"Why isn't my publish live?" is answered in this package alone.

Upgrade risk: these private django CMS internals are relied on, and must be checked
when django CMS is upgraded (the tests in tests/delivery and tests/performance fail
when they change):

- ``ContentRenderer._get_cached_placeholder_content`` (``lookups._cached``): whether a
  site notice's placeholder is already in django CMS's placeholder cache.
- ``Page.urls_cache`` (``lookups._attach_url``): a page's URL set without a query.
- ``MenuRenderer._build_nodes`` (``menu_renderer.RequestMenuRenderer``): where the
  node tree is built, overridden to build it once per request.
"""
