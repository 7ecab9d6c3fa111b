"""What every human-facing format shows the same way.

Finding order, which claim sits in which source column, the words that
clash, section titles and the summary line: text, Markdown, HTML, the diff
view and the coverage matrix read them here, so they agree on what they
show. This module imports no other renderer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.model import Claim, Finding, Report, Status
from crosscheck.render import sanitize
from crosscheck.render.sanitize import Run

# Without colour, clashing words are framed so they still stand out.
PLAIN_MARKS = {"conflict": ("*", "*")}
# A source that is silent about a finding's claim (an extra's other side).
SILENT = "—"
SECTION_TITLES: dict[Status, str] = {"conflict": "Conflicts", "extra": "Extras", "agree": "Agreements"}


def source_label(report: Report, source_id: str) -> str:
    """``a: name.txt``; the id alone when the name adds nothing."""
    source = report.source(source_id)
    name = source.name if source.name and source.name != source.id else ""
    return f"{source.id}: {name}" if name else source.id


def claim_position(report: Report, claim: Claim) -> tuple[int, int, str]:
    """Reading order: source order, then where the claim starts in its text."""
    order = [s.id for s in report.sources]
    index = order.index(claim.source) if claim.source in order else len(order)
    start = min((s for s, _ in claim.spans), default=0)
    return (index, start, claim.id)


def ordered_findings(report: Report, status: Status) -> list[Finding]:
    """Findings of one status in reading order of their first claim.

    Report order is deterministic already; reading order makes a long table
    easier to follow against the articles.
    """

    def key(f: Finding) -> tuple[tuple[int, int, str], str]:
        claims = [report.claim(c) for c in f.claims if c in _ids(report)]
        first = min((claim_position(report, c) for c in claims), default=(0, 0, ""))
        return (first, f.id)

    return sorted(report.by_status(status), key=key)


def _ids(report: Report) -> set[str]:
    return {c.id for c in report.claims}


def claims_by_source(report: Report, finding: Finding) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    known = _ids(report)
    for claim_id in finding.claims:
        if claim_id in known:
            claim = report.claim(claim_id)
            out.setdefault(claim.source, []).append(claim)
    return out


def summary_line(report: Report) -> str:
    s = report.summary
    return (
        f"{s['conflict']} conflict, {s['extra']} extra, {s['agree']} agree "
        f"({s['claims']} claims in {len(report.sources)} sources)" + skipped_note(report)
    )


def skipped_note(report: Report) -> str:
    """Sentences with no claim are named, so nothing is lost without a word."""
    n = len(report.skipped)
    if not n:
        return ""
    reasons = sorted({s.reason.split(" (")[0] for s in report.skipped})
    return f"; {n} sentence{'s' if n != 1 else ''} without claims ({', '.join(reasons)}; listed in --format json)"


def type_label(finding: Finding) -> str:
    label = finding.type or ""
    if finding.status == "agree" and finding.hedged:
        label = f"{label} (hedged)".strip()
    return label


# Characters that normalization changes one-for-one; folding both sides
# keeps offsets, so a match in the folded claim is a match in the claim.
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u2011": "-", "\u2010": "-",
                       "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def clash_ranges(report: Report, claim: Claim, finding: Finding) -> list[tuple[int, int]]:
    """Where the finding's evidence for ``claim`` lies inside ``claim.text``.

    Evidence spans are offsets into the source text; the claim text may be
    rebuilt (a carried subject, normalized quotes), so the words are looked
    up in it rather than assumed to be at a fixed offset.
    """
    try:
        text = report.source(claim.source).text
    except KeyError:
        return []
    folded = claim.text.translate(_FOLD)
    ranges: list[tuple[int, int]] = []
    for evidence in finding.evidence:
        if evidence.claim != claim.id:
            continue
        for start, end in evidence.spans:
            direct = _direct_offset(claim, text, start, end)
            found = direct if direct is not None else _search(folded, text[start:end], ranges)
            if found is not None:
                ranges.append(found)
    return sorted(set(ranges))


def _direct_offset(claim: Claim, text: str, start: int, end: int) -> tuple[int, int] | None:
    # A claim that is one verbatim slice of its source maps offsets exactly.
    if len(claim.spans) != 1:
        return None
    s, e = claim.spans[0]
    if text[s:e] != claim.text or not (s <= start <= end <= e):
        return None
    return (start - s, end - s)


def _search(folded: str, needle: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    needle = " ".join(needle.translate(_FOLD).split())
    if not needle:
        return None
    patterns = [rf"(?<!\w){re.escape(needle)}(?!\w)", re.escape(needle)]
    for pattern in patterns:
        for m in re.finditer(pattern, folded, re.IGNORECASE):
            if (m.start(), m.end()) not in taken:
                return (m.start(), m.end())
    return None


def claim_runs(report: Report, claim: Claim, finding: Finding | None) -> list[Run]:
    """The claim text as styled runs; clashing words styled ``conflict``.

    Runs hold raw article text: each format escapes or strips it.
    """
    ranges = clash_ranges(report, claim, finding) if finding and finding.status == "conflict" else []
    runs: list[Run] = []
    pos = 0
    for start, end in ranges:
        if start < pos:  # overlapping evidence: already highlighted
            start = pos
        if start >= end:
            continue
        runs.append((claim.text[pos:start], None))
        runs.append((claim.text[start:end], "conflict"))
        pos = end
    runs.append((claim.text[pos:], None))
    return [(t, s) for t, s in runs if t]


def terminal_runs(runs: Sequence[Run]) -> list[Run]:
    """Article runs made safe for a terminal: controls gone, one line."""
    out: list[Run] = []
    for text, style in runs:
        clean = sanitize.strip_controls(text).replace("\t", " ").replace("\n", " ")
        if clean:
            out.append((clean, style))
    return out
