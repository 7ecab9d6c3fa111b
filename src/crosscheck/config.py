"""Configuration: ``crosscheck.toml`` (top-level keys) or ``[tool.crosscheck]`` in pyproject.toml.

Example (pyproject.toml)::

    [tool.crosscheck]
    fail_on = "conflict"              # or "extra"
    baseline = ".crosscheck-baseline.json"
    strict = false                    # stale claims files are an error
    max_bytes = 5000000

    [tool.crosscheck.groups]          # sources compared together, as globs
    iran-talks = ["seeds/*.txt"]

    [tool.crosscheck.thresholds]
    min_score = 0.0                   # conflicts aligned below this do not fail

Discovery walks up from the working directory to the first directory holding
``crosscheck.toml`` or a pyproject.toml with a ``[tool.crosscheck]`` table,
stopping at the repository root (a directory with ``.git``), so settings never
leak in from an enclosing checkout. Relative paths and globs in the file are
relative to the file's directory. Unknown keys are errors naming the key: a
typo such as ``fail-on`` must not silently fall back to the default.
"""

from __future__ import annotations

import glob
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck.errors import UsageError
from crosscheck.gate import DEFAULT_FAIL_ON, FAIL_LEVELS

CONFIG_NAME = "crosscheck.toml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None = None  # where it came from; None: defaults only
    fail_on: str = DEFAULT_FAIL_ON
    baseline: str | None = None
    strict: bool = False
    max_bytes: int | None = None
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # name -> globs
    min_score: float = 0.0

    @property
    def root(self) -> Path:
        return self.path.parent if self.path is not None else Path(".")

    def group_paths(self, name: str) -> list[str]:
        """The files of one group, globs expanded, sorted, relative to the working directory."""
        found: set[str] = set()
        for pattern in self.groups[name]:
            full = pattern if os.path.isabs(pattern) else str(self.root / pattern)
            matches = [m for m in glob.glob(full, recursive=True) if os.path.isfile(m)]
            if not matches:
                raise UsageError(f"{self._where()}: group {name!r}: {pattern!r} matches no file")
            found.update(_relative(m) for m in matches)
        return sorted(found)

    def baseline_path(self) -> str | None:
        if self.baseline is None:
            return None
        return _relative(str(self.root / self.baseline))

    def _where(self) -> str:
        return str(self.path) if self.path is not None else "configuration"


def _relative(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


# --- loading ---------------------------------------------------------------------

_TOP_KEYS = {"fail_on", "baseline", "strict", "max_bytes", "groups", "thresholds"}
_THRESHOLD_KEYS = {"min_score"}


def find_config(start: Path | None = None) -> Path | None:
    directory = (start or Path.cwd()).resolve()
    for candidate in (directory, *directory.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and "crosscheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
        if (candidate / ".git").exists():
            return None
    return None


def load_config(explicit: str | os.PathLike[str] | None = None, start: Path | None = None) -> Config:
    """The configuration named on the command line, else the one found, else defaults."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"{path}: configuration file not found")
    else:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
    document = _read_toml(path)
    if path.name == PYPROJECT:
        table = document.get("tool", {}).get("crosscheck")
        if table is None:
            raise UsageError(f"{path}: no [tool.crosscheck] table")
        return parse(table, path, "tool.crosscheck.")
    return parse(document, path, "")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from exc


def parse(table: Mapping[str, Any], path: Path | None = None, prefix: str = "") -> Config:
    """Validate a configuration table; every error names the file and the key."""
    where = str(path) if path is not None else "configuration"

    def fail(key: str, problem: str) -> UsageError:
        return UsageError(f"{where}: {prefix}{key}: {problem}")

    for key in table:
        if key not in _TOP_KEYS:
            raise fail(key, f"unknown key (known: {', '.join(sorted(_TOP_KEYS))})")
    fail_on = table.get("fail_on", DEFAULT_FAIL_ON)
    if fail_on not in FAIL_LEVELS:
        raise fail("fail_on", f"expected one of {', '.join(FAIL_LEVELS)}, got {fail_on!r}")
    baseline = _typed(table, "baseline", str, None, fail)
    strict = _typed(table, "strict", bool, False, fail)
    max_bytes = _typed(table, "max_bytes", int, None, fail)
    if max_bytes is not None and max_bytes < 1:
        raise fail("max_bytes", "must be at least 1")
    return Config(
        path=path,
        fail_on=fail_on,
        baseline=baseline,
        strict=strict,
        max_bytes=max_bytes,
        groups=_groups(table.get("groups", {}), fail),
        min_score=_thresholds(table.get("thresholds", {}), fail),
    )


def _typed(table: Mapping[str, Any], key: str, kind: type, default: Any, fail: Any) -> Any:
    value = table.get(key, default)
    # bool is an int in Python; `max_bytes = true` is still a mistake.
    if value is not default and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
        raise fail(key, f"expected {_toml_type(kind)}, got {type(value).__name__}")
    return value


def _toml_type(kind: type) -> str:
    return {str: "a string", bool: "true or false", int: "an integer"}.get(kind, kind.__name__)


def _groups(raw: Any, fail: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise fail("groups", "expected a table of name = [globs]")
    groups: dict[str, tuple[str, ...]] = {}
    for name, globs in raw.items():
        if isinstance(globs, str):
            globs = [globs]
        if not isinstance(globs, list) or not globs or not all(isinstance(g, str) for g in globs):
            raise fail(f"groups.{name}", "expected a non-empty list of glob strings")
        groups[name] = tuple(globs)
    return groups


def _thresholds(raw: Any, fail: Any) -> float:
    if not isinstance(raw, dict):
        raise fail("thresholds", "expected a table")
    for key in raw:
        if key not in _THRESHOLD_KEYS:
            raise fail(f"thresholds.{key}", f"unknown key (known: {', '.join(sorted(_THRESHOLD_KEYS))})")
    score = raw.get("min_score", 0.0)
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
        raise fail("thresholds.min_score", "expected a number between 0 and 1")
    return float(score)
