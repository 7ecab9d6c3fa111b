"""JUnit XML: one test suite per pair of sources, one test case per finding.

CI systems (GitLab, Jenkins, Azure) render JUnit as a test tree, which suits
editors: "a.txt vs b.txt" lists every claim both touch. Conflicts are failures;
extras are failures too when ``--fail-on extra``; accepted findings (baselined,
suppressed, below threshold) are skipped with the reason; agreements and
unenforced extras pass. An extra belongs to every pair it is missing from.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from itertools import combinations

from crosscheck.gate import GateResult, evaluate
from crosscheck.model import Finding, Report
from crosscheck.render.location import claim_location

# XML 1.0 forbids most C0 controls even as character references.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _pairs(report: Report, finding: Finding) -> Iterator[tuple[str, str]]:
    """Source pairs (in report order) a finding concerns."""
    order = {s.id: i for i, s in enumerate(report.sources)}
    if finding.status == "extra":
        own = report.claim(finding.claims[0]).source
        involved = [(own, other) for other in finding.missing_in]
    else:
        sources = sorted({report.claim(c).source for c in finding.claims}, key=order.__getitem__)
        involved = list(combinations(sources, 2))
    for a, b in involved:
        yield (a, b) if order[a] <= order[b] else (b, a)


def _case(result: GateResult, finding: Finding, classname: str) -> ET.Element:
    report = result.report
    first = report.claim(finding.claims[0])
    where = claim_location(report, first)
    label = finding.status if finding.type is None else f"{finding.status} {finding.type}"
    case = ET.Element(
        "testcase",
        {
            "classname": classname,
            "name": _clean(f"{label}: {first.text}"),
            "file": where.path,
            "line": str(where.region.start_line),
        },
    )
    verdict = result.verdict(finding.id)
    if verdict is None:
        return case  # agree, or an extra below the fail level
    if verdict.state == "fail":
        failure = ET.SubElement(case, "failure", {"message": _clean(finding.reason or label), "type": finding.type or finding.status})
        failure.text = _clean(_details(report, finding))
    else:
        note = f"{verdict.state}: {verdict.note}" if verdict.note else verdict.state
        ET.SubElement(case, "skipped", {"message": _clean(note)})
    return case


def _details(report: Report, finding: Finding) -> str:
    lines = []
    for claim_id in finding.claims:
        claim = report.claim(claim_id)
        where = claim_location(report, claim)
        lines.append(f"{where.path}:{where.region.start_line}:{where.region.start_column}: {claim.text}")
    lines.append(f"fingerprint: {finding.id}")
    return "\n".join(lines)


def _suites(result: GateResult) -> Iterator[ET.Element]:
    report = result.report
    by_pair: dict[tuple[str, str], list[Finding]] = {
        (a.id, b.id): [] for a, b in combinations(report.sources, 2)
    }
    for finding in report.findings:
        for pair in _pairs(report, finding):
            by_pair.setdefault(pair, []).append(finding)
    prefix = f"{result.group}: " if result.group else ""
    for (a, b), findings in by_pair.items():
        name = f"{prefix}{report.source(a).name} vs {report.source(b).name}"
        suite = ET.Element("testsuite", {"name": _clean(name)})
        cases = [_case(result, f, _clean(name)) for f in findings]
        suite.extend(cases)
        _count(suite, cases)
        yield suite


def _count(element: ET.Element, cases: Sequence[ET.Element]) -> None:
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    element.set("errors", "0")
    element.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))


def render_results(results: Sequence[GateResult]) -> str:
    root = ET.Element("testsuites", {"name": "crosscheck"})
    suites = [s for r in results for s in _suites(r)]
    root.extend(suites)
    _count(root, [c for s in suites for c in s.iter("testcase")])
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def render(report: Report, gate: GateResult | None = None) -> str:
    return render_results([gate or evaluate(report)])
