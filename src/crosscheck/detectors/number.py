"""Numbers: the same quantity given different values ("19 million" / "9 million").

Quantities are compared when they count the same thing: the same unit (%,
a currency) or the same noun right after them. Approximations ("nearly $2
billion") tolerate a 10% difference; a value that also appears on the other
side is not a clash.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.detectors.base import Clash, Detector, fires, silent, view
from crosscheck.features import Quantity
from crosscheck.model import Claim, Token

_TOLERANCE = 0.005
_APPROX_TOLERANCE = 0.10


def _head(words: Sequence[Token], q: Quantity) -> str | None:
    for w in words[q.end : q.end + 3]:
        if w.tag in ("NOUN", "PROPN"):
            return w.lemma
        if w.tag not in ("ADJ", "NUM"):
            return None
    return None


def _same_thing(words_a: Sequence[Token], qa: Quantity, words_b: Sequence[Token], qb: Quantity) -> bool:
    if qa.unit != qb.unit:
        return False
    if qa.unit:
        return True
    ha, hb = _head(words_a, qa), _head(words_b, qb)
    return ha is not None and ha == hb


def _differ(qa: Quantity, qb: Quantity) -> bool:
    tol = _APPROX_TOLERANCE if qa.approx or qb.approx else _TOLERANCE
    scale = max(abs(qa.value), abs(qb.value), 1e-9)
    return abs(qa.value - qb.value) / scale > tol


def _text(words: Sequence[Token], q: Quantity) -> str:
    return " ".join(w.text for w in words[q.start : q.end])


def _spans(words: Sequence[Token], q: Quantity) -> tuple[tuple[int, int], ...]:
    return ((words[q.start].start, words[q.end - 1].end),)


def detect(a: Claim, b: Claim) -> Clash | None:
    view_a, view_b = view(a), view(b)
    qs_a, qs_b = view_a.quantities, view_b.quantities
    if not qs_a or not qs_b:
        return None
    words_a, words_b = a.tokens, b.tokens  # token i has the values of as_words(claim)[i]
    values_a = {q.label() for q in qs_a}
    values_b = {q.label() for q in qs_b}
    for qa in qs_a:
        if qa.label() in values_b:
            continue
        for qb in qs_b:
            if qb.label() in values_a or not _same_thing(words_a, qa, words_b, qb):
                continue
            if _differ(qa, qb):
                reason = f"'{_text(words_a, qa)}' vs '{_text(words_b, qb)}'"
                return Clash("number", reason, _spans(words_a, qa), _spans(words_b, qb))
    return None


DETECTOR = Detector(
    type="number",
    detect=detect,
    doc="The same quantity (same unit or counted noun) with different values.",
    examples=(
        fires("The storm left 19 million people without power.", "The storm left 9 million people without power."),
        fires("The company paid $2 billion for the stake.", "The company paid $3 billion for the stake."),
        fires("Turnout reached 61% in the capital.", "Turnout reached 48% in the capital."),
        fires("Rebels freed twelve hostages on Sunday.", "Rebels freed 15 hostages on Sunday."),
        silent("The company paid nearly $2 billion for the stake.", "The company paid $2 billion for the stake."),
        silent("The storm left 9 million people without power.", "The storm left nine million people without power."),
        silent("Police arrested 12 protesters.", "Police injured 30 officers."),
        silent("Two adversaries met in 2015.", "Two adversaries met in 2016 with 300 aides."),
    ),
)
