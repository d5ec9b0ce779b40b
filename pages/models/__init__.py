"""Models of the pages app, one module per kind of content."""

from .notices import ScheduledContent
from .references import Citation, Reference, ReferenceContent
from .safety import RiskItem, RiskList

__all__ = ["Citation", "Reference", "ReferenceContent", "RiskItem", "RiskList", "ScheduledContent"]
