"""``crosscheck diff``: row alignment, highlighting, layout and goldens."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from crosscheck.cli import cli
from crosscheck.render import diff, sanitize

import render_fixtures as fx
from render_golden import SEEDS, check_golden, seeds_report


@pytest.mark.parametrize("width", [70, 100, 140])
@pytest.mark.parametrize("name", ["two", "wide"])
@pytest.mark.parametrize("inline", [False, True])
def test_golden_fixture(width: int, name: str, inline: bool) -> None:
    report = {"two": fx.two_sources, "wide": fx.wide}[name]()
    out = diff.render(report, width=width, inline=inline)
    check_golden(f"diff_{name}_{'inline_' if inline else ''}{width}.txt", out)
    assert max(sanitize.display_width(ln) for ln in out.splitlines()) <= width


@pytest.mark.parametrize("width", [70, 100, 140])
def test_golden_seeds(width: int) -> None:
    check_golden(f"diff_seeds_{width}.txt", diff.render(seeds_report(), width=width))


def test_rows_align_and_merge_in_reading_order() -> None:
    rows = diff.rows(fx.two_sources(), "a", "b")
    assert [(r.status, r.left and r.left.id, r.right and r.right.id) for r in rows] == [
        ("conflict", "a:1", "b:1"),
        ("extra", "a:2", None),
        ("agree", "a:3", "b:2"),
        ("extra", None, "b:3"),
    ]


def test_highlighting_with_colour() -> None:
    out = diff.render(fx.two_sources(), color=True)
    assert "\x1b[1;31mindirectly\x1b[0m" in out and "\x1b[1;31mdirect\x1b[0m" in out
    assert "\x1b[33mJared Kushner" in out  # extra: yellow on its own side
    assert "Oman served as intermediary" in out  # agree: plain


def test_no_colour_codes_unless_enabled() -> None:
    out = diff.render(fx.two_sources())
    assert "\x1b" not in out and "*indirectly*" in out


def test_only_filters_rows() -> None:
    out = diff.render(fx.two_sources(), only={"conflict"})
    assert "indirectly" in out and "Jared Kushner" not in out and "Oman served" not in out


def test_controls_stripped() -> None:
    for inline in (False, True):
        out = diff.render(fx.hostile(), inline=inline, color=True)
        assert "]0;title" not in out and "[2J" not in out and "\x9b" not in out and "\x07" not in out


def test_cli_no_colour_when_piped_or_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    paths = [str(p) for p in SEEDS]
    out = CliRunner().invoke(cli, ["diff", *paths, "--width", "80"])
    assert out.exit_code in (0, 1) and "\x1b" not in out.output
    monkeypatch.setenv("NO_COLOR", "1")
    out = CliRunner().invoke(cli, ["diff", *paths, "--color", "auto"])
    assert "\x1b" not in out.output
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = CliRunner().invoke(cli, ["diff", *paths, "--only", "conflict"])
    assert "\x1b[1;31m" in out.output


def test_cli_diff_needs_two_sources() -> None:
    result = CliRunner().invoke(cli, ["diff", str(SEEDS[0])], standalone_mode=False)
    assert result.exception is not None


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_cli_report_formats(fmt: str) -> None:
    result = CliRunner().invoke(cli, ["report", "--format", fmt, *map(str, SEEDS)])
    assert result.exit_code in (0, 1), result.output
    assert "conflict" in result.output
