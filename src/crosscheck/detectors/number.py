"""Numbers: the same quantity given different values ("19 million" / "9 million").

Two numbers clash only when they measure the same thing and cannot both be
true:

- the same thing: the same unit (%, a currency) or the same counted noun
  right after them or after "of" ("12 of the hostages"); a unit number that
  names what it measures ("a 10 percent share", "$10 million fine", "percent
  of women") differs from one naming something else of the same kind; a
  rate ("$11,000 per call", "$30 million a year") is not a total; and a
  level ("to $70", "at $70"), a change ("by 5 percent") and a starting point
  ("from $2,500") are different slots of a sentence;
- cannot both be true: approximations ("nearly $2 billion") tolerate 10%
  and exact values 0.5%; a number written coarser is the other one rounded
  ("1.2 percent" and "1.23 percent", "300" and "296"; a one-digit number only
  within 5%); a bound holds the values it admits ("more than $2 billion"
  and "$2.5 billion", "up to 400" and "25"); a range holds the values and
  the ranges inside it ("from 16 to 27 cents" and "22 cents", "three to four
  points" and "1.8 to 4.4 points"); a dropped scale word is the same figure
  ("$54.9-million" and "$54.9").

A number that an equal one of the other side accounts for takes no part.
Each of the rest is held against its nearest rival (same slot and noun
first, then the closest value), so that numbers filling different slots of
a long sentence are not played against each other; a number whose nearest
rival nearly equals it is settled and neither clashes nor is clashed with.
Parsing (decimal commas, scale words, bounds, clock times) is in
``crosscheck.features.find_quantities``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from crosscheck.detectors.base import Clash, Detector, fires, silent, view
from crosscheck.facts import frame, local_scope, part_of_group, predicate_of, related_predicates
from crosscheck.features import Quantity
from crosscheck.identity_cache import cache_by_identity
from crosscheck.model import Claim, Severity, Token

_TOLERANCE = 0.005  # exact values this close do not clash
_EQUAL = 1e-9  # ... but only equal ones (or one rounding the other) account for each other
_APPROX_TOLERANCE = 0.10
_ROUNDING_TOLERANCE = 0.05  # a one-digit number ("3 percent") may round a value this close ("2.9")
_MAX_RANGE_RATIO = 5.0  # "X to Y" is a range only when Y is at most this many times X ("rose 50 to 9,000" is not)
# Verbs that introduce a range with "from X to Y" (elsewhere "from X to Y" is a change: "rose from 10 to 20").
_RANGE_VERBS = frozenset({"range", "vary", "span"})
# A number's slot, from the word before it (and its modifiers).
_ROLES = {"to": "level", "at": "level", "from": "origin", "by": "change"}
# Adverbs that make a number a rate ("$30 million annually" is "$30 million a year").
_RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour"}
_RATE_ADJECTIVES = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour"}
# Words after "a year" that make it a time, not a rate ("a year earlier").
_TIME_AFTER = frozenset("ago earlier later before after back".split())
# Nouns of time after a number with a unit say when, not what: "5 percent last year".
_TIME_NOUNS = frozenset("year month week day quarter session hour minute period time".split())


@dataclass(frozen=True, slots=True)
class _Reading:
    """A number as a claim states it: one value, a bound or a range."""

    lo: float
    hi: float
    kind: str  # "value", "min", "max" or "range"
    unit: str
    head: frozenset[str]  # the noun it counts or measures ("12 hostages", "a 10 percent share")
    of: frozenset[str]  # the nouns after "of" ("12 of the hostages", "40 percent of women")
    rate: str  # what it is counted per ("$1.70 per share", "$10 million a year"), "" when none
    role: str  # "level", "origin", "change" or "" (unknown)
    approx: bool
    precision: float
    quantities: tuple[Quantity, ...]
    added: bool = False  # counts more of them or others ("eight *more* moons", "the *other* two unions")
    # The predicate it is a count of (crosscheck.facts.predicate_of), and the
    # names it is said of (facts.local_scope): set by _numbers.
    predicate: Token | None = None
    scope: frozenset[str] = frozenset()
    owner: str = ""  # the noun a number is "of" ("a salary *of* $10 million"), set by _numbers

    @property
    def value(self) -> float:
        return self.lo if self.kind in ("value", "min") else self.hi


def _noun_after(words: Sequence[Token], j: int, nouns: tuple[str, ...], plural: bool = False) -> tuple[str | None, int]:
    """The noun within three words from j (past adjectives and numbers; the
    last of a compound), and the index after it. plural: j follows a count above one, so a word
    read as a verb in -s is a plural noun ("three dozen soldiers died": a
    plural subject takes no -s verb)."""
    for k in range(j, min(j + 3, len(words))):
        w = words[k]
        if w.tag in nouns or (plural and w.tag == "VERB" and w.lower.endswith("s") and w.lemma != w.lower):
            # the head of a compound is its last noun: "voter registration *applications*"
            while k + 1 < len(words) and words[k + 1].tag in nouns and w.tag != "VERB":
                k += 1
                w = words[k]
            return w.lemma, k + 1
        if w.tag not in ("ADJ", "NUM"):
            return None, k
    return None, min(j + 3, len(words))


def _of_nouns(words: Sequence[Token], j: int, time_too: bool) -> frozenset[str]:
    """The nouns of the noun phrase after "of" at j: "of all drug costs" ->
    {drug, cost} (the tagger may read either as the head)."""
    if j >= len(words) or words[j].lower != "of":
        return frozenset()
    out: set[str] = set()
    for w in words[j + 1 : j + 6]:
        if w.tag in ("NOUN", "PROPN") or (out and w.tag == "VERB" and w.lower.endswith("s")):
            if time_too or w.lemma not in _TIME_NOUNS:
                out.add(w.lemma)
        elif w.tag not in ("DET", "ADJ", "NUM", "POS") or out:
            break
    return frozenset(out)


def _rate(words: Sequence[Token], q: Quantity) -> str:
    """The noun a number is counted per: "$1.70 per share", "14 cents a
    share", "$10 million a year", "$30 million annually" (not "63 percent a
    year earlier": that says when)."""
    j = q.end
    if not q.unit and j < len(words) and words[j].tag in ("NOUN", "PROPN"):
        j += 1  # past the counted noun: "14 cents a share"
    if j < len(words) and words[j].lower in _RATE_ADVERBS:
        return _RATE_ADVERBS[words[j].lower]
    if j + 1 < len(words) and words[j].lower in ("per", "a", "an"):
        noun, k = _noun_after(words, j + 1, ("NOUN",))
        if noun and not (k < len(words) and words[k].lower in _TIME_AFTER):
            return noun
    # A rate adjective on the noun the number is "of": "a *weekly* salary of about $213,000".
    k = q.lead if q.lead >= 0 else q.start
    while k > 0 and words[k - 1].tag == "ADV":
        k -= 1  # "of *about* $213,000"
    if k >= 3 and words[k - 1].lower == "of" and words[k - 2].tag == "NOUN" and words[k - 3].lower in _RATE_ADJECTIVES:
        return _RATE_ADJECTIVES[words[k - 3].lower]
    return ""


