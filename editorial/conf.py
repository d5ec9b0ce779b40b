"""Editorial settings, read in one place."""

from django.conf import settings

# Pages not medically reviewed for this many days appear in "Content due for review".
REVIEW_INTERVAL_DAYS = getattr(settings, "PORTAL_REVIEW_INTERVAL_DAYS", 365)
# Templates whose pages must carry safety information before they can be published.
FAIR_BALANCE_TEMPLATES = getattr(settings, "PORTAL_FAIR_BALANCE_TEMPLATES", ["cms/procedure.html"])
FAIR_BALANCE_SLOT = getattr(settings, "PORTAL_FAIR_BALANCE_SLOT", "safety")

ROLE_AUTHOR = "Content author"
ROLE_REVIEWER = "Medical reviewer"
ROLE_PUBLISHER = "Publisher"
ROLE_PHYSICIAN_DATA = "Physician data manager"
ROLES = [ROLE_AUTHOR, ROLE_REVIEWER, ROLE_PUBLISHER, ROLE_PHYSICIAN_DATA]
