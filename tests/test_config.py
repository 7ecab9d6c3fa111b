"""Configuration: discovery, validation (unknown keys named), globs, precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.config import Config, find_config, load_config, parse
from crosscheck.errors import UsageError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_configuration(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert load_config(start=tmp_path) == Config()


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", """
[project]
name = "newsroom"

[tool.crosscheck]
fail_on = "extra"
baseline = "ci/baseline.json"
strict = true
max_bytes = 1000

[tool.crosscheck.groups]
talks = ["news/*.md", "wire/talks.txt"]

[tool.crosscheck.thresholds]
min_score = 0.4
""")
    config = load_config(start=tmp_path)
    assert (config.fail_on, config.baseline, config.strict, config.max_bytes, config.min_score) == (
        "extra", "ci/baseline.json", True, 1000, 0.4)
    assert config.groups == {"talks": ("news/*.md", "wire/talks.txt")}


def test_crosscheck_toml_wins_and_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[tool.crosscheck]\nfail_on = "extra"\n')
    write(tmp_path / "crosscheck.toml", 'fail_on = "conflict"\n')
    (tmp_path / "news").mkdir()
    assert find_config(tmp_path / "news") == (tmp_path / "crosscheck.toml").resolve()
    assert load_config(start=tmp_path / "news").fail_on == "conflict"


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) is None


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path / "crosscheck.toml", 'fail_on = "extra"\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert find_config(tmp_path / "repo") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail-on = "extra"\n', r"crosscheck.toml: fail-on: unknown key"),
        ('[thresholds]\nalign = 0.5\n', r"thresholds.align: unknown key"),
        ('fail_on = "warning"\n', r"fail_on: expected one of conflict, extra, got 'warning'"),
        ("strict = 1\n", r"strict: expected true or false, got int"),
        ("max_bytes = true\n", r"max_bytes: expected an integer, got bool"),
        ('[groups]\ntalks = []\n', r"groups.talks: expected a non-empty list"),
        ("[thresholds]\nmin_score = 2\n", r"thresholds.min_score: expected a number between 0 and 1"),
        ("fail_on = \n", r"invalid TOML"),
    ],
)
def test_bad_configuration_names_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "crosscheck.toml", text)
    with pytest.raises(UsageError, match=message):
        load_config(path)


def test_unknown_key_in_pyproject_is_named_with_its_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.crosscheck]\nbasline = 'x.json'\n")
    with pytest.raises(UsageError, match=r"tool\.crosscheck\.basline: unknown key"):
        load_config(path)


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="configuration file not found"):
        load_config(tmp_path / "nope.toml")


def test_group_globs_are_relative_to_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "news" / "b.md", "b")
    write(tmp_path / "news" / "a.md", "a")
    write(tmp_path / "news" / "notes.txt", "n")
    config = parse({"groups": {"talks": ["news/*.md"]}, "baseline": "ci/base.json"}, tmp_path / "crosscheck.toml")
    monkeypatch.chdir(tmp_path / "news")
    assert config.group_paths("talks") == ["a.md", "b.md"]
    # Outside the working directory a path stays absolute rather than growing ../ chains.
    assert config.baseline_path() == str(tmp_path / "ci" / "base.json")


def test_group_glob_matching_nothing_is_an_error(tmp_path: Path) -> None:
    config = parse({"groups": {"talks": ["news/*.md"]}}, tmp_path / "crosscheck.toml")
    with pytest.raises(UsageError, match=r"group 'talks': 'news/\*.md' matches no file"):
        config.group_paths("talks")
