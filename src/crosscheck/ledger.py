"""The claims/ ledger and baselines: files editors review and commit.

Claims file (schema ``crosscheck_claims: 1``; see docs/ci.md), one per source::

    {
      "crosscheck_claims": 1,
      "tool": {"name": "crosscheck", "version": "0.1.0"},
      "source": {"path": "../seeds/a.txt", "name": "a.txt", "sha256": "..."},
      "sentences": [{"index": 0, "start": 0, "end": 120, "text": "..."}],
      "claims": [{"id": "3", "sentence": 0, "text": "...", "spans": [[0, 52]],
                  "features": {"negated": false, ...}}]
    }

- ``source.path`` is relative to the claims file's directory, so the ledger
  works from any working directory; the article itself is re-read from it,
  because spans and evidence point into its text.
- ``source.sha256`` is ``Source.sha256`` of the article as read (read.py
  hashes the file's bytes). When it no longer
  matches, the ledger is *stale*: crosscheck warns and re-extracts (or, with
  ``--strict``, stops).
- Claim ``id`` is local to the file; reports prefix it with the source id
  (``a:3``), which depends on the order of the command line.
- Editors may merge, split, delete or reword claims; what the file says is
  what is compared. Each claim's tokens are stored with it (``tokens``); an
  editor who changes ``spans`` need not touch them: a claim keeps the stored
  tokens inside its spans, then any other token known for the article inside
  them (see ``_tokens``).

Baseline file (schema ``crosscheck_baseline: 1``): today's accepted findings by
fingerprint, each with the claim texts and a ``reason`` for the editor.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from crosscheck import pipeline
from crosscheck.atomic import write_text
from crosscheck.errors import InputError, UsageError
from crosscheck.model import Claim, Extraction, Features, Finding, Report, Sentence, Source, Token
from crosscheck.read import DEFAULT_MAX_BYTES, read_sources
from crosscheck.version import __version__

CLAIMS_MARKER = "crosscheck_claims"
CLAIMS_VERSION = 1
BASELINE_MARKER = "crosscheck_baseline"
BASELINE_VERSION = 1
CLAIMS_SUFFIX = ".claims.json"

Warn = Callable[[str], None]
T = TypeVar("T")


class Progress(Protocol):
    """Reports progress over ``items`` while yielding them (the CLI passes a bar on stderr)."""

    def __call__(self, items: Sequence[T], label: str) -> Iterable[T]: ...


def _no_progress(items: Sequence[T], label: str) -> Iterable[T]:
    return items


_INLINE_WIDTH = 100


def _dump(document: Mapping[str, Any]) -> str:
    """Stable JSON for files editors read and diff in version control.

    Like ``indent=2``, except that a list or object short enough to fit on
    one line is written on one line: a claim's spans, features and each token
    stay readable instead of taking eight lines apiece.
    """
    return _format(document, "") + "\n"


def _format(value: Any, pad: str) -> str:
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(value, (dict, list)) or len(flat) + len(pad) <= _INLINE_WIDTH or not value:
        return flat
    inner = pad + "  "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_format(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    return "[\n" + ",\n".join(inner + _format(v, inner) for v in value) + "\n" + pad + "]"


# --- writing claims files ------------------------------------------------------


def claims_document(extraction: Extraction, ledger_dir: str | os.PathLike[str]) -> dict[str, Any]:
    source = extraction.source
    prefix = f"{source.id}:"
    return {
        CLAIMS_MARKER: CLAIMS_VERSION,
        "tool": {"name": "crosscheck", "version": __version__},
        "source": {
            "path": _path_from(ledger_dir, source.path or source.name),
            "name": source.name,
            "sha256": source.sha256,
        },
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in extraction.sentences
        ],
        "claims": [_claim_entry(c, prefix) for c in extraction.claims],
    }


def _claim_entry(claim: Claim, prefix: str) -> dict[str, Any]:
    return {
        "id": claim.id.removeprefix(prefix),
        "sentence": claim.sentence,
        "text": claim.text,
        "spans": [list(s) for s in claim.spans],
        "features": claim.features.to_dict(),
        "tokens": [[t.text, t.lower, t.lemma, t.start, t.end, t.tag] for t in claim.tokens],
    }


def _path_from(directory: str | os.PathLike[str], path: str) -> str:
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(directory))
    return relative.replace(os.sep, "/")


def claims_filename(source: Source) -> str:
    stem = re.sub(r"[\\/:\x00]", "_", source.name) or source.id
    return stem + CLAIMS_SUFFIX


def write_claims(extractions: Sequence[Extraction], directory: str | os.PathLike[str]) -> list[Path]:
    """One claims file per source in ``directory`` (created), each written atomically."""
    target = Path(directory)
    names = [claims_filename(e.source) for e in extractions]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise UsageError(f"two sources would share the claims file {clashes[0]}; rename one")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(target), f"cannot create directory: {exc.strerror or exc}") from exc
    written = []
    for extraction, name in zip(extractions, names):
        path = target / name
        write_output(path, _dump(claims_document(extraction, target)))
        written.append(path)
    return written


def write_output(path: str | os.PathLike[str], text: str) -> None:
    """Atomic write with a one-line error instead of a traceback."""
    try:
        write_text(path, text)
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {exc.strerror or exc}") from exc


# --- reading claims files ------------------------------------------------------


def sniff_claims(path: str, max_bytes: int) -> dict[str, Any] | None:
    """The parsed document when ``path`` is a claims file, else None.

    Detection is by content, not extension: a JSON object carrying the
    ``crosscheck_claims`` marker. An article may well be called
    ``notes.json``, and an editor may rename a ledger file.
    """
    if path == "-":
        return None  # standard input is read once, as an article
    try:
        with open(path, "rb") as handle:
            head = handle.read(max_bytes + 1)
    except OSError:
        return None  # reading it as an article gives the proper error
    if len(head) > max_bytes or not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    try:
        document = json.loads(head.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(document, dict) or CLAIMS_MARKER not in document:
        return None
    _check_version(path, document, CLAIMS_MARKER, CLAIMS_VERSION)
    return document


def load_inputs(
    paths: Sequence[str],
    strict: bool = False,
    max_bytes: int | None = None,
    warn: Warn | None = None,
    progress: Progress = _no_progress,
) -> list[Extraction]:
    """Articles and claims files, in command-line order, as extractions.

    Articles go through read and ``pipeline.extract``; claims files are loaded
    (or re-extracted when stale). A claims file stands for its article in the
    one ``read_sources`` call, so source ids and display names come out as if
    the articles themselves had been named. ``progress`` sees the inputs as
    they are extracted (the CLI draws a bar with it).
    """
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    documents = [sniff_claims(p, limit) for p in paths]
    articles = [p if d is None else _article_path(p, d) for p, d in zip(paths, documents)]
    sources = read_sources(articles, max_bytes=limit)
    inputs = list(zip(paths, documents, sources, strict=True))
    return [
        pipeline.extract(source) if document is None else from_claims(path, document, source, strict, warn)
        for path, document, source in progress(inputs, "extracting claims")
    ]


def load_claims(path: str, strict: bool = False, max_bytes: int | None = None, warn: Warn | None = None) -> Extraction:
    """One claims file as an ``Extraction`` (source id ``a``)."""
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    document = _load_json(path, CLAIMS_MARKER, CLAIMS_VERSION)
    (source,) = read_sources([_article_path(path, document)], max_bytes=limit)
    return from_claims(path, document, source, strict, warn)


def _article_path(path: str, document: Mapping[str, Any]) -> str:
    meta = _member(path, document, "source", dict)
    stored = _member(path, meta, "path", str, "source.")
    return os.path.normpath(os.path.join(os.path.dirname(path), stored))


def from_claims(
    path: str, document: Mapping[str, Any], source: Source, strict: bool = False, warn: Warn | None = None
) -> Extraction:
    """The claims file's extraction over the freshly read ``source``; re-extracted when stale."""
    if source.sha256 != document["source"].get("sha256"):
        problem = f"stale: {source.path} changed since its claims were extracted"
        if strict:
            raise InputError(path, f"{problem}; run crosscheck extract again")
        (warn or _stderr)(f"{path}: {problem}; re-extracting")
        return pipeline.extract(source)
    return Extraction(source, _sentences(path, document, source), _claims(path, document, source))


