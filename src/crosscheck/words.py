"""Words: tokenization, lemmas and coarse parts of speech, shared by the stages.

Parts of speech come from closed word classes written here and, for open
classes, from lemminflect's lexicon (which lists every reading a word form
has) disambiguated by the previous word. That is far cruder than a trained
tagger, but it is fast, deterministic, installs from PyPI with its data, and
is enough to find clause boundaries and content words.
"""

from __future__ import annotations

import gzip
import re
import threading
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Protocol

from lemminflect import Lemmatizer, getAllLemmas
from lemminflect.core.LexicalUtils import categoryToUPos

from crosscheck.lexicon import canonical_place

# Token pattern, first match wins: initialisms (U.S.), numbers with
# separators and suffixes (19,000  2.5  1990s  6th), words with inner
# hyphens or apostrophes (low-profile, don't; not the possessive 's), the
# possessive itself, currency and percent signs, any other single character.
# (Word characters are matched in runs, \w*, not one alternation per character.)
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s|m|bn|k)?\b"
    r"|[^\W_]\w*(?:[-'](?!s\b)(?=[^\W_])\w*)*"
    r"|'s\b"
    r"|\S"
)
# TOKEN_RE after the whitespace before it: tokens cover every other character
# (\S comes last), so the offsets follow from the lengths, and findall's
# (space, token) pairs cost less than a Match object per token.
_SPACED_TOKEN_RE = re.compile(r"(\s*)(" + TOKEN_RE.pattern + ")")

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
NEGATORS = frozenset(
    "not n't never no none nobody nothing neither nor cannot"
    # contractions typed without the apostrophe ("I dont know"); not "wont"/"cant", which are words
    " dont didnt doesnt isnt wasnt arent werent couldnt wouldnt shouldnt hasnt havent hadnt".split()
)
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
# Verbs too general to say what a claim is about ("be", "say", "make"): not
# alignment keys, and no detail a denial could be about.
LIGHT_VERBS = frozenset({"be", "have", "do", "say", "make", "take", "get", "go", "come", "give", "show"})

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


class TaggedWord(Protocol):
    """What the helpers that read a sentence's tags (``is_finite``) read of a
    word: both ``Word`` and ``model.Token`` have it."""

    @property
    def text(self) -> str: ...
    @property
    def lower(self) -> str: ...
    @property
    def lemma(self) -> str: ...
    @property
    def tag(self) -> str: ...


