"""Inline suppression for Markdown and HTML articles, in the style of prose linters.

An editor who has checked a contradiction marks the passage in the article::

    <!-- crosscheck-disable -->
    ... passage nobody should be warned about ...
    <!-- crosscheck-enable -->

    <!-- crosscheck-ignore conflict -->
    The next paragraph (up to a blank line, or to the end of the HTML
    element that starts it) is not checked for conflicts.

Each comment may name what it silences: a status (``conflict``, ``extra``) or
a conflict type (``number``, ``date``, ...); no name silences everything. The
pipeline is not changed: the gate computes suppressed character ranges of each
source's original text and sets aside findings whose claims fall in them, and
the renderers report those findings as suppressed rather than hiding them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from crosscheck.model import Finding, Report

_DIRECTIVE = re.compile(
    r"<!--\s*crosscheck-(?P<verb>disable|enable|ignore)\b(?P<args>[^>]*?)\s*-->",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n|\r\n[ \t]*\r\n|\r[ \t]*\r")
_OPENING_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@dataclass(frozen=True, slots=True)
class Suppression:
    """A half-open character range of a source and what it silences.

    ``kinds`` holds statuses and conflict types; empty means everything.
    """

    start: int
    end: int
    kinds: frozenset[str] = frozenset()

    def covers(self, finding: Finding) -> bool:
        if not self.kinds:
            return True
        return finding.status in self.kinds or (finding.type or "") in self.kinds


def suppressions(text: str) -> tuple[Suppression, ...]:
    """The suppressed ranges of one source text, in order of appearance."""
    found: list[Suppression] = []
    open_at: int | None = None
    open_kinds: frozenset[str] = frozenset()
    for match in _DIRECTIVE.finditer(text):
        verb = match.group("verb").lower()
        kinds = frozenset(w.lower() for w in _WORD.findall(match.group("args")))
        if verb == "ignore":
            found.append(Suppression(match.end(), _paragraph_end(text, match.end()), kinds))
        elif verb == "disable" and open_at is None:
            open_at, open_kinds = match.end(), kinds
        elif verb == "enable" and open_at is not None:
            found.append(Suppression(open_at, match.start(), open_kinds))
            open_at = None
    if open_at is not None:  # a disable that is never re-enabled runs to the end
        found.append(Suppression(open_at, len(text), open_kinds))
    return tuple(found)


def _paragraph_end(text: str, after: int) -> int:
    """End of the paragraph that follows ``after`` (leading blank lines skipped).

    A paragraph that opens with an HTML element ends at that element's
    closing tag, since HTML paragraphs need not be separated by blank lines.
    """
    start = after
    while start < len(text) and text[start].isspace():
        start += 1
    tag = _OPENING_TAG.match(text, start)
    if tag:
        close = re.compile(rf"</{re.escape(tag.group(1))}\s*>", re.IGNORECASE).search(text, tag.end())
        if close:
            return close.end()
    blank = _BLANK_LINE.search(text, start)
    return blank.start() if blank else len(text)


def suppressed_findings(
    report: Report, findings: Iterable[Finding] | None = None
) -> dict[str, Suppression]:
    """Finding id -> the suppression that silences it, for ``findings`` of ``report``.

    A finding is silenced when any of its claims overlaps a matching range in
    its own source: the editor marked that side of the contradiction.
    """
    ranges = {s.id: suppressions(s.text) for s in report.sources}
    silenced: dict[str, Suppression] = {}
    for finding in report.findings if findings is None else findings:
        hit = _first_cover(report, finding, ranges)
        if hit is not None:
            silenced[finding.id] = hit
    return silenced


def _first_cover(
    report: Report, finding: Finding, ranges: Mapping[str, tuple[Suppression, ...]]
) -> Suppression | None:
    for claim_id in finding.claims:
        claim = report.claim(claim_id)
        for suppression in ranges.get(claim.source, ()):
            if suppression.covers(finding) and any(
                start < suppression.end and suppression.start < end for start, end in claim.spans
            ):
                return suppression
    return None
