"""JUnit XML: a suite per pair of sources, a case per finding, conflicts as failures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from crosscheck.gate import Policy, evaluate
from crosscheck.render import junit

from gate_fixtures import ALPHA, report


def parse(policy: Policy | None = None, alpha: str = ALPHA) -> ET.Element:
    r = report(alpha=alpha)
    return ET.fromstring(junit.render(r, evaluate(r, policy)))


def test_one_suite_per_pair_one_case_per_finding() -> None:
    root = parse()
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "alpha.md vs beta.txt"
    assert suite.get("tests") == "5"
    assert suite.get("failures") == "2"
    assert root.get("failures") == "2"
    failing = [c.get("name") for c in suite if c.find("failure") is not None]
    assert failing == [
        "conflict antonym: Iran and the United States met indirectly in Muscat on February 6",
        "conflict number: Ten officials attended the session",
    ]


def test_extras_pass_unless_they_fail_the_gate() -> None:
    assert parse().get("failures") == "2"
    assert parse(Policy(fail_on="extra")).get("failures") == "4"


def test_accepted_conflicts_are_skipped_not_failed() -> None:
    root = parse(Policy(baseline={"f-antonym": "desk checked"}))
    skipped = root.findall(".//skipped")
    assert [s.get("message") for s in skipped] == ["baselined: desk checked"]
    assert root.get("failures") == "1"


def test_failure_body_names_both_claims_and_fingerprint() -> None:
    failure = parse().find(".//failure")
    assert failure is not None and failure.text is not None
    assert failure.get("type") == "antonym"
    assert "news/alpha.md:3:1: Iran" in failure.text
    assert "news/beta.txt:1:1: Iran" in failure.text
    assert "fingerprint: f-antonym" in failure.text


def test_control_characters_are_dropped_so_xml_stays_valid() -> None:
    r = report(alpha=ALPHA.replace("Ten officials", "Ten\x0b\x00 officials"),
               quotes={"a:3": "Ten\x0b\x00 officials attended the session"})
    root = ET.fromstring(junit.render(r))
    assert root.findall(".//testcase")[1].get("name") == "conflict number: Ten officials attended the session"
