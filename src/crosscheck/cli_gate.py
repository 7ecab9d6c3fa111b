"""The CI commands: ``check`` (the gate), ``baseline`` and ``extract`` (the claims/ ledger).

Kept apart from cli.py so the report commands and these can change without
stepping on each other; cli.py registers them. As there, each command
returns an ``ExitCode`` and library errors surface as one line from ``main``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from crosscheck import pipeline
from crosscheck.config import Config, load_config
from crosscheck.errors import ExitCode, UsageError
from crosscheck.gate import FAIL_LEVELS, GateResult, Policy, evaluate, exit_code
from crosscheck.ledger import load_inputs, read_baseline, write_baseline, write_claims, write_output
from crosscheck.model import Extraction
from crosscheck.render.progress import iter_with_progress

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("text", "json", "github", "sarif", "junit")
DEFAULT_BASELINE = ".crosscheck-baseline.json"


def input_options(func: F) -> F:
    """Sources (or configured groups) and how to read them."""
    for decorator in reversed(
        [
            click.argument("paths", nargs=-1, metavar="[SOURCE]..."),
            click.option(
                "--config",
                "config_path",
                type=click.Path(dir_okay=False),
                help="Configuration file (default: crosscheck.toml or [tool.crosscheck] in pyproject.toml, searched upwards).",
            ),
            click.option("--group", "groups", multiple=True, metavar="NAME", help="Only this configured group (repeatable); default all groups."),
            click.option("--strict/--no-strict", default=None, help="A stale claims file is an error instead of being re-extracted."),
            click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Refuse a source larger than this many bytes."),
            click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None, help="Lowest status that fails the gate [default: conflict]."),
            click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=None, help="Conflicts aligned below this score do not fail [default: 0]."),
        ]
    ):
        func = decorator(func)
    return func


class _Inputs:
    """Resolved command-line and configuration settings (command line wins)."""

    def __init__(self, kwargs: dict[str, Any]) -> None:
        self.config: Config = load_config(kwargs.pop("config_path"))
        cfg = self.config
        self.paths: tuple[str, ...] = kwargs.pop("paths")
        self.groups: tuple[str, ...] = kwargs.pop("groups")
        strict = kwargs.pop("strict")
        self.strict: bool = cfg.strict if strict is None else strict
        max_bytes = kwargs.pop("max_bytes")
        self.max_bytes: int | None = cfg.max_bytes if max_bytes is None else max_bytes
        self.fail_on: str = kwargs.pop("fail_on") or cfg.fail_on
        min_score = kwargs.pop("min_score")
        self.min_score: float = cfg.min_score if min_score is None else min_score

    def named_groups(self) -> list[tuple[str | None, list[str]]]:
        """(group name, paths) to compare: the command line's, else the configured groups."""
        if self.paths:
            if self.groups:
                raise UsageError("give SOURCE files or --group, not both")
            return [(None, list(self.paths))]
        configured = self.config.groups
        if not configured:
            raise UsageError("no sources: name SOURCE files or configure groups in [tool.crosscheck]")
        unknown = [g for g in self.groups if g not in configured]
        if unknown:
            raise UsageError(f"unknown group {unknown[0]!r} (configured: {', '.join(configured)})")
        names = self.groups or tuple(configured)
        return [(name, self.config.group_paths(name)) for name in names]

    def extractions(self, paths: Sequence[str]) -> list[Extraction]:
        return load_inputs(paths, strict=self.strict, max_bytes=self.max_bytes, warn=warn, progress=iter_with_progress)

    def reports(self, policy: Policy) -> list[GateResult]:
        results = []
        for name, paths in self.named_groups():
            extractions = self.extractions(paths)
            if len(extractions) < 2:
                label = f"group {name!r}" if name else "the command line"
                raise UsageError(f"need at least two sources to compare, {label} has {len(extractions)}")
            results.append(evaluate(pipeline.compare_extractions(extractions), policy, name))
        return results


