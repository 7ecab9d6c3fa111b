"""The command line: exit statuses, one-line errors for bad input, help."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from crosscheck.cli import cli

from conftest import SEEDS, run_cli

SEED_ARGS = [str(p) for p in SEEDS]


def test_report_on_the_seeds_finds_the_conflict() -> None:
    code, out, err = run_cli(["report", *SEED_ARGS])
    assert code == 1
    assert "antonym" in out and "indirectly" in out
    assert err == ""


def test_no_conflict_exits_zero(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Rebels seized the airport on Monday.", encoding="utf-8")
    b.write_text("On Monday, rebels seized the airport.", encoding="utf-8")
    code, out, _ = run_cli(["report", str(a), str(b)])
    assert code == 0
    assert "agree" in out


def _bad_inputs(tmp: Path) -> dict[str, tuple[list[str], str]]:
    good = tmp / "good.txt"
    good.write_text("Rebels seized the airport.", encoding="utf-8")
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b"  \n\t \n")
    (tmp / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp / "latin1.txt").write_bytes("caf\u00e9 cr\u00e8me".encode("latin-1"))
    (tmp / "adir").mkdir()
    with (tmp / "twenty-mb.txt").open("w", encoding="utf-8") as fh:  # a 20 MB article
        sentence = "Negotiators met in Muscat on Friday and agreed to meet again next month. "
        fh.write(sentence * (20_000_000 // len(sentence) + 1))
    return {
        "missing file": ([str(tmp / "nope.txt"), str(good)], "no such file"),
        "directory": ([str(tmp / "adir"), str(good)], "is a directory"),
        "empty file": ([str(tmp / "empty.txt"), str(good)], "empty"),
        "whitespace only": ([str(tmp / "blank.txt"), str(good)], "empty"),
        "binary file": ([str(tmp / "binary.bin"), str(good)], "binary"),
        "undecodable bytes": ([str(tmp / "latin1.txt"), str(good)], "not valid UTF-8"),
        "one source": ([str(good)], "at least two sources"),
        "20 MB article": ([str(tmp / "twenty-mb.txt"), str(good)], "larger than --max-bytes 8388608"),
    }


@pytest.mark.parametrize(
    "case",
    ["missing file", "directory", "empty file", "whitespace only", "binary file", "undecodable bytes", "one source",
     "20 MB article"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    args, problem = _bad_inputs(tmp_path)[case]
    code, out, err = run_cli(["report", *args])
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert problem in lines[0]
    assert "Traceback" not in err
    if case != "one source":
        assert Path(args[0]).name in lines[0]  # names the file


def test_usage_error_is_exit_2() -> None:
    code, _, err = run_cli(["report", "--format", "nope", *SEED_ARGS])
    assert code == 2 and "nope" in err


def test_every_command_has_help() -> None:
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None and command.help, f"{name} has no help"
        code, out, _ = run_cli([name, "--help"])
        assert code == 0 and "Usage:" in out


def test_module_entry_point() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "crosscheck", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "crosscheck" in done.stdout
