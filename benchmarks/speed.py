"""Speed harness: every figure is measured against a reference taken in the same run.

    python benchmarks/speed.py [--data ../shared/eval] [--quick] [--cost-budget S]
    python benchmarks/speed.py --cost-only [--quick]     # only section 6 (seeds text without the data)

1. seeds report as a process (``crosscheck report seeds/*.txt``) vs a bare
   interpreter importing the same third-party packages (read from pyproject.toml);
2. ``compare()`` throughput over NeuS AllSides events (three outlets each):
   events/s and claims/s, vs the naive row on the same events;
3. scaling with 2..64 sources drawn from those articles: time and peak memory
   (tracemalloc) per step and the fitted log-log growth exponent;
4. the limit: rapidfuzz ``process.cdist`` with crosscheck's scorer over the same
   claim strings (every cross-source claim pair), vs crosscheck's alignment;
5. FNC-1 pairs through ``compare()`` per second on one core, vs the naive row;
6. bounded cost: ``compare()`` on two generated articles of 1, 5 and 20 MiB each and
   on a 1,000,000-character single line, each case in a fresh child process: seconds
   per stage, peak memory (the child's peak RSS over its baseline), fitted growth
   exponents, cost per MiB; the CLI ``report --format json`` process where it fits
   the budget, and the ``--max-bytes`` refusal of an input over the default limit.
   Cases predicted to exceed ``--cost-budget`` are not run; the prediction is shown.

Markdown goes to stdout, the full results to ``--json`` (default
benchmarks/out/speed.json), progress to stderr.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import selectors
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import tracemalloc
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy
import datasets
import metrics
import naive

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
        guess = norm(n).replace("-", "_")
        mods = sorted(module_of.get(norm(n), []))
        out.append(guess if not mods or guess in mods else mods[0])
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
    """The rapidfuzz scorer crosscheck's alignment applies to keys (``align.spelling_variant``)."""
    from rapidfuzz import fuzz

    return fuzz.ratio, "rapidfuzz.fuzz.ratio (the scorer crosscheck's alignment applies to keys)"


