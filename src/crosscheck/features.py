"""What a claim asserts beyond its words: polarity, tense, modality, hedges,
numbers, dates and named entities. Computed from a claim's words alone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.model import Features, Token
from crosscheck.words import LIGHT_VERBS, MODAL_VERBS, Word, is_finite, readings

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
APPROXIMATORS = frozenset(
    "about around nearly almost approximately roughly some over under least most more less "
    "fewer than estimated".split()
)
# Words before a number that make it a bound rather than a value: "more than
# 5" is at least 5, "up to 5" at most 5. Longest phrase first.
_BOUNDS = (
    (("no", "fewer", "than"), "min"), (("no", "less", "than"), "min"),
    (("no", "more", "than"), "max"), (("not", "more", "than"), "max"),
    (("as", "much", "as"), "max"), (("as", "many", "as"), "max"), (("as", "high", "as"), "max"),
    (("in", "excess", "of"), "min"), (("upwards", "of"), "min"),
    (("more", "than"), "min"), (("greater", "than"), "min"), (("at", "least"), "min"),
    (("less", "than"), "max"), (("fewer", "than"), "max"), (("up", "to"), "max"), (("at", "most"), "max"),
    (("over",), "min"), (("above",), "min"), (("exceeding",), "min"),
    (("under",), "max"), (("below",), "max"),
)
# Softeners that may stand between a bound and its number ("as much as about 16").
_SOFTENERS = frozenset("about around nearly almost approximately roughly some just only slightly estimated".split())
# Clock times are not quantities ("6 p.m.", "by 1018 GMT"): the word after
# the number names the time of day or a time zone.
_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "a.m", "p.m", "am", "pm", "o'clock"})
_TIME_ZONES = frozenset(
    "GMT UTC BST CET CEST EET EEST WET MSK IST JST KST HKT SGT AEST AEDT ACST AWST NZST NZDT "
    "EST EDT CST CDT MST MDT PST PDT AKST AKDT HST ET CT MT PT".split()
)
CURRENCIES = {"$": "$", "€": "€", "£": "£", "dollars": "$", "dollar": "$", "euros": "€", "pounds": "£"}

# Negation beyond "not": verbs and nouns that deny what follows them.
NEGATING_LEMMAS = frozenset({"deny", "refuse", "fail", "decline", "reject", "absence", "lack"})
NEGATING_NOUNS = frozenset({"absence", "lack"})  # of NEGATING_LEMMAS, those that negate as nouns
NEGATING_NOUNS_BEFORE_TO = frozenset({"failure", "refusal", "failing"})  # "failing" when read as a noun
HEDGE_PHRASES = (
    "according to", "reportedly", "allegedly", "purportedly", "apparently", "rumored", "rumoured",
    "is said to", "are said to", "was said to", "were said to", "unconfirmed", "claimed", "claims",
    "claim", "sources say", "sources said", "it is believed", "reports say", "reported",
    "suggested", "suggests", "may", "might", "could", "possibly", "perhaps", "likely", "said",
    "says", "told", "seems to", "seem to", "appears to", "appear to", "rumors", "rumours",
    "speculation", "unverified", "allegation", "allegations", "accuses", "accused of", "accuse",
    "reports of", "report of", "is believed to", "are believed to", "was believed to", "were believed to",
    "is thought to", "are thought to", "was thought to", "were thought to",
    # reported speech beyond "said": the source passes the claim on
    "wrote that", "writes that", "reports that", "reporting that", "is reporting", "are reporting",
    "claiming", "alleged", "alleging", "purported", "purports", "purporting", "supposedly", "appeared to",
    "appearing to", "seemed to", "seemingly", "announced that", "announces that", "announced on",
    "insists", "insisted", "argues that", "argued that", "arguing that", "believes that", "believe that",
    # what the source could not establish
    "cannot confirm", "can't confirm", "unable to confirm", "not been confirmed", "not confirmed",
    "no confirmation", "unable to verify", "not independently", "unclear whether", "unclear if",
)

_PrefixTree = dict[str, "_PrefixTree"]  # next character -> the phrases' rest ("" where a phrase ends)


def _prefix_tree_pattern(phrases: Sequence[str]) -> str:
    """The alternation of ``phrases`` with common prefixes factored out
    ("claim", "claimed", "claims" -> "claim(?:ed|s|)"), so that at each
    position the regex engine reads a character once instead of trying every
    phrase in turn. The plain alternation tries the phrases in their order,
    this one the longer continuations first; between ``\b`` and ``\b`` both
    find the same phrase while no phrase is another one followed by more
    words, so that at most one phrase can match at a position (tests check
    HEDGE_PHRASES for such pairs)."""
    tree: _PrefixTree = {}
    for phrase in phrases:
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: _PrefixTree) -> str:
        branches = [re.escape(ch) + pattern(rest) for ch, rest in node.items() if ch]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(tree)


_HEDGE_RE = re.compile(r"\b(" + _prefix_tree_pattern(HEDGE_PHRASES) + r")\b")

MODALS = {
    "may": "possible", "might": "possible", "could": "possible", "can": "possible",
    "must": "necessary", "should": "necessary", "would": "conditional",
    "likely": "probable", "unlikely": "improbable", "probably": "probable", "possibly": "possible",
    "expected": "expected", "plan": "intended", "plans": "intended", "planned": "intended",
    "intend": "intended", "intends": "intended", "scheduled": "intended",
}
PAST_AUX = frozenset({"was", "were", "had", "did", "been"})
PRESENT_AUX = frozenset({"is", "are", "am", "has", "have", "does", "do"})
FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_FRAMES = frozenset({"going", "set", "due", "scheduled", "expected", "poised"})
_TENSED_AUX = PAST_AUX | PRESENT_AUX
# Besides verbs, the only words _tense_of looks at.
_TENSE_CUES = FUTURE_MARKERS | FUTURE_FRAMES | _TENSED_AUX

# Canonical names for frequent aliases (initialisms and short forms).
ENTITY_ALIASES = {
    "u.s.": "United States", "us": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states of america": "United States", "the united states": "United States",
    "u.k.": "United Kingdom", "uk": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "u.n.": "United Nations", "un": "United Nations", "e.u.": "European Union", "eu": "European Union",
    "uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates", "dprk": "North Korea",
    "washington": "Washington", "tehran": "Tehran", "nato": "NATO", "ussr": "Soviet Union",
}


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # "", "$", "%", or a unit word
    approx: bool
    start: int  # word indices [start, end) in the claim's word list
    end: int
    bound: str = ""  # "min" ("more than 5"), "max" ("up to 5") or "" (a value)
    precision: float = 1.0  # the place of the last digit written: 0.01 for "1.25", 100 for "300", 1e5 for "1.2 million"
    scale: float = 1.0  # what a scale word or suffix multiplied the numeral by ("2 million", "3bn")
    lead: int = -1  # index of the first word of its modifiers ("more than", "about"); start when none

    def label(self) -> str:
        v = f"{self.value:.6g}" if self.value != int(self.value) or abs(self.value) >= 1e16 else str(int(self.value))
        return f"{self.unit}{v}" if self.unit in ("$", "€", "£") or self.unit.endswith("$") else f"{v}{self.unit}"


@dataclass(frozen=True, slots=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int

    def label(self) -> str:
        if self.month is None:
            return f"{self.year:04d}" if self.year else ""
        md = f"{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        return f"{self.year:04d}-{md}" if self.year else md


def compute(words: Sequence[Word]) -> Features:
    """Features of a claim given its words in reading order."""
    lowers = [w.lower for w in words]
    # Most claims have no numeral, month name or number word: a test of the
    # whole claim at once spares them the word-by-word scans of find_dates and
    # find_quantities, which would find nothing.
    has_numeral = "NUM" in [w.tag for w in words]
    dates = find_dates(words) if has_numeral or not _MONTH_FORMS.isdisjoint(lowers) else []
    date_words = {i for d in dates for i in range(d.start, d.end)}
    has_quantity = has_numeral or not _NUMBER_WORD_FORMS.isdisjoint(lowers)
    return Features(
        negated=is_negated(words),
        tense=tense(words),
        modality=modality(lowers),
        hedge=hedge(" ".join(lowers)),
        numbers=tuple([q.label() for q in find_quantities(words, date_words)]) if has_quantity else (),
        dates=tuple([d.label() for d in dates]),
        entities=tuple(entities(words)),
    )


# Where find_dates starts a date besides a numeral: a month name (find_dates
# also reads "jan." as "jan", though tokenize splits the dot off).
_MONTH_FORMS = frozenset(MONTHS) | frozenset(m + "." for m in MONTHS)
# Where find_quantities starts a quantity besides a numeral (a "." only
# starts one as the point of a numeral after it).
_NUMBER_WORD_FORMS = frozenset(NUMBER_WORDS)


def negation_words(words: Sequence[Word]) -> list[int]:
    """Indices of words that negate their clause ("not", "never", "denied", "without")."""
    found = []
    for i, w in enumerate(words):
        if w.tag == "NEG" or w.lower == "without":
            found.append(i)
        elif w.lemma in NEGATING_LEMMAS and (w.tag == "VERB" or (w.tag == "NOUN" and w.lemma in NEGATING_NOUNS)):
            found.append(i)  # "the absence of", not "price declines"
        elif w.lemma in NEGATING_NOUNS_BEFORE_TO and infinitive_after(words, i) is not None:
            found.append(i)  # "his refusal to participate", not "heart failure"
        elif w.lower == "no" and i + 1 < len(words) and words[i + 1].tag in ("NOUN", "ADJ", "NUM"):
            if i == 0 or not (words[i - 1].tag in ("NUM", "DET") or words[i - 1].lower in NUMBER_WORDS):
                found.append(i)  # not a vote's name: "three *no* votes", "the *no* campaign"
    # "not only" and "no longer" style idioms do not flip polarity of the claim.
    return [i for i in found if not (i + 1 < len(words) and words[i].lower == "not" and words[i + 1].lower in ("only", "just"))]


_MAX_ASIDE = 8  # words of an aside between a negating noun and its "to"


def infinitive_after(words: Sequence[Word] | Sequence[Token], i: int) -> int | None:
    """The index of the "to" after a negating noun: right after it ("failure
    to get"), or after an aside set off by commas ("their failure, three
    times in a row, to get"); else None."""
    if i + 1 >= len(words):
        return None
    if words[i + 1].lower == "to":
        return i + 1
    if words[i + 1].text != ",":
        return None
    for k in range(i + 2, min(len(words) - 1, i + 2 + _MAX_ASIDE)):
        if words[k].text == ",":
            return k + 1 if words[k + 1].lower == "to" else None
    return None


def is_negated(words: Sequence[Word]) -> bool:
    return len(negation_words(words)) % 2 == 1


def tense(words: Sequence[Word]) -> str | None:
    return tense_at(words)[0]


def tense_at(words: Sequence[Word]) -> tuple[str | None, int]:
    """Tense of the claim's main assertion and the index of the word that
    carries it. The complement after a reporting "that", or after a reporting
    verb without it, wins when there is one ("announced that they will meet",
    "issued a statement saying it will work" are future)."""
    start = 0
    for i, w in enumerate(words):
        if w.lower == "that" and i > 0 and words[i - 1].tag == "VERB":
            start = i + 1
        elif w.lower in _REPORTING_BEFORE_CLAUSE and i + 2 < len(words) and words[i + 1].tag in ("PRON", "DET", "PROPN", "NOUN"):
            start = i + 1  # "issued a statement saying it will work", "said the airline will work"
    # A reporting verb ("..., he said") dates the report, not the event: it
    # gives the claim's tense only when nothing else does.
    for offset, skip_reporting in ((start, True), (0, True), (start, False), (0, False)):
        found, index = _tense_of(words, offset, skip_reporting)
        if found:
            return found, index
        if index == _UNDATED:
            return None, -1
    return None, -1


# Reporting verbs whose clause may follow without "that".
_REPORTING_BEFORE_CLAUSE = frozenset({
    "said", "says", "saying", "announced", "stated", "added", "warned", "insisted", "told", "advised", "reiterated",
    "noted", "projected", "predicted", "forecast", "estimated", "argued", "acknowledged", "explained",
})  # fmt: skip
_UNDATED = -2  # a modal ("would", "could") leaves the event's time open: no tense at all
_OPEN_MODALS = MODAL_VERBS - FUTURE_MARKERS


def _tense_of(words: Sequence[Word], start: int, skip_reporting: bool = False) -> tuple[str | None, int]:
    for i in range(start, len(words)):
        w = words[i]
        low = w.lower
        if low in _OPEN_MODALS:
            return None, _UNDATED
        if w.tag != "VERB" and low not in _TENSE_CUES:
            if w.tag == "PRON" and low.endswith("'ll"):
                return "future", i  # "they'll meet"
            continue
        if skip_reporting and low in ATTRIBUTION_VERBS:
            continue
        if low in FUTURE_MARKERS:
            return "future", i
        if low in FUTURE_FRAMES and _to_verb(words, i + 1):
            return "future", i
        if low in _TENSED_AUX and i + 2 < len(words) and words[i + 1].lower in FUTURE_FRAMES and _to_verb(words, i + 2):
            if low in PAST_AUX:
                return None, _UNDATED  # "was expected to": to come then, maybe done by now
            return "future", i  # "is set to", "are expected to"
        if low in ("was", "were") and i + 1 < len(words) and words[i + 1].lower == "to":
            return None, _UNDATED  # "was to take effect": the future of a past moment
        if low in PAST_AUX:
            return "past", i
        if low in PRESENT_AUX:
            # "has met" is a past event reported in the present perfect.
            nxt = next((x for x in words[i + 1 :] if x.tag != "ADV"), None)
            if low in ("has", "have") and nxt is not None and nxt.tag == "VERB" and not nxt.lower.endswith("ing"):
                return "past", i
            return "present", i
        if w.tag == "VERB" and is_finite(words, i):
            if low.endswith("ed") or (w.lemma != low and not low.endswith("s")):
                return "past", i
            return "present", i
    return None, -1


def _to_verb(words: Sequence[Word], i: int) -> bool:
    """Does an infinitive start at ``i`` ("to *arrive*", "to formally *sign*",
    "to *start* on Monday")? "due to" and "going to" also come before a noun
    phrase and then say no future: "resurfaced *due to* low water", "*going
    to* the polls"; the other frames ("set to") always take a verb."""
    if i >= len(words) or words[i].lower != "to":
        return False
    if words[i - 1].lower not in _FRAMES_BEFORE_NOUNS:
        return True
    k = next((k for k in range(i + 1, min(i + 3, len(words))) if words[k].tag != "ADV"), None)
    if k is None:
        return False
    verb = words[k]
    if verb.tag in ("VERB", "AUX"):
        return True
    # The tagger reads a base form before a preposition as a noun ("to *start*
    # on"); before a noun, only a light verb is still one ("to *take* place").
    if verb.lemma != verb.lower or "VERB" not in readings(verb.lower):
        return False
    nxt = words[k + 1] if k + 1 < len(words) else None
    return nxt is None or nxt.tag not in ("NOUN", "PROPN", "ADJ") or verb.lower in LIGHT_VERBS


_FRAMES_BEFORE_NOUNS = frozenset({"due", "going"})


def modality(lowers: Sequence[str]) -> str | None:
    for low in lowers:
        if low in MODALS:
            return MODALS[low]
    return None


def hedge(joined_lower: str) -> str | None:
    m = _HEDGE_RE.search(joined_lower)
    return m.group(1) if m else None


_OPENING_QUOTES = frozenset({"\u201c", "\u2018"})
_CLOSING_QUOTES = frozenset({"\u201d", "\u2019"})
_STRAIGHT_QUOTES = frozenset({'"', "'"})


def quoted_words(words: Sequence[Word]) -> frozenset[int]:
    """Indices of the sentence's words inside quotation marks."""
    inside: set[int] = set()
    start = -1
    n = len(words)
    for i, w in enumerate(words):
        t = w.text
        if start < 0 and not inside and (t in _CLOSING_QUOTES or (t in _STRAIGHT_QUOTES and i >= n - 2)):
            inside.update(range(0, i))  # closing a quote opened in a sentence before
        elif t in _OPENING_QUOTES or (t in _STRAIGHT_QUOTES and start < 0):
            start = i
        elif (t in _CLOSING_QUOTES or t in _STRAIGHT_QUOTES) and start >= 0:
            inside.update(range(start + 1, i))
            start = -1
    if start == 0:
        inside.update(range(1, n))  # a quote running on into the next sentence
    return frozenset(inside)


_CONTENT_TAGS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "NUM", "AUX"})


