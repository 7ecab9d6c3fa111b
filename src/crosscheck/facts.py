"""Fact frames: what a claim says, read as a predicate with its subject.

Two claims that share words are not necessarily about the same fact ("$1,400
checks" / "a $1.9 trillion bill"; "will review prohibitions" / "announced the
investigations"). A clash between them is a conflict only when both sides
say it of the same fact: the words that clash fill the same slot of the same
predicate (or are that predicate), and the claims' subjects do not name
different things. ``same_fact`` decides that from each claim's ``Frame``.

The frame is read from the coarse tags (crosscheck.words): the predicates
are the claim's content verbs, a word's predicate is the nearest one before
it in its clause (or the first after it, for a word in the subject), and the
subject is what precedes the first verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from crosscheck import lexicon
from crosscheck.align import concepts
from crosscheck.event_reference import EVENT_KIND
from crosscheck.features import NEGATING_LEMMAS, canonical_entity
from crosscheck.identity_cache import cache_by_identity
from crosscheck.model import Claim, Span, Token
from crosscheck.words import LIGHT_VERBS, is_finite

# Verbs that say who reports a claim, not what happened: never its predicate.
REPORTING_VERBS = frozenset(
    "say tell announce report add state claim confirm note write explain accord quote cite suggest".split()
)
# Verbs that frame an event as planned or expected ("is expected to win", "agreed
# to probe", "is set to release"): the verb after their "to" is the predicate.
FRAMING_VERBS = frozenset(
    "expect set plan agree decide hope intend aim seek try want schedule prepare vow pledge promise "
    "threaten begin start continue appear seem poise".split()
)
_NOT_PREDICATES = LIGHT_VERBS | REPORTING_VERBS | FRAMING_VERBS


@dataclass(frozen=True, slots=True)
class Frame:
    """A claim's predicates and subject (token indices into ``claim.tokens``)."""

    predicates: tuple[int, ...]  # content verbs, in reading order
    subject_end: int  # tokens before it are the subject (the first verb, or the claim's length)
    subject_names: frozenset[str]  # canonical proper-noun runs of the subject, lowercased
    names: frozenset[str]  # ... of the whole claim
    groups: tuple[frozenset[str], ...]  # names listed together ("Canada and Mexico", "A, B and C")


@cache_by_identity(maxsize=8192)
def frame(claim: Claim) -> Frame:
    tokens = claim.tokens
    predicates = tuple(i for i, t in enumerate(tokens) if t.tag == "VERB" and t.lemma not in _NOT_PREDICATES)
    subject_end = next((i for i in range(len(tokens)) if is_finite(tokens, i)), len(tokens))
    return Frame(predicates, subject_end, _names(tokens[:subject_end]), _names(tokens), _groups(tokens))


def _groups(tokens: Sequence[Token]) -> tuple[frozenset[str], ...]:
    """Proper-noun runs joined by "and", "or" or commas, two or more of them."""
    groups: list[frozenset[str]] = []
    members: list[str] = []
    run: list[str] = []
    for t in (*tokens, None):
        if t is not None and t.tag == "PROPN":
            run.append(t.text)
            continue
        if run:
            members.append(canonical_entity(" ".join(run)).lower())
            run = []
        if t is not None and t.lower in ("and", "or", ",") and members:
            continue  # the list goes on
        if len(members) >= 2:
            groups.append(frozenset(members))
        members = []
    return tuple(groups)


def part_of_group(scope: frozenset[str], groups: Sequence[frozenset[str]]) -> bool:
    """Does one of ``groups`` (names another claim lists together) have some
    but not all of its names in ``scope``? Then what is said of ``scope`` is
    said of a part of the group ("Mexico will receive 2.5 million doses" /
    "4 million doses to Canada and Mexico")."""
    return any(0 < len(g & scope) < len(g) for g in groups)


