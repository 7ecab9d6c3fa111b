"""Accounting: what of each source the claims cover, and why a sentence has none.

Nothing an editor gave crosscheck may vanish silently. Every sentence either
yields claims or is listed as skipped with a reason; per source, the report
says how many of its (non-space) characters lie inside claim spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from crosscheck.identity_cache import SOURCE_CACHE_SIZE, cache_by_identity
from crosscheck.model import Claim, Coverage, Extraction, Sentence, Skipped, Source, Span, merge_spans

HEADING_MAX_WORDS = 12
_END_PUNCT = re.compile(r"""[.!?]["')\]]*$""")
_CAPTION = re.compile(
    r"^(?:photo|image|picture|video|caption|credit|file photo|graphic|source)s?\b\s*(?:[:|(/-]|by\b)",
    re.IGNORECASE,
)
# Of those labels, the ones that may head a statement rather than credit a
# picture: "Source: Apple set to acquire Path", "VIDEO: Police shoot man"
# (a headline's label in capitals). Such a line is a statement when what
# follows the label has a verb (pipeline's ``_labelled_statement`` decides).
_STATEMENT_LABEL = re.compile(r"^(?:(?i:sources?)|[A-Z]{4,})\s*:\s*(?=\S)")
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}$")


def boilerplate(sentence_text: str) -> str | None:
    """Why a sentence is page furniture rather than a statement to compare
    ("Photo: Reuters", "By Jane Smith"), or None. Such sentences give no claims."""
    text = sentence_text.strip()
    if _CAPTION.match(text):
        return "caption or credit"
    if _BYLINE.match(text):
        return "byline"
    return None


def statement_label(sentence_text: str) -> int | None:
    """Where the text after a caption label starts, when the label may head a
    statement ("Source: ...", "PICTURES: ..."), else None. The caller decides
    by the words after it (a verb: a statement, not a credit)."""
    text = sentence_text.lstrip()
    if not _CAPTION.match(text):
        return None
    found = _STATEMENT_LABEL.match(text)
    return None if found is None else len(sentence_text) - len(text) + found.end()


def skip_reason(source: Source, sentence: Sentence) -> str:
    """Why a sentence gave no claim (it is one of these, checked in order)."""
    text = sentence.text.strip()
    furniture = boilerplate(text)
    if furniture is not None:
        return furniture
    if _is_own_line(source.visible, sentence) and not _END_PUNCT.search(text) and len(text.split()) <= HEADING_MAX_WORDS:
        return "heading"
    return "no statement (no verb or fewer than two content words)"


def _is_own_line(text: str, sentence: Sentence) -> bool:
    before = text[: sentence.start].rstrip(" \t")
    after = text[sentence.end :].lstrip(" \t")
    return (not before or before.endswith(("\n", "\r"))) and (not after or after.startswith(("\n", "\r")))


def skipped(extraction: Extraction) -> tuple[Skipped, ...]:
    with_claims = {c.sentence for c in extraction.claims}
    return tuple(
        Skipped(s.source, s.index, ((s.start, s.end),), skip_reason(extraction.source, s))
        for s in extraction.sentences
        if s.index not in with_claims
    )


def coverage(extraction: Extraction) -> Coverage:
    chars, covered = _counts(extraction.source.visible, tuple(c.spans for c in extraction.claims))
    return Coverage(source=extraction.source.id, chars=chars, covered=covered)


def accounting(extraction: Extraction) -> tuple[tuple[Skipped, ...], Coverage]:
    """``skipped(extraction)`` and ``coverage(extraction)``, kept with the
    extraction's claims tuple: extraction is cached, so a source compared
    with many others comes back with the same claims and sentences, and its
    accounting (immutable values) is made once, not in every comparison."""
    box = _accounting_box(extraction.claims)
    source = extraction.source
    last = box[0]  # (one read: another thread may replace it meanwhile)
    if last is not None and last[0] is extraction.sentences and last[1] == source.id and last[2] == source.visible:
        return last[3], last[4]
    found = skipped(extraction), coverage(extraction)
    box[0] = (extraction.sentences, source.id, source.visible, *found)
    return found


_Accounted = tuple[tuple[Sentence, ...], str, str, tuple[Skipped, ...], Coverage]


@cache_by_identity(maxsize=SOURCE_CACHE_SIZE)
def _accounting_box(claims: tuple[Claim, ...]) -> list[_Accounted | None]:
    """Per claims tuple, one slot: (sentences, source id, text, skipped,
    coverage) of the last extraction accounted with it."""
    return [None]


@lru_cache(maxsize=SOURCE_CACHE_SIZE)
def _counts(text: str, claim_spans: tuple[tuple[Span, ...], ...]) -> tuple[int, int]:
    """(solid characters of the text, those inside claim spans). Cached: one
    article is compared with many others."""
    return _solid(text, [(0, len(text))]), _solid(text, merge_spans(span for spans in claim_spans for span in spans))


def _solid(text: str, spans: Sequence[tuple[int, int]]) -> int:
    """Characters other than whitespace inside the spans."""
    return sum(len("".join(text[start:end].split())) for start, end in spans)
