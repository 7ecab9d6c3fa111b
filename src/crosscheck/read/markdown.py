"""The Markdown masker: CommonMark block and inline syntax (with the GFM
tables, strikethrough, task boxes and footnotes news sites use) becomes spaces.

Only syntax is blanked: code, image alt text and link destinations go too,
because they are not article prose; everything a reader sees as text stays
at its offset (an autolink's address too). tests/test_read_markdown.py holds
it to that against a CommonMark implementation and the spec's examples.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from crosscheck.read.blanking import blank, char_ref, put_ref
from crosscheck.read.html import mask_html_range

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_QUOTE_MARK = re.compile(r"[ ]{0,3}>[ \t]?")
_FENCE_OPEN = re.compile(r"([ \t]*)(`{3,}(?=[^`]*$)|~{3,})")
_ATX = re.compile(r"[ ]{0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_THEMATIC = re.compile(r"[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*$")
_LIST_ITEM = re.compile(r"([ \t]*)([-+*]|\d{1,9}[.)])([ \t]+|$)")
_TASK_BOX = re.compile(r"\[[ xX]\](?=[ \t])")
# Link reference definitions at the start of a paragraph (CommonMark reads
# them when the paragraph closes): label, destination and title may each
# start on a new line, and a title may span lines.
_TITLE = r"(?:\"(?:[^\"\\]|\\[\s\S])*\"|'(?:[^'\\]|\\[\s\S])*'|\((?:[^()\\]|\\[\s\S])*\))"
_NEWLINE = r"(?:\r\n?|\n)"
_REF_DEF = re.compile(
    rf"[ \t]*\[(?!\^)((?:[^\[\]\\]|\\[\s\S]){{1,999}})\]:[ \t]*(?:{_NEWLINE}[ \t]*)?"
    rf"(?:<(?:[^<>\r\n\\]|\\.)*>|[^<\s]\S*)"
    rf"(?:[ \t]*(?:{_NEWLINE}[ \t]*)?(?<=\s){_TITLE})?[ \t]*(?:{_NEWLINE}|$)"
)
_FOOTNOTE_DEF = re.compile(r"[ ]{0,3}\[\^([^\]\s]+)\]:[ \t]?")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
# Front matter opens with a key ("title: x", "title = 'x'"); "---\nFoo\n---"
# is a rule and a heading, whose words must stay.
_FRONT_MATTER_KEY = re.compile(r"[ \t]*[\w\"'-][^:=\r\n]*[:=](?:[ \t]|$)")

_HTML_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|"
    "hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|"
    "search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
# CommonMark's HTML block starts, each with the line content that ends it
# (None: a blank line ends it) and whether it may interrupt a paragraph.
_HTML_BLOCKS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, bool], ...] = (
    (re.compile(r"[ ]{0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I), True),
    (re.compile(r"[ ]{0,3}<!--"), re.compile(r"-->"), True),
    (re.compile(r"[ ]{0,3}<\?"), re.compile(r"\?>"), True),
    (re.compile(r"[ ]{0,3}<![A-Za-z]"), re.compile(r">"), True),
    (re.compile(r"[ ]{0,3}<!\[CDATA\["), re.compile(r"\]\]>"), True),
    (re.compile(rf"[ ]{{0,3}}</?(?:{_HTML_BLOCK_TAGS})(?:[\s>]|/>|$)", re.I), None, True),
    (re.compile(
        r"[ ]{0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
        r"|</[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$"), None, False),
)


@dataclass
class _Line:
    start: int  # first character of the line
    end: int  # end of the content, before the line break


@dataclass
class _Blocks:
    """What the block pass leaves for the inline pass."""

    spans: list[tuple[int, int]] = field(default_factory=list)  # runs of inline text
    refs: set[str] = field(default_factory=set)  # link reference labels, normalized
    footnotes: set[str] = field(default_factory=set)


def mask_markdown(text: str) -> str:
    buf = list(text)
    blocks = _BlockPass(text, buf).run()
    for start, end in blocks.spans:
        _mask_inline(buf, start, end, blocks)
    return "".join(buf)


def _split_lines(text: str) -> list[_Line]:
    lines = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():  # the empty match at the very end
            break
        content = m.group().rstrip("\r\n")
        lines.append(_Line(m.start(), m.start() + len(content)))
    return lines


def _indent_width(s: str) -> int:
    width = 0
    for ch in s:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _normalize_label(label: str) -> str:
    return " ".join(label.casefold().split())


class _BlockPass:
    """CommonMark's block structure, reduced to what masking needs.

    Each line's container markers are blanked; code, front matter and
    syntax-only lines are blanked whole; paragraphs, headings and table
    cells become spans for the inline pass; HTML blocks go to the HTML masker.
    A paragraph's opening link reference definitions are blanked when it
    closes (they may span lines). A fence or HTML block ends with the block
    quote or list item holding it.
    """

    def __init__(self, text: str, buf: list[str]) -> None:
        self.text = text
        self.buf = buf
        self.lines = _split_lines(text)
        self.out = _Blocks()
        self.para: tuple[int, int] | None = None  # the open paragraph
        self.fence: tuple[str, int, int, int] | None = None  # fence char, length, item column, quote depth
        self.html_container = (0, 0)  # the open HTML block's item column and quote depth
        self.quotes = 0  # block quote markers on the current line
        self.html_end: re.Pattern[str] | None = None
        self.in_html_block = False
        self.html_start = 0
        self.list_indent: int | None = None  # content column of the last list item
        self.blank_before = True
        self.in_table = False

    def run(self) -> _Blocks:
        first = self._front_matter()
        for n in range(first, len(self.lines)):
            self._line(n)
        self._close_paragraph()
        if self.in_html_block:
            mask_html_range(self.text, self.buf, self.html_start, len(self.text))
        return self.out

    # -- helpers ------------------------------------------------------------

    def _front_matter(self) -> int:
        """Lines a YAML (``---``) or TOML (``+++``) front matter block takes at the top."""
        if not self.lines:
            return 0
        first = self.lines[0]
        closers = _FRONT_MATTER.get(self.text[first.start : first.end].rstrip())
        if closers is None or len(self.lines) < 2:
            return 0
        second = self.lines[1]
        if not _FRONT_MATTER_KEY.match(self.text, second.start, second.end):
            return 0
        for n in range(1, len(self.lines)):
            line = self.lines[n]
            if self.text[line.start : line.end].rstrip() in closers:
                blank(self.buf, 0, line.end)
                return n + 1
        return 0

    def _close_paragraph(self) -> bool:
        """Close the open paragraph; True when it had text besides reference definitions."""
        if self.para is None:
            return False
        start, end = self.para
        self.para = None
        start = self._definitions(start, end)
        if start < end:
            self.out.spans.append((start, end))
            return True
        return False

    def _definitions(self, start: int, end: int) -> int:
        """Blank the link reference definitions that open the paragraph ``[start, end)``;
        return where its text begins. Read in the buffer, where container markers are blank."""
        span = "".join(self.buf[start:end])
        at = 0
        while (ref := _REF_DEF.match(span, at)) is not None and ref.group(1).strip():
            self.out.refs.add(_normalize_label(ref.group(1)))
            blank(self.buf, start + at, start + ref.end())
            at = ref.end()
        return start + at

    def _extend_paragraph(self, start: int, end: int) -> None:
        if self.para is None:
            self.para = (start, end)
        else:
            self.para = (self.para[0], end)

    def _strip_quotes(self, line: _Line) -> int:
        return self._strip_quotes_at(line.start, line.end)

    def _strip_quotes_at(self, i: int, end: int) -> int:
        while (m := _QUOTE_MARK.match(self.text, i, end)) is not None:
            blank(self.buf, m.start(), m.end())
            i = m.end()
            self.quotes += 1
        return i

    # -- one line -------------------------------------------------------------

    def _line(self, n: int) -> None:
        line = self.lines[n]
        self.quotes = 0
        if self.fence is not None and self._in_fence(line):
            return
        if self.in_html_block and self._in_html_block(line):
            return
        self.quotes = 0  # counted afresh: the HTML block may have stripped this line's markers
        body = self._strip_quotes(line)
        rest = self.text[body : line.end]
        if not rest.strip():
            self._blank_line()
            return
        blank_before, self.blank_before = self.blank_before, False
        indent = _indent_width(rest)
        if self.list_indent is not None and self.list_indent <= indent < self.list_indent + 4:
            # A block quote inside a list item ("1.  text" then "    > quoted").
            quoted = body + len(rest) - len(rest.lstrip(" \t"))
            if self.text.startswith(">", quoted):
                body = self._strip_quotes_at(quoted, line.end)
                rest = self.text[body : line.end]
                indent = self.list_indent + _indent_width(rest)
        if self.list_indent is not None and blank_before and indent < self.list_indent:
            if not _LIST_ITEM.match(rest):
                self.list_indent = None
        if self.in_table and self._table_row(body, line.end, rest):
            return
        self.in_table = False
        if self._code_or_fence(line, body, rest, indent):
            return
        in_item = self.list_indent is not None and indent >= self.list_indent
        if self._html_block(line, body, rest, in_item=in_item):
            return
        if self._heading_or_rule(line, body, rest):
            return
        if self._table_start(n, body, rest):
            return
        self._item_or_paragraph(line, body, body, rest)

    def _item_or_paragraph(self, line: _Line, base: int, body: int, rest: str) -> None:
        """A list item (whose content may open blocks of its own) or paragraph text.

        ``base`` is where the line starts after quote markers: list columns count from it.
        """
        content = self._list_item(base, body, line.end, rest)
        if content is None:
            return  # the item's content is an indented code line
        if content == body:
            body = self._footnote_def(body, line.end)
            self._extend_paragraph(body, line.end)
            return
        content = self._strip_quotes_at(content, line.end)
        rest = self.text[content : line.end]
        if not rest.strip():
            return  # an empty item
        if self._code_or_fence(line, content, rest, 0):
            return
        if self._html_block(line, content, rest, in_item=True) or self._heading_or_rule(line, content, rest):
            return
        self._item_or_paragraph(line, base, content, rest)

    def _blank_line(self) -> None:
        self._close_paragraph()
        self.blank_before = True
        self.in_table = False

    def _in_fence(self, line: _Line) -> bool:
        """Blank a line of fenced code; False when the line ends the block quote or
        list item holding the fence (the line is then read as any other)."""
        assert self.fence is not None
        rest = self.text[line.start : line.end]
        quotes = 0
        while quotes < self.fence[3] and (m := _QUOTE_MARK.match(rest)) is not None:
            rest = rest[m.end() :]
            quotes += 1
        char, length, column, depth = self.fence
        stripped = rest.strip()
        if quotes < depth or (stripped and _indent_width(rest) < column):
            self.fence = None
            if stripped and _indent_width(rest) < column:
                self.list_indent = None
            return False
        # A closing fence is indented less than four columns past its item's content.
        if _indent_width(rest) - column < 4 and stripped and set(stripped) == {char} and len(stripped) >= length:
            self.fence = None
        blank(self.buf, line.start, line.end)
        return True

    def _in_html_block(self, line: _Line) -> bool:
        """Mask a line of an HTML block; False when the line ends the block quote or
        list item holding the block (the line is then read as any other)."""
        column, depth = self.html_container
        i = self._strip_quotes_at(line.start, line.end) if depth else line.start
        content = self.text[i : line.end]
        if self.quotes < depth or (content.strip() and _indent_width(content) < column):
            self._end_html_block(line.start)
            return False
        if self.html_end is None:
            if not content.strip():
                self._end_html_block(line.start)
                self._blank_line()
            return True
        if self.html_end.search(content):
            self._end_html_block(line.end)
        return True

    def _end_html_block(self, end: int) -> None:
        mask_html_range(self.text, self.buf, self.html_start, end)
        self.in_html_block = False
        self.html_end = None

    def _code_or_fence(self, line: _Line, body: int, rest: str, indent: int) -> bool:
        code_indent = 4 if self.list_indent is None else self.list_indent + 4
        if indent >= code_indent and self.para is None:
            blank(self.buf, line.start, line.end)  # indented code block
            return True
        fence = _FENCE_OPEN.match(rest)
        max_indent = 3 if self.list_indent is None else self.list_indent + 3
        if fence and _indent_width(fence.group(1)) <= max_indent:
            self._close_paragraph()
            self.fence = (fence.group(2)[0], len(fence.group(2)), self.list_indent or 0, self.quotes)
            blank(self.buf, line.start, line.end)
            return True
        return False

    def _html_block(self, line: _Line, body: int, rest: str, *, in_item: bool) -> bool:
        for start, end, interrupts in _HTML_BLOCKS:
            if not start.match(rest) or (self.para is not None and not interrupts):
                continue
            self._close_paragraph()
            self.in_html_block = True
            self.html_start = body
            self.html_end = end
            self.html_container = ((self.list_indent or 0) if in_item else 0, self.quotes)
            if end is not None and end.search(rest):
                self._end_html_block(line.end)
            return True
        return False

    def _heading_or_rule(self, line: _Line, body: int, rest: str) -> bool:
        if self.para is not None and _SETEXT.match(rest):
            if self._close_paragraph():  # the underline of a setext heading
                blank(self.buf, line.start, line.end)
                return True
            if rest.strip()[0] == "=":  # only definitions above: "===" is text
                self._extend_paragraph(body, line.end)
                return True
        if _THEMATIC.match(rest):
            self._close_paragraph()
            blank(self.buf, line.start, line.end)
            return True
        atx = _ATX.match(rest)
        if atx is None:
            return False
        self._close_paragraph()
        blank(self.buf, body, body + atx.end())
        end = line.end
        closing = _ATX_CLOSE.search(rest, atx.end())
        if closing is not None:
            blank(self.buf, body + closing.start(), line.end)
            end = body + closing.start()
        self.out.spans.append((body + atx.end(), end))
        return True

    def _table_start(self, n: int, body: int, rest: str) -> bool:
        if n + 1 >= len(self.lines) or not _has_pipe(rest):
            return False
        nxt = self.lines[n + 1]
        following = self.text[nxt.start : nxt.end]
        while (m := _QUOTE_MARK.match(following)) is not None:
            following = following[m.end() :]
        if "|" not in following or not _TABLE_DELIMITER.match(following):
            return False
        self._close_paragraph()
        self._cells(body, self.lines[n].end)
        self.in_table = True
        return True

    def _table_row(self, body: int, end: int, rest: str) -> bool:
        if _TABLE_DELIMITER.match(rest) and "|" in rest:
            blank(self.buf, body, end)  # the alignment row
            return True
        if _ATX.match(rest) or _FENCE_OPEN.match(rest) or _THEMATIC.match(rest):
            return False
        self._cells(body, end)
        return True

    def _cells(self, start: int, end: int) -> None:
        """Blank the unescaped pipes of a table row; each cell is inline text."""
        cell = start
        k = start
        while k < end:
            ch = self.text[k]
            if ch == "\\":
                k += 2
                continue
            if ch == "|":
                self.buf[k] = " "
                if cell < k:
                    self.out.spans.append((cell, k))
                cell = k + 1
            k += 1
        if cell < end:
            self.out.spans.append((cell, end))

    def _list_item(self, base: int, body: int, end: int, rest: str) -> int | None:
        """Blank a list marker at ``body``; return where the item's content starts
        (``body`` itself when there is no marker, None when the content is code)."""
        item = _LIST_ITEM.match(rest)
        if item is None:
            return body
        if self.list_indent is None and _indent_width(item.group(1)) > 3:
            return body
        marker = item.group(2)
        empty = not rest[item.end() :].strip()
        if self.para is not None and self.list_indent is None:
            # A list interrupts a paragraph only with content, and an ordered
            # one only when it starts at 1 (so "in\n1986. a year" stays prose).
            if empty or (marker[0].isdigit() and int(marker[:-1]) != 1):
                return body
        self._close_paragraph()
        spaces = _indent_width(item.group(3))
        width = (body - base) + _indent_width(item.group(1)) + len(marker)
        if spaces > 4 and not empty:
            # "1.      code": one space ends the marker, the rest is indented code.
            self.list_indent = width + 1
            blank(self.buf, body, end)
            return None
        self.list_indent = width + (1 if empty else spaces)
        content = body + item.end()
        blank(self.buf, body, content)
        box = _TASK_BOX.match(self.text, content, end)
        if box is not None:
            blank(self.buf, box.start(), box.end())
            content = box.end()
        return content

    def _footnote_def(self, body: int, end: int) -> int:
        note = _FOOTNOTE_DEF.match(self.text, body, end)
        if note is None:
            return body
        self._close_paragraph()
        self.out.footnotes.add(_normalize_label(note.group(1)))
        blank(self.buf, note.start(), note.end())
        return note.end()


def _has_pipe(rest: str) -> bool:
    return re.search(r"(?<!\\)\|", rest) is not None


# --------------------------------------------------------------------------- #
# Markdown: inline syntax
# --------------------------------------------------------------------------- #

_INLINE_SPECIAL = re.compile(r"[\\`<&]")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_INLINE_TAG = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?"
    r"|/[A-Za-z][A-Za-z0-9-]*\s*)>"
)
_INLINE_OTHER = (
    re.compile(r"<!--(?:>|->|[\s\S]*?-->)"),
    re.compile(r"<\?[\s\S]*?\?>"),
    re.compile(r"<![A-Za-z][^>]*>"),
    re.compile(r"<!\[CDATA\[[\s\S]*?\]\]>"),
)


class _Inline:
    """Inline syntax of one span of inline text, in CommonMark's precedence:
    code spans, escapes, autolinks and raw HTML first; then links and
    images; then emphasis among the delimiters left over.

    Works on a local copy of the span (indices from 0) so that a document of
    many paragraphs costs time in proportion to its length.
    """

    def __init__(self, chars: list[str], blocks: _Blocks) -> None:
        self.buf = chars
        self.end = len(chars)
        # The span as the block pass left it: flanking, link destinations and
        # labels are read here, as CommonMark reads them in the source, not
        # in the buffer where escapes and references are already blanked.
        self.source = "".join(chars)
        self.blocks = blocks
        # Characters that are text however they look (code, escaped, decoded).
        self.literal = bytearray(len(chars))
        self.dead_titles: dict[str, int] = {}
        self.runs: dict[int, list[int]] | None = None  # backtick run starts by length
        self.link_texts: list[tuple[int, int]] = []  # (after "[", at "]") of each link, in order

    def s(self) -> str:
        return "".join(self.buf)

    def mark_literal(self, i: int, j: int) -> None:
        self.literal[i:j] = b"\x01" * (j - i)

    def run(self) -> None:
        self._code_escapes_html()
        self._links()
        _Emphasis(self).run()

    # -- pass 1 ---------------------------------------------------------------

    def _code_escapes_html(self) -> None:
        s = self.s()
        i = 0
        while (m := _INLINE_SPECIAL.search(s, i)) is not None:
            i = m.start()
            ch = s[i]
            if ch == "\\":
                i = self._escape(s, i)
            elif ch == "`":
                i = self._code_span(s, i)
            elif ch == "<":
                i = self._raw_html(s, i)
            else:
                i = self._entity(s, i)

    def _escape(self, s: str, i: int) -> int:
        nxt = s[i + 1] if i + 1 < self.end else ""
        if nxt and nxt in _ASCII_PUNCT:
            self.buf[i] = " "
            self.mark_literal(i + 1, i + 2)
            return i + 2
        if nxt in ("\n", "\r"):  # a hard line break
            self.buf[i] = " "
        return i + 1

    def _code_span(self, s: str, i: int) -> int:
        run = i
        while run < self.end and s[run] == "`":
            run += 1
        closing = self._closing_run(s, run, run - i)
        if closing is None:
            self.mark_literal(i, run)  # unmatched backticks are text
            return run
        blank(self.buf, i, run)
        blank(self.buf, closing, closing + run - i)
        self.mark_literal(run, closing)
        return closing + run - i

    def _closing_run(self, s: str, after: int, length: int) -> int | None:
        """Start of the first backtick run of exactly ``length`` at or after ``after``.

        All runs are indexed once, so a span with many unmatched runs of
        different lengths does not rescan the text for each.
        """
        if self.runs is None:
            self.runs = {}
            for m in re.finditer(r"`+", s):
                self.runs.setdefault(len(m.group()), []).append(m.start())
        starts = self.runs.get(length, [])
        k = bisect.bisect_left(starts, after)
        return starts[k] if k < len(starts) else None

    def _raw_html(self, s: str, i: int) -> int:
        autolink = _AUTOLINK.match(s, i)
        if autolink is not None:
            # The address is what a reader sees: only the brackets go.
            end = autolink.end()
            self.buf[i] = self.buf[end - 1] = " "
            self.mark_literal(i + 1, end - 1)
            return end
        for pattern in (_INLINE_TAG, *_INLINE_OTHER):
            m = pattern.match(s, i)
            if m is not None:
                blank(self.buf, i, m.end())
                return m.end()
        return i + 1

    def _entity(self, s: str, i: int) -> int:
        ref = char_ref(s, i, self.end, need_semicolon=True)
        if ref is None:
            return i + 1
        consumed, replacement = ref
        put_ref(self.buf, i, consumed, replacement)
        self.mark_literal(i, i + consumed)
        return i + consumed

    # -- pass 2 ---------------------------------------------------------------

    def _links(self) -> None:
        s = self.s()
        openers: list[list[int]] = []  # [position, is_image, active]
        i = 0
        while (m := _BRACKET.search(s, i)) is not None:
            i = m.start()
            ch = s[i]
            if self.literal[i]:
                i += 1
            elif ch == "!":
                if i + 1 < self.end and s[i + 1] == "[" and not self.literal[i + 1]:
                    openers.append([i, 1, 1])
                    i += 2
                else:
                    i += 1
            elif ch == "[":
                openers.append([i, 0, 1])
                i += 1
            elif openers:
                i = self._close_bracket(self.source, i, openers)
            else:
                i += 1

    def _close_bracket(self, s: str, close: int, openers: list[list[int]]) -> int:
        pos, image, active = openers.pop()
        if not active:
            return close + 1
        label = s[pos + (2 if image else 1) : close]
        tail = self._link_tail(s, close + 1, label)
        if tail is None:
            if not image and label.startswith("^") and _normalize_label(label[1:]) in self.blocks.footnotes:
                blank(self.buf, pos, close + 1)  # a footnote reference: [^1]
            return close + 1
        if image:
            blank(self.buf, pos, tail)  # alt text is not article prose
        else:
            self.buf[pos] = " "
            blank(self.buf, close, tail)
            self.link_texts.append((pos + 1, close))
            for opener in openers:  # links do not contain links
                if not opener[1]:
                    opener[2] = 0
        return tail

    def _link_tail(self, s: str, i: int, label: str) -> int | None:
        """End of ``(destination "title")`` or ``[ref]`` after a ``]``, if it makes a link."""
        if i < self.end and s[i] == "(":
            inline = _inline_link_tail(s, i, self.end, self.dead_titles)
            if inline is not None:
                return inline
        if i < self.end and s[i] == "[":
            ref = _LABEL.match(s, i, self.end)
            if ref is not None:
                key = _normalize_label(ref.group(1) if ref.group(1).strip() else label)
                # "[foo][bar]" with bar undefined is no link, not even "[foo]".
                return ref.end() if key in self.blocks.refs else None
        if _normalize_label(label) in self.blocks.refs:
            return i  # shortcut reference: [text]
        return None


_BRACKET = re.compile(r"[\[\]!]")
# A link label: at most 999 characters, brackets only escaped.
_LABEL = re.compile(r"\[((?:[^\[\]\\]|\\[\s\S]){0,999})\]")


# Only ASCII space and control characters end a destination ("/url\xa0x" is one).
_DEST_CHARS = re.compile(r"(?:[^ ()\\\x00-\x1f]|\\[^ \x00-\x1f])*")
_ANGLE_DEST = re.compile(r"<(?:[^<>\r\n\\]|\\.)*>")
_TITLES = {
    '"': re.compile(r'"(?:[^"\\]|\\[\s\S])*"'),
    "'": re.compile(r"'(?:[^'\\]|\\[\s\S])*'"),
    "(": re.compile(r"\((?:[^()\\]|\\[\s\S])*\)"),
}
# cmark's limit; it also keeps "[a](" repeated a million times linear.
_MAX_PAREN_DEPTH = 32


def _inline_link_tail(s: str, i: int, end: int, dead_titles: dict[str, int]) -> int | None:
    """Index after the ``)`` of an inline link's ``(destination "title")`` at ``s[i]``.

    ``dead_titles`` remembers, per quote character, a position after which
    no title closes, so that many unclosed titles cost linear time.
    """
    i = _skip_space(s, i + 1, end)
    if i < end and s[i] == "<":
        angle = _ANGLE_DEST.match(s, i, end)
        if angle is None:
            return None
        i = angle.end()
    else:
        depth = 0
        while True:
            run = _DEST_CHARS.match(s, i, end)  # matches, possibly empty
            i = run.end() if run else i
            if i >= end or s[i] not in "()":
                break
            if s[i] == ")":
                if depth == 0:
                    break
                depth -= 1
            else:
                depth += 1
                if depth > _MAX_PAREN_DEPTH:
                    return None
            i += 1
        if depth:
            return None
    j = _skip_space(s, i, end)
    if j < end and j > i and s[j] in _TITLES:
        quote = s[j]
        if j >= dead_titles.get(quote, end):
            return None
        title = _TITLES[quote].match(s, j, end)
        if title is None:
            dead_titles[quote] = min(j, dead_titles.get(quote, end))
            return None
        j = _skip_space(s, title.end(), end)
    if j < end and s[j] == ")":
        return j + 1
    return None


def _skip_space(s: str, i: int, end: int) -> int:
    while i < end and s[i] in " \t\r\n":
        i += 1
    return i


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


@dataclass
class _Delim:
    order: int
    char: str
    start: int  # first unused character of the run
    end: int  # just past the last unused character
    length: int  # the run's original length
    can_open: bool
    can_close: bool

    @property
    def count(self) -> int:
        return self.end - self.start


class _Emphasis:
    """CommonMark's delimiter-run algorithm for ``*``, ``_`` and GFM ``~~``.

    Only matched delimiters are blanked: a lone ``*`` or an intraword ``_``
    (``snake_case``) stays text. A single ``~`` is left alone ("~5 million").
    """

    def __init__(self, inline: _Inline) -> None:
        self.inline = inline
        self.buf = inline.buf

    def run(self) -> None:
        # Emphasis does not cross a link's brackets ("*[foo*](/uri)" has none):
        # each link text is a scope of its own, and so is the rest.
        scopes: dict[int, list[_Delim]] = {}
        starts = [start for start, _ in self.inline.link_texts]
        for d in self._delims():
            k = bisect.bisect_right(starts, d.start) - 1
            inside = k >= 0 and d.start < self.inline.link_texts[k][1]
            scopes.setdefault(k if inside else -1, []).append(d)
        for delims in scopes.values():
            stack: list[_Delim] = []
            bottom: dict[tuple[str, bool, int], int] = {}
            for d in delims:
                if d.can_close:
                    self._close(d, stack, bottom)
                if d.count and d.can_open:
                    stack.append(d)

    def _delims(self) -> list[_Delim]:
        s = self.inline.s()
        out: list[_Delim] = []
        for m in re.finditer(r"\*+|_+|~+", s):
            for a, b in _unlit_runs(self.inline.literal, m.start(), m.end()):
                d = self._delim(len(out), s, a, b)
                if d is not None:
                    out.append(d)
        return out

    def _delim(self, order: int, s: str, a: int, b: int) -> _Delim | None:
        char = s[a]
        if char == "~" and b - a != 2:
            return None
        source = self.inline.source
        prev = source[a - 1] if a > 0 else "\n"
        nxt = source[b] if b < len(source) else "\n"
        left = not nxt.isspace() and (not _is_punct(nxt) or prev.isspace() or _is_punct(prev))
        right = not prev.isspace() and (not _is_punct(prev) or nxt.isspace() or _is_punct(nxt))
        if char == "_":
            can_open = left and (not right or _is_punct(prev))
            can_close = right and (not left or _is_punct(nxt))
        else:
            can_open, can_close = left, right
        if not (can_open or can_close):
            return None
        return _Delim(order, char, a, b, b - a, can_open, can_close)

    def _close(self, d: _Delim, stack: list[_Delim], bottom: dict[tuple[str, bool, int], int]) -> None:
        key = (d.char, d.can_open, d.length % 3)
        while d.count:
            found = self._opener(d, stack, bottom.get(key, -1))
            if found is None:
                # No opener below this point can match a later closer of the same kind.
                bottom[key] = stack[-1].order if stack else -1
                return
            o = stack[found]
            n = d.count if d.char == "~" else (2 if o.count >= 2 and d.count >= 2 else 1)
            blank(self.buf, o.end - n, o.end)
            o.end -= n
            blank(self.buf, d.start, d.start + n)
            d.start += n
            del stack[found + 1 :]  # delimiters in between can no longer match
            if not o.count:
                stack.pop(found)

    @staticmethod
    def _opener(d: _Delim, stack: list[_Delim], floor: int) -> int | None:
        for idx in range(len(stack) - 1, -1, -1):
            o = stack[idx]
            if o.order <= floor:
                return None
            if o.char != d.char:
                continue
            if d.char == "~":
                if o.count == d.count:
                    return idx
                continue
            # CommonMark's "rule of 3" for runs that can both open and close.
            if (o.can_close or d.can_open) and (o.length + d.length) % 3 == 0 and (
                o.length % 3 or d.length % 3
            ):
                continue
            return idx
        return None


def _unlit_runs(literal: bytearray, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``[start, end)`` around literal characters (an escaped ``\\*`` is text)."""
    runs = []
    a = start
    for k in range(start, end):
        if literal[k]:
            if a < k:
                runs.append((a, k))
            a = k + 1
    if a < end:
        runs.append((a, end))
    return runs


def _mask_inline(buf: list[str], start: int, end: int, blocks: _Blocks) -> None:
    if start < end:
        chars = buf[start:end]
        _Inline(chars, blocks).run()
        buf[start:end] = chars
