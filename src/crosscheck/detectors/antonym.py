"""Antonyms: one claim says "indirect", the other "direct" of the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from crosscheck.detectors.base import Clash, Detector, content_lemmas, fires, quote, silent, spans
from crosscheck.detectors.negation import negators
from crosscheck.identity_cache import cache_by_identity
from crosscheck.lexicon import adjective_base, antonyms, are_antonyms
from crosscheck.model import Claim
from crosscheck.words import readings

# PREP: a preposition counts when the lexicon pairs it ("near" / "far").
_TAGS = frozenset({"ADJ", "ADV", "VERB", "NOUN", "PREP"})


def _negated_at(claim: Claim, index: int) -> bool:
    """Is the word at ``index`` inside the scope of a negation (up to 3 words after it)?"""
    return any(0 < index - n <= 3 for n in negators(claim))


_INDEFINITE = frozenset({"a", "an", "another", "some"})
_SUBJECT_STOP = frozenset({"AUX", "VERB", "NEG", "REL", "SCONJ", "CONJ", "PUNCT"})


def _describes_indefinite_subject(claim: Claim, index: int) -> bool:
    """Is the word at ``index`` a modifier in the claim's opening noun phrase
    (with its prepositional phrases: "a man in a *big* city"), and does that
    phrase start with "a", "some" or a number? Then it says which one the claim
    is about: "A big dog is swimming" and "A small dog is swimming" are about
    two dogs, not one dog said to be big and small."""
    toks = claim.tokens
    if index + 1 >= len(toks) or toks[index + 1].tag not in ("NOUN", "ADJ", "PROPN"):
        return False  # not before its noun: "the dog is small" describes the dog
    if any(t.tag in _SUBJECT_STOP for t in toks[:index]):
        return False
    first = toks[0]
    return first.lower in _INDEFINITE or first.tag == "NUM"


@lru_cache(maxsize=65536)
def lookup_forms(lemma: str) -> tuple[str, ...]:
    """The spellings ``are_antonyms`` looks a lemma up by: the lemma and, for
    a "-ly" adverb, its adjective ("indirectly" -> "indirect")."""
    word = lemma.lower()
    base = adjective_base(word)
    return (word,) if base is None or base == word else (word, base)


@lru_cache(maxsize=65536)
def opposites(lemma: str) -> frozenset[str]:
    """Every spelling a lemma's antonym can have in the lexicon: two lemmas can
    only be antonyms when a lookup form of one is among the other's opposites."""
    table = antonyms()
    return frozenset(y for x in lookup_forms(lemma) for y in table.get(x, ())) or _NO_WORDS


_NO_WORDS: frozenset[str] = frozenset()  # shared: most lemmas have no antonym, and each set costs memory


@dataclass(frozen=True, slots=True)
class _Words:
    """A claim's words that can clash as antonyms, indexed once per claim: the
    detector would otherwise test every word of one claim against every word
    of the other, on every aligned pair."""

    with_opposites: tuple[tuple[int, frozenset[str]], ...]  # (token index, its opposites)
    by_form: dict[str, tuple[int, ...]]  # lookup form -> indices of the tokens it is a form of


@cache_by_identity(maxsize=8192)
def _words(claim: Claim) -> _Words:
    with_opposites = []
    by_form: dict[str, list[int]] = {}
    for i, t in enumerate(claim.tokens):
        if t.tag not in _TAGS:
            continue
        found = opposites(t.lemma)
        if found:
            with_opposites.append((i, found))
        for form in lookup_forms(t.lemma):
            by_form.setdefault(form, []).append(i)
    return _Words(tuple(with_opposites), {form: tuple(ids) for form, ids in by_form.items()})


@cache_by_identity(maxsize=8192)
def _every_lemma(claim: Claim) -> frozenset[str]:
    """The content lemmas of a claim and every lemma its content words may
    have: "fell ... and *rose* gradually" holds "rise" though the tagger
    read a flower."""
    out = set(content_lemmas(claim))
    for t in claim.tokens:
        if t.tag in _TAGS:
            for lemmas in readings(t.lower).values():
                out.update(lemmas)
    return frozenset(out)


# Word classes whose members fill the same slot: a modifier says how (an
# adjective or its adverb, "direct talks" / "met indirectly"), a verb what
# happened, a noun what there is. "lets Texas resume a *ban*" and "*allows*
# the law to resume" are a noun and a verb: no slot in common.
# The tagger often reads an adjective as a noun ("a *small* sign"): a word the
# lexicon reads as an adjective or adverb fills the modifier slot too, and a
# preposition the lexicon pairs ("near" / "far from") is a modifier of place.
_SLOT = {"ADJ": "modifier", "ADV": "modifier", "VERB": "verb", "NOUN": "noun", "PREP": "modifier"}
_AGENT_TAGS = frozenset({"NOUN", "PROPN"})
_AGENT_SKIP = frozenset({"ADV", "AUX", "NEG"})


