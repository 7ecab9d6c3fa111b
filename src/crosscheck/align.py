"""Align claims across sources.

Each claim is reduced to *content keys*: lemmas of its content words, proper
noun runs as one canonical entity ("U.S." and "United States" are one key),
dates and quantities in a canonical form. Candidate pairs come from an
inverted index over those keys (blocking): a claim is only scored against
claims of other sources that share a key, and keys that occur in a large share
of all claims do not generate candidates. The score of a pair is rapidfuzz's
weighted containment of one claim's keys in the other's, keys matching exactly
or by rapidfuzz ratio (see ``score``).

Thresholds (set on MSRP train, checked on STS-B; see docs/benchmarks.md):

- ``AGREE_THRESHOLD``: at or above, two claims state the same thing.
- ``RELATED_THRESHOLD``: at or above, two claims are about the same thing
  closely enough that a typed clash between them is a conflict.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from crosscheck import features as F
from crosscheck.event_reference import EventReference, event_context
from crosscheck import lexicon
from crosscheck.lexicon import are_antonyms
from crosscheck.model import Claim, Extraction
from crosscheck.words import STOPWORDS

AGREE_THRESHOLD = 0.50
RELATED_THRESHOLD = 0.30
MAX_CANDIDATES = 8  # per claim and other source, by shared key weight
COMMON_KEY_SHARE = 0.25  # a key in more than this share of claims does not block

# The rapidfuzz scorer used on keys (benchmarks compare with its raw cdist speed).
SCORER = fuzz.ratio

_CONTENT_TAGS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
_LIGHT = frozenset({"be", "have", "do", "say", "make", "take", "get", "go", "come", "give", "show"})


@dataclass(frozen=True, slots=True)
class Candidate:
    a: Claim
    b: Claim
    score: float
    # Every key each claim was matched on, lent event anchors included.
    keys_a: frozenset[str] = frozenset()
    keys_b: frozenset[str] = frozenset()
    # How a claim without names of its own was tied to an event, for the reason.
    note: str | None = None

    @property
    def shared_keys(self) -> frozenset[str]:
        return self.keys_a & self.keys_b


@lru_cache(maxsize=131072)
def _keys_cached(claim_text: str, tokens: tuple[tuple[str, str, str], ...]) -> tuple[str, ...]:
    keys: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            keys.append(F.canonical_entity(" ".join(run)).lower())
            run.clear()

    for text, lemma, tag in tokens:
        if tag == "PROPN" and lemma.rstrip(".") not in F.MONTHS:
            run.append(text)
            continue
        close_run()
        if tag not in _CONTENT_TAGS or lemma in STOPWORDS or lemma in _LIGHT:
            continue
        if tag == "NUM" or lemma.rstrip(".") in F.MONTHS:
            continue  # dates and quantities are added in canonical form below
        keys.append(lemma)
    close_run()
    return tuple(keys)


def content_keys(claim: Claim) -> tuple[str, ...]:
    """The keys a claim is matched on, in reading order (may repeat)."""
    base = _keys_cached(claim.text, tuple((t.text, t.lemma, t.tag) for t in claim.tokens))
    return base + claim.features.dates + claim.features.numbers


def key_weights(claims: Sequence[Claim], keys: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Weight of each key: by kind, damped when the key recurs across many
    claims of the comparison (the event's own names say little about which
    claim is which)."""
    tags: dict[str, float] = {}
    df: dict[str, int] = defaultdict(int)
    for c in claims:
        for t in c.tokens:
            base = _TAG_WEIGHT.get(t.tag)
            if base is not None:
                key = t.lemma if t.tag != "PROPN" else None
                if key is not None and key not in tags:
                    tags[key] = base
        for k in set(keys[c.id]):
            df[k] += 1
    out = {}
    for k, n in df.items():
        base = tags.get(k, 1.2 if k[:1].isdigit() else 1.0)
        out[k] = base / (1.0 + math.log(n - 1)) if n > 2 else base
    return out


_TAG_WEIGHT = {"PROPN": 1.0, "NOUN": 1.0, "VERB": 0.8, "ADJ": 0.7, "ADV": 0.5}
FUZZY_KEY = 85  # rapidfuzz ratio at which two keys count as one ("programme"/"program")


_NEGATIVE_PREFIXES = ("in", "im", "il", "ir", "un", "non", "dis", "non-")


def _name_part_matches(left: set[str], other: set[str], wt: Callable[[str, set[str]], float], own: set[str]) -> float:
    """Credit for a name written in full on one side and in part on the other:
    "justin bieber" against "bieber" (a surname alone), "north korea" against
    the words "north" and "korea" (a Title Case headline read word by word)."""
    words_other = {w for k in other for w in k.split()}
    surnames = {k.rsplit(" ", 1)[-1] for k in other if " " in k}
    credit = 0.0
    for k in left:
        parts = k.split()
        if (len(parts) > 1 and all(p in words_other for p in parts)) or (len(parts) == 1 and k in surnames):
            credit += RELATED_KEY_CREDIT * wt(k, own) / 2
    return credit