def all_quoted(words: Sequence[Word], unit: Sequence[int], quoted: frozenset[int]) -> bool:
    """Is every content word of the claim of ``unit`` (indices into the
    sentence's ``words``) inside quotation marks? Then the source quotes
    someone: it reports the claim, it does not make it."""
    content = [i for i in unit if words[i].tag in _CONTENT_TAGS]
    return bool(content) and all(i in quoted for i in content)


def hedge_start(words: Sequence[Word], unit: Sequence[int], phrase: str) -> int:
    """Index in the sentence of the first word of the hedge ``phrase`` in ``unit``."""
    first = phrase.split()[0]
    return next((i for i in unit if words[i].lower == first), unit[-1] + 1)


def hedge_over(unit: Sequence[int], hedged_units: Sequence[tuple[list[int], int, str]]) -> str | None:
    """The hedge of an earlier claim of the sentence that reports this one's
    first word: "The photo appears to show a crab *that is 50ft wide*" -> "a crab
    is 50ft wide" is what the photo appears to show. A claim that starts
    before the hedge ("The photo, *which was shared online*, appears to")
    is not in its scope."""
    for other, start, phrase in hedged_units:
        if start < unit[0] and unit[0] in other:
            return phrase
    return None


# Verbs of saying that, closing a sentence after a comma or colon, attribute
# the whole sentence ("..., the Associated Press reported.", "...: CNN").
ATTRIBUTION_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "reported", "reports", "report", "reporting", "claimed", "claims", "stated",
    "added", "announced", "wrote", "tweeted", "alleged", "according",
})
_MAX_ATTRIBUTION_WORDS = 8