def local_scope(claim: Claim, start: int, end: int) -> frozenset[str]:
    """The names a phrase at tokens [start, end) of a claim is said of: the
    claim's subject and the names after the phrase up to the end of its
    clause (a comma, or the next number)."""
    tokens = claim.tokens
    stop = end
    while stop < len(tokens) and tokens[stop].text not in (",", ";", ":") and tokens[stop].tag != "NUM":
        stop += 1
    return frame(claim).subject_names | _names(tokens[end:stop])


def _names(tokens: Sequence[Token]) -> frozenset[str]:
    out: set[str] = set()
    run: list[str] = []
    for t in (*tokens, None):
        if t is not None and t.tag == "PROPN":
            run.append(t.text)
            continue
        if run:
            out.add(canonical_entity(" ".join(run)).lower())
            run = []
    return frozenset(out)


def evidence_indices(claim: Claim, spans: tuple[Span, ...]) -> list[int]:
    """The claim's tokens inside a clash's evidence spans."""
    return [i for i, t in enumerate(claim.tokens) if any(s <= t.start and t.end <= e for s, e in spans)]


def predicate_of(claim: Claim, indices: Sequence[int]) -> int | None:
    """The predicate the words at ``indices`` belong to: the last of them that
    is a content verb other than a negating one ("denies *causing*", "did
    not *cut*"), else the nearest content verb before the first of them, else
    the first after it (a word of the subject). None when the claim has no
    content verb (a headline of nouns, "X is Y")."""
    predicates = frame(claim).predicates
    if not predicates:
        return None
    tokens = claim.tokens
    inside = [i for i in indices if i in predicates]
    if inside:
        plain = [i for i in inside if tokens[i].lemma not in NEGATING_LEMMAS]
        return (plain or inside)[-1]
    first = indices[0] if indices else 0
    # A word after a reporting verb ("..., the family said Tuesday") dates or
    # places the report: its predicate is that verb.
    last_verb = next((i for i in range(first - 1, -1, -1) if tokens[i].tag == "VERB"), None)
    if last_verb is not None and tokens[last_verb].lemma in REPORTING_VERBS:
        return last_verb
    before = [p for p in predicates if p < first]
    return before[-1] if before else next((p for p in predicates if p > first), None)


# Verbs that take an event noun as what they say: "*hold* talks" is to talk,
# "*stage* a protest" to protest.
SUPPORT_VERBS = frozenset("hold have conduct stage make take give carry launch".split())
_HEAD_SKIP = frozenset({"DET", "ADJ", "NUM", "POS", "ADV"})


def predicate_lemma(claim: Claim, index: int) -> str:
    """The lemma of the predicate at ``index``: the event noun a support verb
    takes ("held talks" -> talk), else the verb's own."""
    tokens = claim.tokens
    t = tokens[index]
    if t.lemma in SUPPORT_VERBS or t.lemma in LIGHT_VERBS:
        head = _head_after(tokens, index + 1)
        if head is not None and (tokens[head].lemma in EVENT_KIND or t.lemma not in SUPPORT_VERBS):
            return tokens[head].lemma
    return t.lemma


def _head_after(tokens: Sequence[Token], start: int) -> int | None:
    """The last noun of the noun phrase from ``start``, past determiners and
    modifiers (four words at most)."""
    for k in range(start, min(start + 4, len(tokens))):
        if tokens[k].tag in ("NOUN", "PROPN") and (k + 1 >= len(tokens) or tokens[k + 1].tag not in ("NOUN",)):
            return k
        if tokens[k].tag not in _HEAD_SKIP and tokens[k].tag != "NOUN":
            return None
    return None


def _event_kind(lemma: str) -> str | None:
    """The kind of event a word names, itself or through its derivational
    family ("met" -> meet -> meeting: a meeting)."""
    return EVENT_KIND.get(lemma) or _kinds_by_root().get(lexicon.derivation_root(lemma))


