"""schema.org JSON-LD for a page: a MedicalWebPage, its breadcrumbs, and on procedure
pages the MedicalProcedure it is about. Built from the page and its medical review."""

from . import conf
from .page_facts import PageFacts

PROCEDURE_TEMPLATES = {"cms/procedure.html"}
LANGUAGE_TAGS = {"en-us": "en-US", "en-ca": "en-CA"}


def page_graph(*, content, url: str, facts: PageFacts, breadcrumbs: list[tuple[str, str]]):
    """The JSON-LD object for a page content shown at url (absolute)."""
    page = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": content.title,
        "url": url,
        "inLanguage": LANGUAGE_TAGS.get(content.language, content.language),
        "isPartOf": {"@type": "WebSite", "name": conf.SITE_NAME, "url": conf.SITE_URL + "/"},
        "breadcrumb": {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": n, "name": name, "item": item}
                for n, (name, item) in enumerate(breadcrumbs, start=1)
            ],
        },
    }
    if content.meta_description:
        page["description"] = content.meta_description
    if facts.last_reviewed:
        page["lastReviewed"] = facts.last_reviewed
        page["reviewedBy"] = (
            {"@type": "Person", "name": facts.reviewer}
            if facts.reviewer
            else {"@type": "Organization", "name": f"{conf.SITE_NAME} medical review"}
        )
    if facts.image:
        page["primaryImageOfPage"] = {"@type": "ImageObject", "url": facts.image}
    if content.template in PROCEDURE_TEMPLATES:
        page["about"] = {
            "@type": "MedicalProcedure",
            "name": content.title,
            "procedureType": "https://schema.org/PercutaneousProcedure",
            "bodyLocation": "Spine",
        }
    return page
