"""The gate and its outputs on the real seeds, through the real pipeline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crosscheck.cli import main

from test_sarif import validate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from crosscheck import pipeline
    from crosscheck.model import Source

    try:
        pipeline.compare_extractions([pipeline.extract(Source("a", "a.txt", "Officials met."))] * 2)
    except NotImplementedError:
        pytest.skip("the pipeline is not implemented yet")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out, captured.err


def seeds(order: int = 1) -> list[str]:
    return [f"seeds/{name}" for name in SEEDS[::order]]


def test_seeds_conflict_and_sarif_is_valid(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "sarif", *seeds())
    log = json.loads(out)
    validate(log)
    results = log["runs"][0]["results"]
    if code == 0:
        pytest.skip("the pipeline finds no conflict in the seeds")
    assert code == 1 and results
    assert all(r["ruleId"].startswith("crosscheck/conflict/") for r in results)
    assert all(r["relatedLocations"] for r in results)


def test_baseline_survives_reordering_and_edits_elsewhere(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "baseline", *seeds(), "-o", "base.json")[0] == 0
    first = checkout / seeds()[0]
    # An edit far from the conflicting claims: a new closing paragraph.
    first.write_text(first.read_text(encoding="utf-8") + "\nAnalysts expect further rounds in the spring.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--baseline", "base.json", *seeds(-1))
    assert code == 0, out


def test_claims_files_give_the_same_report_as_articles(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "extract", *seeds(), "-o", "claims")
    articles = json.loads(run(capsys, "check", "--format", "json", *seeds())[1])
    claims = json.loads(run(capsys, "check", "--format", "json", *sorted(str(p.relative_to(checkout)) for p in (checkout / "claims").glob("*.json")))[1])
    assert claims == articles


def test_edited_seed_makes_committed_style_ledger_stale(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "extract", *seeds(), "-o", "claims")
    (checkout / seeds()[1]).write_text("Officials met in Muscat.\n", encoding="utf-8")
    ledger = [str(p.relative_to(checkout)) for p in sorted((checkout / "claims").glob("*.json"))]
    code, _, err = run(capsys, "check", "--strict", *ledger)
    assert code == 2 and "stale" in err


def test_github_annotations_point_into_the_seeds(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "github", *seeds())
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert bool(errors) == (code == 1)
    for line in errors:
        assert line.startswith("::error file=seeds/")
