"""Files, standard input and text in memory -> ``Source`` values."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import replace

from crosscheck.errors import InputError
from crosscheck.model import Source
from crosscheck.read.decoding import decode
from crosscheck.read.html import mask_html
from crosscheck.read.markdown import mask_markdown
from crosscheck.read.names import (
    KINDS,
    STDIN_NAME,
    STDIN_PATH,
    Kind,
    detect_kind,
    display_names,
    source_id,
)

# News articles are kilobytes; even a saved web page with inline scripts and
# styles is a few megabytes. 8 MiB leaves ample room for those while refusing
# the accidental video, database dump or log archive before it is read into
# memory: a comparison holds about 240 MiB per MiB of input (claims, tokens,
# findings; see "Bounded cost" in docs/benchmarks.md), so two 8 MiB sources
# already need some 4 GiB. Raise it with --max-bytes for a book-length input.
DEFAULT_MAX_BYTES: int = 8 * 1024 * 1024

NO_SUCH_FILE = "no such file"
IS_A_DIRECTORY = "is a directory"
PERMISSION_DENIED = "permission denied"
EMPTY = "empty: no text to compare"
EMPTY_MARKUP = "empty: no text to compare (only markup)"


def read_sources(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Source]:
    """Read every path in order; ids are ``a`` ... ``z``, ``aa`` ... by position.

    The same path may be given more than once (each occurrence is its own
    source); ``-`` is standard input, read once however often it is named.
    Names are base names, lengthened or numbered where two would collide.
    """
    stdin_source: Source | None = None
    sources: list[Source] = []
    for index, path in enumerate(paths):
        sid = source_id(index)
        if path == STDIN_PATH:
            # Standard input can be consumed only once; later mentions share it.
            if stdin_source is None:
                stdin_source = read_source(path, sid, max_bytes=max_bytes)
            sources.append(replace(stdin_source, id=sid))
        else:
            sources.append(read_source(path, sid, max_bytes=max_bytes))
    names = display_names(paths)
    return [replace(s, name=n) for s, n in zip(sources, names, strict=True)]


def read_source(path: str, source_id: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file (or ``-`` for standard input) into a ``Source``."""
    shown = STDIN_NAME if path == STDIN_PATH else path
    data = _read_stdin(max_bytes) if path == STDIN_PATH else _read_file(path, max_bytes)
    text = decode(data, shown)
    name = STDIN_NAME if path == STDIN_PATH else (os.path.basename(path) or path)
    kind = detect_kind(name if path != STDIN_PATH else "", text)
    return _build(source_id, name, text, path=path, shown=shown, kind=kind,
                  sha256=hashlib.sha256(data).hexdigest())


def source_from_text(
    source_id: str, name: str, text: str, *, path: str | None = None, kind: str = "text"
) -> Source:
    """A ``Source`` from text already in memory (the library's ``compare({name: text})``).

    ``kind`` selects the masking: ``"text"`` (none), ``"markdown"`` or ``"html"``.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return _build(source_id, name, text, path=path, shown=path or name, kind=kind, sha256="")


def source_in_memory(source_id: str, name: str, text: str, *, kind: Kind | None = None) -> Source:
    """A ``Source`` for the library's ``compare({name: text})``, masked as the CLI masks a file of that name.

    ``kind`` None detects it as ``read_source`` does (extension, else an HTML
    opening), so ``"a.html"`` is HTML and ``"a"`` or ``"a.txt"`` plain text.
    Unlike a file, an empty text (or one of only markup) is no error: it is
    a source without claims.
    """
    chosen = detect_kind(name, text) if kind is None else kind
    if chosen not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {chosen!r}")
    return Source(id=source_id, name=name, text=text, content=mask(text, chosen))


def mask(text: str, kind: str) -> str | None:
    """``content`` for ``text`` of the given kind; ``None`` for plain text."""
    if kind == "html":
        return mask_html(text)
    if kind == "markdown":
        return mask_markdown(text)
    return None


# --------------------------------------------------------------------------- #
# Reading bytes
# --------------------------------------------------------------------------- #


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None
    except ValueError:  # a NUL inside the path (possible from the library, not argv)
        raise InputError(path, "not a valid path") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, IS_A_DIRECTORY)
    # Refuse before reading; a FIFO or device reports no useful size, so the
    # read below is bounded as well (and catches a file growing meanwhile).
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputError(path, _too_large(st.st_size, max_bytes))
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None
    if len(data) > max_bytes:
        raise InputError(path, _more_than(max_bytes))
    return data


def _read_stdin(max_bytes: int) -> bytes:
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError(STDIN_NAME, "no standard input")
    binary = getattr(stream, "buffer", None)
    try:
        if binary is not None:
            data: bytes = binary.read(max_bytes + 1)
        else:  # a text stream substituted for stdin (embedding, tests)
            data = stream.read(max_bytes + 1).encode("utf-8", "surrogatepass")
    except OSError as exc:
        raise InputError(STDIN_NAME, _os_problem(exc)) from None
    if len(data) > max_bytes:
        raise InputError(STDIN_NAME, _more_than(max_bytes))
    return data


def _os_problem(exc: OSError) -> str:
    code = exc.errno
    if isinstance(exc, FileNotFoundError) or code in (errno.ENOENT, errno.ENOTDIR):
        return NO_SUCH_FILE
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return IS_A_DIRECTORY
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return PERMISSION_DENIED
    return (exc.strerror or str(exc)).lower()


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is {size} bytes, larger than --max-bytes {max_bytes}"


def _more_than(max_bytes: int) -> str:
    return f"more than {max_bytes} bytes, larger than --max-bytes {max_bytes}"


# --------------------------------------------------------------------------- #
# Building a Source
# --------------------------------------------------------------------------- #

# Zero-width characters carry no text: a file of them and spaces is empty.
_DROP_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _is_blank(text: str) -> bool:
    return not text.translate(_DROP_INVISIBLE).strip()


def _build(
    sid: str, name: str, text: str, *, path: str | None, shown: str, kind: str, sha256: str
) -> Source:
    if _is_blank(text):
        raise InputError(shown, EMPTY)
    content = mask(text, kind)
    if content is not None and _is_blank(content):
        raise InputError(shown, EMPTY_MARKUP)
    return Source(id=sid, name=name, text=text, path=path, sha256=sha256, content=content)