def _things(words: Sequence[Token], q: Quantity) -> tuple[frozenset[str], frozenset[str]]:
    """What a number counts or measures: the noun right after it ("12
    hostages", "a 10 percent share") and the nouns after "of" ("12 of the
    hostages", "40 percent of women"). A number with a unit only names a
    thing with a common noun that is not a time ("5 percent last year")."""
    nouns = ("NOUN",) if q.unit else ("NOUN", "PROPN")
    noun, j = _noun_after(words, q.end, nouns, plural=not q.unit and q.value != 1)
    after = frozenset([noun]) if noun is not None and not (q.unit and noun in _TIME_NOUNS) else frozenset()
    return after, _of_nouns(words, j if noun is not None else q.end, not q.unit)


def _owner(words: Sequence[Token], q: Quantity) -> str:
    """The noun a number is "of": "a yearly salary of (about) $10 million"."""
    k = q.lead if q.lead >= 0 else q.start
    while k > 0 and words[k - 1].tag == "ADV":
        k -= 1
    if k >= 2 and words[k - 1].lower == "of" and words[k - 2].tag == "NOUN":
        return words[k - 2].lemma
    return ""


def _role(words: Sequence[Token], q: Quantity) -> str:
    k = q.lead if q.lead >= 0 else q.start
    if q.bound:
        return ""  # "up to 400": the "to" belongs to the bound
    return _ROLES.get(words[k - 1].lower, "") if k > 0 else ""


