"""Align claims across sources.

Each claim is reduced to *content keys*: lemmas of its content words, proper
noun runs as one canonical entity ("U.S." and "United States" are one key),
dates and quantities in a canonical form. Candidate pairs come from an
inverted index over those keys (blocking): a claim is only scored against
claims of other sources that share a key, and keys that occur in a large share
of all claims do not generate candidates (unless a claim has no other: then
its rarest one does). The score of a pair is rapidfuzz's weighted containment
of one claim's keys in the other's, keys matching exactly or by rapidfuzz
ratio (see ``score``).

What depends on one source alone (its claims' keys, its part of the index and
of the key weights) is computed once per source (``source_keys``): extraction
is cached, so a source compared many times comes back as the same claims.

Thresholds (see docs/benchmarks.md):

- ``AGREE_THRESHOLD``: at or above, two claims state the same thing (with
  at least AGREE_MIN_MATCHES matching keys below CLASH_THRESHOLD). Set on MSRP
  train by ``benchmarks/threshold.py`` (the highest value within 0.001 of the
  best F1, swept from 0.20: F1 peaks at 0.30), checked on STS-B dev.
- ``CLASH_THRESHOLD``: at or above, a typed clash between two claims is a
  conflict without further evidence that they are about the same thing.
  Higher than AGREE_THRESHOLD: a false alarm costs an editor more than a
  missed agreement (on 2,000 SICK pairs, conflict precision 0.90 with this
  bar at 0.50, 0.87 at 0.40).
- ``RELATED_THRESHOLD``: at or above, two claims are about the same thing
  closely enough that a typed clash between them is a conflict when they
  also share anchors besides the clashing words. Alignment returns pairs
  from the lower of this and AGREE_THRESHOLD, so either can be set alone.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from rapidfuzz import fuzz, process

from crosscheck import features as F
from crosscheck import lexicon
from crosscheck.event_reference import EventReference, references
from crosscheck.identity_cache import SOURCE_CACHE_SIZE, cache_by_identity
from crosscheck.lexicon import are_antonyms
from crosscheck.model import Claim, Extraction, Token
from crosscheck.words import LIGHT_VERBS, STOPWORDS, is_finite

AGREE_THRESHOLD = 0.30
CLASH_THRESHOLD = 0.50
AGREE_MIN_MATCHES = 2  # own keys that must match for an agreement below CLASH_THRESHOLD
RELATED_THRESHOLD = 0.30
MAX_CANDIDATES = 8  # per claim and other source, by shared key weight
COMMON_KEY_SHARE = 0.25  # a key in more than this share of claims does not block
# ... nor one held by more claims than this: without a fixed cap, the claims a key
# leads to grow with the input and blocking turns quadratic on book-length sources.
MAX_POSTINGS = 100

_NOT_KEYS = STOPWORDS | LIGHT_VERBS
# A preposition that says something is missing is keyed as the noun that
# says so: "without clear follow-up" / "an absence of tangible follow-up".
PRIVATIVE_KEYS = {"without": "absence"}
# The tags of words keyed by their lemma: of the content tags, all but proper
# nouns (keyed by their run) and numbers (keyed from features).
_WORD_KEY_TAGS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


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
    # The score on the claims' own keys, when lent anchors took part in ``score``.
    own_score: float | None = None
    # How many of the claims' own keys match (see ``matched_own_keys``).
    own_matches: int = 0
    # The claims are said of events that align (each is one, or refers to one;
    # see ``event_links``): what one says of its event the other may deny.
    event_link: bool = False

    @property
    def shared_keys(self) -> frozenset[str]:
        return self.keys_a & self.keys_b

    @property
    def statement_score(self) -> float:
        """How far the claims state the same thing. Anchors lent by a referred
        event tie a claim to that event (so a clash about it counts), but only
        the claim's own words can say that it states what the other does."""
        return self.score if self.own_score is None else self.own_score

    @property
    def states_the_same(self) -> bool:
        """Do the claims state the same thing? At CLASH_THRESHOLD on their
        own words; from AGREE_THRESHOLD when at least AGREE_MIN_MATCHES of
        their own keys match: one rare shared word ("participants") makes
        two short claims score high without saying the same."""
        s = self.statement_score
        return s >= CLASH_THRESHOLD or (s >= AGREE_THRESHOLD and self.own_matches >= AGREE_MIN_MATCHES)


