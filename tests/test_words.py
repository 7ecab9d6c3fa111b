"""words: the fast paths (memoized analyses, lemma tables, Words built slot by
slot) give the same results as the plain ones."""

from __future__ import annotations

import dataclasses

import pytest
from lemminflect import getAllLemmas

from crosscheck import words
from crosscheck.words import Word, readings, tokenize


@pytest.mark.parametrize(
    "lower",
    ["meet", "met", "states", "running", "better", "was", "leaves", "news", "'s", "u.s.", "zzzq", "", "ǅ", "ϒ", "i̇stanbul"],
)
def test_readings_are_lemminflects(lower: str) -> None:
    assert readings(lower) == getAllLemmas(lower)


def test_tokens_are_ordinary_words() -> None:
    first = tokenize("Badr met the envoy.", 10)[0]
    plain = Word("Badr", "badr", "badr", "PROPN", 10, 14)
    assert first == plain and hash(first) == hash(plain) and repr(first) == repr(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.tag = "NOUN"  # type: ignore[misc]


def test_tags_depend_on_the_word_before() -> None:
    # One surface form, analysed (and memoized) once per context.
    assert tokenize("They plan to meet.")[1].tag == "VERB"
    assert tokenize("The plan failed.")[1].tag == "NOUN"
    assert tokenize("Talks resumed.")[0].tag == "NOUN"  # first word: capital letter is no name
    assert tokenize("The Talks resumed.")[1].tag == "PROPN"
    assert tokenize("Oman \u2014 a discreet conduit \u2014 signals peace.")[6].tag == "VERB"  # after a dash


def test_memo_changes_nothing() -> None:
    text = "The U.S. envoy, Badr al-Busaidi, said on Monday that talks with 19,000 people don't hold."
    before = tokenize(text, 3)
    for analyses in words._CONTEXTS:
        analyses.clear()
    assert tokenize(text, 3) == before
