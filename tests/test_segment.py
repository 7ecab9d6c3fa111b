import pytest

from crosscheck.normalize import normalize
from crosscheck.segment import MAX_SENTENCE_CHARS, segment


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(normalize(text), "a")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("Talks are set for Feb. 6 in Muscat. Oman hosts.", ["Talks are set for Feb. 6 in Muscat.", "Oman hosts."]),
        ("U.S. officials met. They left.", ["U.S. officials met.", "They left."]),
        ("A U.S. presidential envoy arrived.", ["A U.S. presidential envoy arrived."]),
        ("They met in the U.S. The talks ended.", ["They met in the U.S.", "The talks ended."]),
        ("He asked why? Nobody knew! \"Fine.\" Done", ["He asked why?", "Nobody knew!", "\"Fine.\"", "Done"]),
        ("Prices rose 2.5 percent. Stocks fell.", ["Prices rose 2.5 percent.", "Stocks fell."]),
        ("First paragraph without a stop\nSecond paragraph", ["First paragraph without a stop", "Second paragraph"]),
        ("a hard-wrapped line that\ncontinues here.", ["a hard-wrapped line that\ncontinues here."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_point_into_the_original_with_crlf_and_curly_quotes() -> None:
    text = "Iran\u2019s minister spoke.\r\nOman\u2019s role is significant."
    found = segment(normalize(text), "a")
    assert [text[s.start : s.end] for s in found] == ["Iran\u2019s minister spoke.", "Oman\u2019s role is significant."]
    assert found[0].text == "Iran's minister spoke."


def test_overlong_sentences_are_cut() -> None:
    text = "word " * 2000
    found = segment(normalize(text), "a")
    assert len(found) > 1
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in found)
    assert "".join(text[s.start : s.end] + " " for s in found).split() == text.split()