def _single(words: Sequence[Token], q: Quantity) -> _Reading:
    kind = q.bound or "value"
    lo, hi = q.value, q.value
    if kind == "min":
        hi = math.inf
    elif kind == "max":
        lo = -math.inf if q.value < 0 else 0.0
    return _Reading(
        lo, hi, kind, q.unit, *_things(words, q), _rate(words, q), _role(words, q), q.approx, q.precision, (q,), _added(words, q)
    )


# Words that make a count one of more or other things: "the *other* two
# unions", "*another* 30 troops", "eight *more* moons", "two *additional* sites".
_ADDED_BEFORE = frozenset({"other", "another", "additional", "further", "extra"})
_ADDED_AFTER = frozenset({"more", "other", "others", "additional", "further", "extra"})


def _added(words: Sequence[Token], q: Quantity) -> bool:
    k = q.lead if q.lead >= 0 else q.start
    return (k > 0 and words[k - 1].lower in _ADDED_BEFORE) or (q.end < len(words) and words[q.end].lower in _ADDED_AFTER)


def _range(words: Sequence[Token], q1: Quantity, q2: Quantity) -> _Reading | None:
    """q1 and q2 as one range, when the words make them one: "between X and
    Y", "X to Y", "X-Y", "X or Y", "ranged from X to Y"."""
    between = [w.lower for w in words[q1.end : q2.start]]
    if not between or q1.bound or q2.bound:
        return None
    conn = between[-1]
    repeated = between[:-1]  # "16 cents a share to 27 cents a share": the words after X repeat after Y
    if repeated and [w.lower for w in words[q2.end : q2.end + len(repeated)]] != repeated:
        return None
    before = words[q1.lead - 1].lower if q1.lead > 0 else ""
    if conn == "and":
        if before != "between":
            return None
    elif conn == "to":
        if before == "from" and not (q1.lead > 1 and words[q1.lead - 2].lemma in _RANGE_VERBS):
            return None
    elif conn not in ("-", "–", "or"):
        return None
    if q1.unit and q2.unit and q1.unit != q2.unit:
        return None
    lo, hi = q1.value, q2.value
    if q1.scale == 1 and q2.scale != 1:
        lo *= q2.scale  # "6 to 7 million": the scale of Y applies to X
    if not (0 <= lo < hi and (lo == 0 or hi / lo <= _MAX_RANGE_RATIO)):
        return None
    unit = q2.unit or q1.unit
    (head1, of1), (head2, of2) = _things(words, q1), _things(words, q2)
    approx = q1.approx or q2.approx
    precision = max(q1.precision, q2.precision)
    return _Reading(lo, hi, "range", unit, head1 | head2, of1 | of2, _rate(words, q2), "", approx, precision, (q1, q2))


def _readings(words: Sequence[Token], qs: Sequence[Quantity]) -> list[_Reading]:
    out: list[_Reading] = []
    i = 0
    while i < len(qs):
        if i + 1 < len(qs):
            r = _range(words, qs[i], qs[i + 1])
            if r is not None:
                out.append(r)
                i += 2
                continue
        out.append(_single(words, qs[i]))
        i += 1
    return out


def _per_nouns(words: Sequence[Token]) -> frozenset[str]:
    """Every noun a claim counts something per ("Earnings per share ... 13 cents")."""
    out = {_RATE_ADVERBS[w.lower] for w in words if w.lower in _RATE_ADVERBS}
    for i, w in enumerate(words[:-1]):
        if w.lower == "per":
            noun, _ = _noun_after(words, i + 1, ("NOUN",))
            if noun:
                out.add(noun)
    return frozenset(out)


