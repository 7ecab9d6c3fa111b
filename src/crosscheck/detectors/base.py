"""What a detector is: a small registered unit with examples that must and
must not fire. ``crosscheck.detectors`` holds the registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crosscheck.model import Claim, Span, Token
from crosscheck.words import Word


@dataclass(frozen=True, slots=True)
class Clash:
    """Why two claims conflict: the words on each side and a short reason."""

    type: str
    reason: str
    spans_a: tuple[Span, ...]
    spans_b: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Example:
    """Two sentences and whether the detector must fire on them."""

    a: str
    b: str
    fires: bool


@dataclass(frozen=True, slots=True)
class Detector:
    type: str
    detect: Callable[[Claim, Claim], Clash | None]
    examples: tuple[Example, ...]
    doc: str = ""


def fires(a: str, b: str) -> Example:
    return Example(a, b, True)


def silent(a: str, b: str) -> Example:
    return Example(a, b, False)


def quote(tokens: list[Token] | tuple[Token, ...]) -> str:
    return "'" + " ".join(t.text for t in tokens) + "'"


def spans(tokens: list[Token] | tuple[Token, ...]) -> tuple[Span, ...]:
    return tuple((t.start, t.end) for t in tokens)


def content_lemmas(claim: Claim) -> frozenset[str]:
    return frozenset(t.lemma for t in claim.tokens if t.tag in ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"))


def as_words(claim: Claim) -> list[Word]:
    """A claim's tokens as ``Word`` values, for the feature helpers."""
    return [Word(t.text, t.lower, t.lemma, t.tag, t.start, t.end) for t in claim.tokens]
