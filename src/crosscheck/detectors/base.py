"""What a detector is: a small registered unit with examples that must and
must not fire. ``crosscheck.detectors`` holds the registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crosscheck.features import DateMention, Quantity, find_dates, find_quantities, negation_words, tense_at
from crosscheck.identity_cache import cache_by_identity
from crosscheck.model import Claim, Severity, Span, Token
from crosscheck.words import Word

# How much a conflict needs an editor (crosscheck.model.Severity): "hard",
# different counts, dates, places, people or outcomes for the same fact;
# "soft", a real discrepancy with a likely innocent explanation (rounding, an
# estimate, pieces written at different times).


@dataclass(frozen=True, slots=True)
class Clash:
    """Why two claims conflict: the words on each side, a short reason and
    how severe the discrepancy is (None: the detector's default)."""

    type: str
    reason: str
    spans_a: tuple[Span, ...]
    spans_b: tuple[Span, ...]
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """Two sentences and whether the detector must fire on them."""

    a: str
    b: str
    fires: bool


# What the other claims of a claim's sentence state of the same subject (their
# content lemmas): "A man is sitting near a bike and is writing a note" is two
# claims, and the second is still said of a man near a bike.
SubjectContext = frozenset[str]
NO_CONTEXT: SubjectContext = frozenset()


@dataclass(frozen=True, slots=True)
class Detector:
    """A conflict type: how it is detected, its examples, and the policy that
    classify, the gate and the documentation read from it."""

    type: str
    detect: Callable[[Claim, Claim], Clash | None]
    examples: tuple[Example, ...]
    doc: str = ""
    # ``detect`` told each claim's SubjectContext, for detectors that read it.
    detect_in_context: Callable[[Claim, Claim, SubjectContext, SubjectContext], Clash | None] | None = None
    # The severity of its clashes unless a clash says otherwise, and the rule, for the README.
    severity: Severity = "hard"
    severity_rule: str = ""
    # Soft when either claim only reports what it says (attribution, hedge):
    # two outlets' readings of the same remarks.
    soft_when_reported: bool = False
    # A clash of this type is weak evidence alone: it needs the claims to align
    # at CLASH_THRESHOLD (shared anchors besides the clash are not enough).
    needs_alignment: bool = False
    # The clash is said of an event as a whole: claims tied only by the events
    # they refer to are compared too (crosscheck.align.Candidate.event_link).
    event_level: bool = False
    # The clashing words must belong to related predicates of the two claims
    # (crosscheck.facts.same_predicate); False for a detector that decides
    # which slot its words fill itself (numbers: the noun a count counts).
    same_predicate: bool = True


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


@dataclass(frozen=True, slots=True)
class ClaimView:
    """What the detectors read of a claim besides its tokens (word indices in
    these are token indices). Detectors run on every aligned pair, and a claim
    of a long source is in many pairs and, extraction being cached, in many
    comparisons: ``view`` computes it once per claim."""

    dates: tuple[DateMention, ...]
    quantities: tuple[Quantity, ...]  # outside dates ("2015" in "in March 2015" is not a count)
    negators: tuple[int, ...]  # see features.negation_words
    tense: tuple[str | None, int]  # see features.tense_at


@cache_by_identity(maxsize=8192)
def view(claim: Claim) -> ClaimView:
    words = as_words(claim)
    dates = tuple(find_dates(words))
    skip = {i for d in dates for i in range(d.start, d.end)}
    return ClaimView(dates, tuple(find_quantities(words, skip)), tuple(negation_words(words)), tense_at(words))
