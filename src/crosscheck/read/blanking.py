"""Masking primitives shared by the HTML and Markdown maskers.

A mask is a list of the text's characters overwritten in place, so its
length never changes: markup becomes spaces (line breaks kept), and a
character reference becomes its decoded character at the ``&`` with the
rest blanked.
"""

from __future__ import annotations

import html
import html.entities
import re


def blank(buf: list[str], start: int, end: int) -> None:
    """Overwrite ``buf[start:end]`` with spaces, keeping line breaks (line structure survives)."""
    for i in range(start, end):
        if buf[i] not in "\r\n":
            buf[i] = " "


def block_break(buf: list[str], start: int, end: int, newlines: int) -> None:
    """Blank a span that separates blocks: it starts with ``newlines`` line feeds."""
    blank(buf, start, end)
    for i in range(start, min(end, start + newlines)):
        buf[i] = "\n"


_NUMERIC_REF = re.compile(r"&#(?:[xX][0-9a-fA-F]{1,8}|[0-9]{1,10});?")
# CommonMark takes at most 7 decimal or 6 hex digits ("&#87654321;" is text).
_NUMERIC_REF_MARKDOWN = re.compile(r"&#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7});")
_NAMED_REF = re.compile(r"&[A-Za-z][A-Za-z0-9]{0,31};?")


def char_ref(text: str, i: int, end: int, *, need_semicolon: bool) -> tuple[int, str] | None:
    """The character reference at ``text[i]`` (an ``&``): (length consumed, replacement).

    Legacy names decode without a semicolon in HTML (``&copy 2024``), and
    the longest known prefix of an unknown name decodes, as browsers do
    (``&notit;`` is ``¬`` followed by ``it;``). Markdown (CommonMark) needs
    the semicolon.
    """
    if text.startswith("&#", i):
        m = (_NUMERIC_REF_MARKDOWN if need_semicolon else _NUMERIC_REF).match(text, i, end)
        return None if m is None else (len(m.group()), html.unescape(m.group()))
    m = _NAMED_REF.match(text, i, end)
    if not m:
        return None
    body = m.group()[1:]
    if body in html.entities.html5 and (body.endswith(";") or not need_semicolon):
        return len(body) + 1, html.entities.html5[body]
    if need_semicolon:
        return None
    for x in range(len(body) - 1, 1, -1):
        if body[:x] in html.entities.html5:
            return x + 1, html.entities.html5[body[:x]]
    return None


def put_ref(buf: list[str], i: int, consumed: int, replacement: str) -> None:
    """Decoded characters at the reference's first positions, the rest blanked."""
    if len(replacement) > consumed:  # no real reference decodes longer than itself
        return
    blank(buf, i, i + consumed)
    for k, ch in enumerate(replacement):
        # &nbsp; and friends are word separators; so is a decoded line feed.
        buf[i + k] = " " if ch.isspace() else ch
