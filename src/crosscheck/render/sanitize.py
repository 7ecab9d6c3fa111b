"""Make untrusted article text safe to show, and measure it on a terminal.

Article text is written by strangers. Before it reaches a terminal it loses
every escape sequence and control character (a crafted article could
otherwise retitle the window, clear the screen, or forge our own colours);
before it reaches HTML or Markdown it is escaped so that it shows as text.
Our own markup and colour codes are added only *after* this step.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
from collections.abc import Mapping, Sequence
from typing import TextIO

import wcwidth

# Escape sequences, longest forms first so that their payload goes with them:
#  - OSC, DCS, SOS, PM, APC strings (7-bit ESC ] / P / X / ^ / _ or 8-bit
#    U+009D / U+0090 / U+0098 / U+009E / U+009F) running to BEL or ST; an
#    unterminated one runs to the end of the line, as a terminal would eat it.
#  - CSI (ESC [ or U+009B) parameters, intermediates and final byte.
#  - any other two-character ESC sequence (ESC c resets the terminal).
_STRING_SEQ = r"(?:\x1b[\]P X^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
_CSI_SEQ = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
_ESC_SEQ = r"\x1b[\x20-\x7e]?"
_ESCAPES = re.compile(f"{_STRING_SEQ}|{_CSI_SEQ}|{_ESC_SEQ}")
# What is left: C0 except tab and newline, DEL, C1.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides, embeddings and isolates can make a line display
# in an order other than the one it is stored in ("Trojan Source"); an
# editor comparing claims must see the words as stored.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Markdown (GitHub-flavoured) punctuation that could start markup, a link,
# a mention (@user pings people from a PR comment) or an issue reference.
# ":" is escaped so that no scheme (https:, javascript:) becomes an autolink.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~@:$^])")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters.

    Newline and tab are kept: they are layout, not commands.
    """
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _BIDI.sub("", text)


def terminal_safe(text: str) -> str:
    """Article text ready for a terminal cell: no controls, one line."""
    return " ".join(strip_controls(text).split())


def escape_html(text: str) -> str:
    """Escape for HTML element content *and* quoted attribute values."""
    return html.escape(strip_controls(text), quote=True)


def escape_markdown(text: str) -> str:
    """Escape for a GitHub-flavoured Markdown table cell.

    HTML-escaped first (GitHub passes raw HTML through), then every
    punctuation mark that could start Markdown syntax is backslash-escaped,
    so ``[x](javascript:...)`` shows as text, not as a link.
    """
    flat = " ".join(strip_controls(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# --- display width ---------------------------------------------------------
# wcwidth measures by grapheme cluster (UAX #29): East Asian wide characters
# and emoji take two columns, a combining mark or a ZWJ sequence is one
# grapheme with its base and is never split across lines. Text reaching these
# functions has lost its controls already; our own SGR codes take no columns.


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    return wcwidth.width(text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by display width, at whitespace only (not after hyphens).

    A word wider than a line is cut between graphemes, its first piece
    filling what is left of the line.
    """
    return wcwidth.wrap(text, max(width, 2), break_on_hyphens=False) or [""]


def clip(text: str, width: int) -> str:
    """The first ``width`` columns of ``text`` (a wide character cut in half becomes a space)."""
    return wcwidth.clip(text, 0, width)


def pad(text: str, width: int) -> str:
    """Left-justify to ``width`` display columns."""
    return wcwidth.ljust(text, width)


# --- terminal decisions ----------------------------------------------------

DEFAULT_WIDTH = 100


def terminal_width(stream: TextIO | None = None, default: int = DEFAULT_WIDTH) -> int:
    """The width to lay out for: $COLUMNS, the terminal, else ``default``."""
    stream = sys.stdout if stream is None else stream
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if _isatty(stream):
        return shutil.get_terminal_size((default, 24)).columns
    return default


def use_color(mode: str, stream: TextIO | None = None, env: Mapping[str, str] | None = None) -> bool:
    """Decide on ANSI colour for ``--color auto|always|never``.

    ``always``/``never`` win. In ``auto``: NO_COLOR (any non-empty value)
    turns colour off, FORCE_COLOR (non-empty, not "0") turns it on, and
    otherwise colour follows whether the stream is a terminal
    (https://no-color.org, https://force-color.org).
    """
    env = os.environ if env is None else env
    if mode == "always":
        return True
    if mode == "never":
        return False
    if env.get("NO_COLOR", ""):
        return False
    force = env.get("FORCE_COLOR")
    if force is not None and force not in ("", "0", "false"):
        return True
    if env.get("TERM") == "dumb":
        return False
    return _isatty(sys.stdout if stream is None else stream)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


# --- styled text -----------------------------------------------------------
# A styled run is (text, style); style names a role, not a colour, so each
# format decides how to show it (ANSI, *marks*, <mark>).

Run = tuple[str, str | None]
Line = list[Run]

SGR: dict[str, str] = {
    "conflict": "\x1b[1;31m",  # bold red: the words that clash
    "extra": "\x1b[33m",  # yellow: said on this side only
    "agree": "\x1b[32m",
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
}
RESET = "\x1b[0m"


_LAYOUT_WHITESPACE = str.maketrans("\t\n\x0b\x0c\r", "     ")


def wrap_runs(runs: Sequence[Run], width: int) -> list[Line]:
    """Word-wrap styled runs to ``width`` display columns, keeping styles.

    The runs' text is wrapped as ``wrap`` wraps plain text (a word may be
    made of several runs, half of it highlighted); each line is then cut
    back out of the runs. Every line of ``wrap`` is a slice of its input
    (only whitespace is dropped where a line breaks), so the cut is exact.
    """
    # Whitespace that wrap would replace or expand becomes a space first, so
    # lines stay slices of the runs' text.
    runs = [(t.translate(_LAYOUT_WHITESPACE), style) for t, style in runs]
    text = "".join(t for t, _ in runs)
    lines: list[Line] = []
    pos = 0
    for piece in wrap(text, width):
        start = text.find(piece, pos)
        assert start >= 0 and not text[pos:start].strip(), "wrap returned a line that is not a slice"
        pos = start + len(piece)
        lines.append(_slice_runs(runs, start, pos))
    return lines or [[]]


def _slice_runs(runs: Sequence[Run], start: int, end: int) -> Line:
    """The runs' characters ``start:end``, each with its run's style."""
    out: Line = []
    offset = 0
    for text, style in runs:
        a, b = max(start - offset, 0), min(end - offset, len(text))
        if a < b:
            out.append((text[a:b], style))
        offset += len(text)
    return out


def line_width(line: Line) -> int:
    return sum(display_width(t) for t, _ in line)


def paint(line: Line, color: bool) -> str:
    """One line as a string, with SGR codes around styled runs when ``color``."""
    if not color:
        return "".join(t for t, _ in line)
    return "".join(f"{SGR[s]}{t}{RESET}" if s in SGR else t for t, s in line)


def mark_plain(runs: list[Run], marks: Mapping[str, tuple[str, str]]) -> list[Run]:
    """Without colour, show chosen styles with visible marks (e.g. *word*)."""
    out: list[Run] = []
    for text, style in runs:
        if style is not None and style in marks:
            left, right = marks[style]
            out.append((f"{left}{text}{right}", None))
        else:
            out.append((text, None))
    return out
