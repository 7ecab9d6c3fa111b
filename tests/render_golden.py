"""Golden-file comparison; CROSSCHECK_UPDATE_GOLDEN=1 rewrites the files."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).parent.parent
SEEDS = [ROOT / "seeds" / "000_998571cf22615945.txt", ROOT / "seeds" / "004_cc2e1438f1cbf80f.txt"]


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CROSSCHECK_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.exists(), f"missing golden {path}; run with CROSSCHECK_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; CROSSCHECK_UPDATE_GOLDEN=1 to accept"


def seeds_report():  # type: ignore[no-untyped-def]
    from crosscheck import compare_sources
    from crosscheck.read import read_sources

    return compare_sources(read_sources([str(p) for p in SEEDS]))
