"""Models of the pages app, one module per kind of content."""

from .notices import ScheduledContent
from .references import Citation, Reference
from .safety import RiskItem, RiskList

__all__ = ["Citation", "Reference", "RiskItem", "RiskList", "ScheduledContent"]