@lru_cache(maxsize=65536)
def readings(lower: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's readings of a lowercase word: {'VERB': ('meet',), ...}.

    The same as ``getAllLemmas(lower)``, read from lemminflect's tables:
    getAllLemmas deep-copies its entry on every call, which made the first
    sight of each word cost as much as tagging a sentence.
    """
    tables = _lemma_tables()
    if tables is None or lower.isupper() or lower[:1].isupper():
        return getAllLemmas(lower)  # type: ignore[no-any-return]  # (caps styles other than lowercase)
    key = lower.lower()
    found = {**tables[0].get(key, {}), **tables[1].get(key, {})}  # the entry, then its overrides
    return {pos: tuple([form.lower() for form in forms]) for pos, forms in found.items()}


class _LemmaLookup(Protocol):
    def get(self, word: str, default: dict[str, tuple[str, ...]], /) -> dict[str, tuple[str, ...]]: ...


@lru_cache(maxsize=1)
def _lemma_tables() -> tuple[_LemmaLookup, dict[str, dict[str, tuple[str, ...]]]] | None:
    """lemminflect's lemma lookup and overrides (loaded on first use), or None
    if this lemminflect keeps them elsewhere: then getAllLemmas is used as is."""
    try:
        lemmatizer = Lemmatizer()
        lookup: _LemmaLookup | None = None
        if not hasattr(lemmatizer, "lemma_dict"):  # (not loaded yet by a getAllLemmas call)
            lookup = _LemmaLines.read(lemmatizer.lemma_lu_fn)
        if lookup is None:
            lookup = lemmatizer._getLemmaDict()
        return lookup, lemmatizer._getOverridesDict()
    except AttributeError:
        return None


class _LemmaLines:
    """lemminflect's lemma lookup table, each word's entry parsed when it is
    first looked up (``readings`` caches it) from the table's lines.

    ``get`` gives what lemminflect's own table (LemmaLUCodec.load: word ->
    {upos: lemma forms}, one line per word and category) has for a word.
    Parsing all 80,000 lines up front made loading a twentieth of a benchmark
    run, and its 160,000 dicts and tuples kept the garbage collector busy
    long after; a run looks up about 11,000 words.
    """

    __slots__ = ("_words", "_lines")

    def __init__(self, words: Sequence[str], lines: Sequence[str]) -> None:
        # Tuples: of strings only, the garbage collector stops tracking them
        # (a list of 80,000 strings would be walked at every full collection).
        self._words = tuple(words)  # sorted; a word's lines are together, in file order
        self._lines = tuple(lines)  # "word,category,form/form"

    @classmethod
    def read(cls, path: str) -> _LemmaLines | None:
        """The table of lemminflect's file at ``path``, or None if the file is
        not in the expected form (then lemminflect's own loader reads it)."""
        try:
            with open(path, "rb") as handle:
                text = gzip.decompress(handle.read()).decode()
        except (OSError, ValueError, EOFError):
            return None
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # after the final newline
        if text.count(",") != 2 * len(lines):
            return None  # not three fields a line
        lines = [line.strip() for line in lines]
        words = [line.partition(",")[0] for line in lines]
        if words != sorted(words):  # (the file is sorted by word)
            order = sorted(range(len(words)), key=words.__getitem__)  # stable: file order within a word
            words, lines = [words[i] for i in order], [lines[i] for i in order]
        return cls(words, lines)

    def get(self, word: str, default: dict[str, tuple[str, ...]], /) -> dict[str, tuple[str, ...]]:
        words, lines = self._words, self._lines
        i = bisect_left(words, word)
        entry: dict[str, tuple[str, ...]] | None = None
        while i < len(words) and words[i] == word:
            _, category, forms = lines[i].split(",")
            if entry is None:
                entry = {}
            entry[categoryToUPos(category)] = tuple(forms.split("/"))  # a repeated category keeps its place, as dict.update
            i += 1
        return default if entry is None else entry


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
    append = words.append
    new = object.__new__
    set_text, set_lower, set_lemma, set_tag, set_start, set_end = _WORD_SETTERS
    contexts = _CONTEXTS
    analyses = contexts[_SENTENCE_START]
    # In a Title Case Headline capitals say nothing about names: every word is
    # read as a sentence's first word is (a name only if it is no English word).
    titled = is_title_case(text)
    end = offset
    for space, surface in _SPACED_TOKEN_RE.findall(text):
        start = end + len(space)
        end = start + len(surface)
        lower, lem, tag, after = analyses.get(surface) or analyses.analyse(surface)
        word = new(Word)  # Word(surface, lower, lem, tag, start, end), see _WORD_SETTERS
        set_text(word, surface)
        set_lower(word, lower)
        set_lemma(word, lem)
        set_tag(word, tag)
        set_start(word, start)
        set_end(word, end)
        append(word)
        analyses = contexts[after]
        if titled and not analyses.first:
            analyses = contexts[_context_index(analyses.prev, True)]
    if titled:
        _restore_place_names(words)
    return _retag_nouns(words)


def _restore_place_names(words: list[Word]) -> None:
    """In a Title Case headline, runs of capitalized words that name a place
    ("United States", "North Korea", "New York") stay one proper name."""
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 4), i + 1, -1):
            run = words[i:j]
            if all(w.text[:1].isupper() for w in run) and canonical_place(" ".join(w.lower for w in run)) is not None:
                for k, w in enumerate(run, start=i):
                    words[k] = Word(w.text, w.lower, w.lower, "PROPN", w.start, w.end)
                i = j - 1
                break
        i += 1


TITLE_CASE_SHARE = 0.9
# Short words a Title Case headline leaves in lowercase.
_TITLE_LOWERCASE = frozenset({"and", "but", "for", "nor", "the", "yet", "via", "off", "out", "per", "from", "into", "with", "over"})
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]{2,}")


def is_title_case(text: str) -> bool:
    """Is nearly every word of three letters or more capitalized, as in
    "Loggers Accidentally Cut Down World's Oldest Tree"? A sentence of names
    still has its verbs in lowercase ("Iran and the United States met")."""
    candidates = [w for w in _TITLE_WORD.findall(text) if w not in _TITLE_LOWERCASE]
    if len(candidates) < 3 or text.isupper():
        return False
    capitalized = sum(1 for w in candidates if not w.islower())  # "iPhone" too
    return capitalized >= TITLE_CASE_SHARE * len(candidates)


