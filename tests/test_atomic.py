"""Atomic writes: a failed write leaves the old file whole and no temporary file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from crosscheck import atomic


def test_writes_text_exactly(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic.write_text(target, "line\r\nünïcode\n")
    assert target.read_bytes() == "line\r\nünïcode\n".encode()


def test_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_is_not_private_to_the_writer(tmp_path: Path) -> None:
    # mkstemp makes 0600 files; a report shared by a team must not end up that way.
    target = tmp_path / "new.txt"
    atomic.write_text(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_failure_midway_leaves_old_content_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "baseline.json"
    target.write_text("complete old baseline", encoding="utf-8")

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        atomic.write_text(target, "half")
    assert target.read_text(encoding="utf-8") == "complete old baseline"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]


def test_interrupt_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text(tmp_path / "x.json", "data")
    assert list(tmp_path.iterdir()) == []


def test_missing_directory_is_an_error_not_a_partial_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic.write_text(tmp_path / "nope" / "x.json", "data")


def test_relative_path_in_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    atomic.write_text("plain.txt", "ok")
    assert (tmp_path / "plain.txt").read_text(encoding="utf-8") == "ok"
