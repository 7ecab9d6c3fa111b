"""A progress bar on stderr for slow runs; silent everywhere else.

Shown only when enabled and stderr is a terminal, and only once the run has
taken longer than ``delay`` seconds, so quick runs and pipes stay clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from typing import TextIO, TypeVar

T = TypeVar("T")


def iter_with_progress(
    items: Sequence[T],
    label: str,
    enabled: bool | None = None,
    *,
    stream: TextIO | None = None,
    delay: float = 0.5,
    width: int = 30,
) -> Iterator[T]:
    """Yield ``items``, drawing ``label [####    ] 3/8`` on ``stream``.

    ``enabled=None`` means: when ``stream`` (default stderr) is a terminal.
    """
    out = sys.stderr if stream is None else stream
    show = _isatty(out) if enabled is None else enabled
    started = time.monotonic()
    drawn = False
    total = len(items)
    for done, item in enumerate(items):
        if show and (drawn or time.monotonic() - started >= delay):
            out.write("\r" + _bar(label, done, total, width))
            out.flush()
            drawn = True
        yield item
    if drawn:  # erase the bar so the report starts on a clean line
        out.write("\r" + " " * len(_bar(label, total, total, width)) + "\r")
        out.flush()


def _bar(label: str, done: int, total: int, width: int) -> str:
    filled = width * done // total if total else width
    return f"{label} [{'#' * filled}{' ' * (width - filled)}] {done}/{total}"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