_ASKING_VERBS = frozenset({"ask", "wonder", "inquire", "enquire"})
# Headline labels that say the rest is reported, not established: "Report: ...", "Sources: ...".
_LABELS = {
    "source": "source", "sources": "source", "report": "report", "reports": "report",
    "rumor": "rumor", "rumour": "rumor", "rumors": "rumor", "rumours": "rumor", "unconfirmed": "unconfirmed",
}


def sentence_hedge(words: Sequence[Word]) -> str | None:
    """A hedge whose scope is the whole sentence, so every claim split from it
    carries it: a question ("Is this Britain's biggest crab?"), a fronted
    "According to X, ...", a headline's "Report: ...", or a closing
    attribution (", officials said", ", the AP reported Tuesday", ": CNN")."""
    content = [w for w in words if w.text not in ('"', "'")]
    if not content:
        return None
    if content[-1].text == "?" or (len(content) > 1 and content[-2].text == "?"):
        # "..., asked the surgeons how it was going?" reports a question: a statement.
        if not any(w.lemma in _ASKING_VERBS and w.tag == "VERB" for w in content):
            return "question"
        return None
    lowers = [w.lower for w in content]
    if lowers[:2] == ["according", "to"] and "," in lowers[:_MAX_ATTRIBUTION_WORDS + 2]:
        return "according to"
    if len(lowers) > 2 and lowers[0] in _LABELS and lowers[1] == ":":
        return _LABELS[lowers[0]]
    end = len(lowers) - (1 if content[-1].tag == "PUNCT" else 0)
    for k in range(end - 1, max(-1, end - _MAX_ATTRIBUTION_WORDS - 2), -1):
        if lowers[k] in (",", ":"):
            tail = content[k + 1 : end]
            if lowers[k] == ":" and 0 < len(tail) <= 3 and all(w.tag == "PROPN" for w in tail):
                return "according to " + " ".join(w.text for w in tail)  # "...: CNN"
            said = next((w.lower for w in tail if w.lower in ATTRIBUTION_VERBS and w.tag in ("VERB", "NOUN", "ADJ", "PROPN")), None)
            if said is not None and not any(w.tag == "SCONJ" or w.lower == "that" for w in tail):
                return said
            return None
    return None


