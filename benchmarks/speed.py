"""Speed harness: every figure is measured against a reference taken in the same run.

    python benchmarks/speed.py [--data ../shared/eval] [--quick]

1. seeds report as a process (``crosscheck report seeds/*.txt``) vs a bare
   interpreter importing the same third-party packages (read from pyproject.toml);
2. ``compare()`` throughput over NeuS AllSides events (three outlets each):
   events/s and claims/s, vs the naive row on the same events;
3. scaling with 2..64 sources drawn from those articles: time and peak memory
   (tracemalloc) per step and the fitted log-log growth exponent;
4. the limit: rapidfuzz ``process.cdist`` with crosscheck's scorer over the same
   claim strings (every cross-source claim pair), vs crosscheck's alignment;
5. FNC-1 pairs through ``compare()`` per second on one core, vs the naive row.

Markdown goes to stdout, the full results to ``--json`` (default
benchmarks/out/speed.json), progress to stderr.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
import tracemalloc
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402
import datasets  # noqa: E402
import metrics  # noqa: E402
import naive  # noqa: E402

REPO = datasets.REPO
OUT = accuracy.OUT
STEPS = (2, 4, 8, 16, 32, 64)
QUICK_STEPS = (2, 4, 8)
FNC_TARGET = 1000.0  # pairs/s, the later target


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _unavailable(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


# --------------------------------------------------------------------------- 1. process


def dependency_modules(pyproject: Path = REPO / "pyproject.toml") -> list[str]:
    """Import names of [project].dependencies, via the installed distributions' metadata."""
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"].get("dependencies", [])
    names = [re.match(r"[A-Za-z0-9._-]+", d).group(0) for d in deps]  # type: ignore[union-attr]

    def norm(s: str) -> str:
        return re.sub(r"[-_.]+", "-", s).lower()

    module_of: dict[str, list[str]] = {}
    for module, dists in metadata.packages_distributions().items():
        if module.startswith("_"):
            continue
        for d in dists:
            module_of.setdefault(norm(d), []).append(module)
    out = []
    for n in names:
        mods = sorted(module_of.get(norm(n), []))
        out.append(n.replace("-", "_") if not mods else (norm(n).replace("-", "_") if norm(n).replace("-", "_") in mods else mods[0]))
    return out


def _time_process(cmd: list[str], runs: int, ok: Sequence[int]) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, cwd=REPO)
        times.append(time.perf_counter() - t0)
        err = proc.stderr.decode("utf-8", "replace")
        # exit 1 is "conflicts found" for crosscheck, but also an uncaught Python exception
        if proc.returncode not in ok or "Traceback (most recent call last)" in err or (
            cmd[1:2] != ["-c"] and not proc.stdout.strip()
        ):
            last = err.strip().splitlines()
            raise RuntimeError(f"exit {proc.returncode}: {last[-1] if last else 'no output'}")
    return statistics.median(times), times


def bench_process(runs: int) -> dict[str, Any]:
    seeds = sorted(str(p.relative_to(REPO)) for p in (REPO / "seeds").glob("*.txt"))
    script = Path(sys.executable).parent / "crosscheck"
    if script.exists():
        cmd = [str(script), "report", *seeds]
    elif shutil.which("crosscheck"):
        cmd = [shutil.which("crosscheck") or "crosscheck", "report", *seeds]
    else:
        cmd = [sys.executable, "-m", "crosscheck", "report", *seeds]
    modules = dependency_modules()
    bare = [sys.executable, "-c", "import " + ", ".join(modules)]
    out: dict[str, Any] = {"command": " ".join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd)),
                           "bare": f"python -c 'import {', '.join(modules)}'", "runs": runs}
    _time_process(bare, 1, (0,))  # warm the file cache
    out["bare_seconds"], _ = _time_process(bare, runs, (0,))
    try:
        _time_process(cmd, 1, (0, 1))
        out["report_seconds"], _ = _time_process(cmd, runs, (0, 1))
        out["ratio"] = out["report_seconds"] / out["bare_seconds"]
    except RuntimeError as exc:
        out["unavailable"] = str(exc)
    return out


# --------------------------------------------------------------------------- systems


def crosscheck_compare(sources: dict[str, str]) -> dict[str, Any]:
    import crosscheck

    return crosscheck.compare(sources).to_dict()


