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
from collections.abc import Iterator

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

_END = re.compile(r"""[.!?]+["')\]]*(?=\s)|[.!?]+["')\]]*$""")
_NEXT_START = re.compile(r"""\s+["'(\[]?([A-Z0-9]|[^\x00-\x7f])""")
_WORD_BEFORE = re.compile(r"""([A-Za-z][A-Za-z.]*)\.$""")
_INITIALISM = re.compile(r"""^(?:[A-Za-z]\.)+[A-Za-z]?$""")


def segment(norm: Normalized, source: str, first_index: int = 0) -> list[Sentence]:
    """Sentences of ``norm.text``; spans refer to the original text."""
    sentences: list[Sentence] = []
    for start, end in _sentence_ranges(norm.text):
        s, e = norm.span(start, end)
        sentences.append(Sentence(source, first_index + len(sentences), s, e, norm.text[start:end]))
    return sentences


def _sentence_ranges(text: str) -> Iterator[tuple[int, int]]:
    for p_start, p_end in _paragraphs(text):
        for start, end in _split_paragraph(text, p_start, p_end):
            yield from _cap_length(text, start, end)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n+", text):
        if m.group() == "\n" and _runs_on(text, m.start(), m.end()):
            continue
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _runs_on(text: str, before: int, after: int) -> bool:
    """A single line break inside a sentence: lowercase or comma before, lowercase after."""
    prev = text[before - 1] if before > 0 else ""
    nxt = text[after] if after < len(text) else ""
    return (prev.islower() or prev in ",;-") and nxt.islower()


def _split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    sent_start = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        nxt = _NEXT_START.match(text, stop, end)
        if stop < end and not nxt:
            continue  # next word is lowercase or punctuation: no boundary
        if m.group()[0] == "." and len(m.group().rstrip("\"')]")) == 1:
            if not _period_ends_sentence(text, sent_start, m.start(), nxt.group(1) if nxt else "", stop, end):
                continue
        yield from _trimmed(text, sent_start, stop)
        sent_start = stop
    if sent_start < end:
        yield from _trimmed(text, sent_start, end)


def _period_ends_sentence(text: str, sent_start: int, dot: int, next_char: str, stop: int, end: int) -> bool:
    word_m = _WORD_BEFORE.search(text, sent_start, dot + 1)
    if not word_m:
        return True
    word = word_m.group(1)
    if word.lower() in ABBREVIATIONS:
        return False
    if _INITIALISM.match(word) or (len(word) == 1 and word.isupper()):
        # "U.S. officials" continues; "in the U.S. The talks" ends.
        following = re.match(r"\s+[\"'(]?([A-Za-z]+)", text[stop:end])
        return bool(following and following.group(1).lower() in SENTENCE_STARTERS)
    return True


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        yield start, end


def _cap_length(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a sentence longer than MAX_SENTENCE_CHARS at a comma, else a space."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(", ", start, limit), text.rfind("; ", start, limit))
        if cut <= start + MAX_SENTENCE_CHARS // 2:
            cut = text.rfind(" ", start, limit)
        if cut <= start:
            cut = limit
        else:
            cut += 1
        yield from _trimmed(text, start, cut)
        start = cut
    yield from _trimmed(text, start, end)