def _same_thing(ra: _Reading, rb: _Reading, na: _Numbers, nb: _Numbers) -> bool:
    """Whether two numbers (of claims a and b, read as ``na`` and ``nb``)
    measure the same thing."""
    per_a, per_b = na.per, nb.per
    if ra.unit != rb.unit:
        return False
    if part_of_group(ra.scope, nb.groups) or part_of_group(rb.scope, na.groups):
        return False  # "Mexico will receive 2.5 million" is a part of "4 million to Canada and Mexico"
    if ra.rate != rb.rate and (ra.rate and rb.rate or ra.rate not in per_b and rb.rate not in per_a):
        return False  # "$11,000 per call" is not a total of "$120,000" (unless the other claim says "per call" elsewhere)
    if ra.role and rb.role and ra.role != rb.role:
        return False  # "at 35.8 percent" (a level) vs "by 9.8 percent" (a change)
    if ra.added != rb.added:
        return False  # "the three unions" and "the other two unions" are other unions
    if ra.unit:
        # a unit names what it measures: two nouns of the same kind must agree,
        # and a number naming nothing is known by the predicate it measures
        # ("rose 3 percent"): "$1,400 checks" is not "a $1.9 trillion bill wins".
        if (ra.head and rb.head and not ra.head & rb.head) or (ra.of and rb.of and not ra.of & rb.of):
            return False
        if (ra.head | ra.of) & (rb.head | rb.of) or (ra.owner and ra.owner == rb.owner):
            return True
        return ra.predicate is not None and rb.predicate is not None and related_predicates(ra.predicate, rb.predicate)
    return bool((ra.head | ra.of) & (rb.head | rb.of))


def _close(x: float, y: float, tol: float) -> bool:
    scale = max(abs(x), abs(y), 1e-9)
    return abs(x - y) / scale <= tol


def _rounds_to(coarse: _Reading, fine: _Reading) -> bool:
    """``coarse`` is ``fine`` written with fewer digits: "1.2" for "1.23",
    "17" for "17.3", "300" for "296". A one-digit number rounds only values
    within 5% of it ("3 percent" is not "2.6 percent")."""
    if coarse.precision <= fine.precision:
        return False
    x, y = coarse.value, fine.value
    if abs(x - y) > coarse.precision / 2 * (1 + 1e-9):
        return False
    digits = math.floor(math.log10(abs(x))) - math.floor(math.log10(coarse.precision) + 1e-9) + 1 if x else 1
    return digits >= 2 or _close(x, y, _ROUNDING_TOLERANCE)


def _consistent(ra: _Reading, rb: _Reading, exact_tol: float) -> bool:
    tol = _APPROX_TOLERANCE if ra.approx or rb.approx else exact_tol
    if _elided_scale(ra, rb) or _elided_scale(rb, ra):
        return True
    if ra.kind == "value" and rb.kind == "value":
        return _close(ra.value, rb.value, tol) or _rounds_to(ra, rb) or _rounds_to(rb, ra)
    if ra.kind == rb.kind and ra.kind in ("min", "max"):
        return _close(ra.value, rb.value, _APPROX_TOLERANCE)  # "at least 22" and "at least three" differ
    if ra.kind == "range" and rb.kind == "range":
        return _inside(ra, rb, tol) or _inside(rb, ra, tol)
    # a value, bound or range against a bound or range: the numbers they admit overlap
    return _at_most(ra.lo, rb.hi, tol) and _at_most(rb.lo, ra.hi, tol)


def _at_most(x: float, y: float, tol: float) -> bool:
    """x <= y, or x is within tol of y ("over $2 billion" admits "$1.8 billion" when approximate)."""
    return x <= y or (math.isfinite(x) and math.isfinite(y) and _close(x, y, tol))


def _inside(inner: _Reading, outer: _Reading, tol: float) -> bool:
    return _at_most(outer.lo, inner.lo, tol) and _at_most(inner.hi, outer.hi, tol)


def _elided_scale(scaled: _Reading, bare: _Reading) -> bool:
    """One side dropped the scale word: "$54.9 million" and "$54.9" (a
    number a million times smaller is the same figure, not a rival one)."""
    qa, qb = scaled.quantities[-1], bare.quantities[-1]
    if scaled.kind == "range" or bare.kind == "range" or qa.scale == 1 or qb.scale != 1:
        return False
    return math.isclose(qa.value / qa.scale, qb.value, rel_tol=1e-9)


def _text(words: Sequence[Token], r: _Reading) -> str:
    """The words of a reading as written ("$2.5B", "$70-million")."""
    out = ""
    prev: Token | None = None
    for w in words[r.quantities[0].start : r.quantities[-1].end]:
        out += (" " if prev is not None and prev.end < w.start else "") + w.text
        prev = w
    return out


