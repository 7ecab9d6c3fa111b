"""What a source is called and what kind of text it is.

Ids are ``a`` ... ``z``, ``aa`` ... by position; display names are base names
made unique; the kind (plain text, Markdown or HTML) comes from the name's
extension, else from an HTML opening.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal

Kind = Literal["text", "markdown", "html"]
KINDS: tuple[Kind, ...] = ("text", "markdown", "html")

STDIN_PATH = "-"
STDIN_NAME = "<stdin>"

HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def source_id(index: int) -> str:
    """0 -> ``a``, 25 -> ``z``, 26 -> ``aa``, 27 -> ``ab`` (spreadsheet-column order)."""
    if index < 0:
        raise ValueError("source index must not be negative")
    n = index + 1
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def display_names(paths: Sequence[str]) -> list[str]:
    """One unique, readable name per path, in order.

    Base names where they are unique; where two base names collide, the
    shortest trailing part of the path that tells them apart (``a/x.txt`` and
    ``b/x.txt``); the same path given twice gets ``x.txt``, ``x.txt (2)``.
    """
    bases = [STDIN_NAME if p == STDIN_PATH else (os.path.basename(p) or p) for p in paths]
    counts = Counter(bases)
    names = []
    for path, base in zip(paths, bases, strict=True):
        if counts[base] == 1 or path == STDIN_PATH:
            names.append(base)
        else:
            group = [q for q, b in zip(paths, bases, strict=True) if b == base]
            names.append(_distinct_suffix(path, group))
    return _number_repeats(names)


def detect_kind(name: str, text: str) -> Kind:
    """Markup kind by file extension, else HTML by its opening (a doctype or ``<html``).

    Sniffing catches pages saved as ``story.php`` or piped in; plain text
    does not begin with ``<!doctype html``.
    """
    ext = os.path.splitext(name)[1].lower()
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in MARKDOWN_EXTENSIONS:
        return "markdown"
    if _HTML_SNIFF.match(text[:_SNIFF_CHARS]):
        return "html"
    return "text"


def _distinct_suffix(path: str, group: Sequence[str]) -> str:
    """The fewest trailing components of ``path`` that differ from every other path in ``group``."""
    parts = _parts(path)
    others = [_parts(q) for q in group if _parts(q) != parts]
    for k in range(1, len(parts) + 1):
        tail = parts[-k:]
        if all(o[-k:] != tail for o in others):
            return "/".join(tail)
    return path  # only identical paths remain: numbered afterwards


def _parts(path: str) -> list[str]:
    return os.path.normpath(path).replace(os.sep, "/").split("/")


def _number_repeats(names: list[str]) -> list[str]:
    taken = set(names)
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name] += 1
        if seen[name] == 1:
            out.append(name)
            continue
        n = seen[name]
        candidate = f"{name} ({n})"
        while candidate in taken:
            n += 1
            candidate = f"{name} ({n})"
        taken.add(candidate)
        out.append(candidate)
    return out


# Each comment can match only one way (no "-->" inside), so a page of
# comments cannot make the sniff backtrack; and only the head is looked at.
_HTML_SNIFF = re.compile(
    r"[\s\ufeff]*(?:<\?xml[^>]*>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_SNIFF_CHARS = 4096