def find_dates(words: Sequence[Word]) -> list[DateMention]:
    out: list[DateMention] = []
    n = len(words)
    i = 0
    while i < n:
        low = words[i].lower.rstrip(".")
        if low in MONTHS and (low != "may" or words[i].text[0] == "M") and (low != "mar" or words[i].text[0] == "M"):
            month = MONTHS[low]
            j = i + 1
            if j < n and words[j].text == ".":
                j += 1
            day = year = None
            if j < n and words[j].tag == "NUM" and _int(words[j].lower.rstrip("stndrh")) in range(1, 32):
                day = _int(words[j].lower.rstrip("stndrh"))
                j += 1
                if j + 1 < n and words[j].text == "," and _is_year(words[j + 1].lower):
                    year = int(words[j + 1].lower)
                    j += 2
            elif j < n and _is_year(words[j].lower):
                year = int(words[j].lower)
                j += 1
            elif i > 0 and words[i - 1].tag == "NUM" and _int(words[i - 1].lower.rstrip("stndrh")) in range(1, 32):
                day = _int(words[i - 1].lower.rstrip("stndrh"))
                if out and out[-1].end == i - 1:
                    pass
                out.append(DateMention(None, month, day, i - 1, j))
                i = j
                continue
            if day is None and year is None and low in ("may", "march", "mar"):
                i += 1
                continue  # "may" and "march" are usually not dates on their own
            out.append(DateMention(year, month, day, i, j))
            i = j
            continue
        if words[i].tag == "NUM" and _is_year(words[i].lower) and not (i + 1 < n and words[i + 1].lower in SCALES):
            out.append(DateMention(int(words[i].lower), None, None, i, i + 1))
        i += 1
    return out


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1


