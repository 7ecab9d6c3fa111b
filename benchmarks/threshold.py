#!/usr/bin/env python3
"""Set crosscheck's agreement threshold on MSRP train and check it on STS-B dev.

    python benchmarks/threshold.py [--data DIR] [--limit N] [--thresholds 0.3,0.35,...]

For each candidate value of ``crosscheck.align.AGREE_THRESHOLD`` every MSRP
train pair is compared (paraphrase = the pair's label is agree or hedged, as in
accuracy.py) and its F1 printed; the value chosen is the highest one whose F1 is
within ``TIE`` of the best (a higher threshold makes fewer, surer agreements).
STS-B dev Pearson is then printed for every value as the check the issue asks
for; it plays no part in the choice. Only the agreement threshold moves: the
bar for a clash to count (CLASH_THRESHOLD) stays where it is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets
from accuracy import mapped, pair_label, pair_similarity
from metrics import pearson, prf

DEFAULT_THRESHOLDS = (0.20, 0.25, 0.27, 0.30, 0.35, 0.40, 0.45, 0.50)
TIE = 0.001


def _reports(pairs: list[datasets.Pair], thresholds: tuple[float, ...]) -> dict[float, list[dict]]:  # type: ignore[type-arg]
    import crosscheck
    from crosscheck import align

    out: dict[float, list[dict]] = {t: [] for t in thresholds}  # type: ignore[type-arg]
    saved = align.AGREE_THRESHOLD
    try:
        for pair in pairs:
            for t in thresholds:
                align.AGREE_THRESHOLD = t
                out[t].append(crosscheck.compare({"a": pair.text_a, "b": pair.text_b}).to_dict())
    finally:
        align.AGREE_THRESHOLD = saved
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None, help="stratified sample of MSRP (default: all of train)")
    parser.add_argument("--thresholds", default=",".join(f"{t:g}" for t in DEFAULT_THRESHOLDS))
    args = parser.parse_args()
    root = args.data or datasets.default_eval_dir()
    from crosscheck import align

    # Alignment returns pairs from the lower of RELATED_THRESHOLD and
    # AGREE_THRESHOLD, so any value can be tried.
    thresholds = tuple(sorted(float(x) for x in args.thresholds.split(",")))

    msrp = datasets.load("msrp", root, args.limit)
    gold = [str(p.gold) for p in msrp]
    f1 = {}
    for t, reports in _reports(msrp, thresholds).items():
        precision, recall, f1[t] = prf(gold, [mapped("msrp", pair_label(r)) for r in reports], "1")
        print(f"MSRP train  threshold {t:.2f}: P {precision:.3f} R {recall:.3f} F1 {f1[t]:.3f}")
    best = max(f1.values())
    chosen = max(t for t in thresholds if f1[t] >= best - TIE)
    print(f"chosen: {chosen:.2f} (highest within {TIE} of the best F1 {best:.3f}); in the code: {align.AGREE_THRESHOLD:.2f}")

    dev = [p for p in datasets.load("stsb", root) if p.key.startswith("stsb:sts-dev.csv:")]
    scores = [float(p.gold) for p in dev]
    for t, reports in _reports(dev, thresholds).items():
        mark = " <- chosen" if t == chosen else ""
        print(f"STS-B dev   threshold {t:.2f}: Pearson {pearson([pair_similarity(r) for r in reports], scores):.3f}{mark}")


if __name__ == "__main__":
    main()