def opposite_forms(a: str, b: str) -> bool:
    """Two spellings that are close only because one negates the other
    ("direct"/"indirect", "likely"/"unlikely"): never one key."""
    if are_antonyms(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    return any(long_ == p + short for p in _NEGATIVE_PREFIXES)


RELATED_KEY_CREDIT = 0.8  # a synonym, derivation or capital-for-country counts this much of a match


@lru_cache(maxsize=65536)
def concepts(key: str) -> frozenset[str]:
    """What a key may stand for besides itself, from the WordNet-derived
    lexicon: its derivational family ("negotiation" -> negotiate), its
    synonym classes ("nation" / "country"), and for a place, its canonical
    name and the country it is the capital of ("tehran" -> iran), since news
    uses a capital for its government. Two keys sharing a concept match at
    RELATED_KEY_CREDIT."""
    out = {"d:" + lexicon.derivation_root(key)}
    out.update("s:" + c for c in lexicon.synonym_keys(key))
    place = lexicon.canonical_place(key)
    if place is not None:
        out.add("p:" + place)
        country = lexicon.capital_of(key)
        if country is not None:
            out.add("p:" + country)
    return frozenset(out)


CONTEXT_WEIGHT = 0.5  # share of a key's weight when it is lent by the event a claim refers to


def score(
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    weight: Mapping[str, float] | None = None,
    context_a: Sequence[str] = (),
    context_b: Sequence[str] = (),
) -> float:
    """Similarity in [0, 1] of two claims' content keys.

    Mostly containment (the share of the smaller claim's weight found in the
    other: a source that says more still states the claim), with some Dice
    overlap so a three-word claim does not equal every long claim around it.
    Keys match exactly or, if five characters or longer, when rapidfuzz's
    ratio reaches FUZZY_KEY. ``weight`` maps a key to its weight (default 1).
    ``context_a``/``context_b`` are anchors lent by the event a claim refers
    to (see crosscheck.event_reference); they count at CONTEXT_WEIGHT.
    """
    own_a, own_b = set(keys_a), set(keys_b)
    set_a, set_b = own_a | set(context_a), own_b | set(context_b)
    if not own_a or not own_b:
        return 0.0
    w = weight.get if weight is not None else None

    def wt(k: str, own: set[str]) -> float:
        base = w(k, 1.0) if w is not None else 1.0
        return base if k in own else base * CONTEXT_WEIGHT

    shared = set_a & set_b
    matched_w = sum((wt(k, own_a) + wt(k, own_b)) / 2 for k in shared)
    left_a, left_b = set_a - shared, set_b - shared
    rest_b = [k for k in left_b if len(k) >= 5]
    if rest_b:
        for k in sorted(left_a):
            if len(k) >= 5:
                best = process.extractOne(k, rest_b, scorer=fuzz.ratio, score_cutoff=FUZZY_KEY)
                if best is not None and not opposite_forms(k, best[0]):
                    matched_w += (wt(k, own_a) + wt(best[0], own_b)) / 2
                    left_a.discard(k)
                    left_b.discard(best[0])
    if left_a and left_b:
        by_concept: dict[str, str] = {}
        for k in sorted(left_b):
            for concept in concepts(k):
                by_concept.setdefault(concept, k)
        for k in sorted(left_a):
            other = next((by_concept[c] for c in sorted(concepts(k)) if c in by_concept), None)
            if other is not None and other in left_b:
                matched_w += RELATED_KEY_CREDIT * (wt(k, own_a) + wt(other, own_b)) / 2
                left_a.discard(k)
                left_b.discard(other)
    if left_a and left_b:
        matched_w += _name_part_matches(left_a, set_b, wt, own_a) + _name_part_matches(left_b, set_a, wt, own_b)
    total_a = sum(wt(k, own_a) for k in set_a)
    total_b = sum(wt(k, own_b) for k in set_b)
    containment = matched_w / min(total_a, total_b)
    dice = 2 * matched_w / (total_a + total_b)
    return round(min(1.0, 0.7 * containment + 0.3 * dice), 4)


def _note(lent: Mapping[str, EventReference], a: Claim, b: Claim) -> str | None:
    notes = [lent[c.id].describe() for c in (a, b) if c.id in lent]
    return "; ".join(notes) or None


def align(extractions: Sequence[Extraction]) -> list[Candidate]:
    """Scored candidate pairs between claims of different sources, best first
    per claim; only pairs at or above RELATED_THRESHOLD are returned."""
    claims = [c for e in extractions for c in e.claims]
    keys = {c.id: content_keys(c) for c in claims}
    lent = {cid: ctx for e in extractions for cid, ctx in event_context(e).items()}
    context = {c.id: tuple(k for k in lent[c.id].anchors if k not in keys[c.id]) if c.id in lent else () for c in claims}
    every = {c.id: frozenset(keys[c.id]) | frozenset(context[c.id]) for c in claims}
    index: dict[str, list[int]] = defaultdict(list)
    for n, c in enumerate(claims):
        for k in every[c.id]:
            index[k].append(n)
    limit = max(8, int(COMMON_KEY_SHARE * len(claims)))
    weights = key_weights(claims, keys)

    pairs: dict[tuple[int, int], float] = {}
    for n, c in enumerate(claims):
        shared: dict[int, float] = defaultdict(float)
        for k in every[c.id]:
            postings = index[k]
            if len(postings) > limit:
                continue
            for m in postings:
                if claims[m].source != c.source:
                    shared[m] += weights.get(k, 1.0)
        by_source: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for m, w in shared.items():
            by_source[claims[m].source].append((w, m))
        for cands in by_source.values():
            cands.sort(key=lambda wm: (-wm[0], wm[1]))
            for _, m in cands[:MAX_CANDIDATES]:
                key = (n, m) if n < m else (m, n)
                if key not in pairs:
                    a, b = claims[key[0]].id, claims[key[1]].id
                    pairs[key] = score(keys[a], keys[b], weights, context[a], context[b])
    out = [
        Candidate(claims[i], claims[j], s, every[claims[i].id], every[claims[j].id], _note(lent, claims[i], claims[j]))
        for (i, j), s in pairs.items()
        if s >= RELATED_THRESHOLD
    ]
    out.sort(key=lambda p: (-p.score, p.a.id, p.b.id))
    return out
