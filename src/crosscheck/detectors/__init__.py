"""Conflict detectors, registered in one table.

Each detector is a small unit (one module per conflict type) that looks at two
aligned claims and returns a ``Clash`` naming the words that clash, or None.
Every detector carries examples that must and must not fire; the test suite
fails for a detector without both.
"""

from __future__ import annotations

from crosscheck.detectors import antonym, date, negation, number, ordinal, refutation, tense
from crosscheck.detectors.base import Clash, Detector, Example

# Order matters only for ties in reporting: factual clashes first.
DETECTORS: tuple[Detector, ...] = (
    number.DETECTOR,
    date.DETECTOR,
    negation.DETECTOR,
    refutation.DETECTOR,
    antonym.DETECTOR,
    ordinal.DETECTOR,
    tense.DETECTOR,
)

BY_TYPE: dict[str, Detector] = {d.type: d for d in DETECTORS}

__all__ = ["BY_TYPE", "DETECTORS", "Clash", "Detector", "Example"]
