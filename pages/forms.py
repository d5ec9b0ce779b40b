"""Editor forms for references and the pages plugins: every mistake is a form error, never a 500."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .citation_picker import ReferencePicker
from .models import Citation, Reference, ReferenceContent
from .models.references import parse_numbers

IDENTIFIERS = ("content__pmid", "content__doi", "content__clinical_trial_id")


class CitationForm(forms.ModelForm):
    """The numbers are chosen with a searchable picker and stored as before ("17,19,29")."""

    numbers = forms.CharField(
        label=gettext_lazy("References"),
        widget=ReferencePicker,
        error_messages={"required": gettext_lazy("Choose at least one reference.")},
        help_text=gettext_lazy(
            "Type a library number, an author or words of the title, then choose the reference. "
            "Add as many as the statement cites, in the order they should appear."
        ),
    )

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
    """The grouper's form; GrouperModelAdmin adds the version's fields as ``content__…``."""

    class Meta:
        model = Reference
        fields = ["number"]

    def clean_content__doi(self):
        """Editors often paste the DOI as a link; the library stores the bare DOI."""
        doi = self.cleaned_data.get("content__doi", "").strip()
        for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
            doi = doi.removeprefix(prefix)
        return doi  # the model's validator checks what remains

    def clean(self):
        cleaned = super().clean()
        self._validate_content(cleaned)
        editable = [name for name in IDENTIFIERS if name in self.fields]
        if editable and not any(cleaned.get(name) for name in editable) and not self.errors:
            raise ValidationError(
                _(
                    "Give a PubMed ID, a DOI or a ClinicalTrials.gov ID so readers can find "
                    "the study."
                )
            )
        return cleaned

    def _validate_content(self, cleaned) -> None:
        """The version's own validators (PubMed ID, DOI, trial ID, year): the grouper form's
        model is the Reference, so Django would not run the content model's."""
        prefix = "content__"
        values = {
            name[len(prefix) :]: value
            for name, value in cleaned.items()
            if name.startswith(prefix) and name in self.fields and not self.fields[name].disabled
        }
        if not values:
            return
        values.pop("reference", None)  # the grouper this form saves
        content = ReferenceContent(**values)
        unchecked = [f.name for f in ReferenceContent._meta.fields if f.name not in values]
        try:
            content.full_clean(exclude=unchecked, validate_unique=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                name = prefix + field
                if name in self.fields and name not in self.errors:
                    self.add_error(name, messages)