def find_quantities(words: Sequence[Word], skip: set[int] | frozenset[int] = frozenset()) -> list[Quantity]:
    out: list[Quantity] = []
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        if i in skip or (w.tag != "NUM" and w.lower not in NUMBER_WORDS and w.text != "."):  # _number_at would find nothing
            i += 1
            continue
        value, j, precision = _number_at(words, i)
        if value is None:
            i = max(j, i + 1)
            continue
        start = i
        if j < n and _is_clock(words, j):
            i = j
            continue
        unit = ""
        currency = _currency_before(words, start)
        if currency:
            unit, start = currency
        scale = _suffix_scale(words[j - 1])
        k = j
        hyphen = j + 1 < n and words[j].text == "-" and _attached(words, j - 1, j) and _attached(words, j, j + 1)
        if hyphen and len(words[j + 1].lower) > 2:
            k = j + 1  # "$70-million"
        if k < n and words[k].lower in SCALES:
            value *= SCALES[words[k].lower]
            precision *= SCALES[words[k].lower]
            scale *= SCALES[words[k].lower]
            j = k + 1
        if j < n and words[j].text == "%" or j < n and words[j].lower == "percent":
            unit = "%"
            j += 1
        elif j + 1 < n and words[j].lower == "per" and words[j + 1].lower == "cent":
            unit = "%"
            j += 2
        elif j < n and words[j].lower in CURRENCIES:
            unit = CURRENCIES[words[j].lower]
            j += 1
        lead, bound = _modifiers(words, start)
        approx = start > 0 and words[start - 1].lower in APPROXIMATORS
        out.append(Quantity(value, unit, approx, start, j, bound, precision, scale, lead))
        i = j
    return out


