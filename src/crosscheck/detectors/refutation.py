"""Refutation: one source calls what the other states false ("The Banksy
arrest is a hoax" / "Banksy was arrested").

A claim refutes its subject when the subject is said to be false ("is a
giant hoax", "are false", "isn't real", "has been debunked"), and a
headline refutes what follows a label ("Ebola Hoax: Texas town
quarantined ..."). The refuted words must carry the other claim: at least
MIN_SHARED of their content lemmas are in it ("the video is fake" says
nothing against "the video was posted on Monday"). Saying that something
is *not* a hoax, or that it is real, refutes nothing; two claims that both
refute it agree; "real" against "fake" is the antonym detector's, "fake"
against "not fake" the negation detector's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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


def _copula_refutation(toks: Sequence[Token]) -> Refuted | None:
    """``SUBJECT is (not) ... hoax/false/real``, or ``SUBJECT has been debunked``."""
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
                    return None  # "is not a hoax" affirms it
                return _with_subject(toks, c, toks[c : j + 1])
            if word in TRUE_WORDS:
                return _with_subject(toks, c, toks[c : j + 1]) if negated else None
            if toks[j].tag not in _GAP_TAGS or toks[j].text in ",;:":
                break
    return None


def _with_subject(toks: Sequence[Token], copula: int, refuting: Sequence[Token]) -> Refuted | None:
    """The subject before the copula, from the last comma on ("Once again, the
    Banksy arrest is a hoax"); none when it is only a pronoun ("this is fake")."""
    start = max((k + 1 for k in range(copula) if toks[k].text in ",;:"), default=0)
    subject = tuple(toks[start:copula])
    if not _content(subject):
        return None
    return Refuted(subject, tuple(refuting))


def _label_refutation(toks: Sequence[Token]) -> Refuted | None:
    """A headline label: ``X Hoax: rest`` or ``Fake: rest`` refutes X and the rest."""
    for c, t in enumerate(toks[:8]):
        if t.text != ":":
            continue
        if c == 0 or toks[c - 1].lower not in FALSE_WORDS:
            return None
        rest = tuple(toks[: c - 1]) + tuple(toks[c + 1 :])
        return Refuted(rest, (toks[c - 1],)) if _content(rest) else None
    return None


@cache_by_identity(maxsize=8192)
def refuted(claim: Claim) -> Refuted | None:
    """What the claim says is false, if it says so."""
    toks = claim.tokens
    return _label_refutation(toks) or _copula_refutation(toks)


def detect(a: Claim, b: Claim) -> Clash | None:
    ra, rb = refuted(a), refuted(b)
    if (ra is None) == (rb is None):
        return None  # neither refutes, or both do (they agree)
    found, other = (ra, b) if ra is not None else (rb, a)
    assert found is not None
    if any(t.lower in FALSE_WORDS or t.lower in TRUE_WORDS for t in other.tokens):
        return None  # true against false is the negation or antonym detector's
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
    examples=(
        fires("Anonymous street artist Banksy was arrested.", "Once again, the Banksy arrest is a giant hoax."),
        fires("ESPN planned a special domestic violence panel.", "That ESPN domestic violence panel you keep hearing about isn't real."),
        fires("Earth will experience six days of darkness in December.", "Nasa's six days of total darkness in December is a hoax."),
        fires("The town of Purdon was quarantined after a family tested positive for Ebola.", "Purdon Ebola Hoax: Texas town quarantined after family tests positive for Ebola."),
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
        # "lying" is no lie
        silent("A young couple is sleeping in a bed.", "A young couple is lying in a bed together."),
    ),
)
