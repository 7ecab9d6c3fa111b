"""Split normalized text into sentences with offsets.

Rules, in order: a blank line always ends a sentence; a single line break ends
one unless the text plainly runs on (hard-wrapped prose); ``. ! ?`` (with
closing quotes or brackets) end one before a capital, digit or quote, except
after a known abbreviation ("Mr.", "Feb.", "Gen.") or an initialism ("U.S.")
followed by a word that does not start sentences. Overlong sentences are cut
at a comma or space so no later stage sees unbounded input.
"""

from __future__ import annotations

import re
import string

from crosscheck.model import Sentence
from crosscheck.normalize import Normalized

MAX_SENTENCE_CHARS = 1200

# Abbreviations that never end a sentence (titles, months, common forms).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol fig figs approx est dept univ assn bros inc corp co ltd vs etc al cf ca
    ft mt ave blvd rd
    """.split()
)
# Capitalized words that commonly start a sentence; after an initialism such
# as "U.S." or "a.m." they signal a boundary.
SENTENCE_STARTERS = frozenset(
    """
    the a an this that these those it its he she they we i you his her their our there
    in on at but and or so yet if when while after before as however meanwhile still
    what who why how where officials some many most both all no not
    """.split()
)

# A run of sentence-final punctuation and closing quotes or brackets, before
# whitespace or the end.
_END = re.compile(r"""[.!?]+["')\]]*(?=\s|$)""")
_NEXT_START = re.compile(r"""\s+["'(\[]?([A-Z0-9]|[^\x00-\x7f])""")
_LINE_BREAKS = re.compile(r"\n+")
_WORD_CHARS = frozenset(string.ascii_letters + ".")
_INITIALISM = re.compile(r"""^(?:[A-Za-z]\.)+[A-Za-z]?$""")
_FOLLOWING_WORD = re.compile(r"""\s+["'(]?([A-Za-z]+)""")

Range = tuple[int, int]


def segment(norm: Normalized, source: str, first_index: int = 0) -> list[Sentence]:
    """Sentences of ``norm.text``; spans refer to the original text."""
    text, starts, ends = norm.text, norm.starts, norm.ends
    # Ranges are never empty, so their original span is (starts[a], ends[b - 1]).
    return [
        Sentence(source, first_index + n, starts[a], ends[b - 1], text[a:b])
        for n, (a, b) in enumerate(_sentence_ranges(text))
    ]


def _sentence_ranges(text: str) -> list[Range]:
    ranges: list[Range] = []
    for p_start, p_end in _paragraphs(text):
        for start, end in _split_paragraph(text, p_start, p_end):
            if end - start > MAX_SENTENCE_CHARS:
                ranges += _cap_length(text, start, end)
            else:
                ranges.append((start, end))
    return ranges


def _paragraphs(text: str) -> list[Range]:
    ranges = []
    start = 0
    for m in _LINE_BREAKS.finditer(text):
        if m.group() == "\n" and _runs_on(text, m.start(), m.end()):
            continue
        if m.start() > start:
            ranges.append((start, m.start()))
        start = m.end()
    if start < len(text):
        ranges.append((start, len(text)))
    return ranges


def _runs_on(text: str, before: int, after: int) -> bool:
    """A single line break inside a sentence: lowercase or comma before, lowercase after."""
    prev = text[before - 1] if before > 0 else ""
    nxt = text[after] if after < len(text) else ""
    return (prev.islower() or prev in ",;-") and nxt.islower()


def _split_paragraph(text: str, start: int, end: int) -> list[Range]:
    ranges = []
    sent_start = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        nxt = _NEXT_START.match(text, stop, end)
        if stop < end and not nxt:
            continue  # next word is lowercase or punctuation: no boundary
        found = m.group()
        if found[0] == "." and len(found.rstrip("\"')]")) == 1:  # a single period
            if not _period_ends_sentence(text, sent_start, m.start(), stop, end):
                continue
        trimmed = _trimmed(text, sent_start, stop)
        if trimmed:
            ranges.append(trimmed)
        sent_start = stop
    if sent_start < end:
        trimmed = _trimmed(text, sent_start, end)
        if trimmed:
            ranges.append(trimmed)
    return ranges


def _period_ends_sentence(text: str, sent_start: int, dot: int, stop: int, end: int) -> bool:
    word = _word_before(text, sent_start, dot)
    if not word:
        return True
    if word.lower() in ABBREVIATIONS:
        return False
    if _INITIALISM.match(word) or (len(word) == 1 and word.isupper()):
        # "U.S. officials" continues; "in the U.S. The talks" ends.
        following = _FOLLOWING_WORD.match(text, stop, end)
        return bool(following and following.group(1).lower() in SENTENCE_STARTERS)
    return True


def _word_before(text: str, sent_start: int, dot: int) -> str:
    """The word the period at ``dot`` ends: letters and dots back to the
    sentence start, from the first letter ("U.S", "Mr"); "" if none. (A
    backward scan: a regex search from the sentence start is quadratic.)"""
    first = dot
    while first > sent_start and text[first - 1] in _WORD_CHARS:
        first -= 1
    return text[first:dot].lstrip(".")


def _trimmed(text: str, start: int, end: int) -> Range | None:
    """``[start, end)`` without surrounding whitespace; None if it has no letter or digit."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and (text[start].isalnum() or any(ch.isalnum() for ch in text[start + 1 : end])):
        return start, end
    return None


def _cap_length(text: str, start: int, end: int) -> list[Range]:
    """Cut a sentence longer than MAX_SENTENCE_CHARS at a comma, else a space."""
    ranges = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(", ", start, limit), text.rfind("; ", start, limit))
        if cut <= start + MAX_SENTENCE_CHARS // 2:
            cut = text.rfind(" ", start, limit)
        if cut <= start:
            cut = limit
        else:
            cut += 1
        trimmed = _trimmed(text, start, cut)
        if trimmed:
            ranges.append(trimmed)
        start = cut
    trimmed = _trimmed(text, start, end)
    if trimmed:
        ranges.append(trimmed)
    return ranges