@lru_cache(maxsize=1)
def _kinds_by_root() -> dict[str, str]:
    """Derivational root -> the event kind of an event noun with that root
    (built on first use: the lexicon loads lazily)."""
    out: dict[str, str] = {}
    for noun, kind in sorted(EVENT_KIND.items()):
        out.setdefault(lexicon.derivation_root(noun), kind)
    return out


def related_lemmas(a: str, b: str) -> bool:
    """Same lemma, lemmas sharing a derivational family, synonym class or
    embedding neighbourhood, or two names of one kind of event ("met" /
    "talks" / "engagement")."""
    if a == b or not concepts(a).isdisjoint(concepts(b)):
        return True
    kind = _event_kind(a)
    return kind is not None and kind == _event_kind(b)


def related_predicates(a: Token, b: Token) -> bool:
    return related_lemmas(a.lemma, b.lemma)


def slot_of(claim: Claim, indices: Sequence[int]) -> str | None:
    """What the words at ``indices`` are said of: for an adjective (or a word
    the tagger read as a noun before a noun), the noun it modifies ("indirect
    *talks*"); else their predicate (``predicate_of``) as ``predicate_lemma``
    gives it. None when there is neither."""
    tokens = claim.tokens
    if indices:
        first = indices[0]
        t = tokens[first]
        if t.tag == "ADJ" and first + 1 < len(tokens) and tokens[first + 1].tag in ("ADJ", "NOUN"):
            head = _head_after(tokens, first + 1)
            if head is not None:
                return tokens[head].lemma
        verbs = [i for i in indices if tokens[i].tag == "VERB"]
        if verbs and not any(i in frame(claim).predicates for i in verbs):
            # The clashing verb is a reporting or light one: the clash is about
            # the report ("announced the investigations") or what the light
            # verb takes ("will have a warning").
            return predicate_lemma(claim, verbs[-1])
    at = predicate_of(claim, indices)
    return None if at is None else predicate_lemma(claim, at)


def same_predicate(a: Claim, b: Claim, spans_a: tuple[Span, ...], spans_b: tuple[Span, ...]) -> bool | None:
    """Are the clashing words of each side said of related predicates (or
    nouns, see ``slot_of``)? None when either side has none to compare."""
    sa = slot_of(a, evidence_indices(a, spans_a))
    sb = slot_of(b, evidence_indices(b, spans_b))
    if sa is None or sb is None:
        return None
    return related_lemmas(sa, sb)


def different_subjects(a: Claim, b: Claim, spans_a: tuple[Span, ...] = (), spans_b: tuple[Span, ...] = ()) -> bool:
    """Each claim's subject names something the other claim does not name at
    all, not even in part ("Economists surveyed by Dow Jones" / "Analysts
    surveyed by Refinitiv"): they report different things. The subject is
    that of the clause the clashing words (``spans_a``, ``spans_b``) are in:
    "Pelosi told Democrats that *the bill* will be voted on Thursday" is
    said of the bill. A name counts as named when any of its words is a word
    of the other claim ("Robert Plant" / "Robert Plant Didn't": a Title Case
    headline tags names loosely)."""
    return _unnamed(clause_subject_names(a, spans_a), b) and _unnamed(clause_subject_names(b, spans_b), a)


# Words after which a clause of its own starts: a complementizer, or a
# reporting verb taking a bare clause ("said the bill will ...").
_CLAUSE_OPENERS = frozenset({"that", "whether"})


def clause_subject_names(claim: Claim, spans: tuple[Span, ...]) -> frozenset[str]:
    """The names in the subject of the clause holding the words in ``spans``
    (the claim's subject when they are in its main clause)."""
    indices = evidence_indices(claim, spans) if spans else []
    tokens = claim.tokens
    start = 0
    if indices:
        for i in range(indices[0] - 1, 0, -1):
            if tokens[i].lower in _CLAUSE_OPENERS or (tokens[i].tag == "VERB" and tokens[i].lemma in REPORTING_VERBS):
                start = i + 1
                break
    if start == 0:
        return frame(claim).subject_names
    end = next((i for i in range(start, len(tokens)) if is_finite(tokens, i)), len(tokens))
    return _names(tokens[start:end])


