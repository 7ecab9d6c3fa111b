"""crosscheck: compare news articles about the same event, claim by claim."""

from __future__ import annotations

from crosscheck.model import Claim, Features, Finding, Report, Source
from crosscheck.pipeline import compare, compare_sources
from crosscheck.version import __version__

__all__ = [
    "Claim",
    "Features",
    "Finding",
    "Report",
    "Source",
    "__version__",
    "compare",
    "compare_sources",
]
