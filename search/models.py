"""
The search index and the editors' synonym groups.

``SearchEntry`` is derived data: ``search.indexing`` writes it from published
page contents and ``manage.py rebuild_search_index`` can rebuild it from
scratch at any time, so nothing here is edited by hand. ``Synonym`` is
editorial content, managed in the admin.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .terms import split_terms


class SearchEntry(models.Model):
    """What a visitor can read on one published page in one region, as plain text.

    ``search_vector`` is filled on PostgreSQL only (title weighted A, body B); its
    GIN index is created there only (migration 0001), and SQLite leaves it empty.
    """

    page = models.ForeignKey("cms.Page", on_delete=models.CASCADE, related_name="search_entries")
    language = models.CharField(max_length=15)
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="search_entry_page_language")
        ]
        indexes = [GinIndex(fields=["search_vector"], name="search_entry_vector_gin")]

    def __str__(self):
        return f"{self.title} ({self.language})"


class SynonymQuerySet(models.QuerySet):
    def groups(self) -> list[list[str]]:
        """Every group as its list of terms, for expanding a query (one query, small table)."""
        return [split_terms(terms) for terms in self.values_list("terms", flat=True)]


class Synonym(models.Model):
    """Terms that mean the same to a reader: a search for any of them finds all of them.

    Lay words and medical words for one thing ("heart attack, myocardial
    infarction"), kept by editors because no stemmer knows them.
    """

    terms = models.CharField(
        _("equivalent terms"),
        max_length=500,
        unique=True,
        help_text=_(
            "Two or more words or phrases that mean the same, separated by commas, e.g. "
            "“heart attack, myocardial infarction”. Searching for any of them finds pages "
            "with any of them."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SynonymQuerySet.as_manager()

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return self.terms

    def clean(self):
        terms = split_terms(self.terms)
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two terms, separated by commas.")})
        # A term in two groups would make its expansion depend on which group matched first.
        others = Synonym.objects.exclude(pk=self.pk).groups()
        taken = {term: group for group in others for term in group}
        for term in terms:
            if term in taken:
                raise ValidationError(
                    {
                        "terms": _("“%(term)s” is already in the group “%(group)s”.")
                        % {"term": term, "group": ", ".join(taken[term])}
                    }
                )
        self.terms = ", ".join(terms)
