"""Errors the library raises; the CLI turns each into one line and exit status 2."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # the gate tripped: findings at or above the fail level
    ERROR = 2  # usage, input, configuration or internal error


class CrosscheckError(Exception):
    """Base class: a problem the user can fix; printed as one line."""


class InputError(CrosscheckError):
    """A source could not be read or is not usable text."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UsageError(CrosscheckError):
    """The command line or configuration asks for something impossible."""