def content_keys(claim: Claim) -> tuple[str, ...]:
    """The keys a claim is matched on, in reading order (may repeat)."""
    return (*(key for key, _ in _word_keys(claim)), *claim.features.dates, *claim.features.numbers)


def _word_keys(claim: Claim) -> list[tuple[str, tuple[int, ...]]]:
    """The keys of a claim's words, each with the starts of the tokens it is
    made of, in reading order (dates and quantities are keyed from features)."""
    keys: list[tuple[str, tuple[int, ...]]] = []
    run: list[Token] = []  # a proper noun run, one key
    months = F.MONTHS
    tokens = claim.tokens
    for i, t in enumerate(tokens):
        tag = t.tag
        # (a month is keyed from features as a date)
        if tag == "PROPN":
            lemma = t.lemma
            if not _is_month(lemma, months):
                run.append(t)
                continue
        if run:
            keys.append((F.canonical_entity(" ".join(r.text for r in run)).lower(), tuple(r.start for r in run)))
            run.clear()
        if t.lower in PRIVATIVE_KEYS:
            keys.append((PRIVATIVE_KEYS[t.lower], (t.start,)))
        elif t.lower == "cent" and i > 0 and tokens[i - 1].lower == "per":
            keys.append(("percent", (t.start,)))  # "0.8 per cent" / "0.81 percent"
        elif tag in _WORD_KEY_TAGS:
            lemma = t.lemma
            if lemma not in _NOT_KEYS and not _is_month(lemma, months):
                keys.append((lemma, (t.start,)))
    if run:
        keys.append((F.canonical_entity(" ".join(r.text for r in run)).lower(), tuple(r.start for r in run)))
    return keys


def _is_month(lemma: str, months: Container[str]) -> bool:
    """Is the lemma a month, with or without dots ("feb.")? (``lemma[-1:] ==
    "."`` spares most words the rstrip.)"""
    return lemma in months or lemma[-1:] == "." and lemma.rstrip(".") in months


FRAME_WEIGHT = 0.5  # share of a frame key's weight between two list items (set a priori: no public set has such pairs)


def frame_keys(claims: Sequence[Claim]) -> tuple[frozenset[str], ...]:
    """Per claim, the keys all of whose words the claim shares with another
    claim of its sentence that has the same finite verb: the frame a list
    lends each claim made from it ("agendas range from A", "agendas range
    from B"). What tells such claims apart is their own part, so between two
    list items (see ``score``) the frame weighs FRAME_WEIGHT. Claims that
    share just their subject ("Kushner was present", "Kushner, identified as
    a participant") say different things about it: no frame."""
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for n, c in enumerate(claims):
        by_sentence[(c.source, c.sentence)].append(n)
    out: list[frozenset[str]] = [_NO_KEYS] * len(claims)
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        starts = [frozenset(t.start for t in claims[n].tokens) for n in members]
        for i, n in enumerate(members):
            tokens = claims[n].tokens
            verb = next((t.start for k, t in enumerate(tokens) if is_finite(tokens, k)), None)
            # Only siblings with the claim's finite verb share its frame: a
            # subject carried into clauses of their own is what they are about.
            shared = frozenset().union(*(s for j, s in enumerate(starts) if j != i and verb in s)) & starts[i]
            if not shared:
                continue
            framed: set[str] = set()
            unframed: set[str] = set()
            for key, at in _word_keys(claims[n]):
                (framed if all(x in shared for x in at) else unframed).add(key)
            out[n] = frozenset(framed - unframed) or _NO_KEYS
    return tuple(out)


