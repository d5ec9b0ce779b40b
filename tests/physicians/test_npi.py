"""NPI check digits: Luhn over the number prefixed with 80840, as CMS specifies."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from physicians.npi import check_digit, is_valid_npi, validate_npi


def test_cms_worked_example():
    # CMS's own example in "Requirements for NPI Check Digit".
    assert check_digit("123456789") == "3"
    assert is_valid_npi("1234567893")


@pytest.mark.parametrize(
    "value", ["1234567890", "123456789", "12345678933", "12345678a3", "", "１２３４５６７８９３"]
)
def test_wrong_check_digit_or_format_is_invalid(value):
    assert not is_valid_npi(value)
    with pytest.raises(ValidationError):
        validate_npi(value)


def test_validator_says_which_problem():
    with pytest.raises(ValidationError, match="check digit"):
        validate_npi("1234567890")
    with pytest.raises(ValidationError, match="10 digits"):
        validate_npi("12345")


@given(st.from_regex(r"[0-9]{9}", fullmatch=True))
def test_exactly_one_check_digit_completes_any_nine_digits(first_nine):
    valid = [d for d in "0123456789" if is_valid_npi(first_nine + d)]
    assert valid == [check_digit(first_nine)]


@given(st.from_regex(r"[0-9]{10}", fullmatch=True), st.integers(0, 9), st.integers(1, 9))
def test_any_single_digit_typo_is_caught(npi, position, delta):
    valid = npi[:9] + check_digit(npi[:9])
    typo = valid[:position] + str((int(valid[position]) + delta) % 10) + valid[position + 1 :]
    assert not is_valid_npi(typo)