# A frozen dataclass's __init__ sets each field through object.__setattr__,
# which made building Words a third of tokenize: tokenize sets the slots
# directly instead, the same object at half the cost.
_WORD_SETTERS = tuple(getattr(Word, name).__set__ for name in ("text", "lower", "lemma", "tag", "start", "end"))
assert [f.name for f in fields(Word)] == ["text", "lower", "lemma", "tag", "start", "end"]


class _Analyses(dict[str, tuple[str, str, str, int]]):
    """Memo of token analyses in one context, keyed by surface form.

    A token's tag and lemma depend only on its surface form, the tag before it
    ("DASH" after a dash or closing bracket) and whether it starts a sentence;
    news text reuses a few thousand forms, so each combination is analysed
    once. An analysis is (lower, lemma, tag, index in _CONTEXTS of the next
    token's context): an index, not the memo, so that the tuple holds only
    strings and ints and the garbage collector stops tracking it.
    """

    __slots__ = ("prev", "first")
    MAX_SIZE = 20_000  # cleared when full, to bound memory (5,000 FNC-1 pairs fill 5,100)

    def __init__(self, prev: str, first: bool) -> None:
        super().__init__()
        self.prev = prev
        self.first = first

    def analyse(self, surface: str) -> tuple[str, str, str, int]:
        lower = surface.lower()
        tag = _tag(surface, lower, self.prev, self.first)
        prefer = "VERB" if tag in ("VERB", "AUX") else "ADJ" if tag == "ADJ" else "ADV" if tag == "ADV" else ""
        lem = lower if tag in ("PROPN", "NUM", "PUNCT") else lemma(lower, prefer)
        after = _context_index("DASH" if surface in ("\u2014", ")") else tag, surface in '."')
        if len(self) >= self.MAX_SIZE:
            self.clear()
        found = self[surface] = (lower, lem, tag, after)
        return found


_CONTEXTS: list[_Analyses] = []
_CONTEXT_INDEX: dict[tuple[str, bool], int] = {}
_CONTEXTS_LOCK = threading.Lock()


def _context_index(prev: str, first: bool) -> int:
    key = (prev, first)
    index = _CONTEXT_INDEX.get(key)
    if index is None:
        with _CONTEXTS_LOCK:  # contexts are only ever appended; indices stay valid
            index = _CONTEXT_INDEX.get(key)
            if index is None:
                _CONTEXTS.append(_Analyses(prev, first))
                index = _CONTEXT_INDEX[key] = len(_CONTEXTS) - 1
    return index


_SENTENCE_START = _context_index("", True)


_OBJECT_START = frozenset({"DET", "PRON", "POS"})
# The modal auxiliaries: a verb after one is a bare form that takes its tense from it.
MODAL_VERBS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})


def _infinitive(words: list[Word], i: int) -> Word | None:
    """The verb that the noun at ``i``, after "to", is when a base form before
    its object ("appears to *show* a crab", "to *court* the voters"): the
    tagger, reading "to" as a preposition, takes the noun reading."""
    w = words[i]
    if i + 1 < len(words) and words[i + 1].tag in _OBJECT_START and w.lemma == w.lower and "VERB" in readings(w.lower):
        return _retagged(w, "VERB")
    return None


def _retagged(w: Word, tag: str) -> Word:
    """The word read as ``tag``, with that reading's lemma."""
    return Word(w.text, w.lower, lemma(w.lower, tag), tag, w.start, w.end)


# Opening words that qualify the sentence and never start a name: "*Only*
# Intel Corp. has a lower yield", "*Even* Apple ...".
_SENTENCE_ADVERBS = frozenset({"only", "even", "just", "also", "still", "yet", "again", "already", "perhaps", "maybe"})


