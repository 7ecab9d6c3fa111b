"""Negation with scope: one claim denies what the other asserts.

The negated words are the content words right after a negator ("did not
*detail* participants", "denied *meeting*", "without *committing*"). The
detector fires only when one of them is asserted on the other side; a
negation about something the other claim does not mention is not a clash,
and two negated claims agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.detectors.base import Clash, Detector, fires, quote, silent, spans, view
from crosscheck.lexicon import related_words
from crosscheck.model import Claim, Token
from crosscheck.words import LIGHT_VERBS

_SCOPE = 4  # words after a negator that it can reach
_SKIP = frozenset({"AUX", "DET", "ADV", "NEG", "PREP", "PRON", "POS"})
_CONTENT = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})


def _scope(claim: Claim, negators: Sequence[int]) -> list[tuple[int, int]]:
    """(negator index, negated head index) pairs: the verb, or the last noun
    of the noun phrase, that a negator reaches ("without public *escalation*")."""
    out = []
    toks = claim.tokens
    for n in negators:
        head = -1
        for k in range(n + 1, min(len(toks), n + 1 + _SCOPE)):
            tag = toks[k].tag
            if tag == "VERB":
                head = k
                break
            if tag in _CONTENT:
                head = k  # an adjective or noun: keep going to the phrase's last noun
            elif tag not in _SKIP or toks[k].text in ",;" or head >= 0:
                break
        if head >= 0:
            out.append((n, head))
    return out


_DETAIL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_CIRCUMSTANCE_PREPOSITIONS = frozenset({
    "on", "in", "at", "from", "with", "through", "into", "onto", "near", "inside", "outside", "under",
    "across", "along", "behind", "beside", "around", "toward", "towards",
})


def _adds_detail(negated: Claim, plain: dict[str, Token], negators: Sequence[int]) -> bool:
    """Does the negated claim deny a circumstance the plain one does not state?
    Denying a more specific statement leaves the general one open: "There is
    no man dancing on the road" does not deny "A man is dancing" (he may dance
    elsewhere), "not writing with a pencil" does not deny "writing". Only
    details in a phrase of place, source, path or instrument count: the
    object or purpose of a denied act is what the two sources dispute."""
    in_detail = False
    for i, t in enumerate(negated.tokens):
        if t.tag == "PREP":
            in_detail = t.lower in _CIRCUMSTANCE_PREPOSITIONS
            continue
        if t.tag in ("VERB", "AUX", "CONJ", "SCONJ", "REL") or t.text in ",;":
            in_detail = False
            continue
        if not in_detail or t.tag not in _DETAIL or i in negators or t.lemma in LIGHT_VERBS or t.lemma in plain:
            continue
        if not any(related_words(t.lemma, other) for other in plain):
            return True
    return False


def detect(a: Claim, b: Claim) -> Clash | None:
    neg_a = view(a).negators
    neg_b = view(b).negators
    if len(neg_a) % 2 == len(neg_b) % 2:
        return None
    negated, plain, negators = (a, b, neg_a) if len(neg_a) % 2 else (b, a, neg_b)
    plain_by_lemma: dict[str, Token] = {}
    for t in plain.tokens:
        if t.tag in _CONTENT:
            plain_by_lemma.setdefault(t.lemma, t)
    if _adds_detail(negated, plain_by_lemma, negators):
        return None
    for n, k in _scope(negated, negators):
        hit = plain_by_lemma.get(negated.tokens[k].lemma)
        if hit is None:
            continue
        neg_tokens = list(negated.tokens[n : k + 1])
        reason = f"{quote(neg_tokens)} vs {quote([hit])}"
        neg_spans, plain_spans = spans(neg_tokens), spans([hit])
        if negated is a:
            return Clash("negation", reason, neg_spans, plain_spans)
        return Clash("negation", f"{quote([hit])} vs {quote(neg_tokens)}", plain_spans, neg_spans)
    return None


DETECTOR = Detector(
    type="negation",
    detect=detect,
    doc="One side negates (not, never, no, without, deny, refuse, fail to) a word the other asserts.",
    examples=(
        fires("A man is playing a guitar.", "A man is not playing a guitar."),
        fires("The ministry confirmed the minister met the envoy.", "The ministry said the minister never met the envoy."),
        fires("Police arrested the suspect on Monday.", "Police did not arrest the suspect on Monday."),
        fires("The company paid the fine.", "The company refused to pay the fine."),
        silent("Badr met both visiting sides.", "The announcement did not detail participants."),
        silent("Talks stalled without clear follow-up.", "An absence of follow-up stalled talks."),
        silent("The man is not playing a guitar.", "The man is not playing a guitar."),
        silent("The deal was not only signed but ratified.", "The deal was signed."),
        # denying a more specific statement leaves the general one open
        silent("A man is dancing.", "There is no man dancing on the road."),
        silent("The dog is drinking water from a bottle.", "The dog is not drinking water from the faucet."),
        silent("Iran held talks with the United States.", "Iran did not hold talks in Oman."),
        fires("A man is dancing on the road.", "No man is dancing."),
        fires("Iran held talks with the United States in Oman.", "Iran did not hold talks with the United States."),
        fires("Kirchner adopted a Jewish boy.", "The president did not adopt a Jewish child to stop a curse."),
    ),
)
