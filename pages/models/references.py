"""
The reference library and the citations that point into it.

Editors number references themselves (the manufacturer's site cited them by
library number, e.g. [17,19,29]); a citation stores the numbers it cites, so
a reference that is later removed shows up as an error for editors instead of
silently disappearing or breaking a link. A reference's words are versioned
content: a correction is a draft that is medically reviewed and published
like a page, and patients read the published version only.
"""

import re

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Crossref's recommended pattern for modern DOIs.
DOI_PATTERN = r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9<>]+$"
validate_doi = RegexValidator(DOI_PATTERN, _("Enter a DOI such as 10.1016/S1470-2045(11)70008-0."))
validate_pmid = RegexValidator(r"^[1-9]\d{0,8}$", _("A PubMed ID is a number such as 22543412."))
validate_nct = RegexValidator(r"^NCT\d{8}$", _("A ClinicalTrials.gov ID looks like NCT00211211."))

NUMBERS_PATTERN = re.compile(r"^\s*\d+(\s*,\s*\d+)*\s*$")


class Reference(models.Model):
    """A library entry: the number pages cite. Its words are in versions (ReferenceContent).

    The number is the grouper's own field, not a content field: citations store numbers,
    so a number is the reference's identity for good and is set once, when it is created.
    """

    number = models.PositiveIntegerField(
        _("library number"),
        unique=True,
        help_text=_("The number pages cite, e.g. 17 for [17]."),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("reference")

    def __str__(self):
        content = self.latest_content()
        return str(content) if content is not None else f"[{self.number}]"

    def latest_content(self):
        """The draft, else the published version: what editors work on and pick from."""
        return ReferenceContent.admin_manager.latest_content(reference=self).first()


class ReferenceContent(models.Model):
    """One version of a reference's bibliographic record, reviewed and published like a page.

    djangocms-versioning (pages.cms_config) manages the versions: patients read the
    published one (the default manager), editors the draft (``admin_manager``).
    """

    reference = models.ForeignKey(
        Reference, on_delete=models.CASCADE, related_name="contents", verbose_name=_("reference")
    )
    authors = models.CharField(
        _("authors"), max_length=500, help_text=_("e.g. 'Wardlaw D, Cummings SR'")
    )
    title = models.CharField(_("title"), max_length=500)
    journal = models.CharField(_("journal or publisher"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("issue"), max_length=20, blank=True)
    pages = models.CharField(_("pages"), max_length=30, blank=True)
    pmid = models.CharField(_("PubMed ID"), max_length=9, blank=True, validators=[validate_pmid])
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[validate_doi])
    clinical_trial_id = models.CharField(
        _("ClinicalTrials.gov ID"), max_length=11, blank=True, validators=[validate_nct]
    )
    author_was_paid_consultant = models.BooleanField(
        _("an author was a paid consultant of the manufacturer"), default=False
    )
    funded_by_manufacturer = models.BooleanField(
        _("funded in part or whole by the manufacturer"), default=False
    )

    # Every save of every version: the edits made before references were versioned
    # (migrated from the old HistoricalReference) and each draft's changes since.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reference version")
        verbose_name_plural = _("reference versions")

    def __str__(self):
        title = self.title if len(self.title) <= 60 else self.title[:59].rstrip() + "…"
        return f"[{self.number}] {self.authors.split(',')[0]} {self.year}: {title}"

    @property
    def number(self) -> int:
        return self.reference.number

    @property
    def source(self) -> str:
        """Journal citation in Vancouver style: 'The Lancet. 2009;373(9668):1016-1024.'"""
        text = f"{self.journal}. {self.year}"
        if self.volume:
            text += f";{self.volume}"
            if self.issue:
                text += f"({self.issue})"
        if self.pages:
            text += f":{self.pages}"
        return text + "."

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def trial_url(self) -> str:
        return (
            f"https://clinicaltrials.gov/study/{self.clinical_trial_id}"
            if self.clinical_trial_id
            else ""
        )


def parse_numbers(value: str) -> list[int]:
    """'17, 19,29' -> [17, 19, 29], keeping the editor's order and dropping repeats."""
    if not NUMBERS_PATTERN.match(value or ""):
        raise ValidationError(_("Enter reference numbers separated by commas, e.g. 17, 19, 29."))
    return list(dict.fromkeys(int(part) for part in value.split(",")))


class Citation(CMSPlugin):
    numbers = models.CharField(
        _("reference numbers"),
        max_length=100,
        help_text=_("Library numbers separated by commas, e.g. 17, 19, 29."),
    )

    def __str__(self):
        return f"[{self.numbers}]"

    def cited_numbers(self) -> list[int]:
        try:
            return parse_numbers(self.numbers)
        except ValidationError:
            return []
