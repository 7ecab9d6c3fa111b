"""crosscheck: compare news articles about the same event, claim by claim."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crosscheck")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

from crosscheck.model import Claim, Features, Finding, Report, Source
from crosscheck.pipeline import compare, compare_sources

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