SYSTEMS: dict[str, Callable[[dict[str, str]], dict[str, Any]]] = {
    "crosscheck": crosscheck_compare,
    "naive": naive.compare,
}


def source_map(texts: Sequence[str]) -> dict[str, str]:
    """Source ids a, b, c, ... z, s27, s28, ... in order."""
    return {(chr(ord("a") + i) if i < 26 else f"s{i + 1}"): t for i, t in enumerate(texts)}


# --------------------------------------------------------------------------- 2. throughput


def bench_throughput(events: list[list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {"events": len(events)}
    for system, fn in SYSTEMS.items():
        claims = 0
        t0 = time.perf_counter()
        try:
            for i, texts in enumerate(events, 1):
                claims += len(fn(source_map(texts))["claims"])
                if i % 50 == 0:
                    log(f"  throughput {system}: {i}/{len(events)} events")
        except Exception as exc:  # noqa: BLE001
            out[system] = {"unavailable": _unavailable(exc)}
            continue
        wall = time.perf_counter() - t0
        out[system] = {
            "seconds": wall,
            "events_per_s": len(events) / wall,
            "claims": claims,
            "claims_per_s": claims / wall,
        }
    if "seconds" in out["crosscheck"] and "seconds" in out["naive"]:
        out["ratio_to_naive"] = out["naive"]["seconds"] / out["crosscheck"]["seconds"]
    return out


# --------------------------------------------------------------------------- 3 + 4. scaling and the limit


def scorer() -> tuple[Callable[..., float], str]:
    try:
        import crosscheck.align as align

        fn = getattr(align, "SCORER", None)
        if fn is not None:
            return fn, f"crosscheck.align.SCORER ({getattr(fn, '__module__', '?')}.{getattr(fn, '__name__', '?')})"
    except Exception:  # noqa: BLE001
        pass
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio, "rapidfuzz.fuzz.token_set_ratio (fallback: crosscheck.align.SCORER not found)"


def _timed(fn: Callable[[], Any], budget: float = 1.0, max_runs: int = 3) -> tuple[float, Any]:
    """Fastest of up to ``max_runs`` runs, stopping once ``budget`` seconds are spent."""
    best = float("inf")
    result = None
    spent = 0.0
    for _ in range(max_runs):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        best = min(best, dt)
        spent += dt
        if spent >= budget:
            break
    return best, result


def _peak(fn: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _cross_pairs(groups: list[list[str]]) -> int:
    return sum(len(groups[i]) * len(groups[j]) for i in range(len(groups)) for j in range(i + 1, len(groups)))


def _cdist_all(groups: list[list[str]], fn: Callable[..., float]) -> None:
    from rapidfuzz import process

    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            if groups[i] and groups[j]:
                process.cdist(groups[i], groups[j], scorer=fn, workers=1)


def _align_stage() -> tuple[Callable[[dict[str, str]], Callable[[], Any]] | None, str]:
    """If the pipeline exposes its two halves, time only the cross-source half (align + classify)."""
    try:
        import crosscheck
        from crosscheck import pipeline

        extract = getattr(pipeline, "extract", None)
        cross = getattr(pipeline, "compare_extractions", None)
        source_cls = getattr(crosscheck, "Source", None)
        if extract is None or cross is None or source_cls is None:
            raise AttributeError("pipeline.extract / compare_extractions")

        def prepare(sources: dict[str, str]) -> Callable[[], Any]:
            ex = [extract(source_cls(id=k, name=k, text=v)) for k, v in sources.items()]
            return lambda: cross(ex)

        return prepare, "crosscheck.pipeline.compare_extractions (align + classify, after extract)"
    except Exception as exc:  # noqa: BLE001
        return None, f"not separable ({_unavailable(exc)}); whole compare() used"


def bench_scaling(articles: list[str], steps: Sequence[int]) -> dict[str, Any]:
    fn, scorer_name = scorer()
    prepare, stage_name = _align_stage()
    out: dict[str, Any] = {"scorer": scorer_name, "stage": stage_name, "steps": []}
    for n in steps:
        sources = source_map(articles[:n])
        row: dict[str, Any] = {"sources": n, "chars": sum(len(t) for t in sources.values())}
        for system, compare in SYSTEMS.items():
            try:
                seconds, report = _timed(lambda: compare(sources))
                peak = _peak(lambda: compare(sources))
            except Exception as exc:  # noqa: BLE001
                row[system] = {"unavailable": _unavailable(exc)}
                continue
            groups: dict[str, list[str]] = {k: [] for k in sources}
            for c in report["claims"]:
                groups.setdefault(c["source"], []).append(c["text"])
            row[system] = {"seconds": seconds, "peak_bytes": peak, "claims": len(report["claims"])}
            if system == "crosscheck":
                lists = list(groups.values())
                pairs = _cross_pairs(lists)
                cdist_s, _ = _timed(lambda: _cdist_all(lists, fn))
                row["cross_pairs"] = pairs
                row["cdist_seconds"] = cdist_s
                stage_s = seconds
                if prepare is not None:
                    try:
                        run = prepare(sources)
                        stage_s, _ = _timed(run)
                    except Exception as exc:  # noqa: BLE001
                        row["stage_error"] = _unavailable(exc)
                row["stage_seconds"] = stage_s
                row["cdist_pairs_per_s"] = pairs / cdist_s if cdist_s else float("nan")
                row["stage_pairs_per_s"] = pairs / stage_s if stage_s else float("nan")
                row["fraction_of_cdist"] = cdist_s / stage_s if stage_s else float("nan")
        log(f"  scaling: {n} sources done")
        out["steps"].append(row)
    for system in SYSTEMS:
        ok = [r for r in out["steps"] if "seconds" in r.get(system, {})]
        if len(ok) >= 2:
            xs = [r["sources"] for r in ok]
            out[f"{system}_time_exponent"] = metrics.loglog_slope(xs, [r[system]["seconds"] for r in ok])
            out[f"{system}_memory_exponent"] = metrics.loglog_slope(xs, [r[system]["peak_bytes"] for r in ok])
    return out


# --------------------------------------------------------------------------- 5. FNC-1 pairs/s


def bench_fnc(root: Path, limit: int) -> dict[str, Any]:
    pairs = datasets.load("fnc1", root, limit)
    out: dict[str, Any] = {"pairs": len(pairs), "target_pairs_per_s": FNC_TARGET}
    for system, compare in SYSTEMS.items():
        t0 = time.perf_counter()
        try:
            for p in pairs:
                compare({"a": p.text_a, "b": p.text_b})
        except Exception as exc:  # noqa: BLE001
            out[system] = {"unavailable": _unavailable(exc)}
            continue
        wall = time.perf_counter() - t0
        out[system] = {"seconds": wall, "pairs_per_s": len(pairs) / wall}
    if "pairs_per_s" in out["crosscheck"]:
        out["fraction_of_target"] = out["crosscheck"]["pairs_per_s"] / FNC_TARGET
        if "pairs_per_s" in out["naive"]:
            out["ratio_to_naive"] = out["crosscheck"]["pairs_per_s"] / out["naive"]["pairs_per_s"]
    return out


# --------------------------------------------------------------------------- output


def _n(x: Any, fmt: str = ".3g") -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return "nan" if x != x else format(x, fmt)
    return str(x)


def _mib(b: Any) -> str:
    return "-" if b is None else f"{b / 2**20:.2f}"


def render_markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = [
        f"Run {m['date']} on {m['cores']} cores ({m['cpu'] or m['platform']}), {m['implementation']} {m['python']}, "
        f"crosscheck {m['crosscheck']}, {'quick' if res['quick'] else 'full'} mode, one process.",
        "",
    ]
    p = res["process"]
    lines += ["**Seeds report as a process** (median of %d runs)" % p["runs"], ""]
    lines += accuracy._table(
        ["command", "seconds", "ratio"],
        [
            [f"`{p['bare']}`", _n(p["bare_seconds"]), "1"],
            [f"`{p['command']}`", _n(p.get("report_seconds")), _n(p.get("ratio"), ".2f") if "ratio" in p else "unavailable: " + p.get("unavailable", "")],
        ],
    )
    t = res["throughput"]
    lines += ["", f"**compare() throughput**, {t['events']} NeuS val events, three outlets each", ""]
    rows = []
    for system in ("crosscheck", "naive"):
        r = t[system]
        if "unavailable" in r:
            rows.append([system, "unavailable: " + r["unavailable"][:60], "-", "-", "-"])
        else:
            rows.append([system, _n(r["seconds"]), _n(r["events_per_s"]), _n(r["claims_per_s"]), str(r["claims"])])
    lines += accuracy._table(["system", "seconds", "events/s", "claims/s", "claims"], rows)
    if "ratio_to_naive" in t:
        lines += ["", f"crosscheck runs at {t['ratio_to_naive']:.3g} x the naive row's speed."]
    s = res["scaling"]
    lines += [
        "",
        "**Scaling** with the number of sources (NeuS val articles in file order; time = fastest of up to 3 runs; "
        "peak = tracemalloc peak in a separate run)",
        "",
    ]
    rows = []
    for r in s["steps"]:
        c, nv = r.get("crosscheck", {}), r.get("naive", {})
        rows.append(
            [
                str(r["sources"]),
                str(c.get("claims", "-")),
                _n(c.get("seconds")) if "seconds" in c else "unavailable",
                _mib(c.get("peak_bytes")),
                _n(nv.get("seconds")),
                _mib(nv.get("peak_bytes")),
            ]
        )
    lines += accuracy._table(
        ["sources", "claims", "crosscheck s", "crosscheck peak MiB", "naive s", "naive peak MiB"], rows
    )
    lines += [
        "",
        "Fitted growth exponents (log-log least squares over the steps): crosscheck time "
        f"{_n(s.get('crosscheck_time_exponent'), '.2f')}, memory {_n(s.get('crosscheck_memory_exponent'), '.2f')}; "
        f"naive time {_n(s.get('naive_time_exponent'), '.2f')}, memory {_n(s.get('naive_memory_exponent'), '.2f')}.",
    ]
    lines += [
        "",
        f"**The limit**: rapidfuzz `process.cdist` (one worker) over every cross-source pair of crosscheck's claim "
        f"strings, scorer {s['scorer']}; crosscheck side: {s['stage']}.",
        "",
    ]
    rows = []
    for r in s["steps"]:
        if "cdist_seconds" not in r:
            continue
        rows.append(
            [
                str(r["sources"]),
                str(r["cross_pairs"]),
                _n(r["cdist_seconds"]),
                _n(r["cdist_pairs_per_s"]),
                _n(r["stage_seconds"]),
                _n(r["stage_pairs_per_s"]),
                _n(r["fraction_of_cdist"], ".2f"),
            ]
        )
    lines += accuracy._table(
        ["sources", "cross-source claim pairs", "cdist s", "cdist pairs/s", "crosscheck s", "crosscheck pairs/s", "fraction of cdist"],
        rows or [["-", "-", "-", "-", "-", "-", "unavailable"]],
    )
    f = res["fnc"]
    lines += ["", f"**FNC-1 pairs through compare()** on one core, stratified sample of {f['pairs']} pairs", ""]
    rows = []
    for system in ("crosscheck", "naive"):
        r = f[system]
        rows.append([system, "unavailable: " + r["unavailable"][:60]] if "unavailable" in r else [system, _n(r["pairs_per_s"])])
    lines += accuracy._table(["system", "pairs/s"], rows)
    if "fraction_of_target" in f:
        lines += [
            "",
            f"crosscheck reaches {100 * f['fraction_of_target']:.1f}% of the {FNC_TARGET:.0f} pairs/s target"
            + (f" and {f['ratio_to_naive']:.3g} x the naive row's rate." if "ratio_to_naive" in f else "."),
        ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None, help="eval folder (default $CROSSCHECK_EVAL or ../shared/eval)")
    ap.add_argument("--quick", action="store_true", help="small sizes for CI (a few events, 2-8 sources, 20 FNC pairs)")
    ap.add_argument("--json", type=Path, default=OUT / "speed.json", help="where to write the full results")
    args = ap.parse_args(argv)
    root = (args.data or datasets.default_eval_dir()).resolve()
    if not root.is_dir():
        log(f"speed: eval data not found at {root}")
        return 2

    events = [[datasets.neus_text(t, b) for t, b in ev] for ev in datasets.load_neus(root, "val")]
    articles = [a for ev in events for a in ev]
    res: dict[str, Any] = {"machine": accuracy.machine(), "quick": args.quick}
    log("speed: seeds report as a process")
    res["process"] = bench_process(3 if args.quick else 10)
    log("speed: throughput")
    res["throughput"] = bench_throughput(events[:5] if args.quick else events)
    log("speed: scaling")
    res["scaling"] = bench_scaling(articles, QUICK_STEPS if args.quick else STEPS)
    log("speed: FNC-1 pairs/s")
    res["fnc"] = bench_fnc(root, 20 if args.quick else 1000)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(render_markdown(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
