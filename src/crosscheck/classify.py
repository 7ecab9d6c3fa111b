"""Turn scored claim pairs into findings: conflict, agree, extra.

A pair at or above RELATED_THRESHOLD is checked by every detector; a clash
is a conflict only when the two claims are about the same thing: they share
at least ``MIN_ANCHORS`` content keys besides the clashing words, or they
align at CLASH_THRESHOLD. Otherwise a pair that states the same thing
(``Candidate.states_the_same``) agrees (hedged when either side only reports
the claim). A claim linked to nothing in
some other source is extra there. Every claim ends up in a finding.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from crosscheck.align import CLASH_THRESHOLD, RELATED_THRESHOLD, Candidate
from crosscheck.detectors import BY_TYPE, DETECTORS, Clash, Detector
from crosscheck.detectors.base import NO_CONTEXT, SubjectContext, content_lemmas
from crosscheck.facts import asserted, different_subjects, same_predicate
from crosscheck.identity_cache import SOURCE_CACHE_SIZE, cache_by_identity
from crosscheck.model import Claim, Evidence, Extraction, Finding, Severity, Span

MIN_ANCHORS = 2
MAX_AGREE_PER_SOURCE = 3  # a claim may agree with several claims of one source


def clashes(a: Claim, b: Claim, context_a: SubjectContext = NO_CONTEXT, context_b: SubjectContext = NO_CONTEXT) -> list[Clash]:
    """Every detector's clash between two claims (at most one per type);
    ``context_a``/``context_b``: see ``subject_contexts``."""
    found = []
    in_context = bool(context_a or context_b)
    for detector in DETECTORS:
        if in_context and detector.detect_in_context is not None:
            clash = detector.detect_in_context(a, b, context_a, context_b)
        else:
            clash = detector.detect(a, b)
        if clash is not None:
            found.append(clash)
    return found


@cache_by_identity(maxsize=SOURCE_CACHE_SIZE)
def subject_contexts(claims: Sequence[Claim]) -> dict[str, SubjectContext]:
    """Claim id -> what the other claims of its sentence state of the same
    subject (a SubjectContext), for claims split from one sentence that share
    their subject's words: "A man is sitting near a bike" and "A man is
    writing a note" from "A man is sitting near a bike and is writing a note"."""
    groups: dict[tuple[int, Span], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.tokens:
            first = claim.tokens[0]
            groups[(claim.sentence, (first.start, first.end))].append(claim)
    out: dict[str, SubjectContext] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        lemmas = [content_lemmas(c) for c in group]
        for n, claim in enumerate(group):
            out[claim.id] = frozenset().union(*(ls for m, ls in enumerate(lemmas) if m != n)) - lemmas[n]
    return out


def same_event(cand: Candidate, clash: Clash) -> bool:
    """Is the clash said of one fact by both claims? An event-level clash
    (ordinal) of claims tied by their events is; any other needs the two
    claims to be the same fact (``same_fact``) and to align: at
    CLASH_THRESHOLD, or from RELATED_THRESHOLD with MIN_ANCHORS shared keys
    besides the clashing words (not enough for a detector that needs
    alignment)."""
    detector = BY_TYPE[clash.type]
    if cand.statement_score < CLASH_THRESHOLD and not (cand.event_link and detector.event_level):
        if cand.score < RELATED_THRESHOLD or detector.needs_alignment:
            return False
        clash_words = {t.lemma for t in cand.a.tokens if _inside(t.start, t.end, clash.spans_a)}
        clash_words |= {t.lemma for t in cand.b.tokens if _inside(t.start, t.end, clash.spans_b)}
        if len(cand.shared_keys - clash_words) < MIN_ANCHORS:
            return False
    return detector.event_level and cand.event_link or same_fact(cand.a, cand.b, clash, detector)


def same_fact(a: Claim, b: Claim, clash: Clash, detector: Detector) -> bool:
    """Do the clashing words of the two claims say something of the same fact?
    Not when each claim's subject names something the other does not name,
    nor when a clash word only tells what happened before or despite the
    claim's fact ("after initially denying", "despite denying"), nor (for
    detectors that ask it) when the clashing words belong to unrelated
    predicates ("will review prohibitions" / "announced the investigations")."""
    if different_subjects(a, b, clash.spans_a, clash.spans_b):
        return False
    if not (asserted(a, clash.spans_a) and asserted(b, clash.spans_b)):
        return False
    return not detector.same_predicate or same_predicate(a, b, clash.spans_a, clash.spans_b) is not False


def severity(a: Claim, b: Claim, clash: Clash) -> Severity:
    """The clash's own severity, else its detector's (see Detector.severity)."""
    if clash.severity is not None:
        return clash.severity
    detector = BY_TYPE[clash.type]
    if detector.soft_when_reported and (a.features.hedge is not None or b.features.hedge is not None):
        return "soft"
    return detector.severity


def _inside(start: int, end: int, spans: tuple[Span, ...]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def classify(extractions: Sequence[Extraction], candidates: Sequence[Candidate]) -> list[Finding]:
    sources = [_source_findings(e.claims) for e in extractions]
    contexts: dict[str, SubjectContext] = {}
    for e in extractions:
        contexts.update(subject_contexts(e.claims))
    fingerprints: dict[str, str] = {}
    for source in sources:
        fingerprints.update(source.fingerprints)
    conflicts: list[Finding] = []
    agrees: list[Finding] = []
    linked: dict[str, set[str]] = defaultdict(set)  # claim id -> sources it is linked to
    agree_count: dict[tuple[str, str], int] = defaultdict(int)

    for cand in candidates:  # best first
        a, b = cand.a, cand.b
        # (same_event keeps only event-level clashes of a pair tied by its events alone)
        found = [c for c in clashes(a, b, contexts.get(a.id, NO_CONTEXT), contexts.get(b.id, NO_CONTEXT)) if same_event(cand, c)]
        if found:
            for clash in found:
                conflicts.append(_conflict(cand, clash, fingerprints))
            linked[a.id].add(b.source)
            linked[b.id].add(a.source)
            continue
        if not cand.states_the_same:
            continue
        if agree_count[(a.id, b.source)] >= MAX_AGREE_PER_SOURCE or agree_count[(b.id, a.source)] >= MAX_AGREE_PER_SOURCE:
            continue
        agree_count[(a.id, b.source)] += 1
        agree_count[(b.id, a.source)] += 1
        agrees.append(_agree(cand, fingerprints))
        linked[a.id].add(b.source)
        linked[b.id].add(a.source)

    source_ids = tuple(e.source.id for e in extractions)
    extras: list[Finding] = []
    for e, source in zip(extractions, sources):
        for claim, unlinked in zip(e.claims, source.unlinked_extras(e.claims, source_ids)):
            if claim.id in linked:
                missing = tuple(s for s in source_ids if s != claim.source and s not in linked[claim.id])
                if missing:
                    extras.append(_extra(claim, missing, fingerprints))
            elif unlinked is not None:
                extras.append(unlinked)
    # Findings go by status (conflict, extra, agree), then by where their claims
    # are. Extras are made in that order already (one claim each).
    if len(conflicts) > 1 or len(agrees) > 1:
        position = {c.id: (i, n) for i, e in enumerate(extractions) for n, c in enumerate(e.claims)}
        for group in (conflicts, agrees):
            group.sort(key=lambda f: ([position[c] for c in f.claims], f.type or "", f.id))
    return conflicts + extras + agrees


def _with_note(reason: str, cand: Candidate) -> str:
    return f"{reason} ({cand.note})" if cand.note else reason


def _conflict(cand: Candidate, clash: Clash, fp: dict[str, str]) -> Finding:
    a, b = cand.a, cand.b
    return Finding(
        id=_finding_id("conflict", clash.type, [fp[a.id], fp[b.id]]),
        status="conflict",
        type=clash.type,
        claims=(a.id, b.id),
        score=round(cand.score, 4),
        reason=_with_note(clash.reason, cand),
        evidence=(Evidence(a.id, clash.spans_a), Evidence(b.id, clash.spans_b)),
        severity=severity(a, b, clash),
    )


def _agree(cand: Candidate, fp: dict[str, str]) -> Finding:
    a, b = cand.a, cand.b
    hedge_a, hedge_b = a.features.hedge, b.features.hedge
    # Hedged when either side only reports the claim: then neither source is
    # a second, independent assertion of it.
    hedged = hedge_a is not None or hedge_b is not None
    reason = "same claim"
    if hedged:
        phrases = list(dict.fromkeys(h for h in (hedge_a, hedge_b) if h is not None))
        reason = "same claim, reported with " + " / ".join(f"'{h}'" for h in phrases)
    return Finding(
        id=_finding_id("agree", None, [fp[a.id], fp[b.id]]),
        status="agree",
        type=None,
        claims=(a.id, b.id),
        score=round(cand.score, 4),
        reason=_with_note(reason, cand),
        evidence=(Evidence(a.id, a.spans), Evidence(b.id, b.spans)),
        hedged=hedged,
    )


def _extra(claim: Claim, missing: tuple[str, ...], fp: dict[str, str]) -> Finding:
    return Finding(
        id=_finding_id("extra", None, [fp[claim.id]]),
        status="extra",
        type=None,
        claims=(claim.id,),
        score=None,
        reason="not stated by " + ", ".join(missing),
        evidence=(Evidence(claim.id, claim.spans),),
        missing_in=missing,
    )


class _SourceFindings:
    """What classify makes of one source's claims alone, once per claims tuple
    (extraction is cached, so a source recurs across comparisons)."""

    __slots__ = ("fingerprints", "_unlinked")

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.fingerprints = _claim_fingerprints(claims)
        # source ids of a comparison -> unlinked_extras for it; None once made
        # and not kept: most sources (a headline, an article seen once) are
        # compared once, and every object kept alive costs garbage collection.
        self._unlinked: dict[tuple[str, ...], tuple[Finding | None, ...] | None] = {}

    def unlinked_extras(self, claims: Sequence[Claim], source_ids: tuple[str, ...]) -> tuple[Finding | None, ...]:
        """Each claim's extra finding if it is linked to no other source (None
        where there is no other source), for a comparison of ``source_ids``."""
        found = self._unlinked.get(source_ids)
        if found is None:
            found = tuple(self._extra(c, tuple(s for s in source_ids if s != c.source)) for c in claims)
            if len(self._unlinked) >= 8:  # a few comparison layouts at a time
                self._unlinked.clear()
            self._unlinked[source_ids] = found if source_ids in self._unlinked else None
        return found

    def _extra(self, claim: Claim, missing: tuple[str, ...]) -> Finding | None:
        return _extra(claim, missing, self.fingerprints) if missing else None


@cache_by_identity(maxsize=SOURCE_CACHE_SIZE)
def _source_findings(claims: Sequence[Claim]) -> _SourceFindings:
    return _SourceFindings(claims)


def _claim_fingerprints(claims: Sequence[Claim]) -> dict[str, str]:
    """A claim's identity for finding ids: its normalized words, plus which
    occurrence of those words it is within its source. Independent of source
    names, file order and character offsets."""
    out: dict[str, str] = {}
    seen: dict[str, int] = defaultdict(int)
    for claim in claims:
        words = " ".join([t.lower for t in claim.tokens if t.tag != "PUNCT" or t.text.isalnum()])
        seen[words] += 1
        out[claim.id] = f"{words}#{seen[words]}"
    return out


def _finding_id(status: str, type_: str | None, claim_prints: list[str]) -> str:
    payload = "\x1f".join([status, type_ or "", *sorted(claim_prints)])
    return "f-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
