"""The HTML masker: tags, comments and hidden elements become spaces.

It follows the HTML tokenizer closely enough to tell text from markup as a
browser would; block elements leave a paragraph break, ``<br>`` a line break.
"""

from __future__ import annotations

import re

from crosscheck.read.blanking import blank, block_break, char_ref, put_ref

# Their contents are never shown as text (scripting is assumed on, so
# <noscript> is hidden; <template> is inert).
_HIDDEN_ELEMENTS = frozenset({"script", "style", "noscript", "template", "xmp", "iframe", "noembed", "noframes"})
# Text, not markup, until the end tag, but shown (entities still decode).
_RCDATA_ELEMENTS = frozenset({"title", "textarea"})
_BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup
    hr html legend li main menu nav ol optgroup option p pre section summary table tbody td
    tfoot th thead title tr ul""".split()
)
_LINE_ELEMENTS = frozenset({"br"})  # a line break, not a paragraph break

_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_HTML_SPECIAL = re.compile(r"[<&]")


def mask_html(text: str) -> str:
    buf = list(text)
    mask_html_range(text, buf, 0, len(text))
    return "".join(buf)


def mask_html_range(text: str, buf: list[str], lo: int, hi: int) -> None:
    """Mask the HTML in ``text[lo:hi]`` into ``buf`` (same indices), following the
    HTML tokenizer closely enough that text and markup are told apart as a browser would."""
    i = lo
    while True:
        m = _HTML_SPECIAL.search(text, i, hi)
        if m is None:
            return
        i = m.start()
        if text[i] == "&":
            i = _html_ref(text, buf, i, hi)
        else:
            i = _html_markup(text, buf, i, hi)


def _html_ref(text: str, buf: list[str], i: int, hi: int) -> int:
    ref = char_ref(text, i, hi, need_semicolon=False)
    if ref is None:
        return i + 1
    consumed, replacement = ref
    put_ref(buf, i, consumed, replacement)
    return i + consumed


def _html_markup(text: str, buf: list[str], i: int, hi: int) -> int:
    """Blank the markup starting at ``text[i] == '<'``; return where text resumes."""
    if text.startswith("<!--", i):
        end = _comment_end(text, i, hi)
        blank(buf, i, end)
        return end
    nxt = text[i + 1] if i + 1 < hi else ""
    if nxt in ("!", "?"):  # doctype, CDATA, processing instruction: bogus comments
        end = _find_after(text, ">", i + 2, hi)
        blank(buf, i, end)
        return end
    if nxt == "/":
        return _html_end_tag(text, buf, i, hi)
    if nxt.isascii() and nxt.isalpha():
        return _html_start_tag(text, buf, i, hi)
    return i + 1  # "a < b": a literal less-than sign


def _html_start_tag(text: str, buf: list[str], i: int, hi: int) -> int:
    name_match = _TAG_NAME.match(text, i + 1, hi)
    assert name_match is not None  # the caller saw a letter
    name = name_match.group().lower()
    end = _tag_end(text, name_match.end(), hi)
    _mask_tag(buf, i, end, name)
    # An XHTML-style "<script/>" would, read as HTML, hide the rest of the
    # page; treating it as empty keeps the article.
    self_closing = text[end - 2 : end] == "/>"
    if self_closing or end >= hi:
        return end
    if name in _HIDDEN_ELEMENTS:
        close = _closing_tag(text, name, end, hi, nested=name == "template")
        blank(buf, end, close[0])
        if close[0] < hi:
            _mask_tag(buf, close[0], close[1], name)
        return close[1]
    if name in _RCDATA_ELEMENTS:
        close = _closing_tag(text, name, end, hi, nested=False)
        k = end
        while (amp := text.find("&", k, close[0])) != -1:
            k = _html_ref(text, buf, amp, close[0])
        if close[0] < hi:
            _mask_tag(buf, close[0], close[1], name)
        return close[1]
    return end


def _html_end_tag(text: str, buf: list[str], i: int, hi: int) -> int:
    name_match = _TAG_NAME.match(text, i + 2, hi)
    if name_match is None:
        # "</>" is dropped; "</3" and the like are bogus comments.
        end = i + 3 if text.startswith("</>", i) else _find_after(text, ">", i + 2, hi)
        blank(buf, i, end)
        return end
    end = _tag_end(text, name_match.end(), hi)
    _mask_tag(buf, i, end, name_match.group().lower())
    return end


def _mask_tag(buf: list[str], start: int, end: int, name: str) -> None:
    if name in _BLOCK_ELEMENTS:
        block_break(buf, start, end, 2)
    elif name in _LINE_ELEMENTS:
        block_break(buf, start, end, 1)
    else:
        blank(buf, start, end)


def _tag_end(text: str, i: int, hi: int) -> int:
    """Index just past the ``>`` closing a tag whose attributes start at ``i``.

    A quote opens a quoted value only right after ``=``, as in the HTML
    tokenizer, so ``<a title=it's>`` ends at its ``>``. A tag cut off by the
    end of input runs to the end (the tokenizer drops it).
    """
    while i < hi:
        c = text[i]
        if c == ">":
            return i + 1
        if c == "=":
            i += 1
            while i < hi and text[i] in " \t\n\r\f":
                i += 1
            if i < hi and text[i] in "\"'":
                close = text.find(text[i], i + 1, hi)
                if close == -1:
                    return hi
                i = close + 1
            continue
        i += 1
    return hi


def _comment_end(text: str, i: int, hi: int) -> int:
    """End of the comment at ``text[i:]`` (``<!--``); ``<!-->`` and ``<!--->`` are empty comments."""
    for short in ("<!-->", "<!--->"):
        if text.startswith(short, i) and i + len(short) <= hi:
            return i + len(short)
    close = re.compile(r"--!?>").search(text, i + 4, hi)
    return hi if close is None else close.end()


def _find_after(text: str, needle: str, i: int, hi: int) -> int:
    k = text.find(needle, i, hi)
    return hi if k == -1 else k + len(needle)


def _closing_tag(text: str, name: str, i: int, hi: int, *, nested: bool) -> tuple[int, int]:
    """(start, end) of the end tag of ``name`` after ``i``; (hi, hi) when missing.

    With ``nested``, inner start tags of the same name are counted (templates nest).
    """
    pattern = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])", re.IGNORECASE)
    depth = 0
    k = i
    while (m := pattern.search(text, k, hi)) is not None:
        end = _tag_end(text, m.end(), hi)
        if not m.group(1):
            if nested:
                depth += 1
            k = end
            continue
        if depth == 0:
            return m.start(), end
        depth -= 1
        k = end
    return hi, hi
