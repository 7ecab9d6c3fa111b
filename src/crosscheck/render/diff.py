"""``crosscheck diff A B``: the two articles claim by claim, side by side.

Aligned claims (agree or conflict) share a row; a claim only one side makes
sits on its own side. Rows follow the left article's reading order, and a
right-only claim is placed after the row of the right claim just before it,
so both columns read roughly top to bottom.

The middle gutter says what a row is: ``=`` agree, ``!`` conflict, ``<``
only on the left, ``>`` only on the right. With colour, clashing words are
red and one-sided claims yellow; without colour, clashing words are framed
``*like this*`` so the view still works in a log or a pipe.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from crosscheck.model import Claim, Finding, Report, Status
from crosscheck.render import sanitize
from crosscheck.render.common import (
    PLAIN_MARKS,
    claim_position,
    claim_runs,
    source_label,
    terminal_runs,
    type_label,
)
from crosscheck.render.sanitize import Line, Run

GUTTER: dict[str, str] = {"agree": "=", "conflict": "!", "left": "<", "right": ">"}
MIN_COLUMN = 10


@dataclass(frozen=True, slots=True)
class DiffRow:
    status: Status
    left: Claim | None
    right: Claim | None
    finding: Finding | None

    @property
    def side(self) -> str:
        """Gutter key: the status, or which side a one-sided claim is on."""
        if self.status != "extra":
            return self.status
        return "left" if self.left is not None else "right"


# --- rows --------------------------------------------------------------------


def rows(report: Report, left: str, right: str) -> list[DiffRow]:
    """All rows for sources ``left`` and ``right``, in reading order."""
    pairs = _pairs(report, left, right)
    paired_left = {p.left.id for p in pairs if p.left}
    paired_right = {p.right.id for p in pairs if p.right}
    extras = _extra_findings(report)

    ordered: list[DiffRow] = []
    for claim in _claims_of(report, left):
        mine = [p for p in pairs if p.left is not None and p.left.id == claim.id]
        if mine:
            ordered.extend(sorted(mine, key=lambda p: _pos(report, p.right)))
        elif claim.id not in paired_left:
            ordered.append(DiffRow("extra", claim, None, extras.get(claim.id)))
    right_only = [
        DiffRow("extra", None, c, extras.get(c.id))
        for c in _claims_of(report, right)
        if c.id not in paired_right
    ]
    return _merge(report, ordered, right_only)


def _pairs(report: Report, left: str, right: str) -> list[DiffRow]:
    """Agree/conflict findings linking a claim of ``left`` with one of ``right``."""
    known = {c.id for c in report.claims}
    out: list[DiffRow] = []
    for finding in report.findings:
        if finding.status == "extra":
            continue
        claims = [report.claim(c) for c in finding.claims if c in known]
        mine = next((c for c in claims if c.source == left), None)
        theirs = next((c for c in claims if c.source == right), None)
        if mine is not None and theirs is not None:
            out.append(DiffRow(finding.status, mine, theirs, finding))
    return out


def _extra_findings(report: Report) -> dict[str, Finding]:
    return {f.claims[0]: f for f in report.by_status("extra") if f.claims}


def _claims_of(report: Report, source_id: str) -> list[Claim]:
    return sorted((c for c in report.claims if c.source == source_id), key=lambda c: claim_position(report, c))


def _pos(report: Report, claim: Claim | None) -> tuple[int, int, str]:
    return claim_position(report, claim) if claim is not None else (0, 0, "")


def _merge(report: Report, ordered: list[DiffRow], right_only: list[DiffRow]) -> list[DiffRow]:
    """Slot each right-only row after the last row whose right claim precedes it."""
    anchored: dict[int, list[DiffRow]] = {}
    for row in right_only:
        here = _pos(report, row.right)
        anchor = -1
        for i, other in enumerate(ordered):
            if other.right is not None and _pos(report, other.right) < here:
                anchor = i
        anchored.setdefault(anchor, []).append(row)
    out = list(anchored.get(-1, []))
    for i, row in enumerate(ordered):
        out.append(row)
        out.extend(anchored.get(i, []))
    return out


# --- styling -----------------------------------------------------------------


def side_runs(report: Report, row: DiffRow, claim: Claim, other: Claim | None) -> list[Run]:
    """Styled, terminal-safe runs for one side of a row."""
    if row.status == "extra":
        return terminal_runs([(claim.text, "extra")])
    if row.status == "agree":
        return terminal_runs([(claim.text, None)])
    runs = claim_runs(report, claim, row.finding)
    if not any(style for _, style in runs) and other is not None:
        runs = _differing_words(claim.text, other.text)
    return terminal_runs(runs)


def _differing_words(text: str, other: str) -> list[Run]:
    """Fallback when evidence cannot be placed: mark words the other side lacks."""
    theirs = {w.casefold() for w in re.findall(r"\w+", other)}
    runs: list[Run] = []
    for part in re.split(r"(\w+)", text):
        if part:
            runs.append((part, "conflict" if re.fullmatch(r"\w+", part) and part.casefold() not in theirs else None))
    return runs


def _show(runs: list[Run], color: bool) -> list[Run]:
    return runs if color else sanitize.mark_plain(runs, PLAIN_MARKS)


# --- layout ------------------------------------------------------------------


def render(
    report: Report,
    left: str | None = None,
    right: str | None = None,
    *,
    width: int | None = None,
    color: bool = False,
    only: Collection[str] | None = None,
    inline: bool = False,
) -> str:
    """The diff view of two sources (default: the first two of the report)."""
    ids = [s.id for s in report.sources]
    left = ids[0] if left is None else left
    right = ids[1] if right is None else right
    width = sanitize.DEFAULT_WIDTH if width is None else width
    shown = [r for r in rows(report, left, right) if not only or r.status in only]
    body = _inline(report, shown, left, right, width, color) if inline else _side_by_side(
        report, shown, left, right, width, color
    )
    return "\n".join([*body, "", _summary(shown, color)]) + "\n"


def _summary(shown: list[DiffRow], color: bool) -> str:
    counts = {s: sum(1 for r in shown if r.status == s) for s in ("conflict", "extra", "agree")}
    parts = [sanitize.paint([(f"{n} {s}", s if n else None)], color) for s, n in counts.items()]
    return ", ".join(parts)


def _gutter(row: DiffRow, color: bool) -> str:
    style = row.status if row.status != "agree" else None
    return sanitize.paint([(GUTTER[row.side], style)], color)


def _side_by_side(
    report: Report, shown: list[DiffRow], left: str, right: str, width: int, color: bool
) -> list[str]:
    col = max((width - 3) // 2, MIN_COLUMN)
    out = _header_pair(report, left, right, col, color)
    for row in shown:
        out.append("")
        lside = _column(report, row, row.left, row.right, col, color)
        rside = _column(report, row, row.right, row.left, col, color)
        for i in range(max(len(lside), len(rside))):
            mark = _gutter(row, color) if i == 0 else "|"
            lcell = lside[i] if i < len(lside) else []
            rcell = rside[i] if i < len(rside) else []
            lpad = " " * (col - sanitize.line_width(lcell))
            line = f"{sanitize.paint(lcell, color)}{lpad} {mark} {sanitize.paint(rcell, color)}"
            out.append(line.rstrip(" "))
        out.extend(_reason(row, width, color))
    return out


def _header_pair(report: Report, left: str, right: str, col: int, color: bool) -> list[str]:
    lhead = sanitize.wrap(sanitize.terminal_safe(source_label(report, left)), col)
    rhead = sanitize.wrap(sanitize.terminal_safe(source_label(report, right)), col)
    out = []
    for i in range(max(len(lhead), len(rhead))):
        lh = lhead[i] if i < len(lhead) else ""
        rh = rhead[i] if i < len(rhead) else ""
        lh_p = sanitize.paint([(sanitize.pad(lh, col), "bold")], color) if lh else " " * col
        out.append(f"{lh_p} | {sanitize.paint([(rh, 'bold')], color) if rh else ''}".rstrip(" "))
    out.append(f"{'-' * col}-+-{'-' * col}")
    return out


def _column(report: Report, row: DiffRow, claim: Claim | None, other: Claim | None, col: int, color: bool) -> list[Line]:
    if claim is None:
        return []
    return sanitize.wrap_runs(_show(side_runs(report, row, claim, other), color), col)


def _reason(row: DiffRow, width: int, color: bool) -> list[str]:
    """A line under conflicts (and hedged agreements) saying why."""
    finding = row.finding
    if finding is None or not (row.status == "conflict" or (row.status == "agree" and finding.hedged)):
        return []
    label = f"{row.status} ({type_label(finding)})" if type_label(finding) else row.status
    text = f"{label}: {sanitize.terminal_safe(finding.reason)}"
    lines = sanitize.wrap(text, max(width - 4, MIN_COLUMN))
    return [sanitize.paint([(f"  ^ {ln}" if i == 0 else f"    {ln}", "dim")], color) for i, ln in enumerate(lines)]


def _inline(report: Report, shown: list[DiffRow], left: str, right: str, width: int, color: bool) -> list[str]:
    """Stacked layout for narrow terminals: each row's sides one under the other."""
    label_w = min(max(sanitize.display_width(sanitize.terminal_safe(s)) for s in (left, right)), 12)
    out = [sanitize.paint([(sanitize.terminal_safe(source_label(report, sid)), "bold")], color) for sid in (left, right)]
    text_w = max(width - label_w - 5, MIN_COLUMN)
    for row in shown:
        out.append("")
        out.append(_inline_title(row, left, right, color))
        for sid, claim, other in ((left, row.left, row.right), (right, row.right, row.left)):
            if claim is None:
                continue
            label = sanitize.pad(sanitize.clip(sanitize.terminal_safe(sid), label_w), label_w)
            for i, line in enumerate(sanitize.wrap_runs(_show(side_runs(report, row, claim, other), color), text_w)):
                prefix = f"  {label} | " if i == 0 else f"  {' ' * label_w} | "
                out.append((prefix + sanitize.paint(line, color)).rstrip(" "))
    return out


def _inline_title(row: DiffRow, left: str, right: str, color: bool) -> str:
    finding = row.finding
    if row.status == "extra":
        where = sanitize.terminal_safe(left if row.side == "left" else right)
        title = f"extra: only in {where}"
    else:
        label = type_label(finding) if finding else ""
        title = f"{row.status} ({label})" if label else row.status
        if finding is not None and row.status == "conflict":
            title += f": {sanitize.terminal_safe(finding.reason)}"
    return f"{_gutter(row, color)} " + sanitize.paint([(title, row.status if row.status != 'agree' else None)], color)
