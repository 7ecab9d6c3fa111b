"""Ordinal: two claims put one event at different places in its sequence
("the first of a sequence of cautious contacts" / "another episodic instance
of direct diplomatic engagement"; "the second round of talks" / "the third
round of talks").

An ordinal counts only when it is said of the event: a predicate after a
copula, "mark", "represent", "become" or "as" ("was the first summit",
"marking another round of talks", "billed as the second"), whose head names
an event (see crosscheck.event_reference.EVENT_KINDS), directly or through a
series or an instance ("the first of a series of meetings", "another
instance of engagement"). The two heads must be of one kind: "the first
meeting" and "another attack" can both be true. Ordinals that rank
("the second most popular network", "first among voters"), fractions
("a third less likely"), and a first bounded in time ("the first talks in
years", "since 2015", "this year": there were earlier ones) say nothing
about the sequence. "another" is any place but the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.detectors.base import Clash, Detector, fires, quote, silent, spans
from crosscheck.event_reference import EVENT_KIND
from crosscheck.identity_cache import cache_by_identity
from crosscheck.model import Claim, Token

# The place each ordinal gives ("another" is any place but the first).
_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
    "9th": 9, "10th": 10,
}  # fmt: skip
_ANOTHER = frozenset({"another"})
# Verbs that say what the subject is: "was the first", "marking another".
_PREDICATING = frozenset({"be", "become", "mark", "represent", "constitute"})
# "the first of a series of talks", "another instance of engagement": the event is what follows "of".
_SERIES = frozenset({"sequence", "series", "string", "wave", "spate", "run", "set", "chain"})
_INSTANCE = frozenset({"instance", "episode", "occasion", "case", "example", "edition", "installment", "iteration", "one"})
_THROUGH_OF = _SERIES | _INSTANCE
_NOTS = frozenset({"not", "n't", "never", "no"})
_PERIOD = frozenset({"year", "decade", "month", "week", "day", "century", "generation", "time", "while", "season"})
_GAP = 2  # words between the predicating verb and the ordinal ("was also the first", "is only the second")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a claim puts its event in a sequence: [low, high] (high None: open)."""

    low: int
    high: int | None
    kind: str  # EVENT_KIND of the head
    words: tuple[Token, ...]  # the ordinal and its head


def _head(toks: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The head noun of the phrase from ``k`` (past determiners, adjectives,
    adverbs and compound nouns), through "of" after a series or an instance
    noun: (index of the head, index after the phrase)."""
    head = None
    j = k
    while j < len(toks):
        t = toks[j]
        if t.tag in ("DET", "ADJ", "ADV") and head is None:
            j += 1
            continue
        if t.tag == "NOUN":
            head = j
            j += 1
            continue
        if t.lower == "of" and (head is None and j == k or head is not None and toks[head].lemma in _THROUGH_OF):
            head = None
            j += 1
            continue
        break
    return None if head is None else (head, j)


def _bounded(toks: Sequence[Token], end: int) -> bool:
    """Does a period bound the place ("in years", "since 2015", "this year",
    "in a decade", "of the season")?"""
    rest = toks[end : end + 5]
    if not rest:
        return False
    if rest[0].lower == "since":
        return True
    if rest[0].lower in ("in", "this", "of", "for") or rest[0].lemma == "in":
        return any(t.lemma in _PERIOD for t in rest[:4])
    return False


def _place(toks: Sequence[Token], k: int) -> Place | None:
    """The place an ordinal at ``k`` gives, when its phrase heads an event."""
    t = toks[k]
    if t.lower in _ANOTHER:
        low, high = 2, None
    elif t.lower in _ORDINALS:
        low = high = _ORDINALS[t.lower]
    else:
        return None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and (nxt.lower in ("most", "least", "among") or nxt.lower.endswith("est")):
        return None  # a rank: "the second most popular", "first among"
    found = _head(toks, k + 1)
    if found is None:
        return None
    head, end = found
    kind = EVENT_KIND.get(toks[head].lemma)
    if kind is None or _bounded(toks, end):
        return None
    return Place(low, high, kind, (t, toks[head]))


@cache_by_identity(maxsize=8192)
def place(claim: Claim) -> Place | None:
    """Where the claim says its event stands in a sequence, if it does."""
    toks = claim.tokens
    for v, t in enumerate(toks):
        if not (t.lemma in _PREDICATING and t.tag in ("VERB", "AUX") or t.lower == "as"):
            continue
        for k in range(v + 1, min(len(toks), v + 2 + _GAP)):
            w = toks[k]
            if w.lower in _NOTS:
                break  # "was not the first"
            if w.lower in _ANOTHER or (w.lower in _ORDINALS and toks[k - 1].lower in ("the", "a", "an")):
                found = _place(toks, k)
                if found is not None:
                    return found
                break
            if w.tag not in ("DET", "ADV"):
                break
    return None


def _disjoint(a: Place, b: Place) -> bool:
    return (a.high is not None and a.high < b.low) or (b.high is not None and b.high < a.low)


def detect(a: Claim, b: Claim) -> Clash | None:
    pa, pb = place(a), place(b)
    if pa is None or pb is None or pa.kind != pb.kind or not _disjoint(pa, pb):
        return None
    reason = f"place in a sequence: {quote(pa.words[:1])} ({pa.words[1].text}) vs {quote(pb.words[:1])} ({pb.words[1].text})"
    return Clash("ordinal", reason, spans(pa.words[:1]), spans(pb.words[:1]))


DETECTOR = Detector(
    type="ordinal",
    detect=detect,
    doc="The claims put one event at different places in its sequence (first / another, second / third).",
    severity="soft",
    severity_rule="soft: outlets count a series differently (which events make it) more often than they disagree on the event",
    event_level=True,
    examples=(
        fires(
            "Expect this meeting in Muscat to be the first of a sequence of cautious contacts.",
            "The meeting in Muscat marks another episodic instance of direct diplomatic engagement.",
        ),
        fires("The Geneva meeting was the second round of talks on the dam.", "The Geneva meeting was the third round of talks on the dam."),
        fires("The Doha session was the first summit of the two leaders.", "The Doha session was another summit of the two leaders."),
        fires("The vote in Ohio was the first referendum on the plan.", "The vote in Ohio was another referendum on the plan."),
        # the same place, or "another" against a later one
        silent("The Geneva meeting was the second round of talks.", "The Geneva meeting was another round of talks."),
        silent("The Geneva meeting was the first round of talks.", "The Geneva meeting was the first round of talks, officials said."),
        # a first bounded in time leaves room for earlier ones
        silent("The Doha meeting was the first direct talks in years.", "The Doha meeting was another round of talks."),
        silent("The Doha meeting was the first summit since 2015.", "The Doha meeting was another summit."),
        # heads of different kinds: a first meeting can be another setback or another attack
        silent("The Doha meeting was the first meeting of the two leaders.", "The Doha meeting was another setback for the peace plan."),
        silent("The raid was the first meeting of the units.", "The raid was another attack on the village."),
        # ranks, fractions and people are no places in a sequence of events
        silent("NBC will end the season as the second most popular network.", "NBC is first among young viewers and the first network."),
        silent("Men were a third less likely to develop cancer.", "Men were a second time less likely to develop cancer."),
        silent("Hill would be the first person executed for the crime.", "Hill would be another person executed for the crime."),
        # an ordinal not said of the event, or denied
        silent("The meeting followed the first round of talks in March.", "The meeting was another round of talks."),
        silent("The Doha meeting was not the first summit.", "The Doha meeting was another summit."),
    ),
)