def key_weights(claims: Sequence[Claim], keys: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Weight of each key: by kind, damped when the key recurs across many
    claims of the comparison (the event's own names say little about which
    claim is which)."""
    tags = _tag_weights(claims)
    counts = _claim_counts([keys[c.id] for c in claims])
    return {k: _weight(k, tags.get(k), n) for k, n in counts.items()}


def _tag_weights(claims: Sequence[Claim]) -> dict[str, float]:
    """Lemma -> the weight of the tag it first has (proper nouns aside)."""
    tags: dict[str, float] = {}
    for c in claims:
        for t in c.tokens:
            if t.tag in _LEMMA_TAG_WEIGHT and t.lemma not in tags:
                tags[t.lemma] = _LEMMA_TAG_WEIGHT[t.tag]
    return tags


def _claim_counts(keys: Sequence[Sequence[str]]) -> dict[str, int]:
    """Key -> how many claims have it."""
    return dict(Counter(chain.from_iterable(map(set, keys))))


def _weight(key: str, tag: float | None, claims: int) -> float:
    """A key's weight from its tag's weight (None: not a tagged lemma), how
    common the word is in English, and the number of claims that have it."""
    base = tag * rarity(key) if tag is not None else 1.2 if key[:1].isdigit() else 1.0
    return base / (1.0 + math.log(claims - 1)) if claims > 2 else base


# A word's weight factor from its Zipf value z (7 for "the", 6 for "said", 3 for
# "detainee"): (RARITY_TOP - z) / RARITY_SPAN, kept within [RARITY_MIN, RARITY_MAX].
# Names are not scaled: how often a name occurs in English says little about
# how well it tells one claim of an event from another.
RARITY_TOP, RARITY_SPAN, RARITY_MIN, RARITY_MAX = 8.0, 3.5, 0.4, 1.6


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """Weight factor of a lemma key: common words count less, rare ones more."""
    z = lexicon.zipf(word)
    if z is None:
        return RARITY_MAX  # rarer than the frequency table keeps
    return max(RARITY_MIN, min(RARITY_MAX, (RARITY_TOP - z) / RARITY_SPAN))


_TAG_WEIGHT = {"PROPN": 1.0, "NOUN": 1.0, "VERB": 0.8, "ADJ": 0.7, "ADV": 0.5}
_LEMMA_TAG_WEIGHT = {tag: w for tag, w in _TAG_WEIGHT.items() if tag != "PROPN"}  # a proper noun's key is its run
FUZZY_KEY = 85  # rapidfuzz ratio at which two keys count as one ("programme"/"program")




def _name_part_matches(
    left: Iterable[str], keys: ClaimKeys, other: ClaimKeys, wt: Callable[[str, frozenset[str], frozenset[str]], float], own: frozenset[str]
) -> float:
    """Credit for a name written in full on one side and in part on the other:
    "justin bieber" against "bieber" (a surname alone), "north korea" against
    the words "north" and "korea" (a Title Case headline read word by word).
    ``left`` are keys of ``keys`` not matched otherwise."""
    words_other, surnames, _ = other.name_parts
    credit = 0.0
    if not surnames and not keys.name_parts[2]:
        return credit  # no name in full on either side
    for k in left:
        parts = k.split()
        if (len(parts) > 1 and all(_name_word(p) in words_other for p in parts)) or (len(parts) == 1 and _name_word(k) in surnames):
            credit += RELATED_KEY_CREDIT * wt(k, own, keys.frame) / 2
    return credit


@lru_cache(maxsize=65536)
def _name_word(word: str) -> str:
    """A word of a name as name matching compares it: without a plural or
    possessive "s", so a name read word by word from a Title Case headline
    ("Joan Rivers's" -> "joan", "river") still meets "joan rivers"."""
    word = word.removesuffix("'s").removesuffix("'")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def opposite_forms(a: str, b: str) -> bool:
    """Two spellings that are close only because one is the other with a
    prefix ("direct"/"indirect", "likely"/"unlikely", "action"/"reaction",
    "build"/"rebuild"), or because they are antonyms: never one key. Real
    spelling variants differ inside or at the end ("programme"/"program")."""
    if are_antonyms(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) < len(long_) <= len(short) + 4 and long_.endswith(short) and long_[0] != short[0]


def spelling_variant(key: str, others: Sequence[str]) -> str | None:
    """The first of ``others`` closest to ``key`` by rapidfuzz ratio, if it
    reaches FUZZY_KEY and is not an opposite form: the same word spelt
    otherwise ("programme"/"program"). None if there is none."""
    best = process.extractOne(key, others, scorer=fuzz.ratio, score_cutoff=FUZZY_KEY)
    return best[0] if best is not None and not opposite_forms(key, best[0]) else None


RELATED_KEY_CREDIT = 0.8  # a synonym, derivation or capital-for-country counts this much of a match


@lru_cache(maxsize=65536)
def concepts(key: str) -> frozenset[str]:
    """What a key may stand for besides itself, from the WordNet-derived
    lexicon: its derivational family ("negotiation" -> negotiate), its
    synonym classes ("nation" / "country"), its embedding neighbours
    ("prisoner" / "inmate", lexicon.neighbours), and for a place, its
    canonical name and the country it is the capital of ("tehran" -> iran),
    since news uses a capital for its government. Two keys sharing a concept
    match at RELATED_KEY_CREDIT."""
    out = {"d:" + lexicon.derivation_root(key)}
    out.update("s:" + c for c in lexicon.synonym_keys(key))
    # A neighbour is one concept with this key only: "n:" and the pair.
    out.update("n:" + min(key, other) + "|" + max(key, other) for other in lexicon.neighbours(key))
    place = lexicon.canonical_place(key)
    if place is not None:
        out.add("p:" + place)
        country = lexicon.capital_of(key)
        if country is not None:
            out.add("p:" + country)
    return frozenset(out)


CONTEXT_WEIGHT = 0.75  # share of a key's weight when it is lent by the event a claim refers to


_NO_KEYS: frozenset[str] = frozenset()


def _key_set(keys: Iterable[str], context: Iterable[str]) -> frozenset[str]:
    """A claim's own and lent keys as one set (see ClaimKeys)."""
    return frozenset(keys) | frozenset(context)


class ClaimKeys:
    """One claim's keys as ``score`` reads them, built once per claim.

    ``every`` is built as ``score`` has always built its sets (``_key_set``),
    so it iterates in the same order: the order in which float weights are
    summed and rapidfuzz's choices are listed (ties go to the first), on which
    scores must not change.
    """

    __slots__ = ("own", "every", "frame", "_name_parts")

    def __init__(self, keys: Sequence[str], context: Sequence[str] = (), frame: frozenset[str] = frozenset()) -> None:
        self.every = _key_set(keys, context)  # own keys and those lent by the event the claim refers to
        self.own = frozenset(keys) if context else self.every  # the claim's own keys
        self.frame = frame  # own keys shared with a sibling claim (see frame_keys)
        self._name_parts: tuple[frozenset[str], frozenset[str], bool] | None = None

    @property
    def name_parts(self) -> tuple[frozenset[str], frozenset[str], bool]:
        """The words of the keys, the last words of the keys with a space
        (surnames), both as ``_name_word`` gives them, and whether any key is
        more than one word."""
        if self._name_parts is None:
            words: list[str] = []
            multiword = False
            for k in self.every:
                parts = k.split()
                multiword = multiword or len(parts) > 1
                words.extend(parts)
            surnames = frozenset([_name_word(k.rsplit(" ", 1)[-1]) for k in self.every if " " in k]) or _NO_KEYS
            self._name_parts = (frozenset(map(_name_word, words)), surnames, multiword)
        return self._name_parts


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
    Between two items of lists, the words each shares with its list's other
    items (``frame_keys``) weigh FRAME_WEIGHT: the items decide.
    """
    return _score(ClaimKeys(keys_a, context_a), ClaimKeys(keys_b, context_b), weight)


def _score(a: ClaimKeys, b: ClaimKeys, weight: Mapping[str, float] | None) -> float:
    own_a, own_b = a.own, b.own
    set_a, set_b = a.every, b.every
    if not own_a or not own_b:
        return 0.0
    get = (weight if weight is not None else _NO_WEIGHTS).get

    # Frames weigh less only between two list items: an item alone against a
    # whole statement ("did not detail participants" / "Kushner, identified
    # as a participant") is not the statement.
    frame_a, frame_b = (a.frame, b.frame) if a.frame and b.frame else (_NO_KEYS, _NO_KEYS)

    def wt(k: str, own: frozenset[str], frame: frozenset[str]) -> float:
        base = get(k, 1.0) * FRAME_WEIGHT if k in frame else get(k, 1.0)
        return base if k in own else base * CONTEXT_WEIGHT

    shared = set_a & set_b
    matched_w = sum((wt(k, own_a, frame_a) + wt(k, own_b, frame_b)) / 2 for k in shared)
    # Left to match: left_* less taken_* (what the steps below match). Built as
    # the sets score has always used, so they iterate in the same order; the
    # order of the rest is unchanged by taking some.
    left_a, left_b = set_a - shared, set_b - shared
    taken_a: set[str] = set()
    taken_b: set[str] = set()
    rest_b = [k for k in left_b if len(k) >= 5]
    if rest_b:
        # No length prefilter: rapidfuzz's own cutoff handling is cheaper than one in Python.
        for k in sorted(left_a):
            if len(k) >= 5:
                variant = spelling_variant(k, rest_b)
                if variant is not None:
                    matched_w += (wt(k, own_a, frame_a) + wt(variant, own_b, frame_b)) / 2
                    taken_a.add(k)
                    taken_b.add(variant)
    if len(left_a) > len(taken_a) and len(left_b) > len(taken_b):
        # A key of a takes the key of b left after the fuzzy step with which
        # it shares its first (sorted) concept that any such key has, the
        # first such key (sorted), if not yet taken.
        open_b = sorted(left_b - taken_b)
        open_concepts = frozenset().union(*map(concepts, open_b))  # most keys share none: one test each
        for k in sorted(left_a - taken_a):
            concepts_of_key = concepts(k)
            if open_concepts.isdisjoint(concepts_of_key):
                continue
            other = _related_key(concepts_of_key, open_b)
            if other is not None and other not in taken_b:
                matched_w += RELATED_KEY_CREDIT * (wt(k, own_a, frame_a) + wt(other, own_b, frame_b)) / 2
                taken_a.add(k)
                taken_b.add(other)
    if len(left_a) > len(taken_a) and len(left_b) > len(taken_b):
        remaining_a = [k for k in left_a if k not in taken_a]
        remaining_b = [k for k in left_b if k not in taken_b]
        matched_w += _name_part_matches(remaining_a, a, b, wt, own_a) + _name_part_matches(remaining_b, b, a, wt, own_b)
    total_a, total_b = _total(set_a, own_a, frame_a, get), _total(set_b, own_b, frame_b, get)
    containment = matched_w / min(total_a, total_b)
    dice = 2 * matched_w / (total_a + total_b)
    return round(min(1.0, 0.7 * containment + 0.3 * dice), 4)


_NO_WEIGHTS: dict[str, float] = {}  # every key weighs 1


def _related_key(concepts_of_key: frozenset[str], candidates: Sequence[str]) -> str | None:
    """Of ``candidates`` (sorted), the key ``score`` relates to a key with
    these concepts: the first that has the first (sorted) concept any of them
    shares with the key. (Intersecting with the few keys left is cheaper than
    indexing every key of the claim by concept.)"""
    best: str | None = None
    best_concept = ""
    for other in candidates:
        common = concepts_of_key.intersection(concepts(other))
        if common:
            first = min(common)
            if best is None or first < best_concept:
                best, best_concept = other, first
    return best


def _total(keys: frozenset[str], own: frozenset[str], frame: frozenset[str], get: Callable[[str, float], float]) -> float:
    """The weight of a claim's keys (``score``'s ``wt`` summed over them, in order)."""
    if frame:
        return sum([get(k, 1.0) * (FRAME_WEIGHT if k in frame else 1.0) * (1.0 if k in own else CONTEXT_WEIGHT) for k in keys])
    if keys is own:  # nothing lent
        return sum([get(k, 1.0) for k in keys])
    return sum([get(k, 1.0) if k in own else get(k, 1.0) * CONTEXT_WEIGHT for k in keys])


def _note(lent: Mapping[str, EventReference], a: Claim, b: Claim) -> str | None:
    notes = [lent[c.id].describe() for c in (a, b) if c.id in lent]
    return "; ".join(notes) or None


@dataclass(frozen=True, slots=True)
class SourceKeys:
    """What alignment reads of one source's claims. It depends on that source
    alone and extraction is cached, so it is built once per claims tuple
    (``source_keys``) however many comparisons the source is in."""

    # Mostly tuples and dicts of strings and numbers, which the garbage
    # collector can stop tracking: cached objects cost collection time.
    claims: tuple[Claim, ...]
    keys: tuple[tuple[str, ...], ...]  # content_keys of each claim
    context: tuple[tuple[str, ...], ...]  # the anchors lent by the event a claim refers to, less its keys
    every: tuple[tuple[str, ...], ...]  # both, in the order of ClaimKeys.every
    frame: tuple[frozenset[str], ...]  # frame_keys of each claim
    lent: Mapping[str, EventReference]  # claim id -> the event it refers to
    said_of: Mapping[int, tuple[int, ...]]  # index of a claim naming an event -> indices of claims referring to it
    postings: dict[str, tuple[int, ...]]  # key -> indices of the claims matched on it
    tags: dict[str, float]  # as key_weights reads them
    counts: dict[str, int]
    weights: dict[str, float]  # key_weights of this source alone
    scored: list[ClaimKeys | None]  # made when a claim is first scored (most never are)

    def claim_keys(self, n: int) -> ClaimKeys:
        """The ``n``-th claim's ClaimKeys."""
        found = self.scored[n]
        if found is None:
            found = self.scored[n] = ClaimKeys(self.keys[n], self.context[n], self.frame[n])
        return found


