"""
National Provider Identifier check digits.

An NPI is nine digits plus a Luhn check digit computed as if the number were
prefixed with the health-industry card issuer code 80840 (CMS, "Requirements
for NPI Check Digit"). Checking it catches most typing errors in imports and in
the admin before a physician is listed under somebody else's number.
"""

from django.core.exceptions import ValidationError

ISSUER_PREFIX = "80840"


def check_digit(first_nine: str) -> str:
    """The tenth digit that makes `first_nine` a valid NPI."""
    total = 0
    # Luhn doubles every second digit counting from the right of the full number,
    # whose last position is the check digit itself: so the payload's last digit doubles.
    for position, char in enumerate(reversed(ISSUER_PREFIX + first_nine)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def is_valid_npi(value: str) -> bool:
    try:
        validate_npi(value)
    except ValidationError:
        return False
    return True


def validate_npi(value: str) -> None:
    """Model and form validator: ten digits with a correct check digit."""
    if not isinstance(value, str) or len(value) != 10 or not value.isascii() or not value.isdigit():
        raise ValidationError("An NPI is exactly 10 digits.", code="npi_format")
    if check_digit(value[:9]) != value[9]:
        raise ValidationError(
            "This NPI's check digit is wrong: please check it for a typing error.",
            code="npi_check_digit",
        )
