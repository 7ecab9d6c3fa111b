"""Where a claim sits in its file: path, line and column, for annotations.

Shared by the github, sarif, junit and gate-text renderers so that every
output points at the same place.

Columns count Unicode code points (Python ``str`` indices), 1-based. GitHub
annotations count characters, and SARIF lets a run declare
``columnKind: unicodeCodePoints``, which the sarif renderer does. For text in
the Basic Multilingual Plane (all of seeds/, curly quotes, U+2011) code points
and UTF-16 code units agree; they differ only after astral characters such as
emoji.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from crosscheck.model import Claim, Report

# SARIF (3.30.3) and editors treat CR LF, CR and LF each as one line break.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Region:
    """A 1-based, end-exclusive region plus the raw 0-based character range."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int  # column of the character after the region
    char_offset: int
    char_length: int


@dataclass(frozen=True, slots=True)
class Location:
    path: str  # as an artifact URI: relative, forward slashes
    region: Region


@lru_cache(maxsize=64)
def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in _LINE_BREAK.finditer(text)))


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of the character at ``offset`` in ``text``."""
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def region(text: str, start: int, end: int) -> Region:
    start_line, start_column = line_column(text, start)
    end_line, end_column = line_column(text, end)
    return Region(start_line, start_column, end_line, end_column, start, end - start)


def display_path(path: str | None, fallback: str) -> str:
    """The path relative to the working directory, with forward slashes.

    CI tools resolve annotation paths against the repository root, which is
    where the gate runs. Paths outside the working directory stay as given
    (absolute) rather than gaining ``../`` chains nobody can resolve.
    """
    if not path or path == "-":
        return fallback
    relative = os.path.relpath(path) if os.path.isabs(path) else os.path.normpath(path)
    if relative.startswith(os.pardir):
        relative = os.path.abspath(path)
    return relative.replace(os.sep, "/")


def claim_location(report: Report, claim: Claim) -> Location:
    """The claim's region: from its first span's start to its last span's end."""
    source = report.source(claim.source)
    start = min(s for s, _ in claim.spans) if claim.spans else 0
    end = max(e for _, e in claim.spans) if claim.spans else start
    return Location(display_path(source.path, source.name), region(source.text, start, end))
