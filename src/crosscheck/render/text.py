"""Terminal text: the report (one table per status and a summary) and the gate's lines.

``render`` is ``crosscheck report``'s text; ``render_results`` is
``crosscheck check``'s (compiler-style ``path:line:col:`` lines that editors
and IDEs can jump to). Article text is made terminal-safe here, at the last
step, with ``sanitize``.
"""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from crosscheck.gate import GateResult, Verdict, combined_stale
from crosscheck.model import STATUSES, Claim, Finding, Report, Status
from crosscheck.render import matrix, sanitize
from crosscheck.render.common import (
    PLAIN_MARKS,
    SECTION_TITLES,
    SILENT,
    claim_runs,
    claims_by_source,
    ordered_findings,
    source_label,
    summary_line,
    terminal_runs,
    type_label,
)
from crosscheck.render.location import claim_location

# --- the text report -------------------------------------------------------


def render(report: Report, *, width: int | None = None, color: bool = False) -> str:
    """The report as terminal text, ``width`` columns wide (default 100)."""
    width = sanitize.DEFAULT_WIDTH if width is None else width
    parts = [_legend(report, color)]
    for status in STATUSES:
        findings = ordered_findings(report, status)
        if findings:
            parts.append(_section(report, status, findings, width, color))
    if len(report.sources) >= 3:
        parts.append(matrix.render_text(report, width=width, color=color))
    total = _paint("Summary: ", "bold", color) + summary_line(report)
    parts.append(total)
    return "\n\n".join(parts) + "\n"


def _paint(text: str, style: str, color: bool) -> str:
    return sanitize.paint([(text, style)], color)


def _legend(report: Report, color: bool) -> str:
    lines = [_paint("crosscheck report", "bold", color)]
    for source in report.sources:
        lines.append(f"  {sanitize.terminal_safe(source_label(report, source.id))}")
    return "\n".join(lines)


def _section(report: Report, status: Status, findings: list[Finding], width: int, color: bool) -> str:
    title = _paint(f"{SECTION_TITLES[status]} ({len(findings)})", status, color)
    source_ids = [s.id for s in report.sources]
    # tabulate pads every header by 2 (MIN_PADDING): no column is narrower
    # than its header + 2, and headers are wrapped 2 narrower than the column.
    status_w = max(len(status), len("status") + 2)
    type_w = min(max([len("type") + 2] + [sanitize.display_width(type_label(f)) for f in findings]), 12)
    widths = _column_widths(width, len(source_ids), status_w, type_w)
    headers = ["status", "type"] + [
        "\n".join(sanitize.wrap(sanitize.terminal_safe(source_label(report, sid)), widths[2 + i] - 2))
        for i, sid in enumerate(source_ids)
    ] + ["reason"]
    rows = [_row(report, f, source_ids, widths, color) for f in findings]
    table = tabulate(rows, headers=headers, tablefmt="grid", disable_numparse=True)
    return f"{title}\n{table}"


def _column_widths(width: int, n_sources: int, status_w: int, type_w: int) -> list[int]:
    """Content widths: status, type, one per source, reason.

    A grid table costs 3 columns per cell plus 1; sources get twice the
    room of the reason because claims are longer than reasons.
    """
    n_cols = 2 + n_sources + 1
    room = width - (3 * n_cols + 1) - status_w - type_w
    reason_w = max(room // (2 * n_sources + 1), 8)
    source_w = max((room - reason_w) // n_sources, 10)
    return [status_w, type_w] + [source_w] * n_sources + [reason_w]


def _row(report: Report, finding: Finding, source_ids: list[str], widths: list[int], color: bool) -> list[str]:
    by_source = claims_by_source(report, finding)
    cells = [
        _paint(finding.status, finding.status, color),
        "\n".join(sanitize.wrap(type_label(finding), widths[1])),
    ]
    for i, sid in enumerate(source_ids):
        cells.append(_claims_cell(report, finding, by_source.get(sid, []), sid, widths[2 + i], color))
    cells.append("\n".join(sanitize.wrap(sanitize.terminal_safe(finding.reason), widths[-1])))
    return cells


def _claims_cell(
    report: Report, finding: Finding, claims: list[Claim], source_id: str, width: int, color: bool
) -> str:
    if not claims:
        return SILENT if source_id in finding.missing_in else ""
    lines: list[str] = []
    for claim in claims:
        runs = terminal_runs(claim_runs(report, claim, finding))
        if not color:
            runs = sanitize.mark_plain(runs, PLAIN_MARKS)
        lines.extend(sanitize.paint(line, color) for line in sanitize.wrap_runs(runs, width))
    return "\n".join(lines)


# --- the gate's lines --------------------------------------------------------


def render_results(results: Sequence[GateResult]) -> str:
    """Compiler-style lines (``path:line:col: ...``), then a summary line per group."""
    lines: list[str] = []
    for result in results:
        if result.group is not None and len(results) > 1:
            lines.append(f"== {result.group} ==")
        for verdict in result.verdicts:
            lines.extend(_verdict_lines(result.report, verdict))
        lines.append(_gate_summary(result))
    for fingerprint in combined_stale(results):
        lines.append(f"crosscheck: baseline entry {fingerprint} no longer occurs; remove it")
    return "\n".join(lines) + "\n"


def _verdict_lines(report: Report, verdict: Verdict) -> list[str]:
    finding = verdict.finding
    claims = [report.claim(c) for c in finding.claims]
    first = claim_location(report, claims[0])
    label = finding.status if finding.type is None else f"{finding.status} ({finding.type})"
    tag = "" if verdict.state == "fail" else f" [{verdict.state}{': ' + verdict.note if verdict.note else ''}]"
    head = f"{first.path}:{first.region.start_line}:{first.region.start_column}: {label}{tag}"
    reason = sanitize.terminal_safe(finding.reason)
    lines = [f"{head}: {reason} [{finding.id}]" if reason else f"{head} [{finding.id}]"]
    for claim in claims:
        where = claim_location(report, claim)
        lines.append(
            f"    {where.path}:{where.region.start_line}:{where.region.start_column}: {sanitize.terminal_safe(claim.text)}"
        )
    return lines


def _gate_summary(result: GateResult) -> str:
    failing = len(result.failing)
    noun = "finding" if failing == 1 else "findings"
    status = "fails" if failing else "passes"
    parts = [f"crosscheck: {status} (fail-on {result.policy.fail_on}): {failing} {noun} at or above the fail level"]
    for state in ("baselined", "suppressed", "below-threshold"):
        count = len(result.with_state(state))
        if count:
            parts.append(f"{count} {state}")
    return ", ".join(parts)