def _agent(claim: Claim, index: int) -> frozenset[str]:
    """The nouns right before a verb (past adverbs and auxiliaries): who does
    it, as far as the words show ("the law *Republicans* passed"). Empty when
    the verb's subject is elsewhere (a pronoun, a carried subject)."""
    tokens = claim.tokens
    k = index - 1
    while k >= 0 and tokens[k].tag in _AGENT_SKIP:
        k -= 1
    out: set[str] = set()
    while k >= 0 and tokens[k].tag in _AGENT_TAGS:
        out.add(tokens[k].lemma.lower())
        k -= 1
    return frozenset(out)


@lru_cache(maxsize=65536)
def _slots(tag: str, lower: str) -> frozenset[str]:
    out = {_SLOT.get(tag, tag)}
    if "ADJ" in readings(lower) or "ADV" in readings(lower):
        out.add("modifier")
    return frozenset(out)


def _same_slot(a: Claim, i: int, b: Claim, j: int) -> bool:
    """Do the two words fill the same slot: the same word class and, for two
    verbs, no different doers ("Republicans passed" / "voters reject")?"""
    ta, tb = a.tokens[i], b.tokens[j]
    if _slots(ta.tag, ta.lower).isdisjoint(_slots(tb.tag, tb.lower)):
        return False
    if ta.tag != "VERB":
        return True
    agent_a, agent_b = _agent(a, i), _agent(b, j)
    return not agent_a or not agent_b or not agent_a.isdisjoint(agent_b)


def detect(a: Claim, b: Claim) -> Clash | None:
    words_b = _words(b)
    if not words_b.by_form:
        return None
    lemmas_a: frozenset[str] | None = None
    lemmas_b: frozenset[str] | None = None
    for i, found in _words(a).with_opposites:
        ta = a.tokens[i]
        # The words of b that may be antonyms of ta, in b's order (the first clash is reported).
        candidates = sorted({j for y in found for j in words_b.by_form.get(y, ())})
        for j in candidates:
            tb = b.tokens[j]
            if not are_antonyms(ta.lemma, tb.lemma):
                continue
            if lemmas_a is None or lemmas_b is None:
                lemmas_a, lemmas_b = _every_lemma(a), _every_lemma(b)
            # A side that holds both words draws the contrast itself.
            if tb.lemma in lemmas_a or ta.lemma in lemmas_b:
                continue
            # "not direct" against "indirect" is agreement.
            if _negated_at(a, i) != _negated_at(b, j):
                continue
            if _describes_indefinite_subject(a, i) and _describes_indefinite_subject(b, j):
                continue
            if not _same_slot(a, i, b, j):
                continue
            return Clash("antonym", f"{quote([ta])} vs {quote([tb])}", spans([ta]), spans([tb]))
    return None


DETECTOR = Detector(
    type="antonym",
    detect=detect,
    doc="A word on one side and its antonym (WordNet 3.0 plus a curated news list) on the other.",
    severity="hard",
    severity_rule="hard; soft when either side only reports the claim (attribution, hedge)",
    soft_when_reported=True,
    examples=(
        fires("Iran and the United States met indirectly in Muscat.", "Iran and the United States met directly in Muscat."),
        fires("The minister confirmed the report on Monday.", "The minister denied the report on Monday."),
        fires("Unemployment rose sharply in March.", "Unemployment fell sharply in March."),
        fires("The court found him guilty of fraud.", "The court found him innocent of fraud."),
        silent("The talks were indirect.", "The talks were not direct."),
        silent("Indirect talks replaced direct negotiation.", "Direct negotiation was replaced by indirect talks."),
        silent("The minister confirmed the report.", "The minister confirmed the report again."),
        silent("Prices rose in March.", "Prices went up in March."),
        silent("The budget has gradually risen to $3 billion.", "It fell until 1998 and rose gradually to $3 billion."),
        # an adjective in an indefinite subject says which one: two dogs, not one
        silent("A big dog is swimming in the lake.", "A small dog is swimming in the lake."),
        silent("A man in a big city is holding a sign.", "A man in a small city is holding a sign."),
        fires("The man in the city is holding a big sign.", "The man in the city is holding a small sign."),
        fires("The surfer is riding a small wave.", "The surfer is riding a big wave."),
        fires("The dog is small.", "The dog is big."),
        # spatial "near" against "far from"
        fires("A crowd of people is near the water.", "A crowd of people is far from the water."),
        silent("The crowd is near the water.", "The crowd is not far from the water."),
        # the two words must fill one slot: a noun is no verb, and two doers are two acts
        silent("The court lets the state resume its ban on the procedure.", "The court allows the state law to resume."),
        silent("Voters blocked the law the legislators passed last year.", "Voters rejected the law in a referendum."),
        fires("The legislators passed the law last year.", "The legislators rejected the law last year."),
    ),
)
