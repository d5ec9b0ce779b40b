"""
The finder's search input, shared by the HTML page and the JSON API.

Every way a visitor can get the input wrong ends here as a field error, so the
views never see an exception from bad input: the page shows the error next to
its field and the API answers 400 naming the field.
"""

from django import forms
from django.db import connection

from physicians.geocoding import MAX_INPUT_LENGTH, LocationError, Origin, geocode
from physicians.geometry import Point
from physicians.models import Specialty
from physicians.npi import validate_npi
from physicians.search import DEFAULT_RADIUS, MAX_RADIUS, RADIUS_CHOICES, Filters

MAX_PAGE = 10_000
KYPHOPLASTY = "balloon-kyphoplasty"
PROCEDURES = {KYPHOPLASTY: "Balloon kyphoplasty"}
# What a search from the visitor's own point is called on the page: never the coordinates.
YOUR_LOCATION = "your location"


class SpecialtyField(forms.ModelChoiceField):
    """
    A specialty chosen by its NUCC code, looked up with one line of SQL instead
    of `queryset.get()`: compiling that query cost the app server about a
    millisecond a search, several times what the database spent finding the row.
    """

    def to_python(self, value):
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        code = value.code if isinstance(value, Specialty) else str(value)
        fields = Specialty._meta.concrete_fields
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        table = connection.ops.quote_name(Specialty._meta.db_table)
        key = connection.ops.quote_name(Specialty._meta.pk.column)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns} FROM {table} WHERE {key} = %s", [code])
            row = cursor.fetchone()
        if row is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return Specialty.from_db(connection.alias, None, row)


class FinderForm(forms.Form):
    missing_location = "Enter a ZIP code or a city and state."
    location = forms.CharField(
        label="ZIP code or city and state",
        help_text="For example 55432 or Minneapolis, MN.",
        max_length=MAX_INPUT_LENGTH,
        required=False,  # a search from the visitor's own point has lat and lng instead
        error_messages={
            "max_length": "That is too long to be a place: enter a ZIP code or a city and state.",
        },
    )
    # Filled by "Use my location" (physicians/js/use-location.js), never typed.
    lat = forms.FloatField(
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.HiddenInput,
        error_messages={"invalid": "lat must be a latitude in degrees, from -90 to 90."},
    )
    lng = forms.FloatField(
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
        error_messages={"invalid": "lng must be a longitude in degrees, from -180 to 180."},
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
    specialty = SpecialtyField(
        queryset=Specialty.objects.all(),
        to_field_name="code",
        required=False,
        empty_label="Any specialty",
        error_messages={"invalid_choice": "Choose a specialty from the list."},
    )
    procedure = forms.ChoiceField(
        choices=[("", "Any procedure"), *PROCEDURES.items()],
        required=False,
        error_messages={"invalid_choice": "Choose a procedure from the list."},
    )
    accepting_new_patients = forms.BooleanField(
        label="Only physicians accepting new patients", required=False
    )
    name = forms.CharField(
        label="Physician name or NPI (optional)",
        help_text="Part of a name, like Smith, or a 10-digit NPI.",
        required=False,
        max_length=MAX_INPUT_LENGTH,
        error_messages={"max_length": "That is too long to be a name: enter part of a name."},
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
        text = self.cleaned_data["location"].strip()
        if not text:
            if self.data.get("lat") or self.data.get("lng"):
                return text  # the visitor's own point, checked in clean()
            raise forms.ValidationError(self.missing_location, code="required")
        if self.data.get("lat") or self.data.get("lng"):
            raise forms.ValidationError(
                "Enter a place or use your location, not both.", code="location"
            )
        try:
            self.origin = geocode(text)
        except LocationError as exc:
            self.suggestions = exc.suggestions
            raise forms.ValidationError(exc.message, code="location") from None
        return text

    def clean_name(self):
        text = " ".join(self.cleaned_data["name"].split())
        if text.replace("-", "").isdigit():
            try:
                validate_npi(text)
            except forms.ValidationError:
                raise forms.ValidationError(
                    "An NPI has 10 digits, like 1234567893: check it, or enter a name."
                ) from None
        return text

    def clean(self):
        data = super().clean()
        located = self.origin is not None or {"location", "lat", "lng"} & set(self.errors)
        if not located:
            lat, lng = data.get("lat"), data.get("lng")
            if lat is None or lng is None:
                missing = "lat" if lat is None else "lng"
                self.add_error(missing, "Send lat and lng together: both make your location.")
            else:
                self.origin = Origin(label=YOUR_LOCATION, point=Point(lat, lng), city="", state="")
        return data

    @property
    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            specialty=data.get("specialty"),
            accepting_new_patients=bool(data.get("accepting_new_patients")),
            performs_kyphoplasty=data.get("procedure") == KYPHOPLASTY,
            name=data.get("name") or "",
        )

    def clean_page(self):
        return self.cleaned_data["page"] or 1


class ApiSearchForm(FinderForm):
    """The API takes any distance up to the maximum, not only the page's choices,
    and reads true/false strictly rather than as a ticked box."""

    missing_location = "Send near (a ZIP code or 'City, ST'), or lat and lng."

    radius = forms.FloatField(
        required=False,
        error_messages={"invalid": "radius must be a number of miles."},
    )
    accepting_new_patients = forms.TypedChoiceField(
        choices=[("true", "true"), ("false", "false")],
        coerce=lambda value: value == "true",
        required=False,
        empty_value=False,
        error_messages={"invalid_choice": "accepting_new_patients must be true or false."},
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