@cache_by_identity(maxsize=SOURCE_CACHE_SIZE)
def source_keys(claims: tuple[Claim, ...]) -> SourceKeys:
    """The SourceKeys of a source's claims (cached by identity)."""
    keys = tuple(content_keys(c) for c in claims)
    lent = references(claims)
    context = tuple(tuple(k for k in lent[c.id].anchors if k not in own) if c.id in lent else () for c, own in zip(claims, keys))
    every = tuple(tuple(_key_set(own, lent_keys)) for own, lent_keys in zip(keys, context))
    postings: dict[str, list[int]] = defaultdict(list)
    for n, claim_every in enumerate(every):
        for k in claim_every:
            postings[k].append(n)
    tags, counts = _tag_weights(claims), _claim_counts(keys)
    weights = {k: _weight(k, tags.get(k), n) for k, n in counts.items()}
    said_of: dict[int, list[int]] = defaultdict(list)
    if lent:
        position = {c.id: n for n, c in enumerate(claims)}
        for n, c in enumerate(claims):
            if c.id in lent:
                said_of[position[lent[c.id].antecedent]].append(n)
    return SourceKeys(
        claims,
        keys,
        context,
        every,
        frame_keys(claims),
        lent,
        {n: tuple(ns) for n, ns in said_of.items()},
        {k: tuple(ns) for k, ns in postings.items()},
        tags,
        counts,
        weights,
        [None] * len(claims),
    )


