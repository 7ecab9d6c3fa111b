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
import unicodedata
from collections.abc import Iterator, Mapping
from typing import TextIO

from wcwidth import wcswidth

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


def _joins_previous(ch: str) -> bool:
    """True when ``ch`` belongs to the grapheme before it (never split there)."""
    if ch in "\u200d\ufe0f\ufe0e" or "\U0001f3fb" <= ch <= "\U0001f3ff":
        return True
    return unicodedata.combining(ch) > 0 or unicodedata.category(ch) in ("Mn", "Me", "Cf")


def graphemes(text: str) -> Iterator[str]:
    """Approximate grapheme clusters: enough not to split an emoji or an accent."""
    cluster = ""
    for ch in text:
        if cluster and (_joins_previous(ch) or cluster.endswith("\u200d")):
            cluster += ch
            continue
        if cluster:
            yield cluster
        cluster = ch
    if cluster:
        yield cluster


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (East Asian wide = 2, emoji = 2)."""
    width = wcswidth(text)
    if width >= 0:
        return width
    # wcswidth gives -1 when a control slipped through; count the rest.
    return sum(max(wcswidth(g), 0) for g in graphemes(text))


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by display width; words wider than a line are split."""
    width = max(width, 2)
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if display_width(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for piece in split_to_width(word, width):
            if line:
                lines.append(line)
            line = piece
    if line:
        lines.append(line)
    return lines or [""]


def split_to_width(word: str, width: int) -> list[str]:
    """Cut one word into pieces of at most ``width`` columns, by grapheme."""
    pieces: list[str] = []
    piece = ""
    for g in graphemes(word):
        if piece and display_width(piece + g) > width:
            pieces.append(piece)
            piece = ""
        piece += g
    if piece:
        pieces.append(piece)
    return pieces


def pad(text: str, width: int) -> str:
    """Left-justify to ``width`` display columns."""
    return text + " " * max(width - display_width(text), 0)


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


def wrap_runs(runs: list[Run], width: int) -> list[Line]:
    """Word-wrap styled runs to ``width`` display columns, keeping styles.

    A word may be made of several runs (half of it highlighted); it is kept
    together unless it is wider than a line on its own.
    """
    width = max(width, 2)
    lines: list[Line] = []
    line: Line = []
    used = 0
    for word in _words(runs):
        w = sum(display_width(t) for t, _ in word)
        gap = 1 if line else 0
        if used + gap + w <= width:
            if gap:
                line.append((" ", _join_style(line[-1][1], word[0][1])))
            line.extend(word)
            used += gap + w
            continue
        if line:
            lines.append(line)
        line, used = [], 0
        for piece in _split_word(word, width):
            if line:
                lines.append(line)
            line = piece
            used = sum(display_width(t) for t, _ in piece)
    if line:
        lines.append(line)
    return [_merge(ln) for ln in lines] or [[]]


def _join_style(left: str | None, right: str | None) -> str | None:
    # A space between two highlighted words stays highlighted (one phrase).
    return left if left == right else None


def _words(runs: list[Run]) -> Iterator[list[Run]]:
    """Whitespace-separated words, each a list of runs."""
    word: list[Run] = []
    for text, style in runs:
        for i, part in enumerate(re.split(r"(\s+)", text)):
            if i % 2 == 1:  # whitespace
                if word:
                    yield word
                word = []
            elif part:
                word.append((part, style))
    if word:
        yield word


def _split_word(word: list[Run], width: int) -> list[Line]:
    pieces: list[Line] = []
    piece: Line = []
    used = 0
    for text, style in word:
        for g in graphemes(text):
            w = display_width(g)
            if piece and used + w > width:
                pieces.append(piece)
                piece, used = [], 0
            piece.append((g, style))
            used += w
    if piece:
        pieces.append(piece)
    return [_merge(p) for p in pieces]


def _merge(line: Line) -> Line:
    out: Line = []
    for text, style in line:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
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