def _load_json(path: str, marker: str, version: int) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            document = json.load(handle)
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(path, f"not valid JSON: {exc}") from exc
    if not isinstance(document, dict) or marker not in document:
        raise InputError(path, f"not a crosscheck file (no {marker!r} member)")
    _check_version(path, document, marker, version)
    return document


def _check_version(path: str, document: Mapping[str, Any], marker: str, version: int) -> None:
    if document[marker] != version:
        raise InputError(path, f"{marker} version {document[marker]!r} is not supported (this crosscheck reads {version})")


def _member(path: str, mapping: Mapping[str, Any], key: str, kind: type, where: str = "") -> Any:
    value = mapping.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InputError(path, f"{where}{key}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def _sentences(path: str, document: Mapping[str, Any], source: Source) -> tuple[Sentence, ...]:
    out = []
    for i, entry in enumerate(_member(path, document, "sentences", list)):
        where = f"sentences[{i}]."
        if not isinstance(entry, dict):
            raise InputError(path, f"sentences[{i}]: expected object")
        start, end = _member(path, entry, "start", int, where), _member(path, entry, "end", int, where)
        _check_span(path, where, (start, end), len(source.text))
        out.append(Sentence(source.id, _member(path, entry, "index", int, where), start, end, _member(path, entry, "text", str, where)))
    return tuple(out)


def _claims(path: str, document: Mapping[str, Any], source: Source) -> tuple[Claim, ...]:
    entries = _member(path, document, "claims", list)
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise InputError(path, f"claims[{i}]: expected object")
    pool = _token_pool(entries, source)
    seen: set[str] = set()
    out = []
    for i, entry in enumerate(entries):
        claim = _claim(path, f"claims[{i}].", entry, source, pool)
        if claim.id in seen:
            raise InputError(path, f"claims[{i}].id: {entry['id']!r} is used twice")
        seen.add(claim.id)
        out.append(claim)
    return tuple(out)


def _claim(path: str, where: str, entry: Mapping[str, Any], source: Source, pool: Sequence[Token]) -> Claim:
    local = entry.get("id")
    if isinstance(local, int) and not isinstance(local, bool):
        local = str(local)  # an editor numbering a split claim by hand
    if not isinstance(local, str) or not local:
        raise InputError(path, f"{where}id: expected a non-empty string")
    raw_spans = _member(path, entry, "spans", list, where)
    spans = tuple(_span(path, f"{where}spans[{j}]", s, len(source.text)) for j, s in enumerate(raw_spans))
    if not spans:
        raise InputError(path, f"{where}spans: a claim needs at least one span")
    return Claim(
        id=f"{source.id}:{local}",
        source=source.id,
        sentence=_member(path, entry, "sentence", int, where),
        text=_member(path, entry, "text", str, where),
        spans=spans,
        tokens=_tokens(source, spans, entry.get("tokens"), pool),
        features=_features(path, where, entry.get("features", {})),
    )


def _span(path: str, where: str, value: Any, length: int) -> tuple[int, int]:
    ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    if not ok:
        raise InputError(path, f"{where}: expected [start, end]")
    span = (value[0], value[1])
    _check_span(path, where, span, length)
    return span


def _check_span(path: str, where: str, span: tuple[int, int], length: int) -> None:
    if not 0 <= span[0] <= span[1] <= length:
        raise InputError(path, f"{where.rstrip('.')}: span {list(span)} is outside the article (length {length})")


_FEATURE_KINDS: dict[str, tuple[type, ...]] = {
    "negated": (bool,),
    "tense": (str, type(None)),
    "modality": (str, type(None)),
    "hedge": (str, type(None)),
    "numbers": (list,),
    "dates": (list,),
    "entities": (list,),
}


def _features(path: str, where: str, raw: Any) -> Features:
    if not isinstance(raw, dict):
        raise InputError(path, f"{where}features: expected object")
    for key, value in raw.items():
        if key not in _FEATURE_KINDS:
            raise InputError(path, f"{where}features: unknown key {key!r}")
        if not isinstance(value, _FEATURE_KINDS[key]):
            raise InputError(path, f"{where}features.{key}: unexpected {type(value).__name__}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise InputError(path, f"{where}features.{key}: expected a list of strings")
    return Features(
        negated=raw.get("negated", False),
        tense=raw.get("tense"),
        modality=raw.get("modality"),
        hedge=raw.get("hedge"),
        numbers=tuple(raw.get("numbers", ())),
        dates=tuple(raw.get("dates", ())),
        entities=tuple(raw.get("entities", ())),
    )


# --- tokens ----------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:[-'\u2019\u2011]\w+)*")


def _tokens(source: Source, spans: tuple[tuple[int, int], ...], own: Any, pool: Sequence[Token]) -> tuple[Token, ...]:
    """Tokens of a (possibly hand-edited) claim: those of the file inside its spans.

    The claim's own stored tokens come first (in their reading order: a
    carried-over subject first), then any other token known for the article
    that falls inside the spans (an editor who merged two claims need not
    merge their tokens). Only when none is known do plain word tokens stand in.
    """

    def inside(t: Token) -> bool:
        return any(s <= t.start and t.end <= e for s, e in spans)

    chosen = [t for t in _stored_tokens(own) if inside(t)]
    seen = {(t.start, t.end) for t in chosen}
    extra = sorted(
        (t for t in pool if inside(t) and (t.start, t.end) not in seen), key=lambda t: (t.start, t.end)
    )
    for t in extra:
        if (t.start, t.end) not in seen:
            seen.add((t.start, t.end))
            chosen.append(t)
    if chosen:
        return tuple(chosen)
    return tuple(
        Token(m.group(), m.group().lower(), m.group().lower(), m.start(), m.end())
        for s, e in spans
        for m in _WORD.finditer(source.visible, s, e)
    )


def _token_pool(entries: Sequence[Mapping[str, Any]], source: Source) -> list[Token]:
    """Every token the file or a fresh extraction knows, for claims whose spans an editor changed.

    A fresh extraction is cheap (pure and cached) and knows the words of
    claims the editor deleted while merging them into another.
    """
    stored = [t for entry in entries for t in _stored_tokens(entry.get("tokens"))]
    return stored + [t for claim in pipeline.extract(source).claims for t in claim.tokens]


def _stored_tokens(stored: Any) -> Iterable[Token]:
    if not isinstance(stored, list):
        return
    for item in stored:
        if isinstance(item, list) and len(item) in (5, 6):
            text, lower, lemma, start, end = item[:5]
            tag = item[5] if len(item) == 6 else ""
            if isinstance(start, int) and isinstance(end, int):
                yield Token(str(text), str(lower), str(lemma), start, end, str(tag))


def _stderr(message: str) -> None:
    print(f"crosscheck: warning: {message}", file=sys.stderr)


# --- baselines -------------------------------------------------------------------


def baseline_document(entries: Iterable[tuple[Report, Finding]], previous: Mapping[str, str]) -> dict[str, Any]:
    """Entries sorted by fingerprint; reasons already written by an editor are kept."""
    by_id: dict[str, dict[str, Any]] = {}
    for report, finding in entries:
        by_id[finding.id] = {
            "fingerprint": finding.id,
            "status": finding.status,
            "type": finding.type,
            "detail": finding.reason,
            "claims": [
                {"source": report.source(report.claim(c).source).name, "text": report.claim(c).text}
                for c in finding.claims
            ],
            "reason": previous.get(finding.id, ""),
        }
    return {
        BASELINE_MARKER: BASELINE_VERSION,
        "tool": {"name": "crosscheck", "version": __version__},
        "entries": [by_id[k] for k in sorted(by_id)],
    }


def read_baseline(path: str | os.PathLike[str]) -> dict[str, str]:
    """Fingerprint -> the editor's reason."""
    name = str(path)
    document = _load_json(name, BASELINE_MARKER, BASELINE_VERSION)
    entries = _member(name, document, "entries", list)
    out: dict[str, str] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise InputError(name, f"entries[{i}]: expected object")
        fingerprint = _member(name, entry, "fingerprint", str, f"entries[{i}].")
        reason = entry.get("reason", "")
        out[fingerprint] = reason if isinstance(reason, str) else ""
    return out


def write_baseline(path: str | os.PathLike[str], entries: Iterable[tuple[Report, Finding]]) -> int:
    """Write the baseline atomically, keeping reasons of an existing one; returns the count."""
    previous: Mapping[str, str] = {}
    if os.path.exists(path):
        try:
            previous = read_baseline(path)
        except InputError:
            previous = {}  # not ours or broken: replaced, nothing to keep
    document = baseline_document(entries, previous)
    write_output(path, _dump(document))
    return len(document["entries"])