def _merged_weights(sources: Sequence[SourceKeys]) -> Mapping[str, float]:
    """key_weights over the claims of all sources, from each source's parts.
    Only the keys of the other sources can weigh otherwise than they do in
    the largest one alone (a headline against an article: a handful)."""
    if len(sources) == 1:
        return sources[0].weights
    largest = max(range(len(sources)), key=lambda i: len(sources[i].counts))
    big = sources[largest]
    out = dict(big.weights)

    def merged(k: str) -> float:
        tag = next((s.tags[k] for s in sources if k in s.tags), None)  # the first source's tag, as key_weights
        return _weight(k, tag, sum(s.counts.get(k, 0) for s in sources))

    for i, s in enumerate(sources):
        if i == largest:
            continue
        for k in s.counts:
            out[k] = merged(k)
        for k in s.tags:  # a lemma of an earlier source may give a key of the largest its tag
            if k in big.counts:
                out[k] = merged(k)
    return out


def _claims_to_block(source: SourceKeys, blocking: set[str], held: Mapping[str, int]) -> list[tuple[int, Container[str]]]:
    """The claims of a source that look for candidates, in order, each with the
    keys it looks them up by: its blocking keys; failing any, its rarest key
    held by another source too and by at most MAX_POSTINGS claims. An article
    about a crab has "crab" in a quarter of its claims, and the headline "Giant
    crab" no other key: common keys do not block, but a claim is not left with
    no candidates because all of its keys are common."""
    out: list[tuple[int, Container[str]]] = []
    for n, keys in enumerate(source.every):
        if not blocking.isdisjoint(keys):
            out.append((n, blocking))
            continue
        shared = [(held[k], k) for k in keys if k in held and held[k] <= MAX_POSTINGS]
        if shared:
            out.append((n, (min(shared)[1],)))
    return out


