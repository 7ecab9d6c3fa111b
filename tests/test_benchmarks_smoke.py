"""Smoke test of benchmarks/: both harnesses on ~20 pairs per set, plus their metric helpers.

The full runs are documented commands (docs/benchmarks.md); this only checks
that the harnesses run end to end and print the expected tables and keys.
Skipped when the evaluation data (../shared/eval or $CROSSCHECK_EVAL) is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"
EVAL = Path(
    os.environ.get("CROSSCHECK_EVAL")
    or (Path(os.environ["CROSSCHECK_SHARED"]) / "eval" if os.environ.get("CROSSCHECK_SHARED") else None)
    or REPO / ".." / "shared" / "eval"
).resolve()

SETS = ("fnc1", "emergent", "sick", "msrp", "stsb")
METRIC_KEYS = {
    "fnc1": {
        "fnc_score",
        "macro_f1",
        "relatedness_accuracy",
        *(f"{c}_{m}" for c in ("agree", "disagree", "discuss", "unrelated") for m in ("precision", "recall")),
    },
    "emergent": {"accuracy", "macro_f1"},
    "sick": {"conflict_precision", "conflict_recall", "conflict_f1", "accuracy_3way"},
    "msrp": {"align_f1", "accuracy"},
    "stsb": {"pearson", "spearman"},
    "seeds": {"required_held", "required_total", "hard_held", "hard_total"},
}

needs_data = pytest.mark.skipif(
    not (EVAL / "README.md").is_file(),
    reason=f"evaluation data not found at {EVAL} (set CROSSCHECK_EVAL to the eval folder or CROSSCHECK_SHARED)",
)


def _run(args: list[str], cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, f"{args} exited {proc.returncode}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def accuracy_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    out = tmp_path_factory.mktemp("accuracy")
    proc = _run(
        [str(BENCH / "accuracy.py"), "--data", str(EVAL), "--limit", "20",
         "--json", str(out / "accuracy.json"), "--write-errors", "--out", str(out)]
    )
    return json.loads((out / "accuracy.json").read_text(encoding="utf-8")), proc.stdout


@pytest.fixture(scope="module")
def speed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    out = tmp_path_factory.mktemp("speed")
    proc = _run([str(BENCH / "speed.py"), "--data", str(EVAL), "--quick", "--json", str(out / "speed.json")])
    return json.loads((out / "speed.json").read_text(encoding="utf-8")), proc.stdout


def _runs(results: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["set"], r["system"]): r for r in results["runs"]}


def _crosscheck_pending(reason: str | None) -> bool:
    return bool(reason) and reason.startswith("NotImplementedError")


@needs_data
def test_accuracy_naive_row(accuracy_run: tuple[dict[str, Any], str]) -> None:
    results, stdout = accuracy_run
    runs = _runs(results)
    assert results["limit"] == 20 and results["machine"]["cores"]
    for name in (*SETS, "seeds"):
        r = runs[(name, "naive")]
        assert "unavailable" not in r, r
        assert set(r["metrics"]) == METRIC_KEYS[name]
        assert r["errors"] == 0
        if name != "seeds":
            assert 15 <= r["pairs"] <= 20
    for title in ("FNC-1", "Emergent", "SICK", "MSRP", "STS-B", "Seeds gold", "wall time"):
        assert title in stdout
    assert "| naive |" in stdout


@needs_data
def test_accuracy_crosscheck_row(accuracy_run: tuple[dict[str, Any], str]) -> None:
    results, stdout = accuracy_run
    runs = _runs(results)
    if _crosscheck_pending(runs[("fnc1", "crosscheck")].get("unavailable")):
        pytest.skip("crosscheck.compare() is not implemented yet")
    for name in (*SETS, "seeds"):
        r = runs[(name, "crosscheck")]
        assert "unavailable" not in r, r
        assert set(r["metrics"]) == METRIC_KEYS[name]
    assert "| crosscheck |" in stdout


@needs_data
def test_errors_file(tmp_path: Path) -> None:
    proc = _run(
        [str(BENCH / "accuracy.py"), "--data", str(EVAL), "--errors", "sick", "--system", "naive",
         "--limit", "20", "--out", str(tmp_path)]
    )
    path = Path(proc.stdout.strip())
    assert path.parent == tmp_path and path.is_file()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 50 worst mistakes: sick, naive")


@needs_data
def test_speed_quick(speed_run: tuple[dict[str, Any], str]) -> None:
    results, stdout = speed_run
    assert {"machine", "process", "throughput", "scaling", "fnc", "cost"} <= set(results)
    assert results["process"]["bare_seconds"] > 0
    assert "rapidfuzz" in results["process"]["bare"]
    assert results["throughput"]["naive"]["events_per_s"] > 0
    assert [s["sources"] for s in results["scaling"]["steps"]] == [2, 4, 8]
    assert results["fnc"]["cold"]["naive"]["pairs_per_s"] > 0
    assert results["fnc"]["as_in_data"]["naive"]["pairs_per_s"] > 0
    for title in ("Seeds report as a process", "throughput", "Scaling", "The limit", "FNC-1 pairs", "Bounded cost",
                  "The size limit"):
        assert title in stdout
    cost = results["cost"]
    assert cost["sizes_mib"] == [1] and cost["origin"].startswith("NeuS")
    assert [r["kind"] for r in cost["cases"]] == ["size", "line", "line"]
    assert cost["cases"][0]["input_bytes"] <= 2 * 2**20 and cost["cases"][1]["chars"] > 1_000_000
    assert cost["max_bytes"]["exit"] == 2 and len(cost["max_bytes"]["stderr_lines"]) == 1
    assert "larger than --max-bytes" in cost["max_bytes"]["stderr_lines"][0]
    pending = _crosscheck_pending(results["throughput"]["crosscheck"].get("unavailable"))
    if not pending:
        assert "ratio" in results["process"], results["process"]
        assert results["throughput"]["crosscheck"]["claims_per_s"] > 0
        assert "crosscheck_time_exponent" in results["scaling"]
        assert all("fraction_of_cdist" in s for s in results["scaling"]["steps"])
        assert results["fnc"]["cold"]["crosscheck"]["pairs_per_s"] > 0
        assert all(r["complete"] and r["peak_over_baseline"] > 0 for r in cost["cases"]), cost["cases"]


# ---------------------------------------------------------------- metric helpers (no data needed)


@pytest.fixture(scope="module")
def bench_modules() -> Any:
    spec = importlib.util.spec_from_file_location("crosscheck_bench_metrics", BENCH / "metrics.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fnc_score_and_correlations(bench_modules: Any) -> None:
    m = bench_modules
    gold = ["agree", "unrelated", "discuss", "disagree"]
    pred = ["agree", "unrelated", "agree", "unrelated"]
    score, best, rel = m.fnc_score(gold, pred)
    assert (score, best) == (1.0 + 0.25 + 0.25 + 0.0, 3.25)
    assert rel == pytest.approx(1.5 / 3.25)
    assert m.prf(["x", "y", "x"], ["x", "x", "y"], "x") == (0.5, 0.5, 0.5)
    assert m.ranks([3.0, 1.0, 3.0]) == [2.5, 1.0, 2.5]
    assert m.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert m.spearman([1, 2, 3], [1, 8, 27]) == pytest.approx(1.0)
    assert m.loglog_slope([2, 4, 8], [4, 16, 64]) == pytest.approx(2.0)
