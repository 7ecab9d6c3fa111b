"""One self-contained HTML page: findings beside the articles they come from.

No script, no external URL (a Content-Security-Policy forbids both, in
case escaping ever failed), CSS inline. Everything taken from an article
(text, names, reasons, ids) passes through ``sanitize.escape_html``, which
also escapes quotes, so it is safe in element content and attribute values.

Navigation works without JavaScript: each finding links to an anchor at its
claim's place in the article text, each highlighted passage links back to
its finding, and ``:target`` styles show where a link landed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crosscheck.model import STATUSES, Claim, Finding, Report, Source
from crosscheck.render import matrix
from crosscheck.render.common import (
    SECTION_TITLES,
    claim_runs,
    claims_by_source,
    ordered_findings,
    skipped_note,
    source_label,
    type_label,
)
from crosscheck.render.sanitize import escape_html as esc

_SEVERITY: dict[str, int] = {"conflict": 3, "extra": 2, "agree": 1}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

CSS = """
:root{--conflict:#c5221f;--conflict-bg:#fce8e6;--extra:#8a6100;--extra-bg:#fff3c4;
--agree:#137333;--agree-bg:#e6f4ea;--ink:#202124;--muted:#5f6368;--line:#dadce0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
header{padding:12px 20px;border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 4px} h2{font-size:16px;margin:16px 0 8px} h3{font-size:15px;margin:0 0 8px}
.chip{display:inline-block;padding:1px 8px;border-radius:10px;margin-right:6px;font-weight:600}
.chip.conflict,.badge.conflict{background:var(--conflict-bg);color:var(--conflict)}
.chip.extra,.badge.extra{background:var(--extra-bg);color:var(--extra)}
.chip.agree,.badge.agree{background:var(--agree-bg);color:var(--agree)}
.layout{display:grid;grid-template-columns:minmax(320px,36%) 1fr;gap:0;align-items:start}
.findings{padding:0 16px 24px 20px;border-right:1px solid var(--line);position:sticky;top:0;max-height:100vh;overflow:auto}
.findings ol{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;padding:6px 10px;margin:0 0 8px}
.finding.conflict{border-left-color:var(--conflict)} .finding.extra{border-left-color:#e0b000}
.finding.agree{border-left-color:var(--agree)} .finding:target{box-shadow:0 0 0 3px #8ab4f8}
.meta{font-size:13px;color:var(--muted)} .badge{font-weight:600;padding:0 6px;border-radius:4px}
.claim{display:block;color:inherit;text-decoration:none;margin-top:4px}
.claim:hover{text-decoration:underline} .src{font-weight:600;color:var(--muted);margin-right:4px}
mark.clash{background:var(--conflict);color:#fff;padding:0 2px;border-radius:3px}
.articles{display:grid;gap:16px;padding:0 20px 24px}
.articles article{min-width:0}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Noto Serif",serif;font-size:15px;line-height:1.6}
a.seg{color:inherit;text-decoration:none;border-radius:2px}
a.seg.conflict{background:var(--conflict-bg);border-bottom:2px solid var(--conflict)}
a.seg.extra{background:var(--extra-bg)} a.seg.agree{background:var(--agree-bg)}
.anchor{scroll-margin-top:40px} .anchor:target::before{content:"\\25B6";color:#1a73e8;font-weight:700}
details summary{cursor:pointer;font-weight:600;margin:12px 0 8px}
table.matrix{border-collapse:collapse;margin:0 20px 16px} .matrix th,.matrix td{border:1px solid var(--line);padding:2px 8px}
.matrix td.cell{text-align:center;font-weight:700} .cell.states{color:var(--agree)} .cell.silent{color:var(--muted)}
.cell.conflicts{color:var(--conflict);background:var(--conflict-bg)}
@media (max-width:900px){.layout{grid-template-columns:1fr}.findings{position:static;max-height:none;border-right:0}
.articles{grid-template-columns:1fr !important}}
"""


def render(report: Report) -> str:
    anchors = _claim_anchors(report)
    head = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>crosscheck report: {esc(' / '.join(s.name or s.id for s in report.sources))}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
    )
    body = [
        _header(report),
        _matrix(report) if len(report.sources) >= 3 else "",
        '<div class="layout">',
        _findings(report, anchors),
        _articles(report, anchors),
        "</div>",
    ]
    return head + "\n".join(part for part in body if part) + "\n</body>\n</html>\n"


# --- ids ---------------------------------------------------------------------


def _claim_anchors(report: Report) -> dict[str, str]:
    """Claim id -> HTML id; by position, so an article cannot choose it."""
    return {c.id: f"claim-{i}" for i, c in enumerate(report.claims)}


def finding_anchor(finding: Finding) -> str:
    """Finding ids are stable fingerprints: keep them so links survive reruns."""
    return "finding-" + re.sub(r"[^A-Za-z0-9_-]", "-", finding.id)


# --- header and findings -----------------------------------------------------


def _header(report: Report) -> str:
    s = report.summary
    chips = "".join(
        f'<span class="chip {status}">{s[status]} {status}</span>' for status in STATUSES
    )
    names = ", ".join(esc(source_label(report, src.id)) for src in report.sources)
    return (
        f"<header><h1>crosscheck report</h1><p>{chips}"
        f"{s['claims']} claims in {len(report.sources)} sources: {names}{esc(skipped_note(report))}</p></header>"
    )


def _findings(report: Report, anchors: dict[str, str]) -> str:
    parts = ['<section class="findings" aria-label="findings">']
    for status in STATUSES:
        findings = ordered_findings(report, status)
        if not findings:
            continue
        items = "\n".join(_finding(report, f, anchors) for f in findings)
        title = f"{SECTION_TITLES[status]} ({len(findings)})"
        if status == "conflict":
            parts.append(f'<h2 id="conflicts">{title}</h2>\n<ol>\n{items}\n</ol>')
        else:  # collapsed by default, open natively: no script needed
            parts.append(f"<details><summary>{title}</summary>\n<ol>\n{items}\n</ol>\n</details>")
    parts.append("</section>")
    return "\n".join(parts)


def _finding(report: Report, finding: Finding, anchors: dict[str, str]) -> str:
    label = type_label(finding)
    meta = f'<span class="badge {finding.status}">{finding.status}</span>'
    if label:
        meta += f" {esc(label)}"
    if finding.reason:
        meta += f" · {esc(finding.reason)}"
    claims = []
    for source_id, items in claims_by_source(report, finding).items():
        for claim in items:
            claims.append(
                f'<a class="claim" href="#{anchors[claim.id]}"><span class="src">{esc(source_id)}</span>'
                f"{_claim_html(report, claim, finding)}</a>"
            )
    if finding.missing_in:
        claims.append(f'<div class="meta">not in: {esc(", ".join(finding.missing_in))}</div>')
    return (
        f'<li id="{finding_anchor(finding)}" class="finding {finding.status}">'
        f'<div class="meta">{meta}</div>{"".join(claims)}</li>'
    )


def _claim_html(report: Report, claim: Claim, finding: Finding) -> str:
    return "".join(
        f'<mark class="clash">{esc(text)}</mark>' if style == "conflict" else esc(text)
        for text, style in claim_runs(report, claim, finding)
    )


# --- articles ----------------------------------------------------------------


def _articles(report: Report, anchors: dict[str, str]) -> str:
    columns = f"repeat({len(report.sources)},minmax(0,1fr))"
    parts = [f'<section class="articles" aria-label="articles" style="grid-template-columns:{columns}">']
    for source in report.sources:
        parts.append(
            f"<article><h3>{esc(source_label(report, source.id))}</h3>"
            f'<div class="text">{_article_text(report, source, anchors)}</div></article>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def _claim_findings(report: Report) -> dict[str, list[Finding]]:
    """Claim id -> its findings, most severe first."""
    out: dict[str, list[Finding]] = {}
    for finding in report.findings:
        for claim_id in finding.claims:
            out.setdefault(claim_id, []).append(finding)
    for items in out.values():
        items.sort(key=lambda f: (-_SEVERITY[f.status], f.id))
    return out


def _article_text(report: Report, source: Source, anchors: dict[str, str]) -> str:
    """The source text cut at every claim and evidence boundary.

    Claims may overlap (a carried subject serves several claims), so the
    text is split into pieces each covered by a fixed set of claims; a piece
    takes the most severe status among them.
    """
    text = source.text
    claims = [c for c in report.claims if c.source == source.id]
    findings = _claim_findings(report)
    clash = _clash_spans(report, source.id)
    cuts = {0, len(text)}
    for claim in claims:
        for start, end in claim.spans:
            cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    for start, end in clash:
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    starts: dict[int, list[str]] = {}
    for claim in claims:
        if claim.spans:
            starts.setdefault(min(s for s, _ in claim.spans), []).append(anchors[claim.id])
    points = sorted(cuts)
    out: list[str] = []
    for lo, hi in zip(points, points[1:]):
        out.extend(f'<span class="anchor" id="{a}"></span>' for a in starts.get(lo, []))
        piece = esc(text[lo:hi])
        covering = [c for c in claims if any(s <= lo and hi <= e for s, e in c.spans)]
        if any(s <= lo and hi <= e for s, e in clash):
            piece = f'<mark class="clash">{piece}</mark>'
        if covering:
            out.append(_segment(piece, covering, findings))
        else:
            out.append(piece)
    return "".join(out)


def _segment(piece: str, covering: list[Claim], findings: dict[str, list[Finding]]) -> str:
    candidates = [f for c in covering for f in findings.get(c.id, [])]
    if not candidates:
        return piece
    top = min(candidates, key=lambda f: (-_SEVERITY[f.status], f.id))
    statuses = sorted({f.status for f in candidates}, key=lambda s: -_SEVERITY[s])
    title = esc(", ".join(statuses) + (f": {top.reason}" if top.reason else ""))
    return f'<a class="seg {top.status}" href="#{finding_anchor(top)}" title="{title}">{piece}</a>'


def _clash_spans(report: Report, source_id: str) -> list[tuple[int, int]]:
    known = {c.id: c.source for c in report.claims}
    spans: list[tuple[int, int]] = []
    for finding in report.by_status("conflict"):
        for evidence in finding.evidence:
            if known.get(evidence.claim) == source_id:
                spans.extend(evidence.spans)
    return spans


# --- coverage matrix ---------------------------------------------------------


def _matrix(report: Report) -> str:
    ids = [s.id for s in report.sources]
    head = "".join(f'<th scope="col">{esc(s)}</th>' for s in ids)
    rows: Iterable[str] = (
        f"<tr><td>{esc(row.label.text)}</td>"
        + "".join(
            f'<td class="cell {row.cells[s]}" title="{row.cells[s]}">{matrix.SYMBOLS[row.cells[s]]}</td>'
            for s in ids
        )
        + "</tr>"
        for row in matrix.rows(report)
    )
    return (
        f'<section aria-label="coverage"><h2 style="margin-left:20px">Coverage</h2>'
        f'<p style="margin:0 20px 8px">{esc(matrix.legend())}</p>'
        f'<table class="matrix"><thead><tr><th scope="col">claim</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )
