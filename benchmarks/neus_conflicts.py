"""Conflicts on real coverage: NeuS val events against the hand-labelled conflicts.

    python benchmarks/neus_conflicts.py [--data ../shared/eval] [--jobs 2] [--show false|true|missed|all]
    python benchmarks/neus_conflicts.py --train [--limit N]     # conflicts per event on neus/train (unlabelled)

Scored exactly as ../shared/eval/README.md says: ``compare()`` on each val event's three sources
(``1.txt``, ``2.txt``, ``3.txt``, each ``TITLE + "\\n\\n" + ARTICLE + "\\n"``); a conflict finding is
true when its two claims' spans overlap the ``a`` and ``b`` snippets (first occurrence) of a gold
item labelled conflict, in the named files, in either order; every other conflict finding is false.
Reported: precision, recall of gold conflicts, recall of hard ones, the false-trip rate (events with
at least one false conflict), and how the severity of true findings matches the gold severity.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets

NAMES = ("1.txt", "2.txt", "3.txt")


@dataclass(frozen=True, slots=True)
class GoldItem:
    event: int
    a_file: str
    a: str
    b_file: str
    b: str
    label: str
    severity: str
    kind: str
    note: str


def event_texts(articles: Sequence[tuple[str, str]]) -> dict[str, str]:
    """An event's sources as the eval README names and builds them."""
    return {name: f"{title.strip()}\n\n{body.strip()}\n" for name, (title, body) in zip(NAMES, articles)}


def load_gold(root: Path) -> list[GoldItem]:
    out = []
    with open(root / "neus_conflicts" / "val.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            out.append(
                GoldItem(
                    int(row["event"].split("-")[1]), row["a_file"], row["a"], row["b_file"], row["b"],
                    row["label"], row.get("severity", ""), row.get("kind", ""), row.get("note", ""),
                )
            )
    return out


def _report(texts: dict[str, str]) -> dict[str, Any]:
    import crosscheck

    return crosscheck.compare(texts).to_dict()


def _overlaps(spans: Sequence[Sequence[int]], lo: int, hi: int) -> bool:
    return any(s < hi and lo < e for s, e in spans)


def finding_matches(finding: dict[str, Any], report: dict[str, Any], texts: dict[str, str], item: GoldItem) -> bool:
    """Whether a conflict finding links the gold item's two snippets (either order)."""
    names = {s["id"]: s["name"] for s in report["sources"]}
    claims = {c["id"]: c for c in report["claims"]}
    found = [claims[c] for c in finding["claims"]]

    def hits(claim: dict[str, Any], file: str, snippet: str) -> bool:
        if names[claim["source"]] != file:
            return False
        lo = texts[file].find(snippet)
        return lo >= 0 and _overlaps(claim["spans"], lo, lo + len(snippet))

    for i, ca in enumerate(found):
        for j, cb in enumerate(found):
            if i != j and hits(ca, item.a_file, item.a) and hits(cb, item.b_file, item.b):
                return True
    return False


def score(events: list[list[tuple[str, str]]], gold: list[GoldItem], reports: list[dict[str, Any]]) -> dict[str, Any]:
    conflicts = [g for g in gold if g.label == "conflict"]
    by_event: dict[int, list[GoldItem]] = {}
    for g in conflicts:
        by_event.setdefault(g.event, []).append(g)
    found_gold: set[int] = set()
    true_rows, false_rows = [], []
    severity_confusion: Counter[tuple[str, str]] = Counter()
    false_events: set[int] = set()
    for n, (articles, report) in enumerate(zip(events, reports)):
        texts = event_texts(articles)
        claims = {c["id"]: c for c in report["claims"]}
        for f in report["findings"]:
            if f["status"] != "conflict":
                continue
            matched = [g for g in by_event.get(n, []) if finding_matches(f, report, texts, g)]
            row = {
                "event": n,
                "type": f["type"],
                "severity": f.get("severity"),
                "reason": f["reason"],
                "claims": [claims[c]["text"] for c in f["claims"]],
            }
            if matched:
                true_rows.append(row)
                for g in matched:
                    found_gold.add(conflicts.index(g))
                    severity_confusion[(g.severity, str(f.get("severity")))] += 1
            else:
                false_rows.append(row)
                false_events.add(n)
    hard = [i for i, g in enumerate(conflicts) if g.severity == "hard"]
    total = len(true_rows) + len(false_rows)
    missed = [
        {"event": g.event, "severity": g.severity, "kind": g.kind, "a": g.a, "b": g.b}
        for i, g in enumerate(conflicts)
        if i not in found_gold
    ]
    return {
        "events": len(events),
        "findings": total,
        "true": len(true_rows),
        "false": len(false_rows),
        "precision": len(true_rows) / total if total else None,
        "recall": len(found_gold) / len(conflicts) if conflicts else None,
        "hard_recall": sum(1 for i in hard if i in found_gold) / len(hard) if hard else None,
        "false_trip_rate": len(false_events) / len(events) if events else None,
        "false_by_type": dict(Counter(r["type"] for r in false_rows)),
        "true_by_type": dict(Counter(r["type"] for r in true_rows)),
        "severity_confusion": {f"{g}->{p}": k for (g, p), k in sorted(severity_confusion.items())},
        "true_rows": true_rows,
        "false_rows": false_rows,
        "missed": missed,
    }