def _spans(words: Sequence[Token], r: _Reading) -> tuple[tuple[int, int], ...]:
    return ((words[r.quantities[0].start].start, words[r.quantities[-1].end - 1].end),)


@dataclass(frozen=True, slots=True)
class _Numbers:
    """What the detector reads of one claim."""

    readings: tuple[_Reading, ...]
    labels: frozenset[str]  # Quantity.label() of every number
    per: frozenset[str]  # what the claim counts anything per (see _per_nouns)
    groups: tuple[frozenset[str], ...] = ()  # names the claim lists together (facts.Frame.groups)


@cache_by_identity(maxsize=8192)
def _numbers(claim: Claim) -> _Numbers:
    qs = view(claim).quantities
    words = claim.tokens  # token i has the values of as_words(claim)[i]
    readings = []
    for r in _readings(words, qs):
        start, end = r.quantities[0].start, r.quantities[-1].end
        at = predicate_of(claim, [start])
        predicate = words[at] if at is not None else None
        readings.append(replace(r, predicate=predicate, scope=local_scope(claim, start, end), owner=_owner(words, r.quantities[0])))
    per = _per_nouns(words) if qs else frozenset()
    return _Numbers(tuple(readings), frozenset(q.label() for q in qs), per, frame(claim).groups if qs else ())


def _accounted(r: _Reading, mine: _Numbers, other: _Numbers) -> bool:
    """An equal number (or one it rounds, or a bound or range that admits it)
    on the other side accounts for r. Near-equal numbers ("4.91" and "4.92")
    do not account for each other, though they do not clash either."""
    if any(q.label() in other.labels for q in r.quantities):
        return True
    return any(_same_thing(r, o, mine, other) and _consistent(r, o, _EQUAL) for o in other.readings)


def _nearest(r: _Reading, mine: _Numbers, other: _Numbers) -> _Reading | None:
    """The number of the other side most likely to give r's value: one of
    the same thing, in the same slot and naming the same noun first, then the
    closest in value ("$991 million" is held against "$987 million", not
    "$4.62 billion")."""
    rivals = [o for o in other.readings if _same_thing(r, o, mine, other)]
    return min(rivals, key=lambda o: (_slot_rank(r, o), _distance(r, o)), default=None)


def _slot_rank(ra: _Reading, rb: _Reading) -> int:
    same_role = bool(ra.role) and ra.role == rb.role
    same_noun = bool((ra.head | ra.of) & (rb.head | rb.of))
    return (0 if same_role else 1) + (0 if same_noun else 1)


def _distance(ra: _Reading, rb: _Reading) -> float:
    def mid(r: _Reading) -> float:
        return (r.lo + r.hi) / 2 if r.kind == "range" else r.value

    x, y = mid(ra), mid(rb)
    return abs(x - y) / max(abs(x), abs(y), 1e-9)


_EACH = frozenset({"each", "apiece", "individually"})
_ALL = frozenset({"combined", "total", "altogether", "together", "collectively"})


def _sharing(claim: Claim) -> str:
    """Whether a claim's numbers are said of each one ("each", "apiece") or
    of all together ("combined", "in total"), or "" when it says neither."""
    lowers = {t.lower for t in claim.tokens}
    return "each" if not lowers.isdisjoint(_EACH) else "all" if not lowers.isdisjoint(_ALL) else ""


def detect(a: Claim, b: Claim) -> Clash | None:
    if not view(a).quantities or not view(b).quantities:
        return None
    if {_sharing(a), _sharing(b)} == {"each", "all"}:
        return None  # "each boy weighed 50 pounds" / "they weighed 136 pounds combined"
    na, nb = _numbers(a), _numbers(b)
    # Numbers the other side accounts for take no part; each of the rest is
    # held against its nearest rival. One whose nearest rival nearly equals
    # it ("4.91" and "4.92") is settled: it neither clashes nor is clashed
    # with. A clash needs two unsettled numbers, one the other's rival.
    open_a = [r for r in na.readings if not _accounted(r, na, nb)]
    open_b = [r for r in nb.readings if not _accounted(r, nb, na)]
    live_a = [(r, o) for r in open_a if (o := _nearest(r, na, nb)) is not None and not _consistent(r, o, _TOLERANCE)]
    live_b = [(r, o) for r in open_b if (o := _nearest(r, nb, na)) is not None and not _consistent(o, r, _TOLERANCE)]
    pair = next(((ra, rb) for ra, rb in live_a if any(rb is x for x, _ in live_b)), None)
    if pair is None:
        pair = next(((ra, rb) for rb, ra in live_b if any(ra is x for x, _ in live_a)), None)
    if pair is None:
        return None
    ra, rb = pair
    reason = f"'{_text(a.tokens, ra)}' vs '{_text(b.tokens, rb)}'"
    return Clash("number", reason, _spans(a.tokens, ra), _spans(b.tokens, rb), _severity(a, ra, b, rb))


