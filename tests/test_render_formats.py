"""text, Markdown and HTML reports and the coverage matrix, on hand-built reports."""

from __future__ import annotations

import re

import pytest

from crosscheck.model import Report
from crosscheck.render import html, markdown, matrix, sanitize, text

import render_fixtures as fx
from render_golden import check_golden, seeds_report

FIXTURES = {"two": fx.two_sources, "three": fx.three_sources, "wide": fx.wide, "hostile": fx.hostile}


@pytest.mark.parametrize("name", sorted(FIXTURES))
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_golden_fixture(name: str, fmt: str) -> None:
    report = FIXTURES[name]()
    out = {"text": lambda: text.render(report, width=100), "markdown": lambda: markdown.render(report),
           "html": lambda: html.render(report)}[fmt]()
    check_golden(f"{fmt}_{name}.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt]}", out)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_golden_seeds(fmt: str) -> None:
    report = seeds_report()
    out = {"text": lambda: text.render(report, width=100), "markdown": lambda: markdown.render(report),
           "html": lambda: html.render(report)}[fmt]()
    check_golden(f"seeds_report.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt]}", out)


def test_text_groups_conflict_extra_agree_with_counts() -> None:
    out = text.render(fx.two_sources())
    assert out.index("Conflicts (1)") < out.index("Extras (2)") < out.index("Agreements (1)")
    assert out.rstrip().endswith("Summary: 1 conflict, 2 extra, 1 agree (6 claims in 2 sources)")
    assert "*indirectly*" in out and "\x1b" not in out  # marked, but no colour unless asked


@pytest.mark.parametrize("width", [70, 100, 140])
def test_text_fits_width(width: int) -> None:
    for make in (fx.two_sources, fx.wide, fx.hostile):
        out = text.render(make(), width=width)
        assert max(sanitize.display_width(ln) for ln in out.splitlines()) <= width


def test_text_colour_only_when_asked() -> None:
    assert "\x1b[1;31mindirectly\x1b[0m" in text.render(fx.two_sources(), color=True)


def _terminal_outputs(report: Report) -> list[str]:
    return [text.render(report), text.render(report, color=True), markdown.render(report)]


def test_controls_never_reach_terminal_formats() -> None:
    for out in _terminal_outputs(fx.hostile()):
        assert "]0;title" not in out and "\x07" not in out and "\x9b" not in out
        assert "[2J" not in out  # the sequence goes whole, not just its ESC
        # our own colour codes are the only escapes left
        assert re.sub(r"\x1b\[[0-9;]*m", "", out).isprintable() or "\x1b" not in re.sub(r"\x1b\[[0-9;]*m", "", out)


def test_markdown_shows_hostile_text_as_text() -> None:
    out = markdown.render(fx.hostile())
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert "](javascript" not in out and "\\]\\(javascript\\:" in out


def test_html_shows_hostile_text_as_text() -> None:
    out = html.render(fx.hostile())
    assert "<script" not in out.lower()
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert 'href="javascript' not in out
    assert "\x1b" not in out and "\x9b" not in out


def test_html_is_self_contained() -> None:
    out = html.render(fx.three_sources())
    assert not re.search(r"(?:src|href)=\"(?!#)", out)  # only in-page links
    assert "http://" not in out and "https://" not in out
    assert "<style>" in out and "Content-Security-Policy" in out


def test_html_conflicts_first_and_linked() -> None:
    out = html.render(fx.two_sources())
    assert out.index("Conflicts (1)") < out.index("Extras (2)") < out.index("Agreements (1)")
    assert '<mark class="clash">indirectly</mark>' in out
    for target in re.findall(r'href="#([^"]+)"', out):
        assert f'id="{target}"' in out


def test_matrix_clusters_and_states() -> None:
    rows = matrix.rows(fx.three_sources())
    assert [(r.label.id, r.cells) for r in rows] == [
        ("a:1", {"a": "states", "b": "states", "c": "states"}),
        ("a:2", {"a": "conflicts", "b": "conflicts", "c": "silent"}),
        ("a:3", {"a": "states", "b": "silent", "c": "states"}),
    ]


def test_matrix_only_for_three_or_more_sources() -> None:
    assert "Coverage" not in text.render(fx.two_sources())
    assert "Coverage" not in markdown.render(fx.two_sources())
    for out in (text.render(fx.three_sources()), markdown.render(fx.three_sources()), html.render(fx.three_sources())):
        assert "Coverage" in out