def _unnamed(names: frozenset[str], other: Claim) -> bool:
    if not names:
        return False
    words = _lower_words(other)
    return any(words.isdisjoint(name.split()) for name in names)


@cache_by_identity(maxsize=8192)
def _lower_words(claim: Claim) -> frozenset[str]:
    return frozenset(t.lower for t in claim.tokens)


# Words that open an adjunct telling what happened before, after or despite
# the claim's fact: "*after* initially denying reports", "*despite*
# previously denying he knew the man". What the adjunct says is not the fact.
ADJUNCT_OPENERS = frozenset({"after", "before", "despite", "since", "while", "instead", "until"})
# Words that open a condition: what it says is not asserted ("unless they're in large gatherings").
CONDITION_OPENERS = frozenset({"if", "unless"})


# Verbs whose "to V" is wanted, tried or promised, not done: "had promised to
# *declare* it a national emergency", "has agreed to *probe*". (Not "is set
# to" or "is expected to": those place an event in the future.)
UNREALIZED_FRAMES = frozenset(
    "promise plan hope want seek try threaten vow pledge intend aim agree offer ask urge wish attempt propose".split()
)
# Subjects that make a claim a quotation of an unnamed speaker: "I never
# asked ...", "We know". What a quoted "I" says is not the outlet's fact.
SPEAKER_PRONOUNS = frozenset({"i", "we", "you", "me", "us", "my", "our", "your"})


def asserted_claim(claim: Claim) -> bool:
    """Does the claim assert anything of its own: not a question ("Will you
    commit ...?"), an imperative ("Don't obsess about ..."), or the words of
    a first- or second-person speaker ("I never asked ...")?"""
    tokens = claim.tokens
    if not tokens or claim.text.rstrip().rstrip("\"'").endswith("?"):
        return False
    first = tokens[0]
    if first.lower in ("don't", "do") and len(tokens) > 1 and tokens[1].tag in ("VERB", "NEG"):
        return False
    if first.tag == "AUX" and len(tokens) > 1 and tokens[1].tag == "PRON":
        return False  # an inverted question without its mark
    subject = tokens[: frame(claim).subject_end]
    return not any(t.lower in SPEAKER_PRONOUNS for t in subject)


def asserted(claim: Claim, spans: tuple[Span, ...]) -> bool:
    """Are the words in ``spans`` part of what the claim asserts (see
    ``asserted_claim``), rather than of what it says is wanted, tried or
    promised (UNREALIZED_FRAMES), of a condition (CONDITION_OPENERS), or of
    an adjunct opened by ADJUNCT_OPENERS and an -ing verb, before them in
    their clause?"""
    if not asserted_claim(claim):
        return False
    tokens = claim.tokens
    indices = evidence_indices(claim, spans)
    if not indices:
        return True
    verb = next((i for i in indices if tokens[i].tag == "VERB"), None)
    if verb is not None and verb >= 2 and tokens[verb - 1].lower == "to":
        k = verb - 2
        while k > 0 and tokens[k].tag == "ADV":
            k -= 1
        if tokens[k].lemma in UNREALIZED_FRAMES:
            return False
    for i in range(indices[0], -1, -1):
        t = tokens[i]
        if t.text in (",", ";", ":") and i < indices[0]:
            return True
        if t.lower in CONDITION_OPENERS:
            return False
        if t.lower in ADJUNCT_OPENERS:
            following = [w for w in tokens[i + 1 : indices[0] + 1] if w.tag != "ADV"]
            if following and following[0].tag in ("VERB", "NOUN") and following[0].lower.endswith("ing"):
                return False
    return True