def _keys_in_several(sources: Sequence[SourceKeys]) -> set[str]:
    """The keys that claims of at least two sources are matched on."""
    if len(sources) == 2:
        return sources[0].postings.keys() & sources[1].postings.keys()
    seen: set[str] = set()
    out: set[str] = set()
    for s in sources:
        out |= seen.intersection(s.postings)
        seen.update(s.postings)
    return out


def matched_own_keys(a: ClaimKeys, b: ClaimKeys) -> int:
    """How many of ``a``'s own keys match one of ``b``'s own keys: the same
    key, a spelling variant (as ``score`` finds them) or a shared concept."""
    own_b = b.own
    rest_b = [k for k in own_b if len(k) >= 5]
    count = 0
    for k in sorted(a.own):
        if k in own_b:
            count += 1
        elif len(k) >= 5 and rest_b and spelling_variant(k, rest_b) is not None:
            count += 1
        elif any(not concepts(k).isdisjoint(concepts(other)) for other in own_b):
            count += 1
    return count


def _own_score(a: ClaimKeys, b: ClaimKeys, weights: Mapping[str, float]) -> float | None:
    """The score without lent anchors, when either claim has some (else None)."""
    if a.own is a.every and b.own is b.every:
        return None
    return _score(ClaimKeys(tuple(a.own), (), a.frame), ClaimKeys(tuple(b.own), (), b.frame), weights)


