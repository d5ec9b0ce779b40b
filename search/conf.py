"""Settings of site search (see core.app_settings)."""

from core.app_settings import app_settings

DEFAULTS = {
    # PostgreSQL text-search configuration: stems and stop words for both regions' English.
    "SEARCH_CONFIG": "english",
    # Longer queries are cut here: no visitor types more, and it bounds the work per search.
    "SEARCH_MAX_QUERY_LENGTH": 200,
    "SEARCH_PAGE_SIZE": 10,
    # Synonym substitutions tried for one query (each is one more OR branch).
    "SEARCH_MAX_VARIANTS": 16,
    # Plugins whose text is about other pages, not this one: the site map lists every title.
    "SEARCH_SKIP_PLUGINS": ["SiteMapPlugin"],
    # Placeholders whose content many pages repeat (the shared safety list, placed on every
    # page that presents the therapy): indexed only on pages of the templates named, so a
    # search for a risk finds the procedure page, not five pages with the same snippet.
    "SEARCH_SHARED_SLOTS": {"safety": ["cms/procedure.html"]},
    # Indexed text per page; PostgreSQL's tsvector tops out at 1 MB.
    "SEARCH_MAX_BODY_CHARS": 200_000,
}

__getattr__ = app_settings(DEFAULTS)
