"""Immutable values passed between pipeline stages.

Every span is a half-open ``(start, end)`` pair of Python ``str`` indices into
``Source.text``: the source as read, after decoding and before normalization.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
Status = Literal["agree", "conflict", "extra"]
Severity = Literal["hard", "soft"]
SEVERITIES: tuple[Severity, ...] = ("hard", "soft")

SCHEMA_VERSION = 1
STATUSES: tuple[Status, ...] = ("conflict", "extra", "agree")


@dataclass(frozen=True, slots=True)
class Source:
    """One article.

    ``text`` is the decoded original. ``content`` has the same length as
    ``text`` with markup (HTML tags, Markdown syntax, suppressed passages)
    blanked to spaces, so offsets into ``content`` are offsets into ``text``.
    """

    id: str
    name: str
    text: str
    path: str | None = None
    sha256: str = ""
    content: str | None = None

    def __post_init__(self) -> None:
        if self.content is not None and len(self.content) != len(self.text):
            raise ValueError("Source.content must have the same length as Source.text")
        if not self.sha256:
            object.__setattr__(self, "sha256", sha256_text(self.text))

    @property
    def visible(self) -> str:
        """The text the pipeline reads: ``content`` when markup was masked."""
        return self.text if self.content is None else self.content

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "path": self.path, "sha256": self.sha256}


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans sorted, overlapping and touching ones joined into one."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return tuple(out)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Sentence:
    source: str
    index: int
    start: int
    end: int
    text: str  # normalized text of the sentence


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: normalized surface form, lowercase key, lemma, span."""

    text: str
    lower: str
    lemma: str
    start: int
    end: int
    tag: str = ""  # coarse part of speech (see crosscheck.words)


@dataclass(frozen=True, slots=True)
class Features:
    negated: bool = False
    tense: str | None = None  # "past" | "present" | "future"
    modality: str | None = None  # "possible" | "necessary" | "intended" ...
    hedge: str | None = None  # the attribution or hedge phrase, lowercased
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "negated": self.negated,
            "tense": self.tense,
            "modality": self.modality,
            "hedge": self.hedge,
            "numbers": list(self.numbers),
            "dates": list(self.dates),
            "entities": list(self.entities),
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement.

    ``tokens`` are the words of the claim in reading order (a carried-over
    subject first); ``spans`` are the merged source ranges they come from.
    """

    id: str
    source: str
    sentence: int
    text: str
    spans: tuple[Span, ...]
    tokens: tuple[Token, ...]
    features: Features

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "text": self.text,
            "spans": [list(s) for s in self.spans],
            "sentence": self.sentence,
            "features": self.features.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the front half of the pipeline (or a claims/ ledger file) yields for one source."""

    source: Source
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    claim: str
    spans: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "spans": [list(s) for s in self.spans]}


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    status: Status
    type: str | None
    claims: tuple[str, ...]
    score: float | None
    reason: str
    evidence: tuple[Evidence, ...] = ()
    missing_in: tuple[str, ...] = ()
    hedged: bool = False
    severity: Severity | None = None  # of a conflict

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "type": self.type,
            "claims": list(self.claims),
            "score": self.score,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.status == "conflict":
            out["severity"] = self.severity
        if self.status == "extra":
            out["missing_in"] = list(self.missing_in)
        if self.status == "agree":
            out["hedged"] = self.hedged
        return out


@dataclass(frozen=True, slots=True)
class Skipped:
    """A sentence that gave no claim, and why (a heading, a caption, no verb)."""

    source: str
    sentence: int
    spans: tuple[Span, ...]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "sentence": self.sentence, "spans": [list(s) for s in self.spans], "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of a source its claims cover, in non-whitespace characters."""

    source: str
    chars: int
    covered: int

    def to_dict(self) -> dict[str, Any]:
        share = round(self.covered / self.chars, 4) if self.chars else 0.0
        return {"source": self.source, "chars": self.chars, "covered_chars": self.covered, "covered_share": share}


@dataclass(frozen=True, slots=True)
class Report:
    sources: tuple[Source, ...]
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    tool_version: str = ""
    skipped: tuple[Skipped, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    _claims_by_id: Mapping[str, Claim] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_claims_by_id", {c.id: c for c in self.claims})

    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id[claim_id]

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def by_status(self, status: Status) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == status)

    @property
    def summary(self) -> dict[str, int]:
        counts = {status: 0 for status in ("agree", "conflict", "extra")}
        for f in self.findings:
            counts[f.status] += 1
        return {"claims": len(self.claims), **counts, "skipped_sentences": len(self.skipped)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "crosscheck", "version": self.tool_version},
            "sources": [s.to_dict() for s in self.sources],
            "claims": [c.to_dict() for c in self.claims],
            "findings": [f.to_dict() for f in self.findings],
            "skipped": [s.to_dict() for s in self.skipped],
            "coverage": [c.to_dict() for c in self.coverage],
            "summary": self.summary,
        }
