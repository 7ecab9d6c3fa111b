"""Command line: parse options, call the library, print a renderer's output.

Library errors become one-line user errors here, at one edge; only ``main``
exits. Each command returns an ``ExitCode``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from crosscheck.cli_gate import COMMANDS as GATE_COMMANDS
from crosscheck.cli_gate import emit, warn
from crosscheck.errors import CrosscheckError, ExitCode, UsageError
from crosscheck.ledger import load_inputs
from crosscheck.model import Extraction, Report
from crosscheck.pipeline import compare_extractions
from crosscheck.read import DEFAULT_MAX_BYTES
from crosscheck.render import sanitize
from crosscheck.render.progress import iter_with_progress
from crosscheck.version import __version__

F = TypeVar("F", bound=Callable[..., Any])


def source_options(func: F) -> F:
    """The options every command that reads articles shares."""
    func = click.argument("paths", nargs=-1, required=True, metavar="SOURCE...")(func)
    func = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Refuse a source larger than this many bytes.",
    )(func)
    return func


def load(paths: Sequence[str], max_bytes: int) -> list[Extraction]:
    """Articles and claims/ ledger files, in order, as extractions."""
    if len(paths) < 2:
        raise UsageError(f"need at least two sources to compare, got {len(paths)}")
    return load_inputs(paths, strict=False, max_bytes=max_bytes, warn=warn, progress=iter_with_progress)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crosscheck")
def cli() -> None:
    """Compare news articles about one event, claim by claim.

    Each claim of each source is reported as agree (another source states
    it), extra (no other source states it) or conflict (another source
    states something incompatible), with the words that clash.
    """


@cli.command()
@source_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to FILE (atomically) instead of standard output.",
)
def report(paths: tuple[str, ...], max_bytes: int, fmt: str, output: str | None) -> ExitCode:
    """Report agreements, extras and conflicts between SOURCE files.

    Exit status: 0 no conflict, 1 conflicts found, 2 error.
    """
    result = compare_extractions(load(paths, max_bytes))
    emit(render(result, fmt, to_terminal=output in (None, "-") and sys.stdout.isatty()), output)
    return ExitCode.FINDINGS if result.by_status("conflict") else ExitCode.OK


def render(report_: Report, fmt: str, to_terminal: bool = False) -> str:
    """The report in ``fmt``, by the renderer of that format."""
    # Lazy renderer imports: only the asked-for format is loaded (start-up speed).
    if fmt == "json":
        from crosscheck.render import json as json_render

        return json_render.render(report_)
    if fmt == "markdown":
        from crosscheck.render import markdown

        return markdown.render(report_)
    if fmt == "html":
        from crosscheck.render import html

        return html.render(report_)
    from crosscheck.render import text as text_render

    width = sanitize.terminal_width() if to_terminal else None
    return text_render.render(report_, width=width)


@cli.command()
@source_options
@click.option("--width", type=click.IntRange(min=20), default=None, help="Columns (default: terminal width).")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour; auto honours NO_COLOR and FORCE_COLOR and needs a terminal.",
)
@click.option(
    "--only",
    type=click.Choice(["conflict", "extra", "agree"]),
    multiple=True,
    help="Show only these rows (repeatable).",
)
@click.option("--inline", is_flag=True, help="Stack the two sides (for narrow terminals).")
@click.option("--pager/--no-pager", default=True, help="Page long output on a terminal.")
def diff(
    paths: tuple[str, ...],
    max_bytes: int,
    width: int | None,
    color: str,
    only: tuple[str, ...],
    inline: bool,
    pager: bool,
) -> ExitCode:
    """Show two SOURCE files side by side, claim by claim.

    Exit status: 0 no conflict, 1 conflicts found, 2 error.
    """
    # Lazy renderer import: only the diff command loads the diff view (start-up speed).
    from crosscheck.render import diff as diff_render

    if len(paths) != 2:
        raise UsageError(f"diff compares exactly two sources, got {len(paths)}")
    result = compare_extractions(load(paths, max_bytes))
    colored = sanitize.use_color(color)
    out = diff_render.render(
        result,
        width=sanitize.terminal_width() if width is None else width,
        color=colored,
        only=set(only) or None,
        inline=inline,
    )
    if pager and sys.stdout.isatty():  # a pager only on a terminal
        click.echo_via_pager(out, color=colored or None)
    else:
        click.echo(out, nl=False, color=colored)
    return ExitCode.FINDINGS if result.by_status("conflict") else ExitCode.OK


# The CI commands (check, baseline, extract) live in cli_gate.py.
for _command in GATE_COMMANDS:
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the command and exit with its status."""
    try:
        status = cli.main(args=argv, prog_name="crosscheck", standalone_mode=False)
    except click.exceptions.Exit as exc:  # --help, --version
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(ExitCode.ERROR)
    except click.exceptions.Abort:
        click.echo("crosscheck: aborted", err=True)
        sys.exit(ExitCode.ERROR)
    except CrosscheckError as exc:
        click.echo(f"crosscheck: error: {exc}", err=True)
        sys.exit(ExitCode.ERROR)
    except BrokenPipeError:
        sys.exit(ExitCode.ERROR)
    except Exception as exc:  # noqa: BLE001 - never show a traceback to a user
        click.echo(f"crosscheck: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(ExitCode.ERROR)
    sys.exit(int(status) if isinstance(status, int) else ExitCode.OK)
