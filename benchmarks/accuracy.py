"""Accuracy harness: crosscheck (public library API) and the naive row on the eval sets.

    python benchmarks/accuracy.py [--data ../shared/eval] [--limit N] [--sets fnc1,sick]
    python benchmarks/accuracy.py --errors fnc1 [--system crosscheck] [--limit N]

Every pair is compared as two sources, ``compare({"a": text_a, "b": text_b})``,
and turned into a label exactly as ../shared/eval/README.md says ("From a
report to a pair label"). Nothing is cached between pairs and no set gets a
special case: the only per-set code is the gold-label mapping the README
defines. Progress goes to stderr; Markdown tables go to stdout; the full
results go to ``--json`` (default benchmarks/out/accuracy.json).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets
import metrics
import naive

OUT = Path(__file__).resolve().parent / "out"
SETS = ("fnc1", "emergent", "sick", "msrp", "stsb")
SYSTEMS = ("naive", "crosscheck")

# --------------------------------------------------------------------------- systems


def _crosscheck_compare(sources: dict[str, str]) -> dict[str, Any]:
    import crosscheck

    return crosscheck.compare(sources).to_dict()


def _naive_compare(sources: dict[str, str]) -> dict[str, Any]:
    return naive.compare(sources)


COMPARE: dict[str, Callable[[dict[str, str]], dict[str, Any]]] = {
    "naive": _naive_compare,
    "crosscheck": _crosscheck_compare,
}


# --------------------------------------------------------------------------- report -> label


def linking(report: dict[str, Any], a: str = "a", b: str = "b") -> list[dict[str, Any]]:
    """Findings whose claims include a claim of ``a`` and a claim of ``b``."""
    source_of = {c["id"]: c["source"] for c in report["claims"]}
    out = []
    for f in report["findings"]:
        srcs = {source_of.get(cid, cid.split(":", 1)[0]) for cid in f["claims"]}
        if a in srcs and b in srcs:
            out.append(f)
    return out


def pair_label(report: dict[str, Any]) -> str:
    """conflict > agree (not hedged) > hedged > unrelated, per the eval README."""
    links = linking(report)
    if any(f["status"] == "conflict" for f in links):
        return "conflict"
    if any(f["status"] == "agree" and not f.get("hedged") for f in links):
        return "agree"
    if any(f["status"] == "agree" for f in links):
        return "hedged"
    return "unrelated"


def pair_similarity(report: dict[str, Any]) -> float:
    """(claims in linking findings / all claims) x mean score of linking findings.

    Findings with a null score are left out of the mean (and the similarity is
    0 when no linking finding has a score).
    """
    links = linking(report)
    if not links or not report["claims"]:
        return 0.0
    covered = {cid for f in links for cid in f["claims"]}
    scores = [f["score"] for f in links if f.get("score") is not None]
    if not scores:
        return 0.0
    return len(covered) / len(report["claims"]) * (sum(scores) / len(scores))


# --------------------------------------------------------------------------- one pair


@dataclass(slots=True)
class Outcome:
    label: str  # conflict / agree / hedged / unrelated / error
    similarity: float
    seconds: float
    links: list[dict[str, Any]]  # linking findings with their claim texts, for --errors
    claims: int
    error: str | None = None


def _compact(report: dict[str, Any], links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    text = {c["id"]: c["text"] for c in report["claims"]}
    return [
        {
            "status": f["status"],
            "type": f.get("type"),
            "score": f.get("score"),
            "hedged": f.get("hedged", False),
            "reason": f.get("reason", ""),
            "claims": [[cid, text.get(cid, "")] for cid in f["claims"]],
        }
        for f in links
    ]


def run_pair(system: str, text_a: str, text_b: str, keep: bool) -> Outcome:
    start = time.perf_counter()
    try:
        report = COMPARE[system]({"a": text_a, "b": text_b})
    except Exception as exc:  # noqa: BLE001 - an error is a measured outcome
        return Outcome("error", 0.0, time.perf_counter() - start, [], 0, f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - start
    links = linking(report)
    return Outcome(
        pair_label(report),
        pair_similarity(report),
        seconds,
        _compact(report, links) if keep else [],
        len(report["claims"]),
    )


def _worker(job: tuple[str, str, str, bool]) -> Outcome:
    return run_pair(*job)


def run_pairs(
    system: str, pairs: Sequence[datasets.Pair], name: str, jobs: int, keep: bool
) -> tuple[list[Outcome], float]:
    """Compare every pair; returns outcomes in order and the wall time."""
    work = ((system, p.text_a, p.text_b, keep) for p in pairs)
    outcomes: list[Outcome] = []
    start = last = time.perf_counter()
    pool = None
    if jobs > 1:
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        pool = ctx.Pool(jobs)
        results: Iterable[Outcome] = pool.imap(_worker, work, chunksize=8)
    else:
        results = map(_worker, work)
    try:
        for i, outcome in enumerate(results, 1):
            outcomes.append(outcome)
            if i == 1 and outcome.error and outcome.error.startswith(("NotImplementedError", "ImportError")):
                # compare() does not exist (yet) or the package does not import: no point in running the rest
                break
            now = time.perf_counter()
            if now - last > 5 or i == len(pairs):
                last = now
                rate = i / (now - start) if now > start else 0.0
                print(f"  {name} {system}: {i}/{len(pairs)} pairs, {rate:.1f} pairs/s", file=sys.stderr)
    finally:
        if pool is not None:
            pool.terminate()
    return outcomes, time.perf_counter() - start


# --------------------------------------------------------------------------- per-set scoring

FNC_OF = {"conflict": "disagree", "agree": "agree", "hedged": "discuss", "unrelated": "unrelated"}
EMERGENT_OF = {"conflict": "against", "agree": "for", "hedged": "observing", "unrelated": "observing"}
# SICK: the README fixes CONTRADICTION = conflict; like MSRP, an aligned pair
# without conflict (agree or hedged) counts as ENTAILMENT, no link as NEUTRAL.
SICK_OF = {"conflict": "CONTRADICTION", "agree": "ENTAILMENT", "hedged": "ENTAILMENT", "unrelated": "NEUTRAL"}
MSRP_OF = {"conflict": "0", "agree": "1", "hedged": "1", "unrelated": "0"}

# which gold label is a conflict, per set (None: the set has no conflict class)
GOLD_CONFLICT = {"fnc1": "disagree", "emergent": "against", "sick": "CONTRADICTION", "msrp": None, "stsb": None}
STSB_NEAR_PARAPHRASE = 4.0  # for --errors: a predicted conflict on a pair scored >= 4 is a false conflict


def mapped(name: str, label: str) -> str:
    table = {"fnc1": FNC_OF, "emergent": EMERGENT_OF, "sick": SICK_OF, "msrp": MSRP_OF}[name]
    return table.get(label, "error")


def score_set(name: str, pairs: Sequence[datasets.Pair], outcomes: Sequence[Outcome]) -> dict[str, Any]:
    gold = [p.gold for p in pairs]
    m: dict[str, Any] = {}
    if name == "stsb":
        sims = [o.similarity for o in outcomes]
        m["pearson"] = metrics.pearson(sims, gold)  # type: ignore[arg-type]
        m["spearman"] = metrics.spearman(sims, gold)  # type: ignore[arg-type]
        return m
    pred = [mapped(name, o.label) for o in outcomes]
    g = [str(x) for x in gold]
    if name == "fnc1":
        _, _, rel = metrics.fnc_score(g, pred)
        m["fnc_score"] = rel
        classes = ["agree", "disagree", "discuss", "unrelated"]
        m["macro_f1"] = metrics.macro_f1(g, pred, classes)
        for c in classes:
            p, r, _ = metrics.prf(g, pred, c)
            m[f"{c}_precision"] = p
            m[f"{c}_recall"] = r
        related = [x != "unrelated" for x in g]
        p_related = [x not in ("unrelated",) for x in pred]
        m["relatedness_accuracy"] = metrics.accuracy(related, p_related)
    elif name == "emergent":
        m["accuracy"] = metrics.accuracy(g, pred)
        m["macro_f1"] = metrics.macro_f1(g, pred, ["for", "against", "observing"])
    elif name == "sick":
        p, r, f = metrics.prf(g, pred, "CONTRADICTION")
        m["conflict_precision"], m["conflict_recall"], m["conflict_f1"] = p, r, f
        m["accuracy_3way"] = metrics.accuracy(g, pred)
    elif name == "msrp":
        _, _, f = metrics.prf(g, pred, "1")
        m["align_f1"] = f
        m["accuracy"] = metrics.accuracy(g, pred)
    return m


def run_set(
    name: str, system: str, pairs: Sequence[datasets.Pair], jobs: int, keep: bool = False
) -> tuple[dict[str, Any], list[Outcome]]:
    outcomes, wall = run_pairs(system, pairs, name, jobs, keep)
    errors = [o for o in outcomes if o.error]
    result: dict[str, Any] = {
        "set": name,
        "system": system,
        "pairs": len(pairs),
        "wall_seconds": wall,
        "errors": len(errors) + (len(pairs) - len(outcomes)),
        "predicted": dict(Counter(o.label for o in outcomes)),
    }
    if len(outcomes) < len(pairs) or (outcomes and len(errors) == len(outcomes)):
        result["unavailable"] = errors[0].error if errors else "not run"
        return result, outcomes
    if errors:
        result["first_error"] = errors[0].error
    result["metrics"] = score_set(name, pairs, outcomes)
    return result, outcomes


# --------------------------------------------------------------------------- seeds gold


def _overlaps(spans: Iterable[Sequence[int]], lo: int, hi: int) -> bool:
    return any(s < hi and lo < e for s, e in spans)


def check_seeds(report: dict[str, Any], text_a: str, text_b: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Check each seeds_gold item as the eval README defines it."""
    claims = {c["id"]: c for c in report["claims"]}
    links = linking(report)

    def rng(text: str, snippet: str | None) -> tuple[int, int] | None:
        if snippet is None:
            return None
        i = text.find(snippet)
        if i < 0:
            raise ValueError(f"seeds_gold snippet not found in the seed: {snippet!r}")
        return i, i + len(snippet)

    def over(cid: str, src: str, r: tuple[int, int] | None) -> bool:
        c = claims.get(cid)
        return r is not None and c is not None and c["source"] == src and _overlaps(c["spans"], *r)

    def connects(f: dict[str, Any], ra: tuple[int, int] | None, rb: tuple[int, int] | None) -> bool:
        return any(over(x, "a", ra) for x in f["claims"]) and any(over(y, "b", rb) for y in f["claims"])

    def evidence_touches(f: dict[str, Any], ra: tuple[int, int] | None, rb: tuple[int, int] | None) -> bool:
        for ev in f.get("evidence", []):
            c = claims.get(ev["claim"])
            if c is None:
                continue
            r = ra if c["source"] == "a" else rb if c["source"] == "b" else None
            if r is not None and _overlaps(ev["spans"], *r):
                return True
        return False

    out = []
    for item in items:
        ra, rb = rng(text_a, item.get("a")), rng(text_b, item.get("b"))
        label = item["label"]
        got: list[str] = []
        if label == "conflict":
            hits = [f for f in links if f["status"] == "conflict" and connects(f, ra, rb)]
            held = bool(hits)
            got = [f"conflict/{f.get('type')}: {f.get('reason', '')}" for f in hits]
            type_ok = any(f.get("type") == item.get("type") for f in hits) if item.get("type") and hits else None
        elif label == "agree":
            hits = [
                f
                for f in links
                if connects(f, ra, rb)
                and (f["status"] == "agree" or (f["status"] == "conflict" and not evidence_touches(f, ra, rb)))
            ]
            held = bool(hits)
            got = [f"{f['status']}: {f.get('reason', '')}" for f in hits]
            type_ok = None
        elif label == "extra":
            side, r = ("a", ra) if ra is not None else ("b", rb)
            mine = [cid for cid, c in claims.items() if over(cid, side, r)]
            linked = [f for f in links if any(cid in f["claims"] for cid in mine)]
            held = bool(mine) and not linked
            got = [f"{f['status']}: {f.get('reason', '')}" for f in linked] or (
                ["extra"] if mine else ["no claim overlaps the snippet"]
            )
            type_ok = None
        elif label == "not-conflict":
            hits = [f for f in links if f["status"] == "conflict" and connects(f, ra, rb)]
            held = not hits
            got = [f"conflict/{f.get('type')}: {f.get('reason', '')}" for f in hits]
            type_ok = None
        else:
            raise ValueError(f"unknown seeds_gold label {label!r}")
        detail = []
        for side, r in (("a", ra), ("b", rb)):
            if r is None:
                continue
            for cid, c in claims.items():
                if over(cid, side, r):
                    st = sorted({f["status"] for f in report["findings"] if cid in f["claims"]})
                    detail.append(f"{cid} [{'/'.join(st)}] {c['text'][:80]}")
        out.append(
            {
                "id": item["id"],
                "label": label,
                "claims": detail,
                "hard": bool(item.get("hard")),
                "held": held,
                "type_matches": type_ok,
                "got": got[:3],
            }
        )
    return out


