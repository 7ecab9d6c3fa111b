"""SARIF 2.1.0 for code scanning: one run per compared group.

- One rule per conflict type, ``crosscheck/conflict/<type>`` (and
  ``crosscheck/extra`` when extras fail the gate); rule ids never change
  meaning, so code scanning can track alerts across runs.
- ``partialFingerprints["crosscheck/v1"]`` is the finding's content
  fingerprint, which survives reordered files and edits elsewhere.
- The location is the first claim; the other claims are ``relatedLocations``
  and the message links to them (``[text](id)``).
- Columns count Unicode code points (``columnKind: unicodeCodePoints``), the
  same characters ``charOffset``/``charLength`` and the JSON spans count.
- Accepted findings stay in the log with ``suppressions`` (``inSource`` for a
  comment in the article, ``external`` for the baseline) so reviewers see them;
  ``baselineState`` is set when a baseline was used.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from crosscheck.gate import GateResult, Verdict, combined_stale, evaluate
from crosscheck.model import Claim, Finding, Report
from crosscheck.render.location import Location, claim_location, display_path
from crosscheck.render.sanitize import strip_controls
from crosscheck.version import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/crosscheck/crosscheck"
FINGERPRINT_KEY = "crosscheck/v1"
SRCROOT = "%SRCROOT%"

_TYPE_HELP = {
    "antonym": "The sources use words of opposite meaning for the same fact (direct / indirect).",
    "negation": "One source states what the other denies.",
    "refutation": "One source calls false what the other states (a hoax, fake, denied).",
    "number": "The sources give different numbers for the same quantity.",
    "date": "The sources give different dates for the same event.",
    "entity": "The sources name a different person, place or organisation in the same role.",
    "tense": "The sources place the same event in different times (met / will meet).",
    "modality": "One source states as fact what the other states as possible or intended.",
    "quantifier": "The sources quantify differently (all / some).",
    "ordinal": "The sources put the same event at different places in its sequence (first / another).",
}


def rule_id(finding: Finding) -> str:
    if finding.status == "conflict":
        return f"crosscheck/conflict/{finding.type or 'unknown'}"
    return f"crosscheck/{finding.status}"


def _rule(rid: str) -> dict[str, Any]:
    kind = rid.rsplit("/", 1)[-1]
    if rid.startswith("crosscheck/conflict/"):
        text = _TYPE_HELP.get(kind, f"The sources contradict each other ({kind}).")
        name = f"Conflict{kind.title().replace('-', '').replace('_', '')}"
    else:
        text = "A claim that the other sources do not state."
        name = kind.title()
    return {
        "id": rid,
        "name": name,
        "shortDescription": {"text": text},
        "defaultConfiguration": {"level": "error" if rid.startswith("crosscheck/conflict/") else "warning"},
        "helpUri": f"{INFORMATION_URI}#{kind}",
    }


def uri(path: str) -> str:
    """A relative path as a URI reference: spaces, ``#``, ``%`` and the like percent-encoded."""
    return quote(path, safe="/")


def _physical(where: Location, artifact_index: int) -> dict[str, Any]:
    r = where.region
    return {
        "artifactLocation": {"uri": uri(where.path), "uriBaseId": SRCROOT, "index": artifact_index},
        "region": {
            "startLine": r.start_line,
            "startColumn": r.start_column,
            "endLine": r.end_line,
            "endColumn": r.end_column,
            "charOffset": r.char_offset,
            "charLength": r.char_length,
        },
    }