def _peak(fn: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _once(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def _best(fn: Callable[[], Any], runs: int = 3) -> float:
    """Fastest of ``runs`` (only for code without caches: rapidfuzz cdist)."""
    return min(_once(fn)[0] for _ in range(runs))


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
            return lambda: cross(ex).to_dict()

        return prepare, "crosscheck.pipeline.compare_extractions (align + classify; extract done beforehand)"
    except Exception as exc:  # noqa: BLE001
        return None, f"not separable ({_unavailable(exc)}); whole compare() used"


class Draws:
    """Articles handed out once each, so no measurement sees a text twice.

    crosscheck caches per-text work inside the library (extraction by text,
    alignment keys by claim text); timing a repeat would time the cache. Every
    timed run therefore gets articles no earlier run in this process has seen.
    """

    def __init__(self, articles: Sequence[str]) -> None:
        seen: set[str] = set()
        self.pool = [a for a in articles if a.strip() and not (a in seen or seen.add(a))]
        self.next = 0

    def take(self, n: int) -> list[str]:
        if self.next + n > len(self.pool):
            raise RuntimeError(f"not enough distinct articles for {n} more sources")
        out = self.pool[self.next : self.next + n]
        self.next += n
        return out


def bench_scaling(draws: Draws, steps: Sequence[int], repeats: int = 3) -> dict[str, Any]:
    fn, scorer_name = scorer()
    prepare, stage_name = _align_stage()
    out: dict[str, Any] = {"scorer": scorer_name, "stage": stage_name, "repeats": repeats, "steps": []}
    for n in steps:
        row: dict[str, Any] = {"sources": n}
        timed = [source_map(draws.take(n)) for _ in range(repeats)]
        for system, compare in SYSTEMS.items():
            try:
                runs = [_once(lambda src=src: compare(src)) for src in timed]  # noqa: B023  # called in this iteration
                peak_src = source_map(draws.take(n)) if system == "crosscheck" else row["_peak_src"]
                row["_peak_src"] = peak_src
                peak = _peak(lambda: compare(peak_src))  # noqa: B023  # called in this iteration
            except Exception as exc:  # noqa: BLE001
                row[system] = {"unavailable": _unavailable(exc)}
                row.setdefault("_peak_src", source_map(draws.take(n)))
                continue
            row[system] = {
                "seconds": statistics.median(t for t, _ in runs),
                "peak_bytes": peak,
                "claims": statistics.median(len(r["claims"]) for _, r in runs),
            }
        row.pop("_peak_src", None)
        # the limit: the alignment stage against brute-force cdist over the same claim strings
        if "seconds" in row.get("crosscheck", {}):
            stage_total = cdist_total = 0.0
            pairs_total = 0
            for _ in range(repeats):
                sources = source_map(draws.take(n))
                try:
                    if prepare is not None:
                        stage_s, report = _once(prepare(sources))
                    else:
                        stage_s, report = _once(lambda: SYSTEMS["crosscheck"](sources))  # noqa: B023  # called in this iteration
                except Exception as exc:  # noqa: BLE001
                    row["stage_error"] = _unavailable(exc)
                    break
                groups: dict[str, list[str]] = {k: [] for k in sources}
                for c in report["claims"]:
                    groups.setdefault(c["source"], []).append(c["text"])
                lists = list(groups.values())
                cdist_total += _best(lambda: _cdist_all(lists, fn))  # noqa: B023  # called in this iteration
                stage_total += stage_s
                pairs_total += _cross_pairs(lists)
            if "stage_error" not in row and stage_total > 0 and cdist_total > 0:
                row["cross_pairs"] = pairs_total / repeats
                row["cdist_seconds"] = cdist_total / repeats
                row["stage_seconds"] = stage_total / repeats
                row["cdist_pairs_per_s"] = pairs_total / cdist_total
                row["stage_pairs_per_s"] = pairs_total / stage_total
                row["fraction_of_cdist"] = cdist_total / stage_total
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


def distinct_pairs(pairs: Sequence[datasets.Pair], limit: int) -> list[datasets.Pair]:
    """Up to ``limit`` pairs, in sample order, no headline or body used twice."""
    heads: set[str] = set()
    bodies: set[str] = set()
    out = []
    for p in pairs:
        if p.text_a in heads or p.text_b in bodies:
            continue
        heads.add(p.text_a)
        bodies.add(p.text_b)
        out.append(p)
        if len(out) == limit:
            break
    return out


def _pairs_per_s(pairs: Sequence[datasets.Pair]) -> dict[str, Any]:
    out: dict[str, Any] = {"pairs": len(pairs)}
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


def bench_fnc(root: Path, limit: int, whole: bool = False) -> dict[str, Any]:
    """As in the data first: a stratified sample in file order, where bodies
    recur (about 27 headlines per body in FNC-1) and the library's per-text
    caches apply, but no text of it was seen before in this process. Then
    cold: pairs whose headline and body the sample did not have either, none
    used twice (the caches cannot help; at most one pair per body). Cold runs
    second so that what it extracts cannot warm the sample. With ``whole``,
    also every pair of the set in file order, in a fresh interpreter."""
    everything = datasets.load("fnc1", root)
    sample = datasets.sample(everything, limit)
    warm = _pairs_per_s(sample)
    seen = {p.text_a for p in sample} | {p.text_b for p in sample}
    ordered = sorted((p for p in everything if p.text_a not in seen and p.text_b not in seen), key=lambda p: datasets._rank(p.key))
    cold = _pairs_per_s(distinct_pairs(ordered, limit))
    out = {"target_pairs_per_s": FNC_TARGET, "cold": cold, "as_in_data": warm}
    if whole:
        out["whole_set"] = _whole_set_child(root)
    return out


# The whole FNC-1 set in file order, in a fresh interpreter (nothing cached from the sample runs):
# what a newsroom comparing every headline with its body would see. argv: the eval root.
_WHOLE_SET_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
import datasets, crosscheck
from pathlib import Path
pairs = datasets.load("fnc1", Path(sys.argv[1]))
crosscheck.compare({"a": "The committee met on Monday.", "b": "The committee did not meet on Tuesday."})
t0 = time.perf_counter()
for p in pairs:
    crosscheck.compare({"a": p.text_a, "b": p.text_b})
wall = time.perf_counter() - t0
print(json.dumps({"pairs": len(pairs), "bodies": len({p.text_b for p in pairs}), "seconds": wall}))
"""


def _whole_set_child(root: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", _WHOLE_SET_CHILD, str(root), str(Path(__file__).parent)],
                          capture_output=True, text=True, cwd=REPO)
    if proc.returncode != 0:
        return {"unavailable": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    res: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    res["pairs_per_s"] = res["pairs"] / res["seconds"]
    return res


# --------------------------------------------------------------------------- 6. bounded cost

COST_SIZES = (1, 5, 20)  # MiB per article; two articles per case
QUICK_COST_SIZES = (1,)
LINE_CHARS = 1_000_000
COST_BUDGET = 900.0  # seconds per case; stages predicted to go past it are not run
CLI_BUDGET = 300.0  # the CLI process runs at a size only when compare() is predicted within this
COST_STAGES = ("extract", "cross", "report")
MIB = 2**20

# Runs in a fresh interpreter per case: no cache, no memory of earlier cases. argv: the stages to
# run (comma-separated, in COST_STAGES order), then the article paths. One JSON line per stage.
_CHILD = r"""
import json, os, resource, sys, time
RSS = 1 if sys.platform == "darwin" else 1024
def rss():
    # VmHWM is this process's own peak; ru_maxrss on Linux also keeps the parent's RSS at
    # fork/exec time, which would hide the child's real baseline
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * RSS
def emit(**kw):
    print(json.dumps(kw), flush=True)
import crosscheck
from crosscheck import pipeline
from crosscheck.render import json as render_json
crosscheck.compare({"a": "The committee met on Monday.", "b": "The committee did not meet on Tuesday."})
stages, paths = sys.argv[1].split(","), sys.argv[2:]
base = rss()
texts = [open(p, encoding="utf-8").read() for p in paths]
emit(stage="ready", baseline_rss=base, chars=[len(t) for t in texts],
     bytes=[os.path.getsize(p) for p in paths])
timed = {}
def wrap(module, name):
    fn = getattr(module, name, None)
    if fn is None:
        return
    def timed_fn(*a, **k):
        t0 = time.perf_counter()
        out = fn(*a, **k)
        timed[name] = (time.perf_counter() - t0, len(out))
        return out
    setattr(module, name, timed_fn)
try:  # sub-stages of compare_extractions, when it still calls these by module attribute
    import crosscheck.align, crosscheck.classify
    wrap(crosscheck.align, "align")
    wrap(crosscheck.classify, "classify")
except Exception:
    pass
if "extract" in stages:
    t0 = time.perf_counter()
    ex = [pipeline.extract(crosscheck.Source(id=chr(97 + i), name=os.path.basename(p), text=t))
          for i, (p, t) in enumerate(zip(paths, texts))]
    emit(stage="extract", seconds=time.perf_counter() - t0, peak_rss=rss(),
         claims=sum(len(e.claims) for e in ex), sentences=sum(len(e.sentences) for e in ex))
if "cross" in stages:
    t0 = time.perf_counter()
    report = pipeline.compare_extractions(ex)
    sub = {k: {"seconds": v[0], "items": v[1]} for k, v in timed.items()}
    emit(stage="cross", seconds=time.perf_counter() - t0, peak_rss=rss(), findings=len(report.findings),
         parts=sub)
if "report" in stages:
    t0 = time.perf_counter()
    out = render_json.render(report)
    emit(stage="report", seconds=time.perf_counter() - t0, peak_rss=rss(), json_bytes=len(out.encode()))
"""


def _rss_scale() -> int:
    return 1 if sys.platform == "darwin" else 1024


def cost_articles(root: Path | None) -> tuple[list[str], str]:
    """Texts the generated articles are built from: NeuS train then val articles in file
    order, or the seed articles when the evaluation data is absent."""
    if root is not None and (root / "neus" / "train.source").is_file():
        arts = [datasets.neus_text(t, b) for split in ("train", "val")
                for ev in datasets.load_neus(root, split) for t, b in ev]
        return [a for a in arts if a.strip()], "NeuS train + val articles (../shared/eval/neus)"
    return [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))], "seeds/*.txt"


def build_article(articles: Sequence[str], nbytes: int, start: int = 0) -> str:
    """Articles from index ``start`` on (wrapping around), joined by blank lines, as many as fit
    in ``nbytes`` UTF-8 bytes: a deterministic long article of about that size."""
    parts: list[str] = []
    size = 0
    i = start
    while True:
        art = articles[i % len(articles)]
        need = len(art.encode("utf-8")) + (2 if parts else 0)
        if size + need > nbytes:
            break
        parts.append(art)
        size += need
        i += 1
    if not parts:  # one article larger than the size asked for
        return articles[start % len(articles)].encode("utf-8")[:nbytes].decode("utf-8", "ignore")
    return "\n\n".join(parts)


def one_line(articles: Sequence[str], nchars: int = LINE_CHARS) -> str:
    """The articles' words on a single line of exactly ``nchars`` characters (no line break)."""
    words: list[str] = []
    size = 0
    i = 0
    while size < nchars:
        w = articles[i % len(articles)].split()
        words.extend(w)
        size += sum(len(x) + 1 for x in w)
        i += 1
    line = " ".join(words)[:nchars]
    return line[:-1] + "." if line else line


def _run_child(paths: Sequence[str], stages: Sequence[str], timeout: float) -> dict[str, Any]:
    """One case in a fresh interpreter; stages finished before ``timeout`` are kept."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    errfile = tempfile.TemporaryFile()  # noqa: SIM115  # the child writes to it; closed once read, below
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, ",".join(stages), *paths], stdout=subprocess.PIPE,
                            stderr=errfile, cwd=REPO, env=env)
    out: dict[str, Any] = {}
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    sel = selectors.DefaultSelector()
    sel.register(fd, selectors.EVENT_READ)
    buf = b""
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                proc.kill()
                out["timed_out_after"] = timeout
                break
            if not sel.select(timeout=min(left, 5.0)):
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for line in lines:
                row = json.loads(line)
                out[row.pop("stage")] = row
    finally:
        sel.close()
        proc.wait()
        proc.stdout.close()
        errfile.seek(0)
        err = errfile.read()
        errfile.close()
    if proc.returncode != 0 and "timed_out_after" not in out:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        out["error"] = lines[-1] if lines else f"exit {proc.returncode}"
    return out


# Starts the command from a small interpreter and reports its rusage: on Linux a process's
# ru_maxrss starts from its parent's RSS at fork/exec, so waiting on it from this (large)
# process would report our own memory. argv: the command.
_CLI_WRAPPER = r"""
import json, os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    try:
        os.execv(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
scale = 1 if sys.platform == "darwin" else 1024
print(json.dumps({"exit": os.waitstatus_to_exitcode(status), "seconds": time.perf_counter() - t0,
                  "peak_rss": usage.ru_maxrss * scale}), flush=True)
"""


def _run_cli(args: Sequence[str], timeout: float, cwd: Path = REPO) -> dict[str, Any]:
    """The installed command as a process: exit status, seconds, its own peak RSS."""
    script = Path(sys.executable).parent / "crosscheck"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "crosscheck"]
    if cmd[0] == str(script):  # a console script: run it with this interpreter, as its shebang would
        cmd = [sys.executable, str(script)]
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-c", _CLI_WRAPPER, *cmd, *args], stdout=subprocess.PIPE,
                                stderr=err, cwd=cwd, start_new_session=True)
        try:
            stdout, _ = proc.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            stdout, _ = proc.communicate()
            timed_out = True
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    out: dict[str, Any] = json.loads(stdout) if stdout.strip() else {"exit": None, "seconds": timeout, "peak_rss": None}
    out["stderr_lines"] = stderr.strip().splitlines()[-3:]
    if timed_out:
        out["timed_out_after"] = timeout
    return out


def _predict(history: Sequence[tuple[float, float]], size: float) -> float | None:
    """Seconds at ``size`` from earlier (size, seconds) points: the fitted log-log slope (at least
    1) from the last point; linear from a single point; None without any."""
    pts = [(x, y) for x, y in history if y > 0]
    if not pts:
        return None
    x0, y0 = pts[-1]
    k = metrics.loglog_slope([x for x, _ in pts], [y for _, y in pts]) if len(pts) >= 2 else 1.0
    k = max(1.0, k if k == k else 1.0)
    return y0 * (size / x0) ** k


def _case(label: str, kind: str, paths: Sequence[str], history: dict[str, list[tuple[float, float]]],
          budget: float) -> dict[str, Any]:
    size = sum(os.path.getsize(p) for p in paths)
    row: dict[str, Any] = {"case": label, "kind": kind, "input_bytes": size, "stages": {}}
    stages: list[str] = []
    planned = 0.0
    for st in COST_STAGES:
        guess = _predict(history.get(st, []), size)
        if guess is not None and planned + guess > budget:
            row["stages"][st] = {"skipped": True, "predicted_seconds": guess}
            # later stages need this one's output
            for later in COST_STAGES[COST_STAGES.index(st) + 1 :]:
                later_guess = _predict(history.get(later, []), size)
                row["stages"][later] = {"skipped": True, "predicted_seconds": later_guess}
            break
        stages.append(st)
        planned += guess or 0.0
    log(f"  cost: {label} ({size / MIB:.1f} MiB): {', '.join(stages) or 'nothing'} (budget {budget:.0f} s)")
    res = _run_child(paths, stages, budget + 60) if stages else {}
    ready = res.get("ready", {})
    row["chars"] = sum(ready.get("chars", [])) or None
    row["baseline_rss"] = ready.get("baseline_rss")
    for st in stages:
        if st in res:
            row["stages"][st] = res[st]
        elif "timed_out_after" in res:
            row["stages"][st] = {"timed_out_after": res["timed_out_after"]}
            break
        else:
            row["stages"][st] = {"error": res.get("error", "no result")}
            break
    done = [st for st in COST_STAGES if "seconds" in row["stages"].get(st, {})]
    row["complete"] = len(done) == len(COST_STAGES)
    if done:
        peak = max(row["stages"][st]["peak_rss"] for st in done)
        row["peak_rss"] = peak
        row["peak_over_baseline"] = peak - (row["baseline_rss"] or 0)
    if row["complete"]:
        row["seconds"] = sum(row["stages"][st]["seconds"] for st in COST_STAGES)
        row["seconds_per_mib"] = row["seconds"] / (size / MIB)
        row["peak_mib_per_input_mib"] = row["peak_over_baseline"] / size
    if "claims" in row["stages"].get("extract", {}):
        row["claims"] = row["stages"]["extract"]["claims"]
    if kind == "size":
        for st in done:
            history.setdefault(st, []).append((size, row["stages"][st]["seconds"]))
    return row


def bench_cost(root: Path | None, sizes: Sequence[float], budget: float, cli: bool) -> dict[str, Any]:
    articles, origin = cost_articles(root)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    out: dict[str, Any] = {"origin": origin, "budget_seconds": budget, "cli_budget_seconds": CLI_BUDGET,
                           "sizes_mib": list(sizes), "cases": [], "cli": [], "commit": _commit()}
    history: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="crosscheck-cost-") as tmp:
        for mib in sizes:
            paths = []
            for name, start in (("a", 0), ("b", len(articles) // 2)):
                path = Path(tmp) / f"{mib:g}mib-{name}.txt"
                path.write_text(build_article(articles, int(mib * MIB), start), encoding="utf-8")
                paths.append(str(path))
            row = _case(f"{mib:g} MiB x 2", "size", paths, history, budget)
            row["mib"] = mib
            out["cases"].append(row)
            if cli:
                out["cli"].append(_cli_case(row, paths, history))
            for p in paths:
                os.unlink(p)
        line = Path(tmp) / "line.txt"
        line.write_text(one_line(articles), encoding="utf-8")
        word = Path(tmp) / "word.txt"
        word.write_text(("word " * (LINE_CHARS // 5)).strip() + ".", encoding="utf-8")
        other = str(seeds[0]) if seeds else str(line)
        for label, path in (("1,000,000-character line (prose) + a seed", line),
                            ("1,000,000-character line ('word word ...') + a seed", word)):
            # a different workload from the sizes: not predicted from them, bounded by the budget alone
            out["cases"].append(_case(label, "line", [str(path), other], {}, budget))
        # the size limit: a (sparse) file one byte over the default is refused before it is read
        from crosscheck.read import DEFAULT_MAX_BYTES

        big = Path(tmp) / "over-limit.txt"
        with open(big, "wb") as fh:
            fh.truncate(DEFAULT_MAX_BYTES + 1)
        refusal = _run_cli(["report", "--format", "json", big.name, other], 120, cwd=Path(tmp))
        refusal["input_bytes"] = DEFAULT_MAX_BYTES + 1
        refusal["default_max_bytes"] = DEFAULT_MAX_BYTES
        out["max_bytes"] = refusal
    sized = [r for r in out["cases"] if r["kind"] == "size"]
    fits: dict[str, Any] = {}
    for st in COST_STAGES:
        ok = [r for r in sized if "seconds" in r["stages"].get(st, {})]
        if len(ok) >= 2:
            fits[f"{st}_time"] = metrics.loglog_slope([r["input_bytes"] for r in ok],
                                                      [r["stages"][st]["seconds"] for r in ok])
    for sub in ("align", "classify"):
        ok = [r for r in sized if sub in r["stages"].get("cross", {}).get("parts", {})]
        if len(ok) >= 2:
            fits[f"{sub}_time"] = metrics.loglog_slope(
                [r["input_bytes"] for r in ok], [r["stages"]["cross"]["parts"][sub]["seconds"] for r in ok])
    ok = [r for r in sized if r["complete"]]
    if len(ok) >= 2:
        fits["compare_time"] = metrics.loglog_slope([r["input_bytes"] for r in ok], [r["seconds"] for r in ok])
        fits["compare_memory"] = metrics.loglog_slope([r["input_bytes"] for r in ok],
                                                      [r["peak_over_baseline"] for r in ok])
    ok = [r for r in sized if "peak_rss" in r["stages"].get("extract", {})]
    if len(ok) >= 2:
        fits["extract_memory"] = metrics.loglog_slope(
            [r["input_bytes"] for r in ok], [r["stages"]["extract"]["peak_rss"] - (r["baseline_rss"] or 0) for r in ok])
    out["exponents"] = fits
    return out


def _commit() -> str | None:
    """The checked-out commit, with ``+dirty`` when the work tree differs (the code measured)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO,
                              timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], capture_output=True, text=True,
                               cwd=REPO, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return (head + ("+dirty" if dirty else "")) or None


def _cli_case(row: dict[str, Any], paths: Sequence[str], history: dict[str, list[tuple[float, float]]]) -> dict[str, Any]:
    """``crosscheck report --format json`` on the same articles, where compare() fits CLI_BUDGET."""
    size = row["input_bytes"]
    entry: dict[str, Any] = {"case": row["case"], "input_bytes": size}
    if row["complete"]:
        expected = row["seconds"]
    else:
        guesses = [_predict(history.get(st, []), size) for st in COST_STAGES]
        done = [row["stages"][st].get("seconds") for st in COST_STAGES]
        expected = sum((d if d is not None else (g or 0.0)) for d, g in zip(done, guesses))
    entry["expected_seconds"] = expected
    if expected > CLI_BUDGET:
        entry["skipped"] = f"compare() takes about {expected:,.0f} s at this size (> {CLI_BUDGET:.0f} s)"
        return entry
    log(f"  cost: CLI report --format json on {row['case']}")
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        res = _run_cli(["report", "--format", "json", "-o", out.name, *paths], max(CLI_BUDGET, 2 * expected) + 60)
        res["json_bytes"] = os.path.getsize(out.name)
    entry.update(res)
    return entry


# --------------------------------------------------------------------------- output


def _n(x: Any, fmt: str | None = None) -> str:
    """Numbers for tables: thousands separators from 1,000, three significant digits below."""
    if x is None:
        return "-"
    if isinstance(x, int | float):
        if x != x:
            return "nan"
        if fmt is not None:
            return format(x, fmt)
        if abs(x) >= 1000:
            return f"{x:,.0f}"
        if abs(x) >= 0.001 or x == 0:
            return f"{x:.3g}"
        return f"{x:.2e}"
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
    if "process" in res:
        lines += _render_main(res)
    if "cost" in res:
        lines += _render_cost(res["cost"], res["quick"])
    return "\n".join(lines) + "\n"


def _render_main(res: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    p = res["process"]
    lines += [f"**Seeds report as a process** (median of {p['runs']} runs)", ""]
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
        f"**Scaling** with the number of sources: NeuS train articles, every run on articles not seen before in "
        f"the process (the library caches per-text work); time = median of {s['repeats']} runs on different "
        "articles; peak = tracemalloc peak (Python allocations) in a separate run",
        "",
    ]
    rows = []
    for r in s["steps"]:
        c, nv = r.get("crosscheck", {}), r.get("naive", {})
        rows.append(
            [
                str(r["sources"]),
                _n(c.get("claims"), ".0f") if "claims" in c else "-",
                _n(c.get("seconds")) if "seconds" in c else "unavailable",
                _mib(c.get("peak_bytes")),
                _n(nv.get("seconds")),
                _mib(nv.get("peak_bytes")),
            ]
        )
    lines += accuracy._table(
        ["sources", "crosscheck claims", "crosscheck s", "crosscheck peak MiB", "naive s", "naive peak MiB"], rows
    )
    lines += [
        "",
        "Fitted growth exponents (log-log least squares over the steps): crosscheck time "
        f"{_n(s.get('crosscheck_time_exponent'), '.2f')}, memory {_n(s.get('crosscheck_memory_exponent'), '.2f')}; "
        f"naive time {_n(s.get('naive_time_exponent'), '.2f')}, memory {_n(s.get('naive_memory_exponent'), '.2f')}.",
    ]
    lines += [
        "",
        f"**The limit**: rapidfuzz `process.cdist` (one worker, fastest of 3) over every cross-source pair of "
        f"crosscheck's claim strings, scorer {s['scorer']}; crosscheck side: {s['stage']}; "
        f"means over {s['repeats']} fresh draws per step.",
        "",
    ]
    rows = []
    for r in s["steps"]:
        if "cdist_seconds" not in r:
            continue
        rows.append(
            [
                str(r["sources"]),
                _n(r["cross_pairs"], ".0f"),
                _n(r["cdist_seconds"]),
                _n(r["cdist_pairs_per_s"]),
                _n(r["stage_seconds"]),
                _n(r["stage_pairs_per_s"]),
                _n(r["fraction_of_cdist"], ".2f"),
            ]
        )
    lines += accuracy._table(
        ["sources", "cross-source claim pairs", "cdist s", "cdist pairs/s", "crosscheck s", "crosscheck pairs/s",
         "fraction of cdist"],
        rows or [["-", "-", "-", "-", "-", "-", "unavailable"]],
    )
    f = res["fnc"]
    lines += [
        "",
        "**FNC-1 pairs through compare()** on one core. *as in the data* (run first; no text of it seen "
        "earlier in the process): a stratified sample in file order, where bodies recur and the library's own "
        "per-text caches apply; *cold* (run after it): no headline or body repeats or was in the sample; "
        "*whole set*: every pair of the set in file order, in a fresh interpreter (bodies recur about 27 "
        "times, as they do in the data; the stratified sample has about 3 pairs per body).",
        "",
    ]
    rows = []
    for label, key in (("cold", "cold"), ("as in the data", "as_in_data")):
        block = f[key]
        for system in ("crosscheck", "naive"):
            r = block[system]
            if "unavailable" in r:
                rows.append([system, label, str(block["pairs"]), "unavailable: " + r["unavailable"][:60], "-", "-"])
                continue
            pct = f"{100 * r['pairs_per_s'] / FNC_TARGET:.1f}%"
            ratio = _n(block.get("ratio_to_naive"), ".2f") if system == "crosscheck" else "1"
            rows.append([system, label, str(block["pairs"]), _n(r["pairs_per_s"]), pct, ratio])
    whole = f.get("whole_set")
    if whole is not None:
        if "unavailable" in whole:
            rows.append(["crosscheck", "whole set, in file order", "-", "unavailable: " + whole["unavailable"][:60], "-", "-"])
        else:
            pct = f"{100 * whole['pairs_per_s'] / FNC_TARGET:.1f}%"
            rows.append(["crosscheck", f"whole set, in file order ({whole['bodies']} bodies)", str(whole["pairs"]),
                         _n(whole["pairs_per_s"]), pct, "-"])
    lines += accuracy._table(["system", "sample", "pairs", "pairs/s", f"of {FNC_TARGET:.0f}/s target", "x naive"], rows)
    return lines


def _stage_cell(stage: dict[str, Any] | None) -> str:
    if not stage:
        return "-"
    if "seconds" in stage:
        return _n(stage["seconds"])
    if stage.get("skipped"):
        guess = stage.get("predicted_seconds")
        return "not run" + (f" (~{_n(guess)} predicted)" if guess is not None else "")
    if "timed_out_after" in stage:
        return f"> {stage['timed_out_after']:.0f} (stopped)"
    return "error: " + str(stage.get("error", "?"))[:60]


def _render_cost(c: dict[str, Any], quick: bool) -> list[str]:
    lines = [
        "",
        f"**Bounded cost**: `compare()` on two generated articles of each size (built by joining "
        f"{c['origin']} with blank lines, a from the first article, b from the middle of the list), "
        "and on a 1,000,000-character single line against a seed article. Each case runs in a fresh "
        "child process (no cache, no earlier case in memory); *extract* = per-source half "
        "(normalize, segment, decompose, features), *align + classify* = `compare_extractions`, "
        "*JSON* = `render.json`; peak = the child's peak RSS over its baseline after imports and a "
        f"warm-up; stages predicted past the budget of {c['budget_seconds']:.0f} s per case are not run."
        + (f" Code: commit {c['commit']}." if c.get("commit") else ""),
        "",
    ]
    rows = []
    for r in c["cases"]:
        st = r["stages"]
        parts = st.get("cross", {}).get("parts", {})
        split = ""
        if "align" in parts and "classify" in parts:
            split = f" = {_n(parts['align']['seconds'])} + {_n(parts['classify']['seconds'])}"
        rows.append([
            r["case"],
            f"{r['input_bytes'] / MIB:.2f}",
            _n(r.get("claims"), ",") if r.get("claims") is not None else "-",
            _stage_cell(st.get("extract")),
            _stage_cell(st.get("cross")) + split,
            _stage_cell(st.get("report")),
            _n(r.get("seconds")) if r["complete"] else "-",
            _n(r.get("seconds_per_mib")) if r["complete"] else "-",
            _mib(r.get("peak_over_baseline")) + ("" if r["complete"] else " (stages run)"),
        ])
    lines += accuracy._table(
        ["case", "input MiB", "claims", "extract s", "align + classify s", "JSON s",
         "compare() s", "s per input MiB", "peak MiB"], rows)
    e = c.get("exponents", {})
    if e:
        names = [("extract_time", "extract time"), ("align_time", "align time"), ("classify_time", "classify time"),
                 ("cross_time", "align + classify time"), ("report_time", "JSON time"),
                 ("compare_time", "compare() time"), ("extract_memory", "extract peak memory"),
                 ("compare_memory", "compare() peak memory")]
        shown = [f"{label} {_n(e[k], '.2f')}" for k, label in names if k in e]
        lines += ["", "Fitted growth exponents over the sizes (log-log least squares against input bytes; "
                  "1 = linear, 2 = quadratic): " + ", ".join(shown) + "."]
    elif not quick:
        lines += ["", "Fitted growth exponents: fewer than two sizes completed."]
    if c.get("cli"):
        lines += ["", f"**The CLI as a process**: `crosscheck report --format json -o FILE a b` on the same articles "
                  f"(run where compare() takes at most {c['cli_budget_seconds']:.0f} s; exit 1 = conflicts found); "
                  "peak = the process's peak RSS (wait4), interpreter start-up included.", ""]
        rows = []
        for r in c["cli"]:
            if "skipped" in r:
                rows.append([r["case"], "-", "not run: " + r["skipped"], "-", "-"])
            else:
                rows.append([r["case"], str(r["exit"]), _n(r["seconds"]), _mib(r["peak_rss"]),
                             _mib(r.get("json_bytes"))])
        lines += accuracy._table(["case", "exit", "seconds", "peak RSS MiB", "JSON MiB"], rows)
    m = c.get("max_bytes")
    if m:
        msg = m["stderr_lines"][-1] if m["stderr_lines"] else ""
        lines += ["", f"**The size limit**: `crosscheck report --format json` on a file of {m['input_bytes']:,} bytes "
                  f"(default `--max-bytes` {m['default_max_bytes']:,}) exits {m['exit']} in {_n(m['seconds'])} s, "
                  f"peak RSS {_mib(m['peak_rss'])} MiB, with one line: `{msg}`."]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None, help="eval folder (default $CROSSCHECK_EVAL or ../shared/eval)")
    ap.add_argument("--quick", action="store_true", help="small sizes for CI (a few events, 2-8 sources, 20 FNC pairs)")
    ap.add_argument("--json", type=Path, default=OUT / "speed.json", help="where to write the full results")
    ap.add_argument("--cost-budget", type=float, default=COST_BUDGET, metavar="S",
                    help=f"bounded cost: seconds per case; stages predicted past it are not run (default {COST_BUDGET:.0f})")
    ap.add_argument("--cost-only", action="store_true",
                    help="run only the bounded-cost section (uses the seeds when the eval data is absent)")
    args = ap.parse_args(argv)
    root = (args.data or datasets.default_eval_dir()).resolve()
    if args.cost_only:
        res = {"machine": accuracy.machine(), "quick": args.quick}
        log("speed: bounded cost")
        res["cost"] = bench_cost(root if root.is_dir() else None, QUICK_COST_SIZES if args.quick else COST_SIZES,
                                 args.cost_budget, cli=not args.quick)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(res, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        sys.stdout.write(render_markdown(res))
        return 0
    if not root.is_dir():
        log(f"speed: eval data not found at {root}")
        return 2

    events = [[datasets.neus_text(t, b) for t, b in ev] for ev in datasets.load_neus(root, "val")]
    val_texts = {a for ev in events for a in ev}
    # scaling draws distinct articles from the train split (never seen by the throughput run)
    draws = Draws(
        [a for ev in datasets.load_neus(root, "train") for a in (datasets.neus_text(t, b) for t, b in ev)
         if a not in val_texts]
    )
    res: dict[str, Any] = {"machine": accuracy.machine(), "quick": args.quick}
    # One-time start-up (imports, lexicons loaded on first use) is measured by the process
    # benchmark; warm it up here on a text that no measurement uses.
    for compare in SYSTEMS.values():
        try:
            compare({"a": "The committee met on Monday.", "b": "The committee did not meet on Tuesday."})
        except Exception:  # noqa: BLE001 - reported by the measurements themselves
            pass
    log("speed: seeds report as a process")
    res["process"] = bench_process(3 if args.quick else 10)
    log("speed: throughput")
    res["throughput"] = bench_throughput(events[:5] if args.quick else events)
    log("speed: scaling")
    res["scaling"] = bench_scaling(draws, QUICK_STEPS if args.quick else STEPS)
    log("speed: FNC-1 pairs/s")
    res["fnc"] = bench_fnc(root, 20 if args.quick else 1000, whole=not args.quick)
    log("speed: bounded cost")
    res["cost"] = bench_cost(root, QUICK_COST_SIZES if args.quick else COST_SIZES, args.cost_budget, cli=not args.quick)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(render_markdown(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
