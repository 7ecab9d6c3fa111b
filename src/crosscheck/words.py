"""Words: tokenization, lemmas and coarse parts of speech, shared by the stages.

Parts of speech come from closed word classes written here and, for open
classes, from lemminflect's lexicon (which lists every reading a word form
has) disambiguated by the previous word. That is far cruder than a trained
tagger, but it is fast, deterministic, installs from PyPI with its data, and
is enough to find clause boundaries and content words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

# Token pattern, first match wins: initialisms (U.S.), numbers with
# separators and suffixes (19,000  2.5  1990s  6th), words with inner
# hyphens or apostrophes (low-profile, don't; not the possessive 's), the
# possessive itself, currency and percent signs, any other single character.
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s|m|bn|k)?\b"
    r"|[^\W_](?:[\w]|[-'](?!s\b)(?=[^\W_]))*"
    r"|'s\b"
    r"|\S"
)

DETERMINERS = frozenset(
    "the a an this that these those its their his her our your my any some each every both all "
    "no another such either neither".split()
)
PREPOSITIONS = frozenset(
    "in on at of for with by from to into onto over under between among amid amidst through "
    "during since after before about against across toward towards via per without within "
    "than like unlike despite including inside outside near around behind beyond upon off "
    "throughout amongst along alongside following regarding concerning as".split()
)
COORDINATORS = frozenset("and or but nor yet".split())
SUBORDINATORS = frozenset(
    "because although though while whereas if unless when whenever once until whether "
    "since before after so".split()
)
PRONOUNS = frozenset(
    "i you he she it we they me him us them itself themselves himself herself one "
    "someone anyone everyone nobody somebody there".split()
)
RELATIVES = frozenset("which who whom whose that where".split())
AUXILIARIES = frozenset(
    "is are was were be been being am 's 're 'm has have had having do does did will would "
    "shall should can could may might must 'll 'd wo ca".split()
)
NEGATORS = frozenset("not n't never no none nobody nothing neither nor cannot".split())
WH_WORDS = frozenset("how what why whatever whichever".split())

STOPWORDS = (
    DETERMINERS
    | PREPOSITIONS
    | COORDINATORS
    | SUBORDINATORS
    | PRONOUNS
    | RELATIVES
    | AUXILIARIES
    | frozenset(
        "'s also just very more most much many other same so too then there here now "
        "only even still such than into upon yet ever what how why whether".split()
    )
) - NEGATORS

_NOUN_BEFORE = frozenset({"DET", "ADJ", "PREP", "POS", "NUM"})


@dataclass(frozen=True, slots=True)
class Word:
    """A token of the normalized text with its coarse tag and lemma."""

    text: str
    lower: str
    lemma: str
    tag: str  # PUNCT NUM DET PREP CONJ SCONJ PRON REL AUX NEG VERB NOUN PROPN ADJ ADV POS
    start: int  # offsets into the normalized text
    end: int

    @property
    def is_verb(self) -> bool:
        return self.tag in ("VERB", "AUX")

    @property
    def is_content(self) -> bool:
        return self.tag in ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM") and self.lower not in STOPWORDS


@lru_cache(maxsize=65536)
def readings(lower: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's readings of a lowercase word: {'VERB': ('meet',), ...}."""
    return getAllLemmas(lower)  # type: ignore[no-any-return]


@lru_cache(maxsize=65536)
def lemma(lower: str, prefer: str = "") -> str:
    found = readings(lower)
    for pos in (prefer, "NOUN", "VERB", "ADJ", "ADV", "AUX"):
        if pos and pos in found:
            return str(found[pos][0]).lower()
    return lower


def tokenize(text: str, offset: int = 0) -> list[Word]:
    """Words of ``text`` with coarse tags; offsets are ``offset`` + index in ``text``."""
    words: list[Word] = []
    prev_tag = ""
    for m in TOKEN_RE.finditer(text):
        surface = m.group()
        lower = surface.lower()
        prev = "DASH" if words and words[-1].text in ("\u2014", ")") else prev_tag
        tag = _tag(surface, lower, prev, first=not words or words[-1].text in '."')
        prefer = "VERB" if tag in ("VERB", "AUX") else "ADJ" if tag == "ADJ" else "ADV" if tag == "ADV" else ""
        lem = lower if tag in ("PROPN", "NUM", "PUNCT") else lemma(lower, prefer)
        words.append(Word(surface, lower, lem, tag, offset + m.start(), offset + m.end()))
        prev_tag = tag
    return _retag_nouns(words)


