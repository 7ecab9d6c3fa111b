"""`crosscheck check`, `baseline`, `extract` end to end (with a stand-in pipeline)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from crosscheck.cli import cli, main

from gate_fixtures import use_fake_pipeline

A = "Officials met in Muscat on Friday.\nTen people attended.\nKushner was present.\n"
B = "Officials met in Muscat on Friday.\nNine people attended.\n"


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # keeps configuration discovery inside the test
    use_fake_pipeline(monkeypatch)
    (tmp_path / "a.md").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out, captured.err


def test_conflict_trips_the_gate(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "a.md", "b.txt")
    assert code == 1
    assert out.splitlines()[0].startswith("a.md:2:1: conflict (number): ")


def test_no_conflict_passes(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "b.txt").write_text("Officials met in Muscat on Friday.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "a.md", "b.txt")
    assert code == 0
    assert "passes" in out


def test_extras_fail_only_when_asked(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "b.txt").write_text("Officials met in Muscat on Friday.\n", encoding="utf-8")
    assert run(capsys, "check", "a.md", "b.txt")[0] == 0
    assert run(capsys, "check", "--fail-on", "extra", "a.md", "b.txt")[0] == 1


def test_exit_zero_reports_without_failing(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--exit-zero", "a.md", "b.txt")
    assert code == 0 and "conflict (number)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "a.md", "missing.txt"], "missing.txt"),
        (["check", "a.md"], "need at least two sources"),
        (["check"], "no sources"),
        (["check", "--format", "xml", "a.md", "b.txt"], "xml"),
        (["check", "--baseline", "nope.json", "a.md", "b.txt"], "baseline file not found"),
    ],
)
def test_errors_exit_2_never_1(desk: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert out == ""


def test_json_is_the_report_contract_plus_gate(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", "a.md", "b.txt")
    document = json.loads(out)
    assert code == 1
    assert document["schema_version"] == 1
    assert {"tool", "sources", "claims", "findings", "summary"} <= document.keys()
    assert document["gate"]["passed"] is False
    assert document["gate"]["failing"] == [f["id"] for f in document["findings"] if f["status"] == "conflict"]


def test_sarif_github_junit_formats(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sarif = json.loads(run(capsys, "check", "--format", "sarif", "a.md", "b.txt")[1])
    assert sarif["runs"][0]["results"][0]["ruleId"] == "crosscheck/conflict/number"
    github = run(capsys, "check", "--format", "github", "a.md", "b.txt")[1]
    assert github.startswith("::error file=a.md,line=2,col=1,endLine=2,endColumn=20,title=crosscheck%3A number conflict::")
    junit = ET.fromstring(run(capsys, "check", "--format", "junit", "a.md", "b.txt")[1])
    assert junit.find("testsuite").get("name") == "a.md vs b.txt"  # type: ignore[union-attr]


def test_output_file_is_written_and_stdout_stays_empty(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "sarif", "-o", "out.sarif", "a.md", "b.txt")
    assert code == 1 and out == ""
    assert json.loads((desk / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_output_into_missing_directory_is_an_error(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "-o", "no/such/dir/out.txt", "a.md", "b.txt")
    assert code == 2 and "cannot write" in err


# --- baselines ---------------------------------------------------------------------


def test_baseline_accepts_todays_conflicts(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "baseline", "a.md", "b.txt", "-o", ".crosscheck-baseline.json")
    assert code == 0 and "wrote 1 baseline entry" in err
    document = json.loads((desk / ".crosscheck-baseline.json").read_text(encoding="utf-8"))
    (entry,) = document["entries"]
    assert entry["reason"] == ""
    assert [c["text"] for c in entry["claims"]] == ["Ten people attended.", "Nine people attended."]
    assert run(capsys, "check", "--baseline", ".crosscheck-baseline.json", "a.md", "b.txt")[0] == 0


def test_baseline_survives_reordering_and_edits_elsewhere(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "baseline", "a.md", "b.txt", "-o", "base.json")
    (desk / "a.md").write_text("Preface line.\n\n" + A + "Mr. Badr hosted.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--baseline", "base.json", "b.txt", "a.md")
    assert code == 0, out


def test_new_conflict_fails_despite_baseline(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "baseline", "a.md", "b.txt", "-o", "base.json")
    (desk / "b.txt").write_text(B + "Kushner was absent.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--baseline", "base.json", "a.md", "b.txt")
    assert code == 1
    assert "conflict (antonym)" in out and "[baselined" in out


def test_fixed_conflict_is_listed_as_stale(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "baseline", "a.md", "b.txt", "-o", "base.json")
    fingerprint = json.loads((desk / "base.json").read_text(encoding="utf-8"))["entries"][0]["fingerprint"]
    (desk / "b.txt").write_text(B.replace("Nine", "Ten"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--baseline", "base.json", "a.md", "b.txt")
    assert code == 0
    assert f"baseline entry {fingerprint} no longer occurs" in out


def test_rebaselining_keeps_the_editors_reasons(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "baseline", "a.md", "b.txt", "-o", "base.json")
    document = json.loads((desk / "base.json").read_text(encoding="utf-8"))
    document["entries"][0]["reason"] = "wire copy is wrong, confirmed by desk"
    (desk / "base.json").write_text(json.dumps(document), encoding="utf-8")
    run(capsys, "baseline", "a.md", "b.txt", "-o", "base.json")
    again = json.loads((desk / "base.json").read_text(encoding="utf-8"))
    assert again["entries"][0]["reason"] == "wire copy is wrong, confirmed by desk"


def test_inline_suppression_in_markdown(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "a.md").write_text(A.replace("Ten people", "<!-- crosscheck-ignore conflict -->\nTen people"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "a.md", "b.txt")
    assert code == 0
    assert "[suppressed: conflict]" in out


# --- configuration -------------------------------------------------------------------


def test_groups_from_configuration(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "crosscheck.toml").write_text('[groups]\ntalks = ["a.md", "b.*"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check")
    assert code == 1 and "conflict (number)" in out
    assert run(capsys, "check", "--group", "other")[0] == 2


def test_command_line_overrides_configuration(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "b.txt").write_text("Officials met in Muscat on Friday.\n", encoding="utf-8")
    (desk / "crosscheck.toml").write_text('fail_on = "extra"\n', encoding="utf-8")
    assert run(capsys, "check", "a.md", "b.txt")[0] == 1
    assert run(capsys, "check", "--fail-on", "conflict", "a.md", "b.txt")[0] == 0


def test_unknown_configuration_key_exits_2_with_its_name(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "pyproject.toml").write_text('[tool.crosscheck]\nfail_level = "extra"\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "a.md", "b.txt")
    assert code == 2 and out == ""
    assert "tool.crosscheck.fail_level: unknown key" in err


def test_configured_baseline_is_used(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "crosscheck.toml").write_text('baseline = "ci/base.json"\n', encoding="utf-8")
    (desk / "ci").mkdir()
    run(capsys, "baseline", "a.md", "b.txt")
    assert (desk / "ci" / "base.json").is_file()
    assert run(capsys, "check", "a.md", "b.txt")[0] == 0


# --- ledger ----------------------------------------------------------------------------


def test_extract_then_check_claims_files(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", "a.md", "b.txt", "-o", "claims")
    assert code == 0 and "claims/a.md.claims.json" in err
    code, out, _ = run(capsys, "check", "claims/a.md.claims.json", "claims/b.txt.claims.json")
    assert code == 1
    assert out.splitlines()[0].startswith("a.md:2:1: conflict (number)")


def test_stale_claims_file_warns_and_strict_fails(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "extract", "a.md", "-o", "claims")
    (desk / "a.md").write_text(A.replace("Ten", "Nine"), encoding="utf-8")
    code, _, err = run(capsys, "check", "claims/a.md.claims.json", "b.txt")
    assert code == 0 and "stale" in err
    code, _, err = run(capsys, "check", "--strict", "claims/a.md.claims.json", "b.txt")
    assert code == 2 and "stale" in err


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, name


def test_inline_suppression_in_html(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = (
        "<html><body>\n<p>Officials met in Muscat on Friday.</p>\n"
        "<!-- crosscheck-disable number -->\n<p>Ten people attended.</p>\n<!-- crosscheck-enable -->\n"
        "<p>Kushner was present.</p>\n</body></html>\n"
    )
    (desk / "a.html").write_text(html, encoding="utf-8")
    code, out, _ = run(capsys, "check", "a.html", "b.txt")
    assert code == 0, out
    assert "[suppressed: number]" in out


def test_suppression_elsewhere_does_not_hide_a_conflict(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "a.md").write_text("<!-- crosscheck-ignore -->\nKushner was present.\n\n" + A, encoding="utf-8")
    assert run(capsys, "check", "a.md", "b.txt")[0] == 1


def test_several_groups_give_one_sarif_run_and_one_json_report_each(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / "c.txt").write_text("Officials met in Muscat on Friday.\n", encoding="utf-8")
    (desk / "crosscheck.toml").write_text('[groups]\nfirst = ["a.md", "b.txt"]\nsecond = ["a.md", "c.txt"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "sarif")
    assert code == 1
    runs = json.loads(out)["runs"]
    assert [r["automationDetails"]["id"] for r in runs] == ["crosscheck/first/", "crosscheck/second/"]
    reports = json.loads(run(capsys, "check", "--format", "json")[1])
    assert [(r["group"], r["gate"]["passed"]) for r in reports] == [("first", False), ("second", True)]
    assert run(capsys, "check", "--group", "second")[0] == 0


def test_report_writes_output_atomically(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "report", "--format", "json", "-o", "report.json", "a.md", "b.txt")
    assert out == ""
    assert json.loads((desk / "report.json").read_text(encoding="utf-8"))["schema_version"] == 1


def test_report_accepts_claims_files(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "extract", "a.md", "-o", "claims")
    _, out, _ = run(capsys, "report", "--format", "json", "claims/a.md.claims.json", "b.txt")
    document = json.loads(out)
    assert document["sources"][0]["path"] == "a.md"
