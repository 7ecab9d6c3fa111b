"""Normalize text for matching while keeping the way back to the original.

NFKC, straight quotes, one hyphen and one dash character, no zero-width or
control characters, whitespace runs folded to one space (or one/two newlines,
so paragraph structure survives for segmentation). Every normalized character
remembers the ``[start, end)`` range of the original characters it came from.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

from crosscheck.model import Span

# Characters replaced one for one (after NFKC, which leaves these alone).
_REPLACE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # Hyphens join words; dashes separate clauses: keep the distinction.
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2043": "-", "\u2212": "-",
    "\u2013": "\u2014", "\u2015": "\u2014", "\ufe58": "\u2014",
    "\u2026": "...",
}
# Invisible characters that only get in the way of matching.
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

# Printable ASCII words separated by single spaces need no work: such runs are
# copied in bulk, which keeps plain text fast.
_PLAIN = re.compile(r"[\x21-\x7e]+(?: [\x21-\x7e]+)*")

DASH = "\u2014"

# 0, 1, 2, ...: the offsets of a plain run are consecutive, so they are copied
# from a slice of this (a memcpy) rather than added one int at a time. Never
# mutated, only replaced by a longer one (thread-safe); up to _MAX_IDENTITY,
# longer texts use range().
_IDENTITY = array("q")
_MAX_IDENTITY = 1 << 18  # 2 MiB at most


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus, per character, the original range it came from."""

    text: str
    starts: array[int]
    ends: array[int]

    def span(self, start: int, end: int) -> Span:
        """Original ``[start, end)`` covering normalized ``[start, end)``."""
        if end <= start:
            if start < len(self.starts):
                return (self.starts[start], self.starts[start])
            last = self.ends[-1] if len(self.ends) else 0
            return (last, last)
        return (self.starts[start], self.ends[end - 1])


def _identity(size: int) -> array[int] | None:
    """``_IDENTITY`` with at least ``size`` entries, or None past the cap."""
    global _IDENTITY
    identity = _IDENTITY
    if size <= len(identity):
        return identity
    if size > _MAX_IDENTITY:
        return None
    identity = array("q", range(min(max(size, 2 * len(identity)), _MAX_IDENTITY)))
    _IDENTITY = identity
    return identity


_MAX_MARKS = 32  # marks taken back to recompose with their letter: bounded, so a run of marks stays linear


def normalize(original: str, start: int = 0, end: int | None = None) -> Normalized:
    """Normalize ``original[start:end]``; the offsets kept refer to ``original``."""
    end = len(original) if end is None else end
    identity: array[int] | None = _identity(end + 1)
    out: list[str] = []
    starts = array("q")
    ends = array("q")
    # Pending whitespace run: (first offset, end offset, line breaks seen).
    ws_first = -1
    ws_end = -1
    ws_breaks = 0

    def push(piece: str, s: int, e: int) -> None:
        nonlocal ws_first
        if ws_first < 0 and out and out[-1] and unicodedata.combining(piece[0]):
            # A mark left alone (after a dropped zero-width character, or from
            # NFKC of a spacing accent) composes with the letter before it, as
            # it would on a second pass: keeps normalization idempotent.
            # The letter takes back every mark already after it, so that NFKC
            # puts all of them in canonical order ("R" + macron + cedilla).
            taken: list[str] = []
            while out and len(taken) < _MAX_MARKS:
                if not out[-1]:
                    out.pop()
                    continue
                ch = out[-1][-1]
                out[-1] = out[-1][:-1]
                s = starts.pop()
                ends.pop()
                taken.append(ch)
                if not unicodedata.combining(ch):
                    break
            piece = unicodedata.normalize("NFKC", "".join(reversed(taken)) + piece)
        if ws_first >= 0:
            if out:  # leading whitespace is dropped
                fold = "\n\n" if ws_breaks >= 2 else "\n" if ws_breaks == 1 else " "
                out.append(fold)
                for _ in fold:
                    starts.append(ws_first)
                    ends.append(ws_end)
            ws_first = -1
        out.append(piece)
        for _ in piece:
            starts.append(s)
            ends.append(e)

    pos = start
    while pos < end:
        m = _PLAIN.match(original, pos, end)
        stop = m.end() if m else pos
        if stop < end and stop > pos and unicodedata.combining(original[stop]):
            stop -= 1  # the last letter composes with the marks after it
        if stop > pos:
            push(original[pos], pos, pos + 1)
            if stop > pos + 1:
                out.append(original[pos + 1 : stop])
                if identity is not None:
                    starts.extend(identity[pos + 1 : stop])
                    ends.extend(identity[pos + 2 : stop + 1])
                else:
                    starts.extend(range(pos + 1, stop))
                    ends.extend(range(pos + 2, stop + 1))
            pos = stop
            continue
        ch = original[pos]
        nxt = pos + 1
        if ch == "\r" and nxt < end and original[nxt] == "\n":
            nxt += 1  # CRLF is one line break
        if ch.isspace() or ch in _LINE_BREAKS:
            if ws_first < 0:
                ws_first, ws_breaks = pos, 0
            ws_end = nxt
            ws_breaks += ch in _LINE_BREAKS
            pos = nxt
            continue
        if ch in _DROP or unicodedata.category(ch) in ("Cc", "Cs", "Cf"):
            pos = nxt
            continue
        # A base character and its combining marks are normalized together.
        while nxt < end and unicodedata.combining(original[nxt]):
            nxt += 1
        piece = unicodedata.normalize("NFKC", original[pos:nxt])
        # NFKC turns some spacing marks into a space plus a combining mark
        # ("\u00af" -> " \u0304"); the space would not survive a second pass.
        piece = "".join(_REPLACE.get(c, c) for c in piece).strip() or piece
        if piece and not piece.isspace():
            push(piece, pos, nxt)
        elif piece:
            if ws_first < 0:
                ws_first, ws_breaks = pos, 0
            ws_end = nxt
        pos = nxt
    return Normalized("".join(out), starts, ends)