def _retag_nouns(words: list[Word]) -> list[Word]:
    """A noun/verb form after a name and before a comma, "and" or a verb is a
    noun ("Gulf Arab states, Israel and ..."), not a verb. A capitalized first
    word before a name is part of it ("United States envoy")."""
    if len(words) > 1 and words[0].text[:1].isupper() and words[1].tag == "PROPN" and words[0].tag in ("ADJ", "NOUN", "VERB"):
        w = words[0]
        words[0] = Word(w.text, w.lower, w.lower, "PROPN", w.start, w.end)
    for i in range(1, len(words) - 1):
        w = words[i]
        if w.tag == "VERB" and words[i - 1].tag == "PROPN" and "NOUN" in readings(w.lower):
            nxt = words[i + 1]
            if nxt.text == "," or nxt.tag in ("CONJ", "AUX"):
                words[i] = Word(w.text, w.lower, lemma(w.lower, "NOUN"), "NOUN", w.start, w.end)
    return words


_PARTICIPLE_NEXT = frozenset({"as", "by", "out", "with"})


def is_finite(words: Sequence[Word], i: int) -> bool:
    """Is words[i] a finite verb (it can carry a clause) rather than a participle
    or infinitive? "Badr met", "talks will hold" yes; "envoy identified as X",
    "talks carried out", "to avoid", "leading" no."""
    w = words[i]
    if w.tag == "AUX":
        return True
    if w.tag != "VERB" or w.lower.endswith("ing"):
        return False
    prev = words[i - 1] if i > 0 else None
    if prev is not None and prev.lower == "to":
        return False
    if w.lower.endswith("ed") and prev is not None and prev.tag == "NOUN":
        nxt = words[i + 1].lower if i + 1 < len(words) else ""
        if nxt in _PARTICIPLE_NEXT:
            return False
        return i < 2 or words[i - 2].tag in ("DET", "POS", "PUNCT")
    return True


def _tag(surface: str, lower: str, prev: str, first: bool) -> str:
    ch = surface[0]
    if not (ch.isalnum()):
        if lower == "'s":
            return "POS"
        return "PUNCT"
    if ch.isdigit():
        return "NUM"
    if lower in NEGATORS or lower.endswith("n't"):
        return "NEG" if lower != "no" else "DET"
    if lower in AUXILIARIES or lower in ("cannot",):
        return "AUX"
    if lower in RELATIVES and lower != "that":
        return "REL"
    if lower in WH_WORDS:
        return "SCONJ"
    if lower in DETERMINERS:
        return "DET"
    if lower in PRONOUNS:
        return "PRON"
    if lower in COORDINATORS:
        return "CONJ"
    if lower in PREPOSITIONS or lower == "without":
        return "PREP"
    if lower in SUBORDINATORS:
        return "SCONJ"
    found = readings(lower)
    if ch.isupper() and (not first or not found) and not surface.isupper() or (surface.isupper() and len(surface) > 1 and not found):
        return "PROPN"
    if "." in surface and surface.replace(".", "").isalpha():  # initialisms such as U.S.
        return "PROPN"
    if not found:
        if lower.endswith("ly"):
            return "ADV"
        if lower.endswith("ing") or lower.endswith("ed"):
            return "VERB"
        return "NOUN"
    kinds = found.keys()
    if "VERB" in kinds and "NOUN" not in kinds and "ADJ" not in kinds:
        return "VERB"
    if "VERB" in kinds and ("NOUN" in kinds or "ADJ" in kinds):
        if prev in _NOUN_BEFORE:
            return "NOUN" if "NOUN" in kinds else "ADJ"
        if prev in ("AUX", "NEG", "ADV", "PRON") or (prev in ("NOUN", "PROPN") and _looks_finite(lower)):
            return "VERB"
        if lower.endswith("ing") and prev in ("", "PUNCT", "CONJ", "SCONJ"):
            return "VERB"
        if prev == "DASH" and lower.endswith("s"):
            return "VERB"  # "Oman - a discreet conduit - signals ..."
        return "NOUN" if "NOUN" in kinds else "ADJ"
    if "ADV" in kinds and not kinds - {"ADV"}:
        return "ADV"
    if "ADJ" in kinds:
        if "NOUN" in kinds and prev in ("DET", "ADJ", "POS") and lower.endswith("s"):
            return "NOUN"
        return "ADJ" if "NOUN" not in kinds or prev not in ("DET", "ADJ", "POS", "PREP") else "NOUN"
    if "NOUN" in kinds:
        return "NOUN"
    return "ADV"


def _looks_finite(lower: str) -> bool:
    """A verb form after a noun: -s, -ed, -ing, or an irregular past."""
    if lower.endswith(("s", "ed", "ing")):
        return True
    lemmas = readings(lower).get("VERB", ())
    return bool(lemmas) and lemmas[0] != lower
