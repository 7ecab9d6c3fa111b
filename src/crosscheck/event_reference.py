"""Definite event descriptions and the event they refer to.

News articles name the event once, in full ("Iran and the United States met
in Muscat on February 6"), and then refer to it by a definite noun phrase:
"The session was framed as indirect talks", "The talks matter because ...".
Such a claim has no names or dates of its own, so alignment cannot tell that
it is about the Muscat meeting. This module finds the claim each such
reference points back to and lends the reference that claim's *anchors*
(entity and date keys), which the aligner uses at reduced weight.

The rule is deliberately narrow: the reference must be the claim's subject
("the/this/that [modifiers] NOUN" before its first verb), the noun must name
an event, and the claim must have no anchors of its own. The antecedent is
the nearest earlier claim of the same source that mentions the same noun (or
its verb, "meeting"/"met") and has anchors; failing that, the first claim of
the source that has at least two anchors (the lead event).

A demonstrative event phrase anywhere in a claim ("Expect this Muscat
meeting to be the first of many") points back the same way, even when the
claim has anchors of its own: the antecedent must hold those the phrase
names ("Muscat"), and the claim borrows the ones it lacks.

A participle adjunct split from its clause ("Iran and the U.S., marking the
first direct talks in years", from "... will meet in Muscat on Feb. 6,
marking ...") is said of that clause's event: it borrows the anchors of the
claim before it in its sentence that it lacks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from crosscheck.decompose import adjunct_participle
from crosscheck.model import Claim, Extraction
from crosscheck.words import DEFINITE_DETERMINERS

# Nouns that name an event a news story is about (lemmas), by kind: two
# nouns of one kind can name the same event ("the meeting" / "the talks").
# fmt: off
EVENT_KINDS: Mapping[str, frozenset[str]] = MappingProxyType({
    "meeting": frozenset({
        "meeting", "session", "talk", "summit", "visit", "negotiation", "conference", "discussion",
        "encounter", "round", "contact", "engagement", "dialogue", "consultation",
    }),
    "violence": frozenset({"attack", "strike", "raid", "bombing", "explosion", "blast", "shooting", "invasion", "offensive"}),
    "accident": frozenset({"crash", "accident", "incident", "fire"}),
    "vote": frozenset({"election", "vote", "referendum"}),
    "agreement": frozenset({"deal", "agreement", "accord", "treaty", "pact", "ceasefire", "truce"}),
    "statement": frozenset({"announcement", "speech", "interview"}),
    "ceremony": frozenset({"ceremony"}),
    "legal": frozenset({"trial", "hearing", "verdict", "ruling", "decision", "arrest"}),
    "protest": frozenset({"protest", "rally", "demonstration"}),
    "operation": frozenset({"operation"}),
    "exchange": frozenset({"exchange", "swap"}),
    "disaster": frozenset({"storm", "earthquake", "flood", "outbreak"}),
})
# fmt: on
EVENT_KIND = MappingProxyType({noun: kind for kind, nouns in EVENT_KINDS.items() for noun in nouns})
EVENT_NOUNS = frozenset(EVENT_KIND)
_MODIFIER_TAGS = frozenset({"ADJ", "NOUN", "ADV", "POS"})  # "this week's summit"
MIN_LEAD_ANCHORS = 2


def anchors(claim: Claim) -> tuple[str, ...]:
    """The keys that tie a claim to one event: its entities and dates."""
    return tuple(e.lower() for e in claim.features.entities) + claim.features.dates


def referring_noun(claim: Claim) -> str | None:
    """The event noun of a definite subject ("The session was ..."), or None."""
    tokens = claim.tokens
    if len(tokens) < 3 or tokens[0].lower not in DEFINITE_DETERMINERS:
        return None
    head: str | None = None
    for t in tokens[1:]:
        if t.tag in ("VERB", "AUX", "NEG"):
            break
        if t.tag not in _MODIFIER_TAGS:
            return None
        head = t.lemma if t.tag == "NOUN" else None
    else:
        return None
    return head if head in EVENT_NOUNS else None


_DEMONSTRATIVES = frozenset({"this", "these"})  # "that" is also a complementizer ("said that talks ...")
_PHRASE_TAGS = _MODIFIER_TAGS | {"PROPN"}  # "this Muscat meeting": a name may modify the event noun


def demonstrative_event(claim: Claim) -> tuple[str, tuple[str, ...]] | None:
    """``this/these [modifiers] EVENT_NOUN`` anywhere in the claim: the noun
    and the claim's anchors named inside the phrase ("this Muscat meeting" ->
    ("meeting", ("muscat",)))."""
    tokens = claim.tokens
    for i, t in enumerate(tokens):
        if t.lower not in _DEMONSTRATIVES:
            continue
        k = i + 1
        while k < len(tokens) and tokens[k].tag in _PHRASE_TAGS:
            k += 1
        head = tokens[k - 1]
        if k > i + 1 and head.tag == "NOUN" and head.lemma in EVENT_NOUNS:
            phrase = " ".join(w.lower for w in tokens[i:k])
            return head.lemma, tuple(a for a in anchors(claim) if a in phrase)
    return None


def _mentions(claim: Claim, noun: str) -> bool:
    """Does the claim name the event by this noun or by its verb (meeting / met)?"""
    verb = noun[:-3] if noun.endswith("ing") else noun
    return any(t.lemma == noun or (t.tag == "VERB" and t.lemma == verb) for t in claim.tokens)


@dataclass(frozen=True, slots=True)
class EventReference:
    """A claim whose subject refers back to the event of ``antecedent``."""

    noun: str  # the referring event noun, a lemma ("session"), or an adjunct's participle ("marking")
    antecedent: str  # id of the claim that names the event
    anchors: tuple[str, ...]  # the antecedent's entity and date keys (an adjunct's: those it lacks)
    adjunct: bool = False  # a participle adjunct of the antecedent's clause

    def describe(self) -> str:
        if self.adjunct:
            return f"'{self.noun} ...' read as said of the event of {self.antecedent}"
        return f"'{self.noun}' read as the event of {self.antecedent}"


def event_context(extraction: Extraction) -> Mapping[str, EventReference]:
    """Claim id -> the event it refers to (only for referring claims)."""
    return references(extraction.claims)


def references(claims: Sequence[Claim]) -> Mapping[str, EventReference]:
    """``event_context`` of a source's claims."""
    anchored = [anchors(c) for c in claims]
    lead = next((m for m, found in enumerate(anchored) if len(set(found)) >= MIN_LEAD_ANCHORS), None)
    out: dict[str, EventReference] = {}
    for n, claim in enumerate(claims):
        before = claims[n - 1] if n > 0 else None
        if before is not None and before.sentence == claim.sentence:
            participle = adjunct_participle(claim.tokens)
            if participle is not None:
                lent = _lacking(anchored[n - 1], anchored[n])
                if lent:
                    out[claim.id] = EventReference(claim.tokens[participle].lower, before.id, lent, adjunct=True)
                    continue
        if anchored[n]:
            found = demonstrative_event(claim)
            if found is None:
                continue
            head, named = found
            m = next(
                (m for m in reversed(range(n)) if set(named) <= set(anchored[m]) and _mentions(claims[m], head)), None
            )
            lent = () if m is None else _lacking(anchored[m], anchored[n])
            if m is not None and lent:
                out[claim.id] = EventReference(head, claims[m].id, lent)
            continue
        noun = referring_noun(claim)
        if noun is None:
            continue
        m = next((m for m in reversed(range(n)) if anchored[m] and _mentions(claims[m], noun)), None)
        if m is None and lead is not None and claims[lead].sentence < claim.sentence:
            m = lead
        if m is not None:
            out[claim.id] = EventReference(noun, claims[m].id, _lacking(anchored[m], ()))
    return MappingProxyType(out)


def _lacking(antecedent: tuple[str, ...], own: tuple[str, ...]) -> tuple[str, ...]:
    """The antecedent's anchors, once each and in order, less the claim's own."""
    return tuple(k for k in dict.fromkeys(antecedent) if k not in own)