def run_seeds(system: str, root: Path) -> dict[str, Any]:
    path_a, path_b = datasets.seed_paths()
    text_a, text_b = datasets.read_seed(path_a), datasets.read_seed(path_b)
    items = datasets.load_seeds_gold(root)
    start = time.perf_counter()
    try:
        report = COMPARE[system]({"a": text_a, "b": text_b})
    except Exception as exc:  # noqa: BLE001
        return {"set": "seeds", "system": system, "unavailable": f"{type(exc).__name__}: {exc}"}
    wall = time.perf_counter() - start
    checked = check_seeds(report, text_a, text_b, items)
    required = [c for c in checked if not c["hard"]]
    hard = [c for c in checked if c["hard"]]
    return {
        "set": "seeds",
        "system": system,
        "pairs": 1,
        "wall_seconds": wall,
        "errors": 0,
        "metrics": {
            "required_held": sum(c["held"] for c in required),
            "required_total": len(required),
            "hard_held": sum(c["held"] for c in hard),
            "hard_total": len(hard),
        },
        "items": checked,
    }


# --------------------------------------------------------------------------- --errors


def mistakes(name: str, pairs: Sequence[datasets.Pair], outcomes: Sequence[Outcome]) -> list[tuple[str, int, float]]:
    """(kind, index, severity) of each mistake, worst first:
    false conflicts, then missed conflicts, then other mistakes."""

    def top_score(o: Outcome, status: str | None = None) -> float:
        s = [f["score"] or 0.0 for f in o.links if status is None or f["status"] == status]
        return max(s, default=0.0)

    false_c, missed_c, other = [], [], []
    gold_c = GOLD_CONFLICT.get(name)
    order = {"agree": 3, "hedged": 2, "unrelated": 1, "error": 0}
    for i, (p, o) in enumerate(zip(pairs, outcomes, strict=False)):
        if name == "stsb":
            err = abs(o.similarity - float(p.gold) / 5.0)
            if o.label == "conflict" and float(p.gold) >= STSB_NEAR_PARAPHRASE:
                false_c.append(("false conflict", i, top_score(o, "conflict")))
            elif err > 0.25:
                other.append((f"similarity off by {err:.2f}", i, err))
            continue
        wrong = mapped(name, o.label) != str(p.gold)
        if not wrong:
            continue
        if o.label == "conflict":
            false_c.append(("false conflict", i, top_score(o, "conflict")))
        elif gold_c is not None and p.gold == gold_c:
            missed_c.append(("missed conflict", i, order.get(o.label, 0) + top_score(o)))
        else:
            other.append((f"predicted {mapped(name, o.label)}", i, top_score(o)))
    out = []
    for group in (false_c, missed_c, other):
        out.extend(sorted(group, key=lambda t: (-t[2], t[1])))
    return out


