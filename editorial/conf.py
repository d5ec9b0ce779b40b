"""Editorial settings, read in one place (see core.app_settings), and the role names."""

from core.app_settings import app_settings

DEFAULTS = {
    # Pages not medically reviewed for this many days appear in "Content due for review".
    "REVIEW_INTERVAL_DAYS": 365,
    # Templates whose pages present the therapy, so must carry safety information before
    # they can be published (editorial.fair_balance): the procedure page and the home page.
    "FAIR_BALANCE_TEMPLATES": ["cms/procedure.html", "cms/home.html"],
    # Templates that open a therapy section: every page below one presents the therapy too.
    "FAIR_BALANCE_SECTION_TEMPLATES": ["cms/procedure.html"],
    # The placeholder of those templates that holds the safety information.
    "FAIR_BALANCE_SLOT": "safety",
    # Pages reading above this US school grade need the reviewer's acknowledgement to be
    # approved (editorial.reading_grade; patient materials should read at grade 6-8).
    "MAX_READING_GRADE": 9,
}

__getattr__ = app_settings(DEFAULTS)

ROLE_AUTHOR = "Content author"
ROLE_REVIEWER = "Medical reviewer"
ROLE_PUBLISHER = "Publisher"
ROLE_PHYSICIAN_DATA = "Physician data manager"
ROLES = [ROLE_AUTHOR, ROLE_REVIEWER, ROLE_PUBLISHER, ROLE_PHYSICIAN_DATA]

# The two rights of the workflow beyond Django's model permissions (editorial.Review's Meta).
REVIEW_PERMISSION = "editorial.review_content"
PUBLISH_PERMISSION = "editorial.publish_content"
