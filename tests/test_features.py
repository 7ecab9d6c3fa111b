import pytest

from crosscheck import features as F
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


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Is this Britain's biggest crab caught on camera?", "question"),
        ("According to local media, the attack began at dawn and the militants fled.", "according to"),
        ("Report: ISIS is selling the body.", "report"),
        ("Rivers was under anesthesia and the doctor took a selfie, CNN reported Tuesday.", "reported"),
        ("The doctor took a selfie during the procedure: CNN", "according to CNN"),
        ("Talks failed and prices rose, officials said.", "said"),
    ],
)
def test_sentence_scope_hedges(sentence: str, scope: str) -> None:
    assert F.sentence_hedge(tokenize(sentence)) == scope


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said that talks failed, and prices rose.",  # "said" governs one clause only
        "Prices rose, and the minister resigned.",  # no attribution at all
        "Officials said on Monday, however, that nothing had changed in the capital city since the attack.",
        "The report found that prices rose.",  # a report as a subject, not a headline label
    ],
)
def test_no_sentence_scope_hedge(sentence: str) -> None:
    assert F.sentence_hedge(tokenize(sentence)) is None


def test_a_closing_attribution_hedges_every_claim_of_the_sentence() -> None:
    from crosscheck import compare

    report = compare({"a": "Rebels took the airport and troops fled north, officials said.", "b": "Rebels took the airport."})
    assert [c.features.hedge for c in report.claims if c.source == "a"] == ["said", "said"]