def run_val(root: Path, jobs: int) -> dict[str, Any]:
    events = datasets.load_neus(root, "val")
    gold = load_gold(root)
    reports = _map(events, jobs)
    return score(events, gold, reports)


def run_train(root: Path, jobs: int, limit: int | None) -> dict[str, Any]:
    events = datasets.load_neus(root, "train")[:limit]
    reports = _map(events, jobs)
    rows = []
    for n, report in enumerate(reports):
        claims = {c["id"]: c for c in report["claims"]}
        for f in report["findings"]:
            if f["status"] == "conflict":
                rows.append(
                    {"event": n, "type": f["type"], "severity": f.get("severity"), "reason": f["reason"],
                     "claims": [claims[c]["text"] for c in f["claims"]]}
                )
    tripped = {r["event"] for r in rows}
    return {
        "events": len(events),
        "findings": len(rows),
        "per_event": len(rows) / len(events) if events else None,
        "events_with_conflict": len(tripped) / len(events) if events else None,
        "by_type": dict(Counter(r["type"] for r in rows)),
        "by_severity": dict(Counter(str(r["severity"]) for r in rows)),
        "rows": rows,
    }


def _one(articles: list[tuple[str, str]]) -> dict[str, Any]:
    return _report(event_texts(articles))


def _map(events: list[list[tuple[str, str]]], jobs: int) -> list[dict[str, Any]]:
    if jobs <= 1:
        return [_one(e) for e in events]
    with multiprocessing.Pool(jobs) as pool:
        return pool.map(_one, events, chunksize=8)


def _print_rows(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"\n## {title} ({len(rows)})")
    for r in rows:
        print(f"- val-{r['event']:03d} {r.get('type', r.get('kind'))} {r.get('severity')}: {r.get('reason', '')}")
        if "claims" in r:
            for c in r["claims"]:
                print(f"    | {c}")
        else:
            print(f"    | {r['a']}\n    | {r['b']}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None, help="eval folder (default $CROSSCHECK_EVAL or ../shared/eval)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--show", choices=("none", "false", "true", "missed", "all"), default="none")
    ap.add_argument("--train", action="store_true", help="conflicts per event on neus/train instead")
    ap.add_argument("--limit", type=int, default=None, help="with --train: the first N events")
    ap.add_argument("--json", type=Path, default=None, help="write the full result here")
    args = ap.parse_args(argv)
    root = (args.data or datasets.default_eval_dir()).resolve()
    if not (root / "neus_conflicts" / "val.jsonl").is_file():
        print(f"neus_conflicts: labelled conflicts not found under {root}", file=sys.stderr)
        return 2
    if args.train:
        result = run_train(root, args.jobs, args.limit)
        print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=1))
        if args.show != "none":
            _print_rows("train conflicts", result["rows"])
    else:
        result = run_val(root, args.jobs)
        print(json.dumps({k: v for k, v in result.items() if not k.endswith("rows") and k != "missed"}, indent=1))
        if args.show in ("true", "all"):
            _print_rows("true", result["true_rows"])
        if args.show in ("false", "all"):
            _print_rows("false", result["false_rows"])
        if args.show in ("missed", "all"):
            _print_rows("missed", result["missed"])
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