def _retag_nouns(words: list[Word]) -> list[Word]:
    """A noun/verb form after a name and before a comma, "and" or a verb is a
    noun ("Gulf Arab states, Israel and ..."), not a verb. A capitalized first
    word before a name is part of it ("United States envoy")."""
    if (
        len(words) > 1
        and words[0].text[:1].isupper()
        and words[1].tag == "PROPN"
        and words[0].tag in ("ADJ", "NOUN", "VERB")
        and words[0].lower not in _SENTENCE_ADVERBS
    ):
        w = words[0]
        words[0] = Word(w.text, w.lower, w.lower, "PROPN", w.start, w.end)
    _main_verb_after_plural(words)
    seen_finite = False
    last_finite: Word | None = None
    n = len(words)
    for i in range(1, n):
        w = words[i]
        tag = w.tag
        if tag == "NOUN" and words[i - 1].lower == "to":
            verb = _infinitive(words, i)
            if verb is not None:
                words[i] = w = verb
                tag = "VERB"
        if (
            (tag == "NOUN" or tag == "ADJ")
            and last_finite is not None
            and i + 1 < n
            and words[i - 1].lower in ("and", "or", "but")
            and words[i + 1].tag in ("DET", "PRON", "POS")
        ):
            # "committed suicide and left a note": a second verb in the form of the first
            past = _past_form(w.lower)
            if past is not None and _past_form(last_finite.lower) is not None:
                words[i] = w = Word(w.text, w.lower, past, "VERB", w.start, w.end)
                tag = "VERB"
        if tag == "VERB":
            if "NOUN" in readings(w.lower):
                nxt = words[i + 1] if i + 1 < n else None
                before = words[i - 1].tag
                closes = nxt is None or nxt.text in (",", ".", ";", ":", "\u2014", ")") or nxt.tag == "CONJ"
                if (
                    nxt is not None
                    and (
                        (before == "PROPN" and (nxt.text == "," or nxt.tag in ("CONJ", "AUX")))
                        # "price *declines* have remained": a verb takes no auxiliary after it
                        or (before == "NOUN" and nxt.tag == "AUX" and w.lower.endswith("s"))
                    )
                    # "... could pave the way for limited prisoner exchanges, ...": a plural
                    # noun closing a noun phrase once the clause already has its verb.
                    or (seen_finite and before in ("NOUN", "ADJ") and w.lower.endswith("s") and closes)
                    or _named_event(words, i)
                ):
                    words[i] = _retagged(w, "NOUN")
                    continue  # a noun now: not finite
            if is_finite(words, i):
                seen_finite = True
                last_finite = w
        elif tag == "AUX":  # is_finite without the call: an auxiliary always is
            seen_finite = True
            last_finite = w
    return words


# "the" and the demonstratives: what picks out a thing already known.
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _named_event(words: list[Word], i: int) -> bool:
    """An -ing form after a determiner and a singular name is a noun: "this
    Muscat meeting", "the Boston bombing". After a plural name, or with an
    object, it is a participle ("the Germans meeting in Paris", "the Fed
    meeting its target")."""
    w = words[i]
    if not w.lower.endswith("ing") or i < 2:
        return False
    k = i - 1
    while k > 0 and words[k].tag == "PROPN" and i - k <= 2:
        k -= 1
    if k == i - 1 or words[k].lower not in DEFINITE_DETERMINERS or words[i - 1].lower.endswith("s"):
        return False
    return i + 1 >= len(words) or words[i + 1].tag not in ("DET", "PRON", "POS")


def _past_form(lower: str) -> str | None:
    """The lemma of a past-tense verb form ("left" -> leave, "met" -> meet),
    else None."""
    lemmas = readings(lower).get("VERB", ())
    if not lemmas or lemmas[0] == lower or lower.endswith(("s", "ing")):
        return None
    return lemmas[0]


def is_plural_noun(w: Word) -> bool:
    """A common noun in an -s plural ("measures", "exchanges")."""
    return w.tag == "NOUN" and w.lower.endswith("s") and w.lemma != w.lower


_CLAUSE_ENDS = frozenset({",", ";", ":", "that", "\u2014"})
_VERB_TAGS = ("VERB", "AUX")
_SUBJECT_NP = frozenset({"DET", "ADJ", "NOUN", "PROPN", "POS", "NUM"})


