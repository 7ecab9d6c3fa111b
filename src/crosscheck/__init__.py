"""crosscheck: compare news articles about the same event, claim by claim."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crosscheck")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

from crosscheck.model import Claim, Features, Finding, Report, Source  # noqa: E402
from crosscheck.pipeline import compare, compare_sources  # noqa: E402

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