def _attached(words: Sequence[Word], i: int, j: int) -> bool:
    """Words i and j touch: no space between them ("70-million", "US$")."""
    return 0 <= i < len(words) and 0 <= j < len(words) and words[i].end == words[j].start


def _currency_before(words: Sequence[Word], start: int) -> tuple[str, int] | None:
    """The currency sign before a number and where it starts: "$", "€", or a
    country-prefixed dollar ("US$" is "$", "C$" and "A$" are their own)."""
    if start == 0 or words[start - 1].text not in CURRENCIES:
        return None
    unit = CURRENCIES[words[start - 1].text]
    s = start - 1
    if unit == "$" and s > 0 and _attached(words, s - 1, s):
        prefix = words[s - 1].text
        if 1 <= len(prefix) <= 3 and prefix.isalpha() and prefix.isupper():
            unit = "$" if prefix in ("US", "U.S.") else prefix + "$"
            s -= 1
    return unit, s


def _modifiers(words: Sequence[Word], start: int) -> tuple[int, str]:
    """Where the words qualifying a number begin, and whether they make it a
    bound: "more than 5" (min), "up to about 5" (max)."""
    k = start
    while k > 0 and words[k - 1].lower in _SOFTENERS:
        k -= 1
    for phrase, bound in _BOUNDS:
        m = len(phrase)
        if k >= m and tuple(w.lower for w in words[k - m : k]) == phrase:
            return k - m, bound
    while k > 0 and words[k - 1].lower in APPROXIMATORS:
        k -= 1
    return k, ""