def _main_verb_after_plural(words: list[Word]) -> None:
    """A clause needs a verb: when a clause (from the sentence start or a
    subordinator such as "if" to the next comma, dash or clause) has none,
    and it opens with a noun phrase ending in a plural noun, a base form right
    after that noun is the plural subject's verb ("Possible agendas range from
    ...", "If the exchanges produce ..."), not a compound noun ("the arms
    control treaty was ..." has its verb, so "control" stays a noun)."""
    # Only a base form read as a noun right after a plural noun is ever read
    # again: most sentences have no such pair, and then no clause to look at.
    if not any(
        before.tag == "NOUN" and w.tag == "NOUN" and w.lemma == w.lower and is_plural_noun(before) for before, w in zip(words, words[1:])
    ):
        return
    n = len(words)
    # Where clauses may end, found once: reading a noun as a verb below changes
    # neither a word's lowercase form nor a SCONJ or REL tag.
    ends = [k for k, w in enumerate(words) if w.lower in _CLAUSE_ENDS or w.tag in ("SCONJ", "REL")]
    ends.append(n)
    next_end = 0  # index in ends of the first end at or after start
    start = 0
    while start < n:
        if words[start].tag == "SCONJ":
            start += 1
        while ends[next_end] < start:
            next_end += 1
        end = ends[next_end]
        # (only verbs and auxiliaries can be finite: is_finite is asked of those alone)
        if not any(is_finite(words, k) for k in range(start, end) if words[k].tag in _VERB_TAGS):
            for i in range(start + 1, end - 1):
                w, before = words[i], words[i - 1]
                if before.tag not in _SUBJECT_NP and (before.tag != "PREP" or i - 1 == start):
                    break  # past the opening noun phrase ("agendas for such exchanges")
                if (
                    is_plural_noun(before)
                    and w.tag == "NOUN"
                    and w.lemma == w.lower
                    and w.lower in readings(w.lower).get("VERB", ())
                    and words[i + 1].tag in ("PREP", "DET", "ADV", "NUM", "ADJ")
                ):
                    words[i] = _retagged(w, "VERB")
                    break
        if end == n:
            break
        start = end if words[end].tag == "SCONJ" else end + 1


_PARTICIPLE_NEXT = frozenset({"as", "by", "out", "with"})


def is_finite(words: Sequence[TaggedWord], i: int) -> bool:
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
    # (a form the lemma table lacks, "web-based", may still be a participle)
    if (w.lemma != w.lower or w.lower.endswith("ed")) and not w.lower.endswith("s") and _is_participle(words, i):
        return False
    if w.lower.endswith("ed") and prev is not None and prev.tag == "NOUN":
        nxt = words[i + 1].lower if i + 1 < len(words) else ""
        if nxt in _PARTICIPLE_NEXT:
            return False
        return i < 2 or words[i - 2].tag in ("DET", "POS", "PUNCT")
    return True


# Words before a past form that make it a modifier of the noun after it:
# "the *merged* company", "in *televised* ceremonies", "more *developed* economies".
_BEFORE_MODIFIER = frozenset({"DET", "POS", "ADJ", "NUM", "PREP"})
_DEGREE_WORDS = frozenset({"more", "most", "less", "least", "newly", "recently", "well", "highly", "so-called"})


def _is_participle(words: Sequence[TaggedWord], i: int) -> bool:
    """Is the past form at ``i`` a participle rather than a past tense: part
    of a compound ("web-*based*"), a modifier of the noun after it ("a
    *proposed* plan"), or the head of a clause with no subject of its own
    ("if *requested* by", "*Called* X, it was launched")?"""
    w = words[i]
    if "-" in w.lower:
        return True
    prev = words[i - 1] if i > 0 else None
    nxt = words[i + 1] if i + 1 < len(words) else None
    if prev is None:
        # Fronted, with the clause it modifies after a comma: "Called X, it was ...".
        return any(x.text == "," for x in words[2:])
    if prev.tag == "SCONJ" or prev.lower in ("be", "being"):
        return True  # "if requested by", "applications (must) be rewritten": the auxiliary carries the tense
    if prev.lower == "not" and i >= 2 and words[i - 2].tag == "NOUN":
        return True  # "products *not sold* in the U.S.": a reduced relative
    if nxt is not None and nxt.tag in ("NOUN", "PROPN", "ADJ"):
        return prev.tag in _BEFORE_MODIFIER or prev.lower in _DEGREE_WORDS
    return False


_CONTRACTED = ("'re", "'ve", "'ll", "'d", "'m")


def _pronoun_contraction(lower: str) -> bool:
    """A pronoun with its auxiliary written on ("we're", "they'll", "I've"): a
    pronoun, not a name ("It's" is split by tokenize; these are not)."""
    if not lower.endswith(_CONTRACTED):
        return False
    return lower[: lower.rindex("'")] in PRONOUNS


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
    if lower in PRONOUNS or _pronoun_contraction(lower):
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
        if lower.endswith(("ing", "ed")):
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