class _Run:
    """Builds one run; artifacts are indexed in report source order."""

    def __init__(self, result: GateResult) -> None:
        self.result = result
        self.report = result.report
        self.artifact_index = {s.id: i for i, s in enumerate(self.report.sources)}

    def build(self, stale: Sequence[str]) -> dict[str, Any]:
        verdicts = self.result.verdicts
        rule_ids = sorted({rule_id(v.finding) for v in verdicts})
        results = [self._result(v, rule_ids.index(rule_id(v.finding))) for v in verdicts]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "crosscheck",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": [_rule(r) for r in rule_ids],
                }
            },
            "automationDetails": {"id": f"crosscheck/{self.result.group or 'sources'}/"},
            "artifacts": [self._artifact(s.id) for s in self.report.sources],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [self._invocation(stale)],
        }
        return run

    def _artifact(self, source_id: str) -> dict[str, Any]:
        source = self.report.source(source_id)
        return {
            "location": {"uri": uri(display_path(source.path, source.name)), "uriBaseId": SRCROOT},
            "hashes": {"sha-256": source.sha256},
            "encoding": "utf-8",
        }

    def _location(self, claim: Claim) -> dict[str, Any]:
        return _physical(claim_location(self.report, claim), self.artifact_index[claim.source])

    def _result(self, verdict: Verdict, rule_index: int) -> dict[str, Any]:
        finding = verdict.finding
        claims = [self.report.claim(c) for c in finding.claims]
        related = [
            {"id": i, "physicalLocation": self._location(c), "message": {"text": strip_controls(c.text)}}
            for i, c in enumerate(claims[1:], start=1)
        ]
        out: dict[str, Any] = {
            "ruleId": rule_id(finding),
            "ruleIndex": rule_index,
            "level": _level(verdict),
            "message": {"text": self._message(finding, claims)},
            "locations": [{"physicalLocation": self._location(claims[0])}],
            "partialFingerprints": {FINGERPRINT_KEY: finding.id},
            "properties": {"claims": list(finding.claims), "score": finding.score, "gate": verdict.state},
        }
        if related:
            out["relatedLocations"] = related
        if self.result.policy.baseline is not None:
            out["baselineState"] = "unchanged" if finding.id in self.result.policy.baseline else "new"
        suppression = _suppression(verdict)
        if suppression is not None:
            out["suppressions"] = [suppression]
        return out

    def _message(self, finding: Finding, claims: list[Claim]) -> str:
        # Square brackets in article text would read as SARIF link syntax.
        def plain(text: str) -> str:
            return strip_controls(text).replace("[", "\\[").replace("]", "\\]")

        head = plain(finding.reason) or finding.status
        text = f"{head}: \"{plain(claims[0].text)}\""
        if len(claims) > 1:
            links = ", ".join(
                f"[{plain(self.report.source(c.source).name)}]({i})" for i, c in enumerate(claims[1:], start=1)
            )
            text += f" conflicts with {links}"
        elif finding.missing_in:
            text += " is not stated in " + ", ".join(plain(self.report.source(s).name) for s in finding.missing_in)
        return text

    def _invocation(self, stale: Sequence[str]) -> dict[str, Any]:
        notes = [
            {"level": "note", "message": {"text": f"baseline entry {fp} no longer occurs; remove it"}}
            for fp in stale
        ]
        invocation: dict[str, Any] = {"executionSuccessful": True}
        if notes:
            invocation["toolExecutionNotifications"] = notes
        return invocation


def _level(verdict: Verdict) -> str:
    # Below the score threshold the gate does not fail; the alert should not look like it did.
    if verdict.state == "below-threshold":
        return "note"
    if verdict.state == "fail":
        return "error"
    return "error" if verdict.finding.status == "conflict" else "warning"


def _suppression(verdict: Verdict) -> dict[str, Any] | None:
    if verdict.state == "suppressed":
        return {"kind": "inSource", "status": "accepted", "justification": "crosscheck-ignore/disable comment"}
    if verdict.state == "baselined":
        return {"kind": "external", "status": "accepted", "justification": verdict.note or "in the baseline"}
    return None


def log(results: Sequence[GateResult]) -> dict[str, Any]:
    stale = combined_stale(results)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        # Stale entries are listed once, in the first run, not in every group.
        "runs": [_Run(r).build(stale if i == 0 else ()) for i, r in enumerate(results)],
    }


def render_results(results: Sequence[GateResult]) -> str:
    return json.dumps(log(results), ensure_ascii=False, indent=2) + "\n"


def render(report: Report, gate: GateResult | None = None) -> str:
    return render_results([gate or evaluate(report)])
