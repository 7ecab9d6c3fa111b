"""Terminal and HTML safety helpers: what must go, and what must stay."""

from __future__ import annotations

import io

import pytest

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


def test_display_width_counts_wide_characters() -> None:
    assert sanitize.display_width("東京") == 4
    assert sanitize.display_width("🎉") == 2
    assert sanitize.display_width("Café") == 4


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
