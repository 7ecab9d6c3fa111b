import pytest

from crosscheck.features import compute
from crosscheck.words import tokenize


def features(text: str):  # type: ignore[no-untyped-def]
    return compute(tokenize(text))


@pytest.mark.parametrize(
    "text, negated",
    [
        ("The army did not withdraw.", True),
        ("The army never withdrew.", True),
        ("The ministry denied the report.", True),
        ("He refused to resign.", True),
        ("Talks stalled without progress.", True),
        ("It is not untrue that they did not meet.", False),  # two negators
        ("The army withdrew.", False),
        ("Not only did prices rise.", False),
    ],
)
def test_negation(text: str, negated: bool) -> None:
    assert features(text).negated is negated


@pytest.mark.parametrize(
    "text, tense",
    [
        ("Iran and the United States met in Muscat.", "past"),
        ("They will hold talks in Muscat.", "future"),
        ("The minister announced that they will hold talks.", "future"),
        ("Oman has hosted talks before.", "past"),
        ("Oman hosts talks.", "present"),
        ("Talks are set to resume.", "future"),
    ],
)
def test_tense(text: str, tense: str) -> None:
    assert features(text).tense == tense


def test_dates_written_two_ways_are_equal() -> None:
    assert features("They met on February 6.").dates == features("They met on Feb. 6.").dates == ("02-06",)
    assert features("The accord of 2015 collapsed.").dates == ("2015",)
    assert features("They may meet.").dates == ()  # the modal is not the month


def test_numbers() -> None:
    assert features("The storm cut power to 19 million homes.").numbers == ("19000000",)
    assert features("It paid $2.5 billion.").numbers == ("$2500000000",)
    assert features("Turnout was 61%.").numbers == ("61%",)
    assert features("Twelve people died.").numbers == ("12",)
    assert features("He met one envoy.").numbers == ()


def test_entities_are_canonical() -> None:
    assert features("A U.S. envoy met Iran's minister in Muscat.").entities == ("United States", "Iran", "Muscat")
    assert features("The United States and Iran met.").entities == ("United States", "Iran")


@pytest.mark.parametrize(
    "text, hedge",
    [
        ("The minister reportedly resigned.", "reportedly"),
        ("According to officials, the minister resigned.", "according to"),
        ("The minister may resign.", "may"),
        ("The minister resigned.", None),
    ],
)
def test_hedges(text: str, hedge: str | None) -> None:
    assert features(text).hedge == hedge