def write_errors(
    name: str, system: str, pairs: Sequence[datasets.Pair], outcomes: Sequence[Outcome], n: int = 50, out: Path = OUT
) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"errors-{name}-{system}.md"
    found = mistakes(name, pairs, outcomes)
    counts = Counter(kind if not kind.startswith("similarity") else "similarity off" for kind, _, _ in found)
    lines = [
        f"# {n} worst mistakes: {name}, {system}",
        "",
        f"{len(pairs)} pairs compared; mistakes by kind: "
        + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        + ". False conflicts first (highest conflict score first), then missed conflicts "
        "(agree before hedged before unrelated), then other mistakes.",
        "",
    ]
    for rank, (kind, i, _sev) in enumerate(found[:n], 1):
        p, o = pairs[i], outcomes[i]
        pred = o.label if name == "stsb" else f"{o.label} (= {mapped(name, o.label)})"
        lines += [
            f"## {rank}. {kind}: gold {p.gold}, predicted {pred}  `{p.key}`",
            "",
            f"similarity {o.similarity:.3f}, {o.claims} claims" + (f", error: {o.error}" if o.error else ""),
            "",
            "**a:** " + p.text_a.replace("\n", " "),
            "",
            "**b:** " + p.text_b.replace("\n", " "),
            "",
        ]
        if not o.links:
            lines.append("- no finding links a claim of a with a claim of b")
        for f in o.links[:12]:
            hedge = " hedged" if f.get("hedged") else ""
            score = "null" if f["score"] is None else f"{f['score']:.2f}"
            lines.append(f"- **{f['status']}{hedge}** type={f['type']} score={score}: {f['reason']}")
            for cid, text in f["claims"]:
                lines.append(f"    - `{cid}` {text}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_seed_errors(result: dict[str, Any], out: Path = OUT) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"errors-seeds-{result['system']}.md"
    lines = [f"# seeds gold: items not held ({result['system']})", ""]
    for it in result.get("items", []):
        if not it["held"]:
            lines.append(f"- `{it['id']}` ({it['label']}{', hard' if it['hard'] else ''}): got {it['got'] or 'nothing'}")
            lines += [f"    - {c}" for c in it.get("claims", [])] or ["    - no claim overlaps the snippets"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- output


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import crosscheck

        version = crosscheck.__version__
    except Exception:  # noqa: BLE001
        version = "?"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "crosscheck": version,
    }


def _f(x: Any, pct: bool = False) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        if x != x:
            return "nan"
        return f"{100 * x:.1f}" if pct else f"{x:.3f}"
    return str(x)


COLUMNS: dict[str, list[tuple[str, str, bool]]] = {
    "fnc1": [
        ("fnc_score", "FNC score %", True),
        ("macro_f1", "macro-F1", False),
        ("relatedness_accuracy", "related acc.", False),
        ("agree_precision", "agree P", False),
        ("agree_recall", "agree R", False),
        ("disagree_precision", "disagree P", False),
        ("disagree_recall", "disagree R", False),
        ("discuss_precision", "discuss P", False),
        ("discuss_recall", "discuss R", False),
        ("unrelated_precision", "unrelated P", False),
        ("unrelated_recall", "unrelated R", False),
    ],
    "emergent": [("accuracy", "accuracy", False), ("macro_f1", "macro-F1", False)],
    "sick": [
        ("conflict_precision", "conflict P", False),
        ("conflict_recall", "conflict R", False),
        ("conflict_f1", "conflict F1", False),
        ("accuracy_3way", "3-way accuracy", False),
    ],
    "msrp": [("align_f1", "align F1", False), ("accuracy", "accuracy", False)],
    "stsb": [("pearson", "Pearson r", False), ("spearman", "Spearman rho", False)],
}
TITLES = {
    "fnc1": "FNC-1 (headline vs body)",
    "emergent": "Emergent (claim vs headline)",
    "sick": "SICK (sentence pairs)",
    "msrp": "MSRP (paraphrase = the two sentences align)",
    "stsb": "STS-B (alignment score vs gold similarity)",
    "seeds": "Seeds gold (seeds/000 vs seeds/004)",
}


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def render_markdown(results: dict[str, Any]) -> str:
    lines: list[str] = []
    m = results["machine"]
    limit = results.get("limit")
    lines.append(
        f"Run {m['date']} on {m['cores']} cores ({m['cpu'] or m['platform']}), "
        f"{m['implementation']} {m['python']}, crosscheck {m['crosscheck']}, "
        + ("full sets" if limit is None else f"stratified sample of {limit} pairs per set")
        + f", {results.get('jobs', 1)} worker process(es)."
    )
    by = {(r["set"], r["system"]): r for r in results["runs"]}
    for name in [s for s in (*SETS, "seeds") if any(k[0] == s for k in by)]:
        lines += ["", f"**{TITLES[name]}**", ""]
        if name == "seeds":
            header = ["system", "required held", "hard held"]
        else:
            header = ["system"] + [c[1] for c in COLUMNS[name]]
        rows = []
        for system in results["systems"]:
            r = by.get((name, system))
            if r is None:
                continue
            if "unavailable" in r:
                rows.append([system] + [f"unavailable ({r['unavailable'][:60]})"] + ["-"] * (len(header) - 2))
                continue
            mm = r["metrics"]
            if name == "seeds":
                rows.append(
                    [system, f"{mm['required_held']} / {mm['required_total']}", f"{mm['hard_held']} / {mm['hard_total']}"]
                )
            else:
                rows.append([system] + [_f(mm.get(k), pct) for k, _, pct in COLUMNS[name]])
        lines += _table(header, rows)
    # seeds items
    seeds = [by[("seeds", s)] for s in results["systems"] if ("seeds", s) in by and "items" in by[("seeds", s)]]
    if seeds:
        lines += ["", "Seeds gold items (held = yes):", ""]
        header = ["item", "label"] + [s["system"] for s in seeds]
        rows = []
        for i, it in enumerate(seeds[0]["items"]):
            row = [it["id"], it["label"] + (" (hard)" if it["hard"] else "")]
            for s in seeds:
                x = s["items"][i]
                row.append(("yes" if x["held"] else "no") + (" (type differs)" if x["type_matches"] is False else ""))
            rows.append(row)
        lines += _table(header, rows)
    # wall time
    lines += ["", "Pairs, errors (exceptions raised by compare) and wall time per set:", ""]
    header = ["set", "pairs"] + [f"{s} wall s (errors)" for s in results["systems"]]
    rows = []
    for name in (*SETS, "seeds"):
        present = [by.get((name, s)) for s in results["systems"]]
        if not any(present):
            continue
        n = next(r.get("pairs", "-") for r in present if r)
        rows.append(
            [name, str(n)]
            + [
                "-" if r is None or "wall_seconds" not in r else f"{r['wall_seconds']:.1f} ({r.get('errors', 0)})"
                for r in present
            ]
        )
    lines += _table(header, rows)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None, help="eval folder (default $CROSSCHECK_EVAL or ../shared/eval)")
    ap.add_argument("--limit", type=int, default=None, help="stratified deterministic sample of N pairs per set")
    ap.add_argument("--sets", default=",".join((*SETS, "seeds")), help="comma-separated subset of sets")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated: naive,crosscheck")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (pairs are independent)")
    ap.add_argument("--json", type=Path, default=OUT / "accuracy.json", help="where to write the full results")
    ap.add_argument("--errors", metavar="SET", default=None, help="write the 50 worst mistakes of SET to benchmarks/out/")
    ap.add_argument("--system", default="crosscheck", help="system for --errors (default crosscheck)")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for error files (default benchmarks/out)")
    ap.add_argument(
        "--write-errors", action="store_true", help="also write every set's error file (as --errors does) in this run"
    )
    args = ap.parse_args(argv)

    root = (args.data or datasets.default_eval_dir()).resolve()
    if not root.is_dir():
        print(f"accuracy: eval data not found at {root}", file=sys.stderr)
        return 2

    if args.errors:
        if args.errors == "seeds":
            result = run_seeds(args.system, root)
            if "unavailable" in result:
                print(f"accuracy: {args.system} unavailable: {result['unavailable']}", file=sys.stderr)
                return 2
            path = write_seed_errors(result, args.out)
        else:
            pairs = datasets.load(args.errors, root, args.limit)
            print(f"{args.errors}: {len(pairs)} pairs", file=sys.stderr)
            result, outcomes = run_set(args.errors, args.system, pairs, args.jobs, keep=True)
            if "unavailable" in result:
                print(f"accuracy: {args.system} unavailable: {result['unavailable']}", file=sys.stderr)
                return 2
            path = write_errors(args.errors, args.system, pairs, outcomes, out=args.out)
        print(path)
        return 0

    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    for s in sets:
        if s not in (*SETS, "seeds"):
            ap.error(f"unknown set {s!r}")
    for s in systems:
        if s not in SYSTEMS:
            ap.error(f"unknown system {s!r}")
    results: dict[str, Any] = {
        "machine": machine(),
        "limit": args.limit,
        "jobs": args.jobs,
        "systems": systems,
        "runs": [],
    }
    for name in sets:
        if name == "seeds":
            for system in systems:
                results["runs"].append(run_seeds(system, root))
                if args.write_errors and "items" in results["runs"][-1]:
                    write_seed_errors(results["runs"][-1], args.out)
            continue
        t0 = time.perf_counter()
        pairs = datasets.load(name, root, args.limit)
        print(f"{name}: {len(pairs)} pairs loaded in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        for system in systems:
            result, outcomes = run_set(name, system, pairs, args.jobs, keep=args.write_errors)
            results["runs"].append(result)
            if args.write_errors and "unavailable" not in result:
                print(f"  wrote {write_errors(name, system, pairs, outcomes, out=args.out)}", file=sys.stderr)
            if "unavailable" in result:
                print(f"  {name} {system}: unavailable: {result['unavailable']}", file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(render_markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
