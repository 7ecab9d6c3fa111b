"""Shared test helpers: where the repository and ../shared live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
SHARED = Path(os.environ.get("CROSSCHECK_SHARED", REPO.parent / "shared"))
EVAL = SHARED / "eval"

needs_shared = pytest.mark.skipif(
    not EVAL.is_dir(),
    reason=f"evaluation data not found at {EVAL} (it sits beside the clone in CI; set CROSSCHECK_SHARED)",
)


def run_cli(args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """Run ``crosscheck ARGS`` in-process through ``main`` (which maps errors to
    exit statuses exactly as the installed command does)."""
    from click.testing import CliRunner

    from crosscheck.cli import main

    runner = CliRunner()
    with runner.isolation(input=stdin) as (out, err, *_):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")
