"""Terminal and HTML safety helpers: what must go, and what must stay."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.render import sanitize


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x1b]0;title\x07b", "ab"),  # OSC retitles the window
        ("a\x1b]8;;http://x\x1b\\b", "ab"),  # OSC 8 hyperlink ended by ST
        ("a\x1b[2Jb", "ab"),  # CSI clears the screen
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x1bcb", "ab"),  # ESC c resets the terminal
        ("a\x00\x07\x08\x7f\x85b", "ab"),  # other C0, DEL, C1
        ("a\rb", "ab"),  # carriage return could overwrite a line
        ("a\u202eb", "ab"),  # bidi override (Trojan Source)
    ],
)
def test_strip_controls_removes_sequences(raw: str, clean: str) -> None:
    assert sanitize.strip_controls(raw) == clean


def test_strip_controls_keeps_tab_newline_and_text() -> None:
    text = "line one\tcol\nline two — 東京 🎉 Café"
    assert sanitize.strip_controls(text) == text


def test_escape_html_escapes_quotes_for_attributes() -> None:
    out = sanitize.escape_html('"><img src=x onerror=alert(1)>')
    assert "<" not in out and ">" not in out and '"' not in out


@pytest.mark.parametrize("raw", ["[click](javascript:alert(1))", "<script>alert(1)</script>", "@everyone #1", "a|b"])
def test_escape_markdown_neutralises_syntax(raw: str) -> None:
    out = sanitize.escape_markdown(raw)
    assert "](" not in out and "<" not in out
    assert "@" not in out.replace("\\@", "")
    assert "|" not in out.replace("\\|", "")


FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one grapheme: man ZWJ woman ZWJ girl


def test_display_width_counts_wide_characters() -> None:
    assert sanitize.display_width("東京") == 4
    assert sanitize.display_width("🎉") == 2
    assert sanitize.display_width("Café") == 4


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("Cafe\u0301", 4),  # a combining accent takes no column of its own
        (FAMILY, 2),  # a ZWJ sequence is one emoji wide
        ("\U0001f1fa\U0001f1f8", 2),  # a flag: two regional indicators, one grapheme
        ("\U0001f44d\U0001f3fd", 2),  # skin-tone modifier joins its emoji
        ("\x1b[1;31mred\x1b[0m", 3),  # our own colour codes take no columns
        ("", 0),
    ],
)
def test_display_width_by_grapheme(text: str, columns: int) -> None:
    assert sanitize.display_width(text) == columns


def test_wrap_never_splits_a_grapheme() -> None:
    text = "naïve cafe\u0301s e\u0301e\u0301e\u0301e\u0301 " + FAMILY * 4 + " \U0001f1fa\U0001f1f8\U0001f1fa\U0001f1f8"
    for width in range(2, 12):
        lines = sanitize.wrap(text, width)
        assert all(sanitize.display_width(ln) <= width for ln in lines), width
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width
        for line in lines:  # no line starts with what joins the character before it
            assert not line.startswith(("\u0301", "\u200d", "\U0001f1f8")), (width, line)
    assert sanitize.wrap(FAMILY * 2, 3) == [FAMILY, FAMILY]


def test_wrap_breaks_at_spaces_not_hyphens() -> None:
    assert sanitize.wrap("a well-known short-lived truce", 12) == ["a well-known", "short-lived", "truce"]
    assert sanitize.wrap("", 10) == [""]


def test_wrap_cuts_a_word_wider_than_the_line() -> None:
    assert sanitize.wrap("see https://example.com/a/b", 10) == ["see https:", "//example.", "com/a/b"]


def test_clip_and_pad_count_columns() -> None:
    assert sanitize.clip("東京abc", 3) == "東 "  # the wide character cut in half is a space
    assert sanitize.clip("abc", 5) == "abc"
    assert sanitize.pad("東京", 6) == "東京  "
    assert sanitize.pad("toolong", 3) == "toolong"


def test_wrap_runs_keeps_styles_and_wraps_like_plain_text() -> None:
    runs = [("Iran and the U.S. met ", None), ("indirect", "conflict"), ("ly in Muscat", None)]
    lines = sanitize.wrap_runs(runs, 16)
    assert ["".join(t for t, _ in ln) for ln in lines] == sanitize.wrap("".join(t for t, _ in runs), 16)
    assert lines == [
        [("Iran and the", None)],
        [("U.S. met", None)],
        [("indirect", "conflict"), ("ly in", None)],  # the half-highlighted word stays whole
        [("Muscat", None)],
    ]


def test_wrap_runs_turns_layout_whitespace_into_spaces() -> None:
    assert sanitize.wrap_runs([("one\ttwo\nthree", "extra")], 40) == [[("one two three", "extra")]]
    assert sanitize.wrap_runs([], 10) == [[]]


def test_wrap_respects_width_and_keeps_graphemes() -> None:
    text = "首脳会談は二月九日に東京で開催された 👨‍👩‍👧 family"
    for width in (5, 9, 20):
        lines = sanitize.wrap(text, width)
        assert all(sanitize.display_width(ln) <= width for ln in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert any("👨‍👩‍👧" in ln for ln in sanitize.wrap(text, 5))  # ZWJ family not split


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_use_color_honours_no_color_even_on_a_terminal() -> None:
    assert sanitize.use_color("auto", _Tty(), env={"NO_COLOR": "1"}) is False


def test_use_color_auto_needs_a_terminal() -> None:
    assert sanitize.use_color("auto", io.StringIO(), env={}) is False
    assert sanitize.use_color("auto", _Tty(), env={}) is True


def test_force_color_and_explicit_modes() -> None:
    assert sanitize.use_color("auto", io.StringIO(), env={"FORCE_COLOR": "1"}) is True
    assert sanitize.use_color("auto", io.StringIO(), env={"FORCE_COLOR": "0"}) is False
    assert sanitize.use_color("never", _Tty(), env={"FORCE_COLOR": "1"}) is False
    assert sanitize.use_color("always", io.StringIO(), env={"NO_COLOR": "1"}) is True


_PIECES = ["a", "bc", " ", "  ", "東", "é", "e\u0301", FAMILY, "\U0001f1fa\U0001f1f8", "-", "x" * 12]


@given(
    st.lists(st.tuples(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join),
                       st.sampled_from([None, "conflict", "extra"])), max_size=6),
    st.integers(min_value=2, max_value=24),
)
@settings(max_examples=300, deadline=None)
def test_wrap_runs_lines_are_styled_slices_that_fit(runs: list[tuple[str, str | None]], width: int) -> None:
    lines = sanitize.wrap_runs(runs, width)
    text = "".join(t for t, _ in runs)
    assert ["".join(t for t, _ in ln) for ln in lines] == sanitize.wrap(text, width)
    every_char = _styled_chars(runs)
    for line in lines:
        assert sanitize.line_width(line) <= width
        assert _styled_chars(line) in every_char  # a contiguous slice, each character in its style


def _styled_chars(runs: Sequence[tuple[str, str | None]]) -> str:
    """One ``style:char;`` record per character, so a slice of runs is a substring."""
    return "".join(f"{style}:{char};" for text, style in runs for char in text)
