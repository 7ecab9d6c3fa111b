"""Read stage: bytes -> ``Source`` values.

Decoding is strict: a source either becomes text the pipeline can trust or a
one-line ``InputError`` ("path: problem"); nothing is guessed or replaced.

Markup is never removed, only *masked*: ``Source.content`` has exactly the
length of ``Source.text`` with HTML tags and Markdown syntax overwritten by
whitespace, so every offset the later stages compute on ``content`` is also an
offset into the original text (and, through it, into the file). The only
non-blank characters of ``content`` that differ from ``text`` are decoded
character references (``&amp;`` -> ``&`` placed at the ``&``, rest blanked).

One module per concern: ``decoding`` (bytes -> text), ``names`` (ids,
display names, kinds), ``html`` and ``markdown`` (the maskers, on the
primitives in ``blanking``), ``sources`` (files, standard input and text in
memory -> ``Source``).
"""

from __future__ import annotations

from crosscheck.read.decoding import BINARY, decode
from crosscheck.read.html import mask_html
from crosscheck.read.markdown import mask_markdown
from crosscheck.read.names import (
    HTML_EXTENSIONS,
    KINDS,
    MARKDOWN_EXTENSIONS,
    STDIN_NAME,
    STDIN_PATH,
    Kind,
    detect_kind,
    display_names,
    source_id,
)
from crosscheck.read.sources import (
    DEFAULT_MAX_BYTES,
    EMPTY,
    EMPTY_MARKUP,
    IS_A_DIRECTORY,
    NO_SUCH_FILE,
    PERMISSION_DENIED,
    mask,
    read_source,
    read_sources,
    source_from_text,
    source_in_memory,
)

__all__ = [
    "BINARY",
    "DEFAULT_MAX_BYTES",
    "EMPTY",
    "EMPTY_MARKUP",
    "HTML_EXTENSIONS",
    "IS_A_DIRECTORY",
    "KINDS",
    "MARKDOWN_EXTENSIONS",
    "NO_SUCH_FILE",
    "PERMISSION_DENIED",
    "STDIN_NAME",
    "STDIN_PATH",
    "Kind",
    "decode",
    "detect_kind",
    "display_names",
    "mask",
    "mask_html",
    "mask_markdown",
    "read_source",
    "read_sources",
    "source_from_text",
    "source_id",
    "source_in_memory",
]
