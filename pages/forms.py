"""Editor forms for the pages plugins: every mistake becomes a form error, never a 500."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Citation, Reference
from .models.references import parse_numbers


class CitationForm(forms.ModelForm):
    class Meta:
        model = Citation
        fields = ["numbers"]

    def clean_numbers(self):
        numbers = parse_numbers(self.cleaned_data["numbers"])
        known = set(Reference.objects.filter(number__in=numbers).values_list("number", flat=True))
        missing = [n for n in numbers if n not in known]
        if missing:
            raise ValidationError(
                ngettext(
                    "There is no reference %(numbers)s in the reference library.",
                    "There are no references %(numbers)s in the reference library.",
                    len(missing),
                )
                % {"numbers": ", ".join(map(str, missing))}
            )
        return ",".join(map(str, numbers))


class ReferenceForm(forms.ModelForm):
    class Meta:
        model = Reference
        fields = [
            "number",
            "authors",
            "title",
            "journal",
            "year",
            "volume",
            "issue",
            "pages",
            "pmid",
            "doi",
            "clinical_trial_id",
            "author_was_paid_consultant",
            "funded_by_manufacturer",
        ]

    def clean_doi(self):
        """Editors often paste the DOI as a link; the library stores the bare DOI."""
        doi = self.cleaned_data["doi"].strip()
        for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
            doi = doi.removeprefix(prefix)
        return doi  # the model's validator checks what remains

    def clean(self):
        cleaned = super().clean()
        identifiers = ("pmid", "doi", "clinical_trial_id")
        if not any(cleaned.get(name) for name in identifiers) and not self.errors:
            raise ValidationError(
                _(
                    "Give a PubMed ID, a DOI or a ClinicalTrials.gov ID so readers can find "
                    "the study."
                )
            )
        return cleaned