def warn(message: str) -> None:
    """A non-fatal note to the user on stderr (a stale claims file, say)."""
    click.echo(f"crosscheck: warning: {message}", err=True)


def emit(text: str, output: str | None) -> None:
    """Print, or write ``output`` atomically (a failed run leaves no half file)."""
    if output is None or output == "-":
        click.echo(text, nl=False)
    else:
        write_output(output, text)


def render_gate(results: Sequence[GateResult], fmt: str) -> str:
    """The gate's results in ``fmt``, by the renderer of that format."""
    # Lazy renderer imports: only the asked-for format is loaded (start-up speed).
    if fmt == "json":
        from crosscheck.render import json as json_render

        return json_render.render_results(results)
    if fmt == "github":
        from crosscheck.render import github

        return github.render_results(results)
    if fmt == "sarif":
        from crosscheck.render import sarif

        return sarif.render_results(results)
    if fmt == "junit":
        from crosscheck.render import junit

        return junit.render_results(results)
    from crosscheck.render import text

    return text.render_results(results)


@click.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None, help="Accept the findings recorded in this baseline file.")
@click.option("--exit-zero", is_flag=True, help="Report, but exit 0 even when the gate trips.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to FILE (atomically) instead of standard output.")
def check(fmt: str, baseline_path: str | None, exit_zero: bool, output: str | None, **kwargs: Any) -> ExitCode:
    """Fail when sources contradict each other (the CI gate).

    Compares the SOURCE files (articles or claims files), or each group in
    the configuration. Exit status: 0 nothing at or above the fail level,
    1 the gate tripped, 2 usage, input or configuration error.
    """
    inputs = _Inputs(kwargs)
    path = baseline_path or inputs.config.baseline_path()
    if path is not None and not os.path.exists(path):
        raise UsageError(f"{path}: baseline file not found; create it with: crosscheck baseline ... -o {path}")
    baseline = read_baseline(path) if path is not None else None
    policy = Policy(fail_on=inputs.fail_on, min_score=inputs.min_score, baseline=baseline)
    results = inputs.reports(policy)
    emit(render_gate(results, fmt), output)
    return exit_code(results, exit_zero)


@click.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help=f"Baseline file [default: the configured one, else {DEFAULT_BASELINE}].")
def baseline(output: str | None, **kwargs: Any) -> ExitCode:
    """Record today's findings at the fail level as accepted.

    Each entry has the finding's fingerprint, the claim texts and an empty
    ``reason`` for the editor to fill in; reasons already written are kept
    when the file is rewritten.
    """
    inputs = _Inputs(kwargs)
    target = output or inputs.config.baseline_path() or DEFAULT_BASELINE
    policy = Policy(fail_on=inputs.fail_on, min_score=inputs.min_score)
    results = inputs.reports(policy)
    entries = [(r.report, f) for r in results for f in r.failing]
    count = write_baseline(target, entries)
    click.echo(f"crosscheck: wrote {count} baseline {'entry' if count == 1 else 'entries'} to {target}", err=True)
    return ExitCode.OK


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="SOURCE...")
@click.option("-o", "--output", "directory", type=click.Path(file_okay=False), default="claims", show_default=True, help="Directory for the claims files.")
@click.option("--strict/--no-strict", default=False, help="A stale claims file given as SOURCE is an error.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Refuse a source larger than this many bytes.")
def extract(paths: tuple[str, ...], directory: str, strict: bool, max_bytes: int | None) -> ExitCode:
    """Write the claims of each SOURCE to DIRECTORY/<name>.claims.json.

    Commit these files: editors can review, merge, split or delete claims,
    and report, check and diff accept them in place of the articles.
    """
    extractions = load_inputs(paths, strict=strict, max_bytes=max_bytes, warn=warn, progress=iter_with_progress)
    for path in write_claims(extractions, directory):
        click.echo(f"crosscheck: wrote {path}", err=True)
    return ExitCode.OK


COMMANDS = (check, baseline, extract)