# Words that make a figure an estimate or a projection, not a count.
_ESTIMATE_WORDS = frozenset({"estimate", "project", "expect", "forecast", "predict", "survey", "poll"})


def _severity(a: Claim, ra: _Reading, b: Claim, rb: _Reading) -> Severity:
    """Soft when either figure is approximate, a bound or a range, one is the
    other written coarser ("$1 trillion" for "$1.2 trillion": a headline
    rounds), or either claim gives an estimate or projection; else hard."""
    if ra.approx or rb.approx or ra.kind != "value" or rb.kind != "value":
        return "soft"
    coarse, fine = (ra, rb) if ra.precision >= rb.precision else (rb, ra)
    # A figure with a scale word is rounded by convention: "$1 trillion" may be
    # "$1.2 trillion" to a headline, though 50 is not 49.
    scaled = coarse.quantities[-1].scale > 1
    if _rounds_to(coarse, fine) or (scaled and abs(coarse.value - fine.value) <= coarse.precision / 2 * (1 + 1e-9)):
        return "soft"
    for claim in (a, b):
        if claim.features.hedge is not None or claim.features.modality is not None:
            return "soft"
        if any(t.lemma in _ESTIMATE_WORDS for t in claim.tokens):
            return "soft"
    return "hard"


DETECTOR = Detector(
    type="number",
    detect=detect,
    doc="The same quantity (same unit or counted noun, same slot) with values that cannot both hold.",
    severity="hard",
    severity_rule=(
        "hard; soft when either value is approximate or a bound (\"about\", \"at least\"), one is the other rounded"
        " (\"$1 trillion\" / \"$1.2 trillion\"), or either side is an estimate or projection"
    ),
    same_predicate=False,
    examples=(
        fires("The storm left 19 million people without power.", "The storm left 9 million people without power."),
        fires("The company paid $2 billion for the stake.", "The company paid $3 billion for the stake."),
        fires("Turnout reached 61% in the capital.", "Turnout reached 48% in the capital."),
        # a number said of each one is not the one said of all together
        silent("The four boys weighed 136 pounds combined.", "Each boy weighed less than 50 pounds."),
        fires("The four boys weighed 136 pounds combined.", "The four boys weighed 150 pounds in total."),
        # a count of more or other things is not the count of all of them
        silent("Astronomers have detected 20 new moons around Jupiter.", "Astronomers have found eight more moons around Jupiter."),
        silent("Eddington will meet the three unions on Monday.", "Eddington will meet the other two unions on Monday."),
        fires("Three others were wounded in the attack.", "Four others were wounded in the attack."),
        # a rate adjective on what the number is "of": a year's pay is not a week's
        silent("He will receive a yearly salary of $10 million.", "He will pocket a weekly salary of about $213,000."),
        fires("He will receive a yearly salary of $10 million.", "He will get an annual salary of $12 million."),
        fires("Rebels freed twelve hostages on Sunday.", "Rebels freed 15 hostages on Sunday."),
        silent("The company paid nearly $2 billion for the stake.", "The company paid $2 billion for the stake."),
        silent("The storm left 9 million people without power.", "The storm left nine million people without power."),
        silent("Police arrested 12 protesters.", "Police injured 30 officers."),
        silent("Two adversaries met in 2015.", "Two adversaries met in 2016 with 300 aides."),
        # a decimal comma is a decimal when the group after it is not three digits
        silent("Wyeth estimates that 1.2 million women take the pills.", "Wyeth estimates that 1,2 million women take the pills."),
        silent("The firm employs 1,200 people.", "The firm employs 1,2 thousand people."),
        fires("Wyeth estimates that 1,2 million women take the pills.", "Wyeth estimates that 12 million women take the pills."),
        # a hyphenated or dropped scale word
        silent("Bremer will launch a US$70 million program.", "Bremer will launch a $70-million program."),
        silent("The film beat the record of $54.9-million set in 1999.", "The film beat the record of $54.9 set in 1999."),
        fires("Bremer will launch a $70-million program.", "Bremer will launch a $90 million program."),
        fires("The film beat the record of $54.9-million set in 1999.", "The film beat the record of $64.9 set in 1999."),
        # a coarser number rounds the finer one; a one-digit number only within 5%
        silent("The index slipped 12.27 points, or 1.23 percent.", "The index slipped 12.27 points, or 1.2 percent."),
        silent("SARS has killed 296 people in China.", "SARS has killed 300 people in China."),
        fires("Shares of the firm rose 3.71 percent on Monday.", "Shares of the firm rose 3 percent on Monday."),
        fires("The company paid $2 billion for the stake.", "The company paid $2.4 billion for the stake."),
        # approximations; "up" is a direction, not an approximation
        silent("About 40 people attended.", "41 people attended."),
        fires("Shares were up 40 cents on the day.", "Shares were up 41 cents on the day."),
        # bounds admit the values on their side
        silent("Microsoft will buy Mojang for more than $2 billion.", "Microsoft will buy Mojang for $2.5B."),
        silent("She fought against up to 400 Taliban fighters.", "She fought against 25 Taliban fighters."),
        silent("Some three dozen soldiers died in the attack.", "At least 29 soldiers died in the attack."),
        fires("Freddie Mac shares were down more than 16 percent.", "Freddie Mac shares were down 13.2 percent."),
        fires("Some three dozen soldiers died in the attack.", "At least 50 soldiers died in the attack."),
        fires("The fighting killed at least 22 people.", "The fighting killed at least three people."),
        # ranges admit the values and ranges inside them
        silent("Analysts' predictions ranged from 16 cents a share to 27 cents a share.", "Analysts' predictions were 22 cents a share."),
        silent("The margin of error is three to four percentage points.", "The margin of error is 1.8 to 4.4 percentage points."),
        fires("The firm expects earnings of 13 cents to 14 cents a share.", "The firm expects earnings of 8 to 9 cents a share."),
        # a level ("to", "at"), a change ("by") and a start ("from") are different slots
        silent("Tuition will jump to $2,800 from $2,500.", "Tuition will rise by $300 to $2,800."),
        silent("The Hispanic population was listed at 35.8 percent.", "The Hispanic population increased by 9.8 percent."),
        fires("Tuition will jump to $2,800 this year.", "Tuition will jump to $3,000 this year."),
        # what a unit number measures: "percent of women" is not "percent of men"
        silent("Overall, 83 percent of women washed their hands.", "Overall, 80 percent of men washed their hands."),
        fires("Overall, 83 percent of women washed their hands.", "Overall, 59 percent of women washed their hands."),
        fires("Rebels freed 12 of the hostages on Sunday.", "Rebels freed 15 hostages on Sunday."),
        # a rate ("per call", "a year", "annually") is not a total
        silent("Telemarketers could face fines of up to $120,000.", "Telemarketers could face fines of up to $11,000 per call."),
        silent("The firm spends $30 million annually on ads.", "The firm spent $75 million on ads."),
        fires("The firm spends $30 million annually on ads.", "The firm spends $75 million a year on ads."),
        fires("Analysts expect a profit of $1.70 per share.", "Analysts expect a profit of $1.20 a share."),
        # each number is held against its nearest rival; near-equal ones settle
        silent("Cisco earned $991 million.", "Cisco earned $987 million on sales of $4.7 billion."),
        silent("The yield rose to 4.91 percent.", "The yield rose to 4.92 percent."),
        # clock times and codes are not quantities; ".20" is a decimal
        silent("Shares were up 0.3 percent at 654 pence by 1018 GMT.", "Shares were up 0.3 percent at 654 pence by 0835 GMT."),
        silent("Ozone reached .20 parts per million.", "Ozone reached 0.20 parts per million."),
        fires("Ozone reached .20 parts per million.", "Ozone reached 20 parts per million."),
    ),
)
