"""Antonyms: one claim says "indirect", the other "direct" of the same thing."""

from __future__ import annotations

from crosscheck.detectors.base import Clash, Detector, as_words, content_lemmas, fires, quote, silent, spans
from crosscheck.features import negation_words
from crosscheck.lexicon import are_antonyms
from crosscheck.model import Claim

_TAGS = frozenset({"ADJ", "ADV", "VERB", "NOUN"})


def _negated_at(claim: Claim, index: int) -> bool:
    """Is the word at ``index`` inside the scope of a negation (up to 3 words after it)?"""
    return any(0 < index - n <= 3 for n in negation_words(as_words(claim)))


def detect(a: Claim, b: Claim) -> Clash | None:
    lemmas_a, lemmas_b = content_lemmas(a), content_lemmas(b)
    for i, ta in enumerate(a.tokens):
        if ta.tag not in _TAGS:
            continue
        for j, tb in enumerate(b.tokens):
            if tb.tag not in _TAGS or not are_antonyms(ta.lemma, tb.lemma):
                continue
            # A side that holds both words draws the contrast itself.
            if tb.lemma in lemmas_a or ta.lemma in lemmas_b:
                continue
            # "not direct" against "indirect" is agreement.
            if _negated_at(a, i) != _negated_at(b, j):
                continue
            return Clash("antonym", f"{quote([ta])} vs {quote([tb])}", spans([ta]), spans([tb]))
    return None


DETECTOR = Detector(
    type="antonym",
    detect=detect,
    doc="A word on one side and its antonym (WordNet 3.0 plus a curated news list) on the other.",
    examples=(
        fires("Iran and the United States met indirectly in Muscat.", "Iran and the United States met directly in Muscat."),
        fires("The minister confirmed the report on Monday.", "The minister denied the report on Monday."),
        fires("Unemployment rose sharply in March.", "Unemployment fell sharply in March."),
        fires("The court found him guilty of fraud.", "The court found him innocent of fraud."),
        silent("The talks were indirect.", "The talks were not direct."),
        silent("Indirect talks replaced direct negotiation.", "Direct negotiation was replaced by indirect talks."),
        silent("The minister confirmed the report.", "The minister confirmed the report again."),
        silent("Prices rose in March.", "Prices went up in March."),
    ),
)
