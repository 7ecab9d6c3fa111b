"""GitHub-flavoured Markdown: for a pull-request comment or a CI job summary.

Every article-derived string goes through ``sanitize.escape_markdown``:
HTML is escaped and Markdown punctuation backslash-escaped, so nothing an
article says becomes a tag, a link, an image or a mention. The only markup
in the output is ours (bold for clashing words, tables, a <details> fold).
"""

from __future__ import annotations

from crosscheck.model import STATUSES, Claim, Finding, Report, Status
from crosscheck.render import matrix, sanitize
from crosscheck.render.common import (
    SECTION_TITLES,
    SILENT,
    claim_runs,
    claims_by_source,
    ordered_findings,
    skipped_note,
    source_label,
    type_label,
)

# Agreements are the long, reassuring part: folded so a PR comment stays short.
_FOLDED: frozenset[Status] = frozenset({"agree"})


def render(report: Report) -> str:
    parts = ["## crosscheck report", _summary(report), _sources(report)]
    for status in STATUSES:
        findings = ordered_findings(report, status)
        if findings:
            parts.append(_section(report, status, findings))
    if len(report.sources) >= 3:
        parts.append(render_matrix(report))
    return "\n\n".join(parts) + "\n"


def _summary(report: Report) -> str:
    s = report.summary
    return (
        f"**{s['conflict']} conflict** · {s['extra']} extra · {s['agree']} agree "
        f"({s['claims']} claims in {len(report.sources)} sources)" + skipped_note(report)
    )


def _sources(report: Report) -> str:
    rows = ["| id | source |", "|---|---|"]
    for source in report.sources:
        rows.append(f"| {_cell(source.id)} | {_cell(source.name or source.id)} |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return sanitize.escape_markdown(text) or " "


def _section(report: Report, status: Status, findings: list[Finding]) -> str:
    source_ids = [s.id for s in report.sources]
    header = ["status", "type"] + [source_label(report, sid) for sid in source_ids] + ["reason"]
    lines = [
        "| " + " | ".join(_cell(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    for finding in findings:
        lines.append(_row(report, finding, source_ids))
    table = "\n".join(lines)
    title = f"{SECTION_TITLES[status]} ({len(findings)})"
    if status in _FOLDED:
        return f"<details><summary>{title}</summary>\n\n{table}\n\n</details>"
    return f"### {title}\n\n{table}"


def _row(report: Report, finding: Finding, source_ids: list[str]) -> str:
    by_source = claims_by_source(report, finding)
    cells = [f"**{finding.status}**" if finding.status == "conflict" else finding.status,
             _cell(type_label(finding))]
    for sid in source_ids:
        claims = by_source.get(sid, [])
        if claims:
            cells.append("<br>".join(_claim(report, c, finding) for c in claims))
        else:
            cells.append(SILENT if sid in finding.missing_in else " ")
    cells.append(_cell(finding.reason))
    return "| " + " | ".join(cells) + " |"


def _claim(report: Report, claim: Claim, finding: Finding) -> str:
    """Claim text, escaped run by run, with the clashing words in bold."""
    out = []
    for text, style in claim_runs(report, claim, finding):
        escaped = sanitize.escape_markdown(text)
        # escape_markdown trims; keep the spaces between runs.
        lead = " " if text[:1].isspace() and escaped else ""
        trail = " " if text[-1:].isspace() and escaped else ""
        out.append(f"{lead}**{escaped}**{trail}" if style == "conflict" and escaped else f"{lead}{escaped}{trail}")
    return "".join(out).strip() or " "


def render_matrix(report: Report) -> str:
    source_ids = [s.id for s in report.sources]
    lines = [
        "### Coverage",
        "",
        matrix.legend(),
        "",
        "| claim | " + " | ".join(_cell(s) for s in source_ids) + " |",
        "|---|" + ":-:|" * len(source_ids),
    ]
    for row in matrix.rows(report):
        symbols = [matrix.SYMBOLS[row.cells[sid]] for sid in source_ids]
        lines.append(f"| {_cell(row.label.text)} | " + " | ".join(symbols) + " |")
    return "\n".join(lines)

