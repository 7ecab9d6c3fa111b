"""The read stage: strict decoding, one-line errors, names and ids, markup masking.

Every failing case asserts the whole message ("<path>: <problem>"), which is
what the CLI prints before exiting with status 2.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.errors import InputError
from crosscheck.read import (
    DEFAULT_MAX_BYTES,
    decode,
    detect_kind,
    display_names,
    mask_html,
    mask_markdown,
    read_sources,
    source_from_text,
    source_id,
    source_in_memory,
)


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def read_error(path: str, **kwargs: int) -> str:
    with pytest.raises(InputError) as info:
        read_sources([path], **kwargs)
    message = str(info.value)
    assert "\n" not in message
    return message


# --------------------------------------------------------------------------- #
# The input matrix: one test per row
# --------------------------------------------------------------------------- #


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    assert read_error(path) == f"{path}: empty: no text to compare"


def test_whitespace_only(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", " \t\r\n\n\u3000\u00a0\u200b \ufeff\u200b\n")
    assert read_error(path) == f"{path}: empty: no text to compare"


def test_no_sentence_punctuation_reads_fine(tmp_path: Path) -> None:
    text = "officials met in muscat\nno statement followed"
    [source] = read_sources([write(tmp_path, "bare.txt", text)])
    assert source.text == text
    assert source.content is None


def test_one_million_character_line(tmp_path: Path) -> None:
    text = ("word " * 200_000).strip() + "."
    assert len(text) == 1_000_000 and "\n" not in text
    [source] = read_sources([write(tmp_path, "long.txt", text)])
    assert source.text == text
    assert source.sha256 == hashlib.sha256(text.encode()).hexdigest()
    # The same line as markup: masking is linear, not per-line quadratic.
    marked = ("A *b* [c](d) `e` &amp; <i>f</i>. " * 32_000)[:1_000_000]
    for name in ("long.md", "long.html"):
        [page] = read_sources([write(tmp_path, name, marked)])
        assert page.content is not None and len(page.content) == 1_000_000


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "nul.txt", b"Some text\x00with a NUL")
    assert read_error(path) == f"{path}: binary file, not text"


def test_utf16_without_bom_is_called_out(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "Iran and Oman".encode("utf-16-le"))
    assert read_error(path) == f"{path}: binary file, not text (UTF-16 without a byte order mark?)"


def test_png_is_binary(tmp_path: Path) -> None:
    # No NUL in the first bytes: the signature alone must identify it.
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + b"IHDR\x01\x02" * 10)
    assert read_error(path) == f"{path}: binary file, not text"


def test_control_dense_data_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "data.txt", bytes(range(1, 9)) * 50 + b"text")
    assert read_error(path) == f"{path}: binary file, not text"


def test_stray_control_character_is_not_binary(tmp_path: Path) -> None:
    text = "A page break\x0cand an escape \x1b[0m in real text." * 3
    [source] = read_sources([write(tmp_path, "ok.txt", text)])
    assert source.text == text


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    data = b"Caf" + b"\xe9 in Muscat"  # Latin-1 e-acute
    path = write(tmp_path, "latin1.txt", data)
    assert read_error(path) == f"{path}: not valid UTF-8 at byte 3"


def test_invalid_utf8_after_bom_counts_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "bom-bad.txt", b"\xef\xbb\xbfok \xff")
    assert read_error(path) == f"{path}: not valid UTF-8 at byte 6"


def test_utf8_with_bom(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfOman mediated."
    [source] = read_sources([write(tmp_path, "bom.txt", data)])
    assert source.text == "Oman mediated."  # offsets start after the mark
    assert source.text[0:4] == "Oman"
    assert source.sha256 == hashlib.sha256(data).hexdigest()  # of the raw bytes


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"),
     ("utf-32-be", b"\x00\x00\xfe\xff")],
)
def test_utf16_and_utf32_with_bom(tmp_path: Path, codec: str, bom: bytes) -> None:
    text = "Talks in Muscat \u2014 \u0639\u0645\u0627\u0646 \U0001f4f0\r\n"
    [source] = read_sources([write(tmp_path, f"{codec}.txt", bom + text.encode(codec))])
    assert source.text == text


def test_utf16_with_bom_odd_length_is_invalid(tmp_path: Path) -> None:
    path = write(tmp_path, "odd.txt", b"\xff\xfe" + "ab".encode("utf-16-le") + b"c")
    assert read_error(path) == f"{path}: not valid UTF-16LE at byte 6"


def test_crlf_and_lone_cr_are_preserved(tmp_path: Path) -> None:
    text = "First line.\r\nSecond line.\rThird line.\n"
    [source] = read_sources([write(tmp_path, "eol.txt", text)])
    assert source.text == text
    assert source.text.index("Second") == 13
    md = read_sources([write(tmp_path, "eol.md", "# Title\r\n\r\nBody *text*.\rMore.\r\n")])[0]
    assert md.content == "  Title\r\n\r\nBody  text .\rMore.\r\n"


def test_mixed_scripts_rtl_combining_emoji(tmp_path: Path) -> None:
    text = (
        "Talks in \u0645\u0633\u0642\u0637 (Muscat) \u2013 \u05e9\u05dc\u05d5\u05dd, "
        "cafe\u0301, \u4e2d\u6587, \U0001f1f4\U0001f1f2 \U0001f468\u200d\U0001f469\u200d\U0001f467."
    )
    [source] = read_sources([write(tmp_path, "mixed.txt", text)])
    assert source.text == text
    start = source.text.index("cafe\u0301")
    assert source.text[start : start + 5] == "cafe\u0301"  # combining mark kept, not composed


def test_html_script_style_entities_map_back(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html>\n<html><head><title>Talks &amp; more</title>"
        "<style>p { color: red }</style><script>var s = \"<p>Fake</p>\";</script></head>\n"
        "<body><!-- hidden note --><article><h1>Iran&nbsp;talks</h1>"
        "<p>Oman&rsquo;s <a href=\"/x?a=1&amp;b=2\" title='say \"hi\"'>Badr</a> met both sides.</p>"
        "<noscript>Enable JS</noscript><p>Cost: &#36;9&nbsp;million &copy 2024 &zzfake;</p>"
        "</article></body></html>"
    )
    path = write(tmp_path, "page.html", page)
    [source] = read_sources([path])
    content = source.content
    assert content is not None and len(content) == len(source.text)
    for word in ("Talks", "Badr", "met both sides", "million", "2024", "&zzfake;"):
        start = content.index(word)
        assert source.text[start : start + len(word)] == word  # spans map back
    for hidden in ("color", "Fake", "var s", "hidden note", "Enable JS", "href", "DOCTYPE"):
        assert hidden not in content
    # Decoded references sit at the '&' of the original; the rest is blank.
    amp = source.text.index("&rsquo;")
    assert content[amp : amp + len("&rsquo;")] == "\u2019      "
    assert re.search(r"Iran\s+talks", content)  # &nbsp; is a space
    assert "&copy" not in content and re.search("\u00a9 +2024", content)  # legacy name, no ';'
    # Block elements separate: the heading and the paragraph are apart.
    h1_end = source.text.index("</h1>")
    assert content[h1_end : h1_end + 2] == "\n\n"


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    [source] = read_sources([write(tmp_path, "saved.txt", "  <html><body><p>Text</p></body></html>")])
    assert source.content is not None and "<" not in source.content


def test_less_than_in_plain_text_is_not_markup(tmp_path: Path) -> None:
    text = "Turnout was <50% and x<y; <b>not bold</b> &amp; kept."
    [source] = read_sources([write(tmp_path, "lt.txt", text)])
    assert source.content is None
    assert source.visible == text


def test_markdown_headings_links_code(tmp_path: Path) -> None:
    doc = (
        "---\ntitle: Talks\n---\n"
        "# Iran talks #\n\n"
        "Oman's **foreign minister** met _both_ sides in [Muscat](https://example.com/m \"map\").\n"
        "See ![a map](map.png) and `code_span()` and snake_case_name.\n\n"
        "```python\nsecret = 1\n```\n\n"
        "- first item\n1. second item\n\n"
        "> quoted ~~struck~~ text\n\n"
        "| Who | Where |\n|:----|------:|\n| Badr | Muscat |\n\n"
        "[ref]: https://example.com\n"
        "A [reference link][ref] and 5 * 3 = 15 <!-- note --> and a_b.\n"
    )
    [source] = read_sources([write(tmp_path, "story.md", doc)])
    content = source.content
    assert content is not None and len(content) == len(doc)
    for kept in ("Iran talks", "foreign minister", "both", "Muscat", "code_span()", "snake_case_name",
                 "first item", "second item", "quoted", "struck", "Badr", "reference link",
                 "5 * 3 = 15", "a_b"):
        start = content.index(kept)
        assert doc[start : start + len(kept)] == kept
    for gone in ("title:", "#", "**", "](", "https://", "a map", "map.png", "`", "secret", "```",
                 "~~", "|", ":----", "[ref]", "note", "- first", "1."):
        assert gone not in content, gone


def test_a_directory(tmp_path: Path) -> None:
    assert read_error(str(tmp_path)) == f"{tmp_path}: is a directory"


def test_a_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    assert read_error(path) == f"{path}: no such file"


def test_missing_parent_is_no_such_file(tmp_path: Path) -> None:
    parent = write(tmp_path, "file.txt", "x")
    path = os.path.join(parent, "child.txt")
    assert read_error(path) == f"{path}: no such file"


def test_an_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "classified")
    os.chmod(path, 0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read mode-000 files (root)")
        assert read_error(path) == f"{path}: permission denied"
    finally:
        os.chmod(path, 0o600)


def test_permission_error_on_open_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path as above, reachable when the suite runs as root.
    path = write(tmp_path, "secret.txt", "classified")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("builtins.open", denied)
    assert read_error(path) == f"{path}: permission denied"


def test_the_same_file_given_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "same.txt", "Oman mediated the talks.")
    a, b = read_sources([path, path])
    assert (a.id, b.id) == ("a", "b")
    assert (a.name, b.name) == ("same.txt", "same.txt (2)")
    assert a.path == b.path == path
    assert a.text == b.text and a.sha256 == b.sha256


def test_same_base_name_in_different_directories(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first = write(tmp_path, "x/story.txt", "One.")
    second = write(tmp_path, "y/story.txt", "Two.")
    other = write(tmp_path, "other.txt", "Three.")
    names = [s.name for s in read_sources([first, second, other])]
    assert names == ["x/story.txt", "y/story.txt", "other.txt"]


def test_two_hundred_sources(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"s{n:03}.txt", f"Source {n} says {n}.") for n in range(200)]
    sources = read_sources(paths)
    ids = [s.id for s in sources]
    assert ids[:3] == ["a", "b", "c"]
    assert ids[25:28] == ["z", "aa", "ab"]
    assert ids[51:53] == ["az", "ba"]
    assert len(set(ids)) == 200
    assert [s.path for s in sources] == paths
    assert sources[199].text == "Source 199 says 199."


def test_over_max_bytes_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "big.txt", "x" * 101)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr("builtins.open", never)
    assert read_error(path, max_bytes=100) == f"{path}: file is 101 bytes, larger than --max-bytes 100"


def test_exactly_max_bytes_is_accepted(tmp_path: Path) -> None:
    [source] = read_sources([write(tmp_path, "edge.txt", "x" * 100)], max_bytes=100)
    assert len(source.text) == 100


def test_default_max_bytes() -> None:
    assert DEFAULT_MAX_BYTES == 8 * 1024 * 1024


# --------------------------------------------------------------------------- #
# Standard input
# --------------------------------------------------------------------------- #


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> io.BytesIO:
    raw = io.BytesIO(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    return raw


def test_stdin_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = fake_stdin(monkeypatch, b"From a pipe.")
    other = write(tmp_path, "file.txt", "From a file.")
    a, b, c = read_sources(["-", other, "-"])
    assert (a.name, b.name, c.name) == ("<stdin>", "file.txt", "<stdin> (2)")
    assert a.text == c.text == "From a pipe."
    assert (a.id, c.id) == ("a", "c")
    assert a.path == "-"
    assert raw.tell() == len(b"From a pipe.")


def test_stdin_read_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = fake_stdin(monkeypatch, b"y" * 1000)
    with pytest.raises(InputError) as info:
        read_sources(["-"], max_bytes=10)
    assert str(info.value) == "<stdin>: more than 10 bytes, larger than --max-bytes 10"
    assert raw.tell() <= 11 + 8192  # never slurped whole


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"<!doctype html><p>Piped &amp; parsed</p>")
    [source] = read_sources(["-"])
    assert source.content is not None and "Piped &" in source.content


# --------------------------------------------------------------------------- #
# Smaller units
# --------------------------------------------------------------------------- #


def test_source_ids_continue_like_spreadsheet_columns() -> None:
    assert [source_id(n) for n in (0, 25, 26, 27, 51, 52, 701, 702)] == [
        "a", "z", "aa", "ab", "az", "ba", "zz", "aaa",
    ]


def test_display_names_never_collide() -> None:
    names = display_names(["a/x.txt", "a/x.txt", "b/x.txt", "x.txt (2)", "-"])
    assert len(set(names)) == len(names)
    assert names[0] == "a/x.txt" and names[2] == "b/x.txt" and names[4] == "<stdin>"


def test_source_from_text_kinds() -> None:
    plain = source_from_text("a", "one", "Tom *said* <b>so</b>.")
    assert plain.content is None and plain.path is None
    assert plain.sha256 == hashlib.sha256(plain.text.encode()).hexdigest()
    md = source_from_text("b", "two", "Tom *said* so.", kind="markdown")
    assert md.content == "Tom  said  so."
    page = source_from_text("c", "three", "Tom <b>said</b> so.", kind="html")
    assert page.content == "Tom    said     so."
    with pytest.raises(ValueError, match="kind"):
        source_from_text("d", "four", "x", kind="pdf")


def test_source_from_text_empty_names_the_source() -> None:
    with pytest.raises(InputError) as info:
        source_from_text("a", "wire", "   ")
    assert str(info.value) == "wire: empty: no text to compare"
    with pytest.raises(InputError) as info:
        source_from_text("a", "page", "<p> </p><script>x()</script>", kind="html")
    assert str(info.value) == "page: empty: no text to compare (only markup)"


def test_detect_kind() -> None:
    assert detect_kind("a.HTML", "") == "html"
    assert detect_kind("a.md", "<html>") == "markdown"
    assert detect_kind("a.txt", "<!-- saved -->\n<!DOCTYPE html>") == "html"
    assert detect_kind("a.txt", "The <html> tag is old.") == "text"
    assert detect_kind("story.php", "<html>\n<body>") == "html"
    assert detect_kind("a.csv", "name,<html>") == "text"


def test_decode_direct() -> None:
    assert decode(b"plain", "p") == "plain"
    with pytest.raises(InputError, match=r"^p: binary file, not text$"):
        decode(b"\xff\xfe" + "a\x00b".encode("utf-16-le"), "p")  # a decoded NUL


# --------------------------------------------------------------------------- #
# HTML masking details
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a < b and c > d", "a < b and c > d"),  # comparison signs are text
        ("1 &lt; 2 &amp;&amp; x", "1 <    2 &    &     x"),
        ("AT&T and R&D", "AT&T and R&D"),  # not references
        ("&notit; x", "\u00ac   it; x"),  # longest legacy prefix, as browsers do
        ("&#x41;&#66;", "A     B    "),
        ("&#1;x", "    x"),  # a control character reference decodes to nothing
        ("<a title=it's>T</a>", "              T    "),  # quote not after '=' is not a quote
        ("<a title='x > y'>T</a>", "                 T    "),
        ("x<br>y", "x\n   y"),
        ("<p>a</p>", "\n\n a\n\n  "),
        ("<script/>Text", "         Text"),  # XHTML-style empty script keeps the page
        ("<SCRIPT>x</ScRiPt >y", "                   y"),
        ("<template><template>a</template>b</template>c", " " * 44 + "c"),
        ("<!---->x<!-->y", "       x     y"),
        ("a</>b</3 c>d", "a   b      d"),
        ("unterminated <b class='x", "unterminated            "),
        ("<textarea><b>x</b> &amp;</textarea>", " " * 10 + "<b>x</b> &    " + " " * 11),  # text, not tags
    ],
)
def test_mask_html_cases(source: str, expected: str) -> None:
    assert mask_html(source) == expected


def test_unterminated_script_hides_the_rest() -> None:
    assert mask_html("a<script>b c d").strip() == "a"


# --------------------------------------------------------------------------- #
# Markdown masking details
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("snake_case_name and a_b", "snake_case_name and a_b"),  # intraword _ is not emphasis
        ("5 * 3 * 2", "5 * 3 * 2"),  # spaced * is not emphasis
        ("a *lone star", "a *lone star"),
        ("*em* and __strong__", " em  and   strong  "),
        ("***both***", "   both   "),
        ("\\*not em\\*", " *not em *"),
        ("~5 million, ~~gone~~", "~5 million,   gone  "),
        ("`a*b*c` and ``x ` y``", " a*b*c  and   x ` y  "),
        ("[text](http://x.org/a_(b) 'T') end", " text" + " " * 26 + "end"),
        ("[not a link] and [x](", "[not a link] and [x]("),
        ("![alt *t*](i.png) after", "                  after"),
        ("<https://x.org> and <me@x.org>", " https://x.org  and  me@x.org "),  # an address is shown
        ("C&amp;D &copy no-semicolon", "C&    D &copy no-semicolon"),
        ("line\\\nbreak", "line \nbreak"),
        ("1986. A year", "1986. A year"),  # not a list once... see next case
        ("# Title #", "  Title  "),
        ("#hashtag", "#hashtag"),  # no space after '#': not a heading
        ("Title\n=====", "Title\n     "),
        ("Text\n\n---\n\nMore", "Text\n\n   \n\nMore"),
        ("> > nested", "    nested"),
        ("- [ ] task", "      task"),
        ("Footnote[^1].\n\n[^1]: The note.", "Footnote    .\n\n      The note."),
        ("A [shortcut] ref.\n\n[shortcut]: /u", "A  shortcut  ref.\n\n              "),
        ("<div>\n*not md* &amp;\n</div>", "\n\n   \n*not md* &    \n\n\n    "),
    ],
)
def test_mask_markdown_cases(source: str, expected: str) -> None:
    if source == "1986. A year":
        # A line starting "1986." after a blank line is an ordered list in
        # CommonMark; inside a paragraph it is prose.
        assert mask_markdown("In\n1986. A year") == "In\n1986. A year"
        return
    assert mask_markdown(source) == expected


def test_markdown_indented_code_vs_lazy_continuation() -> None:
    assert mask_markdown("Para\n    continued") == "Para\n    continued"
    assert mask_markdown("Para\n\n    code()") == "Para\n\n          "


def test_markdown_list_continuation_is_not_code() -> None:
    doc = "1.  Item\n\n    More about the item.\n"
    assert mask_markdown(doc) == "    Item\n\n    More about the item.\n"


def test_markdown_unclosed_fence_runs_to_the_end() -> None:
    assert mask_markdown("Text\n\n```\ncode\nmore").strip() == "Text"


def test_markdown_front_matter_needs_closing() -> None:
    # Without a closing line, --- is a thematic break and the rest is text.
    assert mask_markdown("---\ntitle: x").endswith("title: x")


def test_markdown_blocks_inside_list_items() -> None:
    assert mask_markdown("- > quoted in an item") == "    quoted in an item"
    assert mask_markdown("- # Heading in an item") == "    Heading in an item"
    assert mask_markdown("1. - nested") == "     nested"
    assert mask_markdown("1.      code()\n") == "              \n"  # 5+ spaces: indented code
    assert mask_markdown("- ```\n  code\n  ```\nAfter") == "     \n      \n     \nAfter"


def test_markdown_fence_in_item_ends_with_the_item() -> None:
    doc = "- item\n\n  ```\n  code\n\nOutside the list.\n"
    out = mask_markdown(doc)
    assert "code" not in out
    assert out.endswith("Outside the list.\n")


def test_markdown_html_block_is_masked_as_html() -> None:
    doc = "Intro.\n\n<script>\nvar x = 1;\n</script>\n\n<table><tr><td>Cell &amp; more</td></tr></table>\n"
    out = mask_markdown(doc)
    assert "var x" not in out and "<" not in out
    assert "Intro." in out and "Cell &" in out


def test_markdown_adversarial_input_stays_linear() -> None:
    # Each of these took quadratic time in a naive scanner (minutes at this size).
    start = time.perf_counter()
    for doc in ("[a](" * 20_000, "".join("`" * k + "x" for k in range(1, 400)), "*a _b " * 15_000,
                "[" * 60_000, "<!-- c -->" * 10_000):
        assert len(mask_markdown(doc)) == len(doc)
        assert len(mask_html(doc)) == len(doc)
        detect_kind("x.txt", doc)
    assert time.perf_counter() - start < 20


def test_non_regular_file_read_is_bounded(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    # A device reports size 0: the bounded read is what stops it.
    assert read_error("/dev/zero", max_bytes=100) == "/dev/zero: more than 100 bytes, larger than --max-bytes 100"


def test_fifo_is_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = str(tmp_path / "pipe")
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as pipe:
            pipe.write(b"Through a named pipe.")

    writer = threading.Thread(target=feed)
    writer.start()
    [source] = read_sources([fifo])
    writer.join()
    assert source.text == "Through a named pipe."


# --------------------------------------------------------------------------- #
# Properties
# --------------------------------------------------------------------------- #

MARKUP_ALPHABET = st.sampled_from(
    list("<>/!-=\"'&#;*_~`[]()|\\: \n\r\tabcxyz019") + ["&amp;", "&nbsp;", "&#x41;", "&notin;",
    "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "```", "# ", "> ", "- ", "1. ",
    "**", "](", "![", "\r\n", "\u00e9", "\u0645", "\U0001f600", "&fjlig;", "<br>", "---\n"]
)
markup_text = st.lists(MARKUP_ALPHABET, max_size=60).map("".join)
_REF = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,10};?|[A-Za-z][A-Za-z0-9]{0,31};?)")


def assert_masked(text: str, content: str) -> None:
    assert len(content) == len(text)
    decoded: dict[int, str] = {}
    for m in _REF.finditer(text):
        for k in range(m.start(), m.end()):
            decoded[k] = html.unescape(m.group())
    for i, ch in enumerate(content):
        if ch.isspace() or ch == text[i]:
            continue
        # Only a decoded character reference may differ, within its own span.
        assert i in decoded and ch in decoded[i], (i, text, content)


@given(markup_text)
@settings(max_examples=400, deadline=None)
def test_property_html_mask_keeps_offsets(text: str) -> None:
    assert_masked(text, mask_html(text))


@given(markup_text)
@settings(max_examples=400, deadline=None)
def test_property_markdown_mask_keeps_offsets(text: str) -> None:
    assert_masked(text, mask_markdown(text))


PATHS = st.lists(st.sampled_from(["-", "a.txt", "x/a.txt", "y/a.txt", "./a.txt", "a.txt (2)", "/abs/a.txt"]),
                 min_size=1, max_size=12)


@given(PATHS)
def test_property_display_names_unique(paths: list[str]) -> None:
    names = display_names(paths)
    assert len(names) == len(paths) and len(set(names)) == len(names)


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_property_any_text_keeps_offsets(text: str) -> None:
    assert_masked(text, mask_html(text))
    assert_masked(text, mask_markdown(text))


PROSE = st.text(alphabet=st.characters(categories=("L", "N", "Zs"), include_characters=".,\n"))


@given(PROSE)
@settings(max_examples=200, deadline=None)
def test_property_prose_without_markup_is_untouched(text: str) -> None:
    assert mask_html(text) == text
    assert mask_markdown(text) == text


TEXT_CHARS = st.characters(categories=("L", "M", "N", "P", "S", "Zs"), include_characters="\n\r\t")


@given(st.text(alphabet=TEXT_CHARS, min_size=1), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
@settings(max_examples=200, deadline=None)
def test_property_decode_round_trips(text: str, codec: str) -> None:
    # Python's utf-16/utf-32 codecs write a byte order mark; so does utf-8-sig.
    data = text.encode(codec)
    if data.startswith((b"%PDF-", b"GIF8", b"OggS", b"fLaC", b"wOF", b"7z")) or data[4:8] == b"ftyp":
        return  # a real binary signature
    assert decode(data, "p") == text


def test_source_in_memory_detects_the_kind_by_name_as_a_file_would() -> None:
    text = "Tom *said* <b>so</b>."
    assert source_in_memory("a", "a.md", text).content == mask_markdown(text)
    assert source_in_memory("a", "a.HTML", text).content == mask_html(text)
    assert source_in_memory("a", "a", text).content is None
    assert source_in_memory("a", "a.txt", text).content is None
    page = "<!DOCTYPE html><p>Tom said so.</p>"
    assert source_in_memory("a", "a", page).content == mask_html(page)  # sniffed, as read_source does
    assert source_in_memory("a", "a.html", text, kind="text").content is None
    # No file checks: an empty text is a source without claims, not an error.
    assert source_in_memory("a", "a.html", "<p></p>").text == "<p></p>"
    with pytest.raises(ValueError, match="kind must be one of"):
        source_in_memory("a", "a", text, kind="pdf")  # type: ignore[arg-type]


# CommonMark cases where the masker lost or invented visible text (found by
# tests/test_read_markdown.py against the spec): source -> the words left.
@pytest.mark.parametrize(
    ("source", "words"),
    [
        # A fence closes at its item's indentation; the item's later paragraphs stay.
        ("1.  Seized.\n\n    ```\n    x()\n    ```\n\n    Denied.\n\nLater.\n", ["Seized.", "Denied.", "Later."]),
        ("- ```\n  x()\n  ```\n  Denied.\n", ["Denied."]),
        # A fence in a block quote ends with the quote.
        ("> ```\n> x()\n\nAfter.\n", ["After."]),
        ("> ```\nAfter.\n```\nx()\n", ["After."]),
        # An HTML block in a quote or list item ends with it, and its quote markers go.
        ("> <div>\n> Resigned.\n\nAfter.\n", ["Resigned.", "After."]),
        ("- <div>\n- Grew.\n", ["Grew."]),
        ("1.  Item.\n\n    > Quoted.\n", ["Item.", "Quoted."]),
        # Reference definitions over several lines; a bad one stays text.
        ("[a]:\n  /u\n  't'\n\n[a] said.\n", ["a", "said."]),
        ("[a\nb]: /u\n\n[a b] said.\n", ["a", "b", "said."]),
        ('[a]: /u\\b "t\\"x"\n\n[a]\n', ["a"]),
        ("[a]: <b>(c)\n", ["[a]:", "(c)"]),
        ("[a]: /u\n===\n[a]\n", ["===", "a"]),
        # Link destinations and labels are read before escapes are blanked.
        ("[x](/a\\(b\\)) y", ["x", "y"]),
        ('[x](/u "t \\"q\\"") y', ["x", "y"]),
        ("[x](<a\\>) y", ["[x](<a", ">)", "y"]),
        ("[x][r\\[]\n\n[r\\[]: /u\n", ["x"]),
        ("[a][nope] b\n\n[a]: /u\n", ["[a][nope]", "b"]),
        # Flanking is read in the source, and emphasis does not cross a link's brackets.
        ("*a \\* b*", ["a", "*", "b"]),
        ("**[a](/u)** b", ["a", "b"]),
        ("*[a*](/u)", ["*", "a*"]),
        # Numeric references: at most 7 digits in CommonMark.
        ("&#87654321; &#x41;", ["&#87654321;", "A"]),
        # Front matter opens with a key; a rule and a heading are text.
        ("---\ntitle: x\n---\nBody.\n", ["Body."]),
        ("---\nFloods\n---\nBody.\n", ["Floods", "Body."]),
    ],
)
def test_mask_markdown_keeps_commonmark_text(source: str, words: list[str]) -> None:
    masked = mask_markdown(source)
    assert len(masked) == len(source)
    assert masked.split() == words
