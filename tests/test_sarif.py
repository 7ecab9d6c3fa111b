"""SARIF 2.1.0: schema-valid, stable rule ids and fingerprints, related locations."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from crosscheck import __version__
from crosscheck.gate import Policy, evaluate
from crosscheck.model import Report, Source
from crosscheck.render import sarif

from gate_fixtures import ALPHA, report

# ../shared sits beside the clone (CROSSCHECK_SHARED overrides, as in conftest.py).
SHARED = Path(os.environ.get("CROSSCHECK_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def validate(document: dict[str, Any]) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (../shared is absent)")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)


def log(r: Report, policy: Policy | None = None) -> dict[str, Any]:
    return json.loads(sarif.render(r, evaluate(r, policy)))


def test_output_validates_against_the_sarif_schema() -> None:
    validate(log(report()))


def test_output_with_baseline_and_suppression_validates() -> None:
    text = ALPHA.replace("Ten officials", "<!-- crosscheck-ignore -->\nTen officials")
    validate(log(report(alpha=text), Policy(fail_on="extra", baseline={"f-antonym": "ok", "f-gone": ""})))


def test_one_rule_per_conflict_type_with_stable_ids() -> None:
    run = log(report())["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "crosscheck/conflict/antonym",
        "crosscheck/conflict/number",
    ]
    assert run["tool"]["driver"]["version"] == __version__
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in run["results"]] == [
        ("crosscheck/conflict/antonym", 0, "error"),
        ("crosscheck/conflict/number", 1, "error"),
    ]


def test_result_location_fingerprint_and_related_claim() -> None:
    result = log(report())["runs"][0]["results"][0]
    assert result["partialFingerprints"] == {"crosscheck/v1": "f-antonym"}
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/alpha.md"
    start = ALPHA.index("Iran")
    assert location["region"] == {
        "startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 66,
        "charOffset": start, "charLength": 65,
    }
    (related,) = result["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "news/beta.txt"
    assert related["physicalLocation"]["region"]["startLine"] == 1
    assert related["message"]["text"].startswith("Iran and the United States held direct talks")
    assert "[beta.txt](1)" in result["message"]["text"]


def test_accepted_findings_carry_suppressions_and_baseline_state() -> None:
    text = ALPHA.replace("Ten officials", "<!-- crosscheck-ignore -->\nTen officials")
    results = log(report(alpha=text), Policy(baseline={"f-antonym": "checked by desk"}))["runs"][0]["results"]
    assert results[0]["baselineState"] == "unchanged"
    assert results[0]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "checked by desk"}
    ]
    assert results[1]["suppressions"][0]["kind"] == "inSource"


def test_columns_count_code_points_and_run_says_so() -> None:
    text = "😀 x\nIran and the United States met indirectly in Muscat on February 6\n" + ALPHA.split("\n", 3)[3]
    run = log(report(alpha=text))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charOffset"]) == (2, 1, 4)


def test_output_is_deterministic() -> None:
    assert sarif.render(report()) == sarif.render(report())


def test_artifact_has_sha256_and_relative_uri() -> None:
    artifacts = log(report())["runs"][0]["artifacts"]
    assert artifacts[0]["location"]["uri"] == "news/alpha.md"
    assert artifacts[0]["hashes"]["sha-256"] == Source("x", "x", ALPHA).sha256


def test_absolute_path_inside_cwd_becomes_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = report(path_prefix=str(tmp_path / "news") + "/")
    uri = log(r)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "news/alpha.md"


def test_square_brackets_in_claims_do_not_become_links() -> None:
    text = ALPHA.replace("Iran and", "[Iran](2) and")
    r = report(alpha=text, quotes={"a:1": "[Iran](2) and the United States met indirectly in Muscat on February 6"})
    message = log(r)["runs"][0]["results"][0]["message"]["text"]
    assert "\\[Iran\\](2)" in message


def test_uri_is_percent_encoded() -> None:
    r = report(path_prefix="my news/#1 ")
    location = log(r)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20news/%231%20alpha.md"
