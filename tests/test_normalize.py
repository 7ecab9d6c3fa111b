from hypothesis import example, given
from hypothesis import strategies as st

from crosscheck.normalize import normalize


def test_quotes_dashes_and_nonbreaking_hyphen() -> None:
    text = "Iran\u2019s low\u2011profile \u201ctalks\u201d \u2013 direct\u2014indirect"
    assert normalize(text).text == "Iran's low-profile \"talks\" \u2014 direct\u2014indirect"


def test_whitespace_folds_but_paragraphs_survive() -> None:
    assert normalize("  a \t b\u00a0c\r\n\r\nd\re ").text == "a b c\n\nd\ne"


def test_nfkc_expansion_maps_back_to_the_ligature() -> None:
    text = "\ufb01ne"  # the "fi" ligature
    norm = normalize(text)
    assert norm.text == "fine"
    assert norm.span(0, 2) == (0, 1)
    assert text[slice(*norm.span(0, 4))] == text


def test_combining_marks_compose() -> None:
    assert normalize("cafe\u0301").text == "caf\u00e9"


def test_zero_width_and_controls_are_dropped_not_spaced() -> None:
    assert normalize("ab\u200bcd\x07e").text == "abcde"


def test_plain_ascii_is_unchanged() -> None:
    text = "Iran and the U.S. met on Feb. 6, officials said."
    norm = normalize(text)
    assert norm.text == text
    assert [norm.span(i, i + 1) for i in range(3)] == [(0, 1), (1, 2), (2, 3)]


@given(st.text())
@example("\u00af")  # NFKC gives a space and a combining macron
@example("R\u00af\u00b8")  # two spacing accents: their marks go back to the letter, in canonical order
def test_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(st.text())
def test_every_character_maps_inside_the_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.starts) == len(norm.text) == len(norm.ends)
    for i in range(len(norm.text)):
        s, e = norm.span(i, i + 1)
        assert 0 <= s < e <= len(text)
        if norm.text[i].isalnum() and text[s:e].isascii():
            assert norm.text[i] in text[s:e]
