"""
The finder's search input, shared by the HTML page and the JSON API.

Every way a visitor can get the input wrong ends here as a field error, so the
views never see an exception from bad input: the page shows the error next to
its field and the API answers 400 naming the field.
"""

from django import forms

from physicians.geocoding import MAX_INPUT_LENGTH, LocationError, geocode
from physicians.models import Specialty
from physicians.search import DEFAULT_RADIUS, MAX_RADIUS, RADIUS_CHOICES

MAX_PAGE = 10_000


class FinderForm(forms.Form):
    location = forms.CharField(
        label="ZIP code or city and state",
        help_text="For example 55432 or Minneapolis, MN.",
        max_length=MAX_INPUT_LENGTH,
        error_messages={
            "required": "Enter a ZIP code or a city and state.",
            "max_length": "That is too long to be a place: enter a ZIP code or a city and state.",
        },
    )
    radius = forms.TypedChoiceField(
        label="Distance",
        choices=[(r, f"Within {r} miles") for r in RADIUS_CHOICES],
        coerce=int,
        required=False,
        empty_value=DEFAULT_RADIUS,
        initial=DEFAULT_RADIUS,
        error_messages={"invalid_choice": "Choose a distance from the list."},
    )
    specialty = forms.ModelChoiceField(
        queryset=Specialty.objects.all(),
        to_field_name="code",
        required=False,
        empty_label="Any specialty",
        error_messages={"invalid_choice": "Choose a specialty from the list."},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "The page number must be a whole number.",
            "min_value": "Pages start at 1.",
            "max_value": "There are not that many pages of results.",
        },
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("radius"):
            # A search without a distance uses the default: show that choice as selected.
            data = data.copy()
            data["radius"] = str(DEFAULT_RADIUS)
        super().__init__(data, *args, **kwargs)
        self.origin = None
        self.suggestions: list[str] = []
        self._describe_fields()

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self):
        """Point each input at its hint and error message (ids set in the template)."""
        for name, field in self.fields.items():
            ids = [f"{name}-hint"] if field.help_text else []
            if name in (self._errors or {}):
                ids.append(f"{name}-error")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def clean_location(self):
        text = self.cleaned_data["location"]
        try:
            self.origin = geocode(text)
        except LocationError as exc:
            self.suggestions = exc.suggestions
            raise forms.ValidationError(exc.message, code="location") from None
        return text

    def clean_page(self):
        return self.cleaned_data["page"] or 1


class ApiSearchForm(FinderForm):
    """The API takes any distance up to the maximum, not only the page's choices."""

    radius = forms.FloatField(
        required=False,
        error_messages={"invalid": "radius must be a number of miles."},
    )

    def clean_radius(self):
        radius = self.cleaned_data["radius"]
        if radius is None:
            return DEFAULT_RADIUS
        if radius <= 0:
            raise forms.ValidationError("radius must be more than 0 miles.")
        if radius > MAX_RADIUS:
            raise forms.ValidationError(f"radius can be at most {MAX_RADIUS} miles.")
        return radius
