"""GitHub Actions workflow commands: one ``::error`` annotation per failing finding.

Each annotation points at the first claim of the finding (line and column of
its first span, see ``render.location`` for how columns are counted) and names
the other side in the message. Values are escaped exactly as the Actions
toolkit does (``@actions/core`` ``escapeData``/``escapeProperty``): ``%``, CR
and LF everywhere, plus ``:`` and ``,`` in properties, so article text can
neither end the command early nor inject another one.

Findings an editor accepted (baselined, suppressed) get no annotation; the
summary line at the end counts them.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.gate import GateResult, combined_stale, evaluate
from crosscheck.model import Finding, Report
from crosscheck.render.location import Location, claim_location
from crosscheck.render.sanitize import strip_controls


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    """``::name key=value,...::message`` with toolkit escaping."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(report: Report, finding: Finding) -> str:
    claims = [report.claim(c) for c in finding.claims]
    here = claim_location(report, claims[0])
    others = [claim_location(report, c) for c in claims[1:]]
    label = finding.status if finding.type is None else f"{finding.type} {finding.status}"
    message = _message(report, finding, others)
    return command("error", message, **_position(here), title=f"crosscheck: {label}")


def _position(where: Location) -> dict[str, str | int]:
    r = where.region
    props: dict[str, str | int] = {"file": where.path, "line": r.start_line}
    if r.start_line == r.end_line:
        # The toolkit ignores columns on multi-line annotations; endColumn is inclusive there.
        props.update(col=r.start_column, endLine=r.end_line, endColumn=max(r.end_column - 1, r.start_column))
    else:
        props["endLine"] = r.end_line
    return props


def _message(report: Report, finding: Finding, others: list[Location]) -> str:
    first = report.claim(finding.claims[0])
    lines = [strip_controls(finding.reason) or finding.status, f"claim: {strip_controls(first.text)}"]
    for claim_id, where in zip(finding.claims[1:], others):
        claim = report.claim(claim_id)
        lines.append(f"vs {where.path}:{where.region.start_line}: {strip_controls(claim.text)}")
    if finding.status == "extra" and finding.missing_in:
        names = ", ".join(report.source(s).name for s in finding.missing_in)
        lines.append(f"not stated in: {names}")
    lines.append(f"fingerprint: {finding.id}")
    return "\n".join(lines)


def render_results(results: Sequence[GateResult]) -> str:
    lines = [annotation(r.report, f) for r in results for f in r.failing]
    for fingerprint in combined_stale(results):
        lines.append(command("notice", f"baseline entry {fingerprint} no longer occurs; remove it", title="crosscheck: stale baseline entry"))
    failing = sum(len(r.failing) for r in results)
    accepted = sum(len(r.verdicts) - len(r.failing) for r in results)
    lines.append(f"crosscheck: {failing} failing, {accepted} accepted (baselined, suppressed or below threshold)")
    return "\n".join(lines) + "\n"


def render(report: Report, gate: GateResult | None = None) -> str:
    return render_results([gate or evaluate(report)])