def event_links(
    sources: Sequence[SourceKeys], offsets: Sequence[int], pairs: Mapping[tuple[int, int], float]
) -> frozenset[tuple[int, int]]:
    """Pairs of claims (global indices, lower first) said of two events that
    align at CLASH_THRESHOLD: a claim is said of its own event and, when it
    refers to an earlier one (crosscheck.event_reference), of that one.
    "Expect this Muscat meeting to be the first of many" is said of the event
    of "Iran and the U.S. met in Muscat on Feb. 6", however few words it
    shares with "..., marking another round of talks" of the other source."""
    said_of = {offset + n: tuple(offset + m for m in ms) for s, offset in zip(sources, offsets) for n, ms in s.said_of.items()}
    if not said_of:
        return frozenset()
    out: set[tuple[int, int]] = set()
    for (i, j), s in pairs.items():
        if s < CLASH_THRESHOLD or (i not in said_of and j not in said_of):
            continue
        for p in (i, *said_of.get(i, ())):
            for q in (j, *said_of.get(j, ())):
                out.add((p, q) if p < q else (q, p))
    return frozenset(out)


def align(extractions: Sequence[Extraction]) -> list[Candidate]:
    """Scored candidate pairs between claims of different sources, best first
    per claim; only pairs at or above RELATED_THRESHOLD or AGREE_THRESHOLD
    (the lower) are returned.

    Claim ids are unique within a comparison (as they are in its report)."""
    sources = [source_keys(e.claims) for e in extractions]
    offsets = [0]
    for s in sources:
        offsets.append(offsets[-1] + len(s.claims))
    claims = [c for s in sources for c in s.claims]
    every = [e for s in sources for e in s.every]

    def claim_keys(n: int) -> ClaimKeys:
        x = bisect_right(offsets, n) - 1
        return sources[x].claim_keys(n - offsets[x])

    limit = max(8, min(MAX_POSTINGS, int(COMMON_KEY_SHARE * len(claims))))
    weights = _merged_weights(sources)
    # Keys that generate candidates: held by another source too, and not by too
    # many claims of the comparison.
    held = {k: sum(len(s.postings.get(k, ())) for s in sources) for k in _keys_in_several(sources)}
    blocking = {k for k, n in held.items() if n <= limit}

    pairs: dict[tuple[int, int], float] = {}
    for x, sx in enumerate(sources):
        others = [(offsets[y], sy.postings) for y, sy in enumerate(sources) if y != x]
        for local, keys in _claims_to_block(sx, blocking, held):
            n = offsets[x] + local
            shared: list[dict[int, float]] = [defaultdict(float) for _ in others]
            for k in every[n]:  # in set order: the order the weights were always summed in
                if k not in keys:
                    continue
                w = weights.get(k, 1.0)
                for (offset, postings), by_claim in zip(others, shared):
                    for m in postings.get(k, ()):
                        by_claim[offset + m] += w
            for by_claim in shared:
                for _, m in heapq.nsmallest(MAX_CANDIDATES, [(-w, m) for m, w in by_claim.items()]):
                    key = (n, m) if n < m else (m, n)
                    if key not in pairs:
                        pairs[key] = _score(claim_keys(key[0]), claim_keys(key[1]), weights)
    linked = event_links(sources, offsets, pairs)
    for key in linked:
        if key not in pairs:
            pairs[key] = _score(claim_keys(key[0]), claim_keys(key[1]), weights)
    lent: dict[str, EventReference] = {}
    for s in sources:
        lent.update(s.lent)
    out = []
    floor = min(RELATED_THRESHOLD, AGREE_THRESHOLD)
    for (i, j), score in pairs.items():
        if score < floor and (i, j) not in linked:
            continue
        ki, kj = claim_keys(i), claim_keys(j)
        own = _own_score(ki, kj, weights)
        statement = score if own is None else own
        # Matches are counted only where they decide (see Candidate.states_the_same).
        matches = matched_own_keys(ki, kj) if AGREE_THRESHOLD <= statement < CLASH_THRESHOLD else 0
        note = _note(lent, claims[i], claims[j])
        out.append(Candidate(claims[i], claims[j], score, ki.every, kj.every, note, own, matches, (i, j) in linked))
    out.sort(key=lambda p: (-p.score, p.a.id, p.b.id))
    return out
