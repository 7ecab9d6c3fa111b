"""The Markdown masker against a real CommonMark implementation.

The masker turns Markdown into text of the same length with the markup
blanked. What matters for crosscheck is that a reader's words survive, in
order, each at its own offset. So each document is compared with the text
markdown-it-py (a CommonMark implementation) renders for it: the visible
characters, whitespace aside, must be the same, and every character the
masker keeps must be the source's character at that offset (or a decoded
character reference).

The CommonMark spec examples are not committed (their licence is
CC BY-SA): the spec test reads ``spec.txt`` of CommonMark 0.31.2 from the
path in ``CROSSCHECK_COMMONMARK_SPEC`` and skips without it, e.g.

    npm pack commonmark-spec@0.31.2 && tar xzf commonmark-spec-0.31.2.tgz
    CROSSCHECK_COMMONMARK_SPEC=$PWD/package/spec.txt python -m pytest tests/test_read_markdown.py

(no PyPI package ships the examples: the wheels of markdown-it-py,
commonmark, mistletoe, marko, cmarkgfm, mdit-py-plugins, mdformat and
mistune were looked inside). The tests on this repository's own Markdown and
on the documents below run wherever the ``test`` extra is installed.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import pytest

from crosscheck.read import mask_markdown

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (the test extra) renders the reference")

REPO = Path(__file__).resolve().parent.parent
SPEC_VERSION = "0.31.2"
SPEC_ENV = "CROSSCHECK_COMMONMARK_SPEC"

# Spec example number -> why the masker's visible text differs from the reference.
# None of them loses a word: each is a symbol, extra text, or the reference's own reading.
ACCEPTED_DEVIATIONS: dict[int, str] = {
    93: "lazy '===' inside a block quote ('> foo\\nbar\\n===') is blanked as a setext underline: symbols, no words",
    312: "'    - e' under a list is a lazy continuation line; the masker blanks its '-' as a list marker: a symbol",
    313: "'    3. c' after a list is indented code in CommonMark; the masker keeps it as item text: extra, nothing lost",
    626: "the reference's html.parser (Python 3.11) opens a comment at '<!-->'; HTML5, markdown-it and the masker close it",
}

# Elements whose content a browser does not show (as the HTML masker hides them).
_HIDDEN = frozenset({"script", "style", "noscript", "template", "xmp", "iframe", "noembed", "noframes"})
# Code blocks are not article prose: the masker blanks them, so the reference drops them.
_CODE_BLOCK = re.compile(r"<pre><code[^>]*>[\s\S]*?</code></pre>")
_CHAR_REF = re.compile(r"&(?:#[xX]?[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in _HIDDEN
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in _HIDDEN and self.hidden > 0
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def reference_text(markdown: str, *, gfm: bool = False) -> str:
    """The text a browser shows for markdown-it-py's rendering, code blocks left out.

    With ``gfm``, GitHub's tables and strikethrough too (the masker reads them).
    """
    renderer = markdown_it.MarkdownIt("commonmark")
    if gfm:
        renderer.enable(["table", "strikethrough"])
    parser = _VisibleText()
    parser.feed(_CODE_BLOCK.sub(" ", renderer.render(markdown)))
    # No close(): a tag cut off by the end is dropped, as a browser drops it.
    return "".join(parser.parts)


def visible_chars(text: str) -> str:
    return "".join(text.split())


def offset_problems(source: str, masked: str) -> list[str]:
    """Characters the mask moved or invented: it may only blank, or decode a reference in place."""
    if len(masked) != len(source):
        return [f"length {len(masked)} != {len(source)}"]
    in_ref = bytearray(len(source))
    for m in _CHAR_REF.finditer(source):
        in_ref[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return [
        f"offset {i}: {source[i]!r} -> {ch!r}"
        for i, ch in enumerate(masked)
        if ch != source[i] and not ch.isspace() and not in_ref[i]
    ]


def differs(markdown: str, *, gfm: bool = False) -> str | None:
    """Why the masked text differs from the reference, or None."""
    masked = mask_markdown(markdown)
    problems = offset_problems(markdown, masked)
    if problems:
        return "; ".join(problems[:3])
    expected, got = reference_text(markdown, gfm=gfm), masked
    if visible_chars(expected) != visible_chars(got):
        return f"visible text {expected.split()} != masked {got.split()}"
    return None


# --------------------------------------------------------------------------- #
# The CommonMark spec examples
# --------------------------------------------------------------------------- #


class Example(NamedTuple):
    number: int
    section: str
    markdown: str


_EXAMPLE = re.compile(r"^`{32} example[^\n]*\n([\s\S]*?)^\.\n[\s\S]*?^`{32}$|^#{1,6} *(.*)$", re.MULTILINE)


def spec_examples(spec: str) -> list[Example]:
    """The examples of ``spec.txt``, numbered as the spec numbers them (tabs are shown as →)."""
    spec = re.sub(r"^<!-- END TESTS -->[\s\S]*", "", spec.replace("\r\n", "\n"), flags=re.MULTILINE)
    examples: list[Example] = []
    section = ""
    for m in _EXAMPLE.finditer(spec):
        if m.group(2) is not None:
            section = m.group(2)
        else:
            examples.append(Example(len(examples) + 1, section, m.group(1).replace("\u2192", "\t")))
    return examples


def _load_spec() -> list[Example]:
    path = os.environ.get(SPEC_ENV)
    if not path:
        pytest.skip(f"{SPEC_ENV} is not set: the path of spec.txt of CommonMark {SPEC_VERSION} (npm commonmark-spec)")
    spec = Path(path).read_text(encoding="utf-8")
    version = re.search(r"^version: '([^']+)'", spec, re.MULTILINE)
    if version is None or version.group(1) != SPEC_VERSION:
        pytest.fail(f"{path} is not CommonMark {SPEC_VERSION}: the accepted deviations are numbered for it")
    return spec_examples(spec)


def test_spec_examples_keep_every_visible_character_at_its_offset() -> None:
    examples = _load_spec()
    assert len(examples) == 652
    failures = {ex.number: (ex, why) for ex in examples if (why := differs(ex.markdown)) is not None}
    unexpected = [
        f"example {n} ({ex.section}): {ex.markdown!r}: {why}"
        for n, (ex, why) in sorted(failures.items())
        if n not in ACCEPTED_DEVIATIONS
    ]
    assert not unexpected, "\n".join(unexpected)
    stale = sorted(set(ACCEPTED_DEVIATIONS) - set(failures))
    assert not stale, f"examples now agree with the reference; drop them from ACCEPTED_DEVIATIONS: {stale}"


def test_spec_examples_parse() -> None:
    spec = (
        "# Tabs\n\n" + "`" * 32 + " example\n\u2192foo\n.\n<pre><code>foo\n</code></pre>\n" + "`" * 32 + "\n"
        "## Lists\n\n" + "`" * 32 + " example\n- a\n.\n<ul>\n<li>a</li>\n</ul>\n" + "`" * 32 + "\n"
        "<!-- END TESTS -->\n" + "`" * 32 + " example\nignored\n.\n" + "`" * 32 + "\n"
    )
    assert spec_examples(spec) == [Example(1, "Tabs", "\tfoo\n"), Example(2, "Lists", "- a\n")]


# --------------------------------------------------------------------------- #
# Documents that run without the spec
# --------------------------------------------------------------------------- #

DOCUMENTS: dict[str, str] = {
    "fence in a list item, then paragraphs": (
        "1.  Rebels seized the airport.\n\n    ```\n    log()\n    ```\n\n"
        "    The army denied it.\n\n    > Officials said nothing.\n\nTalks resume on Monday.\n"
    ),
    "fence in a block quote ends with it": "> ```\n> code()\n\nThe port reopened on Friday.\n",
    "HTML block in a quote and a list": "> <div>\n> The mayor resigned.\n\n- <div>\n- Protests grew.\n",
    "multi-line reference definitions": (
        "[wire]:\n  https://example.org/wire\n  'The wire'\n\nThe [wire] reported [two deaths][wire].\n"
    ),
    "escapes and references in links": (
        '[The report](https://x.org/a\\(b\\) "Title \\"x\\"") says 40 people &amp; 3 &#87654321; boats.\n'
    ),
    "emphasis beside escapes and links": "*The \\* rule* and **[the ministry](/m)** said *so*.\n",
    "autolinks keep their address": "Read it at <https://example.org/report> or ask <press@example.org>.\n",
    "a rule and a heading are not front matter": "---\nFloods hit Lima\n---\nTwelve died.\n",
}


@pytest.mark.parametrize("markdown", list(DOCUMENTS.values()), ids=list(DOCUMENTS))
def test_documents_keep_every_visible_character(markdown: str) -> None:
    assert differs(markdown) is None


def _repository_markdown() -> list[Path]:
    return sorted([REPO / "README.md", *(REPO / "docs").glob("*.md")])


@pytest.mark.parametrize("path", _repository_markdown(), ids=lambda p: p.name)
def test_this_repositorys_markdown_keeps_every_visible_character(path: Path) -> None:
    # Real documents, with GitHub's tables.
    assert differs(path.read_text(encoding="utf-8"), gfm=True) is None


def test_the_checks_catch_a_lost_word_and_a_moved_character() -> None:
    assert differs("Rebels seized the airport.\n") is None
    assert offset_problems("a *b*", "a  b ") == []
    assert offset_problems("a &amp; b", "a &     b") == []  # a decoded reference sits at its '&'
    assert offset_problems("ab", "ba") == ["offset 0: 'a' -> 'b'", "offset 1: 'b' -> 'a'"]
    assert offset_problems("ab", "a") == ["length 1 != 2"]
    assert visible_chars(reference_text("- a\n\n  ```\n  code\n  ```\n\n  lost?\n")) == "alost?"
