"""Refutation: one source calls what the other states false ("The Banksy
arrest is a hoax" / "Banksy was arrested").

A claim refutes its subject when the subject is said to be false ("is a
giant hoax", "are false", "isn't real", "has been debunked", "exposed as a
fake"), the object of a denial ("denies making 72 million", "debunks
reports that ..."), what a false word heads ("this hoax video of a bird
pooping on Putin", "another death hoax"), and in a headline, what follows
a label ("Ebola Hoax: Texas town quarantined ...") or an opening "No,"
("No, that kid didn't make 72 million"). The refuted words must carry the
other claim: at least MIN_SHARED of their content lemmas are in it ("the
video is fake" says nothing against "the video was posted on Monday"). Saying that something
is *not* a hoax, or that it is real, refutes nothing; two claims that both
refute it agree; "real" against "fake" is the antonym detector's, "fake"
against "not fake" the negation detector's. Refuting what the other claim
only reports ("may", "reportedly", "X said") or asks is no clash between
the sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.detectors import negation
from crosscheck.detectors.base import Clash, Detector, fires, quote, silent, spans
from crosscheck.identity_cache import cache_by_identity
from crosscheck.model import Claim, Token

MIN_SHARED = 2
# Said of a claim, these word forms call it false; "not" before one of
# TRUE_WORDS does too. Forms, not lemmas: "is lying on the beach" is no lie.
FALSE_WORDS = frozenset({
    "hoax", "hoaxes", "fake", "fakes", "false", "untrue", "bogus", "fabricated", "fabrication", "fabrications",
    "fictitious", "fiction", "myth", "myths", "lie", "lies", "phony", "phoney", "made-up", "baseless",
    "unfounded", "groundless", "satire", "prank", "debunked", "fraudulent", "spoof",
})
TRUE_WORDS = frozenset({"real", "true", "accurate", "genuine", "authentic", "legitimate"})
_NEGATED_COPULAS = frozenset({"isn't", "aren't", "wasn't", "weren't", "ain't"})
_NOTS = frozenset({"not", "n't", "never"})
_MAX_GAP = 4  # words between the copula and the refuting word ("is a giant, elaborate hoax")
_GAP_TAGS = frozenset({"ADV", "DET", "ADJ", "NOUN", "PUNCT"})
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


@dataclass(frozen=True, slots=True)
class Refuted:
    words: tuple[Token, ...]  # what is said to be false
    refuting: tuple[Token, ...]  # the words that say so


def _content(tokens: Sequence[Token]) -> frozenset[str]:
    return frozenset(t.lemma for t in tokens if t.tag in _CONTENT and t.lower not in FALSE_WORDS)


_AFFIRMED = Refuted((), ())  # "is not a hoax", "is real": said to be true


def _copula_refutation(toks: Sequence[Token]) -> Refuted | None:
    """``SUBJECT is (not) ... hoax/false/real``, or ``SUBJECT has been
    debunked``; _AFFIRMED when the subject is said to be true."""
    for c, t in enumerate(toks):
        negated = t.lower in _NEGATED_COPULAS
        if not negated and not (t.lemma == "be" and t.tag in ("AUX", "VERB")):
            continue
        k = c + 1
        while k < len(toks) and (toks[k].lower in _NOTS or (toks[k].lemma == "be" and toks[k].tag in ("AUX", "VERB"))):
            negated = negated or toks[k].lower in _NOTS
            k += 1
        for j in range(k, min(len(toks), k + _MAX_GAP + 1)):
            word = toks[j].lower
            if word in FALSE_WORDS:
                if negated:
                    return _AFFIRMED  # "is not a hoax"
                return _with_subject(toks, c, toks[c : j + 1])
            if word in TRUE_WORDS:
                return _with_subject(toks, c, toks[c : j + 1]) if negated else _AFFIRMED
            if toks[j].tag not in _GAP_TAGS or toks[j].text in ",;:":
                break
    return None


def _with_subject(toks: Sequence[Token], copula: int, refuting: Sequence[Token]) -> Refuted | None:
    """The subject before the copula, from the last comma on ("Once again, the
    Banksy arrest is a hoax"); none when it is only a pronoun ("this is fake")."""
    subject = tuple(toks[_clause_start(toks, copula) : copula])
    if not _content(subject):
        return None
    return Refuted(subject, tuple(refuting))


def _is_false_word(t: Token) -> bool:
    return t.lower in FALSE_WORDS or t.lower.split("-", 1)[0] in FALSE_WORDS  # "Fake-News:"


def _label_refutation(toks: Sequence[Token]) -> Refuted | None:
    """A headline label: ``X Hoax: rest`` or ``Fake: rest`` refutes X and the rest."""
    for c, t in enumerate(toks[:8]):
        if t.text != ":":
            continue
        if c == 0 or not _is_false_word(toks[c - 1]):
            return None
        rest = tuple(toks[: c - 1]) + tuple(toks[c + 1 :])
        return Refuted(rest, (toks[c - 1],)) if _content(rest) else None
    return None


def _clause_end(toks: Sequence[Token], start: int) -> int:
    """Where the clause from ``start`` ends: the next comma, semicolon or colon."""
    return next((k for k in range(start, len(toks)) if toks[k].text in ",;:"), len(toks))


def _clause_start(toks: Sequence[Token], end: int) -> int:
    """Where the clause ending at ``end`` starts: after the last comma,
    semicolon or colon before it."""
    return max((k + 1 for k in range(end) if toks[k].text in ",;:"), default=0)


# Verbs whose object is said to be false: "X denies making 72 million".
DENYING_VERBS = frozenset({"deny", "refute", "debunk", "disprove", "dispel", "quash"})
# Nouns for a report of a claim: what a denial may name before the claim
# ("denies reports (that) X"), what a false word may head ("a fake report").
_REPORT_NOUNS = frozenset({
    "report", "claim", "rumor", "rumour", "story", "allegation", "suggestion", "speculation", "news",
    "video", "photo", "picture", "image", "footage", "tweet", "post", "article", "account",
})


def _denial(toks: Sequence[Token]) -> Refuted | None:
    """``X denies/debunks Y``: Y, to the end of its clause, when Y states
    something: a clause or gerund ("denies making 72 million", "denies
    Lebanon captured ...") or a report ("denies reports ..."). Denying a
    request, a motion or bail refuses it; it says nothing is false."""
    for k, t in enumerate(toks):
        if t.lemma in DENYING_VERBS and t.tag == "VERB":
            obj = tuple(toks[k + 1 : _clause_end(toks, k + 1)])
            states = any(
                (w.tag == "VERB" and (n == 0 or obj[n - 1].lower != "to")) or w.lower == "that" for n, w in enumerate(obj)
            ) or any(w.lemma in _REPORT_NOUNS for w in obj[:3])
            return Refuted(obj, (t,)) if states and _content(obj) else None
    return None


def _exposed_as_false(toks: Sequence[Token]) -> Refuted | None:
    """``X exposed/dismissed as a fake``: X (or the object, "dismissed the
    claims as false")."""
    for k in range(1, len(toks) - 1):
        if toks[k].lower != "as" or toks[k - 1].tag != "VERB":
            continue
        j = k + 1 + (toks[k + 1].tag == "DET")
        if j >= len(toks) or not _is_false_word(toks[j]):
            continue
        verb = k - 1
        words = tuple(toks[_clause_start(toks, verb) : verb])
        return Refuted(words, tuple(toks[verb : j + 1])) if _content(words) else None
    return None


def _false_report(toks: Sequence[Token]) -> Refuted | None:
    """A false word at the head of what it qualifies: "a fake stolen Batmobile
    report", "this hoax video of a bird pooping on Putin", "another death
    hoax", "a bomb hoax at the station": the rest of the clause. A false word
    before another noun ("the hoax caller", "the fake doctor") names who or
    what it is, and refutes nothing."""
    for k, t in enumerate(toks):
        if not _is_false_word(t) or t.tag not in ("NOUN", "ADJ", "PROPN", "VERB"):
            continue
        head = k + 1
        while head < len(toks) and toks[head].tag in ("ADJ", "NOUN", "PROPN", "VERB") and toks[head].lemma not in _REPORT_NOUNS:
            head += 1
        is_report = head < len(toks) and toks[head].lemma in _REPORT_NOUNS
        if not is_report and head > k + 1:
            continue  # "fake doctor": a false word before another noun
        if not is_report and t.lower not in ("hoax", "hoaxes"):
            continue
        words = tuple(toks[_clause_start(toks, k) : k]) + tuple(toks[k + 1 : _clause_end(toks, k + 1)])
        return Refuted(words, (t,)) if _content(words) else None
    return None


_NEGATORS = frozenset({"not", "n't", "never", "no"}) | _NEGATED_COPULAS


def _no_opener(toks: Sequence[Token]) -> Refuted | None:
    """A headline's "No, X didn't Y": the whole denied clause."""
    if len(toks) < 3 or toks[0].lower != "no" or toks[1].text != ",":
        return None
    rest = tuple(toks[2:])
    if not any(t.lower in _NEGATORS or t.lower.endswith("n't") for t in rest):
        return None
    denied = tuple(t for t in rest if t.lower not in _NEGATORS and not t.lower.endswith("n't"))
    return Refuted(denied, (toks[0],)) if _content(denied) else None


@cache_by_identity(maxsize=8192)
def refuted(claim: Claim) -> Refuted | None:
    """What the claim says is false, if it says so."""
    toks = claim.tokens
    said = _label_refutation(toks) or _no_opener(toks) or _copula_refutation(toks)
    if said is _AFFIRMED:
        return None
    return said or _exposed_as_false(toks) or _denial(toks) or _false_report(toks)


def detect(a: Claim, b: Claim) -> Clash | None:
    if a.features.hedge == "question" or b.features.hedge == "question":
        return None  # "Did she play a hoax on us?" asks
    ra, rb = refuted(a), refuted(b)
    if (ra is None) == (rb is None):
        return None  # neither refutes, or both do (they agree)
    found, other = (ra, b) if ra is not None else (rb, a)
    assert found is not None
    if any(t.lower in FALSE_WORDS or t.lower in TRUE_WORDS for t in other.tokens):
        return None  # true against false is the negation or antonym detector's
    denials = {r.lemma for r in found.refuting if r.lemma in DENYING_VERBS}
    if denials and any(t.lemma in denials and t.tag == "VERB" for t in other.tokens):
        return None  # the other claim makes the same denial ("denied their motion")
    if negation.detect(a, b) is not None:
        return None  # a denial the negation detector reads word by word is its
    if other.features.hedge is not None:
        return None  # refuting what the other source only reports: it reports it
    shared = _content(found.words) & _content(other.tokens)
    if len(shared) < MIN_SHARED:
        return None
    claimed = tuple(t for t in other.tokens if t.lemma in shared)
    reason = f"{quote(claimed)} called {quote(found.refuting)}"
    if found is ra:
        return Clash("refutation", reason, spans(found.refuting), spans(claimed))
    return Clash("refutation", reason, spans(claimed), spans(found.refuting))


DETECTOR = Detector(
    type="refutation",
    detect=detect,
    doc="One claim calls false what the other states (a hoax, fake, not real, debunked).",
    severity="hard",
    severity_rule="hard: one source calls false what the other states",
    same_predicate=False,  # what is called false must carry the other claim (MIN_SHARED), whatever its verb
    examples=(
        fires("Anonymous street artist Banksy was arrested.", "Once again, the Banksy arrest is a giant hoax."),
        fires("ESPN planned a special domestic violence panel.", "That ESPN domestic violence panel you keep hearing about isn't real."),
        fires("Earth will experience six days of darkness in December.", "Nasa's six days of total darkness in December is a hoax."),
        fires(
            "The town of Purdon was quarantined after a family tested positive for Ebola.",
            "Purdon Ebola Hoax: Texas town quarantined after family tests positive for Ebola.",
        ),
        fires("The mayor resigned over the bribery scandal.", "Reports that the mayor resigned over the scandal are false."),
        fires("Experts say the photo shows a giant crab in Kent.", "The giant crab photo from Kent is fake."),
        # affirming that it is not a hoax, or real, refutes nothing
        silent("Anonymous street artist Banksy was arrested.", "The Banksy arrest is not a hoax."),
        silent("The giant crab photo is real.", "Experts say the giant crab photo is real."),
        # true against false is left to the negation and antonym detectors
        silent("The giant crab photo is fake.", "The giant crab photo is not fake."),
        silent("The giant crab photo is genuine, experts say.", "The giant crab photo is fake."),
        # both refute: they agree
        silent("The Banksy arrest is a hoax.", "Reports of the Banksy arrest are false."),
        # the refuted thing is not what the other claim states
        silent("The video was posted on Monday.", "The video is fake."),
        silent("Police arrested the hoax caller in Leeds.", "The bomb threat at the Leeds station was a hoax."),
        silent("The minister resigned on Friday.", "This is fake."),
        # "fake" as a modifier is no refutation
        silent("The fake doctor treated patients in Leeds.", "The doctor treated patients in Leeds for years."),
        # denials, debunkings, "exposed as a fake", "No, ...", a false report
        fires("A New York high schooler earned 72 million in the stock market.", "Mohammed Islam denies making 72 million from stock market trading."),
        fires("A wife and child of Abu Bakr al-Baghdadi were detained in Lebanon.", "Iraq denies Lebanon captured Abu Bakr al-Baghdadi's wife and child."),
        fires("The teacher had sex with a pupil on a tape.", "The teacher sex tape was exposed as a fake after internet detectives traced it."),
        fires("A high schooler earned 72 million trading stocks.", "No, that high school kid didn't make 72 million trading stocks."),
        fires("A bird pooped on Vladimir Putin during a speech.", "People are passing around this hoax video of a bird pooping on Vladimir Putin."),
        fires("The Batmobile was stolen from the film set.", "Zack Snyder responds to fake stolen Batmobile report."),
        fires("Macaulay Culkin died at his home.", "Macaulay Culkin is the victim of another death hoax at his home."),
        fires("Gunmen stormed the station in Leeds.", "Fake-News: gunmen stormed the station in Leeds."),
        silent("The minister denied the request.", "The minister approved a request for funds."),
        silent("The judge denied a defense motion to postpone the trial date.", "The judge agreed to postpone the trial date."),
        silent("The FDA denied ImClone's drug application in December.", "The FDA rejected ImClone's application in December."),
        silent("The judge denied their request in a brief ruling.", "In a brief ruling, the judge denied their motion for an injunction."),
        silent("Macaulay Culkin died at his home.", "No, Macaulay Culkin died at his home."),
        silent("A bird pooped on Vladimir Putin during a speech.", "The hoax caller said a bird pooped on Vladimir Putin."),
        silent("A woman had a third breast added.", "Did the woman with a third breast play a hoax on us?"),
        # the other source only reports it: both report, neither asserts
        silent("The Batmobile was reportedly stolen from the film set.", "Zack Snyder responds to fake stolen Batmobile report."),
        # "lying" is no lie
        silent("A young couple is sleeping in a bed.", "A young couple is lying in a bed together."),
    ),
)
