"""The one date reader (realpolitik.dates) and its callers' error rules: dictionaries raise,
coding ignores, analyses raise AnalysisError naming the option."""
import datetime as dt

import pytest

from realpolitik.actors.entries import parse_date as dictionary_date
from realpolitik.actors.entries import safe_date
from realpolitik.analysis.common import AnalysisError, date_window
from realpolitik.analysis.common import parse_date as option_date
from realpolitik.dates import parse_date

MARCH_1 = dt.date(2022, 3, 1)


@pytest.mark.parametrize("value", [
    "2022-03-01", "2022-03-01T10:30:00Z", " 2022-03-01 ", "20220301", 20220301,
    MARCH_1, dt.datetime(2022, 3, 1, 23, 59),
])
def test_forms_every_caller_reads(value):
    assert parse_date(value) == MARCH_1
    assert dictionary_date(value) == MARCH_1
    assert safe_date(value) == MARCH_1
    assert option_date(value, "--from") == MARCH_1


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_is_none_everywhere(value):
    assert parse_date(value) is None
    assert dictionary_date(value) is None and safe_date(value) is None
    assert option_date(value, "--to") is None


def test_two_digit_years_only_where_asked():
    # TABARI's window: 00-29 is 20xx, 30-99 is 19xx.
    assert parse_date("220301", two_digit_years=True) == MARCH_1
    assert parse_date("450508", two_digit_years=True) == dt.date(1945, 5, 8)
    assert dictionary_date("291231") == dt.date(2029, 12, 31)
    assert dictionary_date("300101") == dt.date(1930, 1, 1)
    with pytest.raises(ValueError, match="unrecognised date"):
        parse_date("220301")
    with pytest.raises(AnalysisError):
        option_date("220301", "--from")


@pytest.mark.parametrize("value", ["2022-13-01", "20221301", "2022-03", "2022/03/01", "yesterday"])
def test_each_caller_keeps_its_error_rule(value):
    with pytest.raises(ValueError):
        parse_date(value)
    with pytest.raises(ValueError):
        dictionary_date(value)  # a bad dictionary date is a bug to fix: loud
    assert safe_date(value) is None  # a bad date from the wild must not stop coding
    with pytest.raises(AnalysisError, match=r"^--as-of '.*': not a date \(use YYYY-MM-DD\)$"):
        option_date(value, "--as-of")


def test_date_window_uses_the_option_names():
    assert date_window("20220301", " 2022-03-31") == (MARCH_1, dt.date(2022, 3, 31))
    with pytest.raises(AnalysisError, match="--to 'soon'"):
        date_window("2022-03-01", "soon")
    with pytest.raises(AnalysisError, match="is after --to"):
        date_window("2022-04-01", "2022-03-01")
