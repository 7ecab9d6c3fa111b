"""The pipeline end to end: read -> normalize -> segment -> decompose -> align -> classify.

``extract`` runs the per-source half (what the claims/ ledger stores);
``compare_extractions`` runs the cross-source half.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from functools import lru_cache

from crosscheck import features as feature_mod
from crosscheck.coverage import accounting, boilerplate, statement_label
from crosscheck.decompose import adjunct_participle, decompose
from crosscheck.identity_cache import SOURCE_CACHE_SIZE
from crosscheck.model import Claim, Extraction, Features, Report, Sentence, Source, Token, merge_spans
from crosscheck.normalize import Normalized, normalize
from crosscheck.read import Kind, source_id, source_in_memory
from crosscheck.segment import segment
from crosscheck.version import __version__
from crosscheck.words import Word, tokenize


def extract(source: Source) -> Extraction:
    """Sentences and claims of one source."""
    sentences, claims = _extract_text(source.id, source.visible)
    return Extraction(source, sentences, claims)


@lru_cache(maxsize=SOURCE_CACHE_SIZE)
def _extract_text(source_id: str, visible: str) -> tuple[tuple[Sentence, ...], tuple[Claim, ...]]:
    # Cached by content: a benchmark or a newsroom compares one article with
    # many others, and extraction is a pure function of the text.
    norm = normalize(visible)
    sentences = tuple(segment(norm, source_id))
    claims: list[Claim] = []
    for sentence, (nstart, nend) in zip(sentences, _normalized_ranges(norm, sentences)):
        if boilerplate(sentence.text) is None:
            words = tokenize(norm.text[nstart:nend], nstart)
        else:
            labelled = _labelled_statement(sentence.text, norm.text[nstart:nend], nstart)
            if labelled is None:
                continue  # listed in the report's skipped sentences with its reason
            words = labelled
        units = decompose(words)
        scope_hedge = feature_mod.sentence_hedge(words) if units else None
        # A word's Token, made once and shared by the claims that have the word
        # (claims split from one sentence overlap): fewer objects to build and
        # for the garbage collector to track while the extraction is cached.
        tokens: list[Token | None] = [None] * len(words)
        clause_hedge: str | None = None  # the hedge of the sentence's claim before this one
        hedged_units: list[tuple[list[int], int, str]] = []  # (unit, where its hedge starts, hedge)
        quoted = feature_mod.quoted_words(words)
        for unit in units:
            unit_words = [words[i] for i in unit]
            # An adjunct is part of what its clause reports ("X said it would
            # split, separating ..."): it takes the clause's hedge.
            hedge = scope_hedge if scope_hedge is not None or adjunct_participle(unit_words) is None else clause_hedge
            if hedge is None:
                hedge = feature_mod.hedge_over(unit, hedged_units)
            if hedge is None and quoted and feature_mod.all_quoted(words, unit, quoted):
                hedge = "quoted"
            claim = _claim(source_id, len(claims), sentence.index, norm, unit_words, unit, hedge, tokens)
            claims.append(claim)
            clause_hedge = claim.features.hedge
            if clause_hedge is not None:
                hedged_units.append((unit, feature_mod.hedge_start(words, unit, clause_hedge), clause_hedge))
    return sentences, tuple(claims)


def _labelled_statement(sentence_text: str, text: str, offset: int) -> list[Word] | None:
    """The words of a caption-labelled line that is a statement ("Source:
    Apple set to acquire Path", "PICTURES: ... Goes Viral"): a label that
    may head one and a verb after it (as a claim needs: headlines drop
    auxiliaries, "Apple set to acquire Path"). None for a credit ("Source:
    Reuters", "Photo: Rebels at the airport gate")."""
    label_end = statement_label(sentence_text)
    if label_end is None:
        return None
    words = tokenize(text, offset)
    after = offset + label_end
    return words if any(w.start >= after and w.tag in ("VERB", "AUX") for w in words) else None


def _normalized_ranges(norm: Normalized, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Normalized ranges of sentences (segment works on normalized text)."""
    from bisect import bisect_left

    out = []
    for s in sentences:
        a = bisect_left(norm.starts, s.start)
        out.append((a, a + len(s.text)))
    return out


def _claim(
    source_id: str,
    n: int,
    sentence: int,
    norm: Normalized,
    words: list[Word],
    unit: list[int],
    scope_hedge: str | None,
    sentence_tokens: list[Token | None],
) -> Claim:
    """The claim of ``unit``; ``scope_hedge`` is a hedge said of its whole
    sentence (features.sentence_hedge), kept when the claim has none of its own.
    ``sentence_tokens`` holds the Tokens made so far of the sentence's words."""
    # One pass over the words makes the claim's tokens and its pieces (the
    # normalized ranges of runs of consecutive words). Words are never empty,
    # so a word's original span is (starts[start], ends[end - 1]):
    # Normalized.span without its checks, once per token.
    starts, ends = norm.starts, norm.ends
    new_token = object.__new__
    set_text, set_lower, set_lemma, set_start, set_end, set_tag = _TOKEN_SETTERS
    pieces: list[tuple[int, int]] = []
    tokens: list[Token] = []
    piece_start = prev = prev_end = -2
    for idx, w in zip(unit, words):
        if idx != prev + 1:
            if prev >= 0:
                pieces.append((piece_start, prev_end))
            piece_start = w.start
        prev, prev_end = idx, w.end
        token = sentence_tokens[idx]
        if token is None:
            # Token(w.text, w.lower, w.lemma, starts[w.start], ends[w.end - 1], w.tag)
            token = sentence_tokens[idx] = new_token(Token)
            set_text(token, w.text)
            set_lower(token, w.lower)
            set_lemma(token, w.lemma)
            set_start(token, starts[w.start])
            set_end(token, ends[w.end - 1])
            set_tag(token, w.tag)
        tokens.append(token)
    if prev >= 0:
        pieces.append((piece_start, prev_end))
    # Pieces join with a space, but a carried subject before its adjunct's comma
    # does not ("Iran and the U.S., marking ...").
    text = "".join([(norm.text[a:b] if n == 0 or norm.text[a] == "," else " " + norm.text[a:b]) for n, (a, b) in enumerate(pieces)])
    spans = merge_spans([(starts[a], ends[b - 1]) for a, b in pieces])
    return Claim(
        id=f"{source_id}:{n}",
        source=source_id,
        sentence=sentence,
        text=text,
        spans=spans,
        tokens=tuple(tokens),
        features=_features(words, scope_hedge),
    )


def _features(words: list[Word], scope_hedge: str | None) -> Features:
    features = feature_mod.compute(words)
    if scope_hedge is not None and features.hedge is None:
        return replace(features, hedge=scope_hedge)
    return features


# Token is a frozen dataclass, whose __init__ sets each field through
# object.__setattr__; with one Token per claim word, _claim sets the slots
# directly (the same object, half the cost). words.tokenize does the same.
_TOKEN_FIELDS = ("text", "lower", "lemma", "start", "end", "tag")
assert [f.name for f in fields(Token)] == list(_TOKEN_FIELDS)
_TOKEN_SETTERS = tuple(getattr(Token, f).__set__ for f in _TOKEN_FIELDS)


def compare_extractions(extractions: Sequence[Extraction]) -> Report:
    from crosscheck.align import align
    from crosscheck.classify import classify

    pairs = align(extractions)
    findings = classify(extractions, pairs)
    accounts = [accounting(e) for e in extractions]
    return Report(
        sources=tuple(e.source for e in extractions),
        sentences=tuple(s for e in extractions for s in e.sentences),
        claims=tuple(c for e in extractions for c in e.claims),
        findings=tuple(findings),
        tool_version=__version__,
        skipped=tuple(s for skipped, _ in accounts for s in skipped),
        coverage=tuple(coverage for _, coverage in accounts),
    )


def compare_sources(sources: Sequence[Source]) -> Report:
    return compare_extractions([extract(s) for s in sources])


def compare(sources: Mapping[str, str] | Sequence[Source], *, kind: Kind | None = None) -> Report:
    """Compare sources given as ``{name: text}`` or as ``Source`` values.

    A ``{name: text}`` text is masked as the CLI masks a file of that name:
    HTML or Markdown by its extension (``"a.html"``, ``"b.md"``) or an HTML
    opening, plain text otherwise (``"a"``, ``"b.txt"``); ``kind`` gives all
    of them one kind instead. ``Source`` values are compared as they are
    (``crosscheck.read.source_from_text`` builds one of a chosen kind).
    """
    if isinstance(sources, Mapping):
        # Text from memory: no file checks (an empty text has no claims).
        values = [source_in_memory(source_id(n), name, text, kind=kind) for n, (name, text) in enumerate(sources.items())]
    elif kind is not None:
        raise ValueError("kind applies to {name: text} sources; a Source value is already masked")
    else:
        values = list(sources)
    return compare_sources(values)
