"""Coverage matrix for three or more sources: which source states each claim.

Claims linked by agree or conflict findings form one cluster (union-find
over the findings; a connected component is one row). Each source then
either states the cluster, is silent about it, or conflicts with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tabulate import tabulate

from crosscheck.model import Claim, Report
from crosscheck.render import sanitize
from crosscheck.render.common import claim_position

Cell = Literal["states", "silent", "conflicts"]
SYMBOLS: dict[Cell, str] = {"states": "✓", "silent": "·", "conflicts": "✗"}
_STYLE: dict[Cell, str] = {"states": "agree", "silent": "dim", "conflicts": "conflict"}


@dataclass(frozen=True, slots=True)
class Row:
    """One cluster: its representative claim and one cell per source id."""

    claims: tuple[Claim, ...]
    cells: dict[str, Cell]

    @property
    def label(self) -> Claim:
        return self.claims[0]


def clusters(report: Report) -> list[tuple[Claim, ...]]:
    """Connected components of claims under agree/conflict links, in reading order."""
    parent: dict[str, str] = {c.id: c.id for c in report.claims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving keeps trees flat
            x = parent[x]
        return x

    for finding in report.findings:
        if finding.status == "extra":
            continue
        ids = [c for c in finding.claims if c in parent]
        for other in ids[1:]:
            a, b = find(ids[0]), find(other)
            if a != b:
                # The smaller id becomes the root so the result is stable.
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[Claim]] = {}
    for claim in report.claims:
        groups.setdefault(find(claim.id), []).append(claim)
    ordered = [tuple(sorted(g, key=lambda c: claim_position(report, c))) for g in groups.values()]
    return sorted(ordered, key=lambda g: claim_position(report, g[0]))


def rows(report: Report) -> list[Row]:
    conflicting = _conflicting_sources(report)
    out: list[Row] = []
    for group in clusters(report):
        stating = {c.source for c in group}
        clashing = set().union(*(conflicting.get(c.id, set()) for c in group))
        cells: dict[str, Cell] = {}
        for source in report.sources:
            if source.id in clashing:
                cells[source.id] = "conflicts"
            elif source.id in stating:
                cells[source.id] = "states"
            else:
                cells[source.id] = "silent"
        out.append(Row(group, cells))
    return out


def _conflicting_sources(report: Report) -> dict[str, set[str]]:
    """Claim id -> sources whose claim in a conflict finding touches it (both sides)."""
    known = {c.id for c in report.claims}
    out: dict[str, set[str]] = {}
    for finding in report.by_status("conflict"):
        ids = [c for c in finding.claims if c in known]
        sources = {report.claim(c).source for c in ids}
        for c in ids:
            out.setdefault(c, set()).update(sources)
    return out


def legend() -> str:
    return "  ".join(f"{SYMBOLS[c]} {c}" for c in ("states", "silent", "conflicts"))


def render_text(report: Report, *, width: int = sanitize.DEFAULT_WIDTH, color: bool = False) -> str:
    """The matrix as a grid table; the claim column takes what the sources leave."""
    source_ids = [s.id for s in report.sources]
    n_cols = 1 + len(source_ids)
    id_w = max(sanitize.display_width(sanitize.terminal_safe(s)) for s in source_ids)
    claim_w = max(width - (3 * n_cols + 1) - id_w * len(source_ids), 16)
    table_rows = []
    for row in rows(report):
        text = sanitize.terminal_safe(row.label.text)
        cells = ["\n".join(sanitize.wrap(text, claim_w))]
        for sid in source_ids:
            cell = row.cells[sid]
            cells.append(sanitize.paint([(SYMBOLS[cell], _STYLE[cell])], color))
        table_rows.append(cells)
    headers = ["claim"] + [sanitize.terminal_safe(s) for s in source_ids]
    table = tabulate(table_rows, headers=headers, tablefmt="grid", disable_numparse=True,
                     colalign=["left"] + ["center"] * len(source_ids))
    title = sanitize.paint([(f"Coverage ({len(table_rows)} claims)", "bold")], color)
    return f"{title}   {legend()}\n{table}"