def _is_clock(words: Sequence[Word], j: int) -> bool:
    """The number before word j is a time of day: "6 p.m.", "1018 GMT"."""
    return words[j].lower in _CLOCK_WORDS or words[j].text in _TIME_ZONES


_SUFFIX_SCALE = {"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}


def _suffix_scale(w: Word) -> float:
    """The scale of a numeral's suffix ("3bn", "2.5B"), 1 without one."""
    return _split_suffix(w.lower)[1] if w.tag == "NUM" else 1.0


def _split_suffix(text: str) -> tuple[str, float]:
    """A numeral without its scale suffix, and the scale ("2.5b" -> "2.5", 1e9);
    the text and 1 without one."""
    for suffix, mult in _SUFFIX_SCALE.items():
        if text.endswith(suffix) and text[: -len(suffix)].replace(".", "").replace(",", "").isdigit():
            return text[: -len(suffix)], mult
    return text, 1.0


def _numeral(text: str) -> tuple[float, float] | None:
    """Value and precision of a written numeral, or None. A comma before
    exactly three digits groups thousands ("1,200"); before any other count of
    digits it is a decimal comma ("1,2" is 1.2, "3,14" is 3.14), and so is a
    comma after dot-grouped thousands ("1.234,5")."""
    if not text or not (text[0].isdigit() or text[0] == "."):
        return None
    if text[0] == "0" and len(text) > 1 and text[1].isdigit():
        return None  # "0835", "007": a code or a clock reading, not an amount
    if "," in text:
        dot = text.find(".")
        if dot == -1 or text.rfind(",") < dot:  # "1,200", "1,234.5", "1,2"
            groups = (text if dot == -1 else text[:dot]).split(",")
            if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
                text = text.replace(",", "")
            elif len(groups) == 2 and dot == -1:
                text = text.replace(",", ".")  # a decimal comma: "1,2", "3,14"
            else:
                return None  # "1,2,3": a list, not a number
        else:  # a comma after dots: "1.234,5" groups thousands with dots
            head, tail = text.rsplit(",", 1)
            if "," in head or not all(len(g) == 3 for g in head.split(".")[1:]):
                return None
            text = head.replace(".", "") + "." + tail
    if not re.fullmatch(r"\d*\.?\d+|\d+\.", text):
        return None
    value = float(text)
    if "." in text:
        precision = 10.0 ** -len(text.split(".")[1])
    else:
        zeros = len(text) - len(text.rstrip("0"))
        precision = 10.0**zeros if zeros >= 2 and zeros < len(text) else 1.0  # "300", "60,000"; "20" is exact
    return value, precision


def _number_at(words: Sequence[Word], i: int) -> tuple[float | None, int, float]:
    """The number starting at word i: its value, the index after it and its precision."""
    w = words[i]
    n = len(words)
    if w.text == "." and i + 1 < n and words[i + 1].tag == "NUM" and _attached(words, i, i + 1):
        # ".20": a decimal without its leading zero, unless the point ends a number ("2.5B" is split "2 . 5B")
        if i > 0 and _attached(words, i - 1, i) and words[i - 1].text[-1:].isdigit():
            return None, i + 1, 1.0
        parsed = _numeral("." + words[i + 1].lower)
        return (parsed[0], i + 2, parsed[1]) if parsed else (None, i + 2, 1.0)
    if w.text == ".":
        return None, i + 1, 1.0
    if w.tag == "NUM":
        text = w.lower
        j = i + 1
        split = j + 1 < n and words[j].text == "." and words[j + 1].tag == "NUM"
        if split and _attached(words, i, j) and _attached(words, j, j + 1):
            text += "." + words[j + 1].lower  # "2.5B" tokenized as "2", ".", "5B"
            j += 2
        if text.endswith(("st", "nd", "rd", "th")) or "/" in text or ":" in text:
            return None, j, 1.0  # ordinals, fractions and times are not quantities
        text, scale = _split_suffix(text)
        parsed = _numeral(text)
        if parsed is None:
            return None, j, 1.0
        value, precision = parsed
        if j < n and "/" in words[j].text and words[j].tag == "NUM" and "." not in text:
            frac = _fraction(words[j].lower)  # "3 5/8"
            if frac is not None:
                return value + frac, j + 1, 1 / 64
        return value * scale, j, precision * scale
    if w.lower in NUMBER_WORDS and w.lower != "one":
        total = float(NUMBER_WORDS[w.lower])
        j = i + 1
        while j < n and words[j].lower in NUMBER_WORDS:
            nxt = NUMBER_WORDS[words[j].lower]
            total = total * nxt if words[j].lower in ("hundred", "dozen") else total + nxt  # "three dozen" is 36
            j += 1
        return total, j, 1.0
    return None, i + 1, 1.0


def _fraction(text: str) -> float | None:
    num, _, den = text.partition("/")
    if num.isdigit() and den.isdigit() and int(den) > 0 and int(num) < int(den):
        return int(num) / int(den)
    return None


def entities(words: Sequence[Word]) -> list[str]:
    """Canonical names of the proper-noun runs of a claim, in order, unique."""
    out: list[str] = []
    run: list[str] = []
    for w in words:
        if w.tag == "PROPN":
            low = w.lower.rstrip(".")
            if low not in MONTHS and low not in WEEKDAYS:
                run.append(w.text)
                continue
        if run:
            _add_entity(out, run)
            run = []
    if run:
        _add_entity(out, run)
    return out


def _add_entity(out: list[str], run: list[str]) -> None:
    canon = canonical_entity(" ".join(run))
    if canon and canon not in out:
        out.append(canon)


def canonical_entity(name: str) -> str:
    key = name.lower()
    if key in ENTITY_ALIASES:
        return ENTITY_ALIASES[key]
    if key.startswith("the "):
        return canonical_entity(name[4:])
    last = key.rsplit(" ", 1)
    if len(last) == 2 and last[1].rstrip(".") in CORPORATE_SUFFIXES:
        return canonical_entity(name[: len(last[0])])  # "Intel Corp." is Intel
    return name


# Words that close a company's name and are left out when it is named again
# ("Intel Corp." / "Intel", "Handspring Inc." / "Handspring").
CORPORATE_SUFFIXES = frozenset({
    "corp", "corporation", "inc", "incorporated", "ltd", "limited", "co", "plc", "llc", "ag", "nv", "gmbh",
})  # fmt: skip
