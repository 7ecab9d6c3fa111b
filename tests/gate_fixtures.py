"""Hand-built reports for the gate, baseline and CI-format tests (no pipeline needed).

Claims are given as substrings of their source so spans are computed, not typed.
"""

from __future__ import annotations

from crosscheck.model import Claim, Evidence, Features, Finding, Report, Source, Token

ALPHA = (
    "# Talks in Muscat\n"
    "\n"
    "Iran and the United States met indirectly in Muscat on February 6.\n"
    "Jared Kushner was also present.\n"
    "\n"
    "Ten officials attended the session.\n"
)
BETA = (
    "Iran and the United States held direct talks in Muscat on Feb. 6.\n"
    "Nine officials attended the session.\n"
    "Oman acted as the intermediary.\n"
)


def claim(cid: str, source: Source, quote: str, sentence: int = 0) -> Claim:
    start = source.text.index(quote)
    tokens = []
    pos = start
    for word in quote.split():
        at = source.text.index(word, pos)
        tokens.append(Token(word, word.lower(), word.lower(), at, at + len(word)))
        pos = at + len(word)
    return Claim(cid, source.id, sentence, quote, ((start, start + len(quote)),), tuple(tokens), Features())


def clash(fid: str, a: Claim, b: Claim, type_: str, reason: str, score: float = 0.8) -> Finding:
    return Finding(
        fid, "conflict", type_, (a.id, b.id), score, reason,
        evidence=(Evidence(a.id, a.spans), Evidence(b.id, b.spans)),
    )


def extra(fid: str, c: Claim, missing: tuple[str, ...]) -> Finding:
    return Finding(fid, "extra", None, (c.id,), None, "not stated elsewhere", missing_in=missing)


def agree(fid: str, a: Claim, b: Claim) -> Finding:
    return Finding(fid, "agree", None, (a.id, b.id), 0.9, "same statement")


QUOTES = {
    "a:1": "Iran and the United States met indirectly in Muscat on February 6",
    "a:2": "Jared Kushner was also present",
    "a:3": "Ten officials attended the session",
    "b:1": "Iran and the United States held direct talks in Muscat on Feb. 6",
    "b:2": "Nine officials attended the session",
    "b:3": "Oman acted as the intermediary",
}


def report(
    alpha: str = ALPHA, beta: str = BETA, path_prefix: str = "news/", quotes: dict[str, str] | None = None
) -> Report:
    """Two conflicts (antonym, number), an agreement and an extra on each side.

    ``quotes`` overrides the text of claims (by id) for tests that edit the articles.
    """
    q = {**QUOTES, **(quotes or {})}
    a = Source("a", "alpha.md", alpha, path=f"{path_prefix}alpha.md")
    b = Source("b", "beta.txt", beta, path=f"{path_prefix}beta.txt")
    a1 = claim("a:1", a, q["a:1"])
    a2 = claim("a:2", a, q["a:2"], 1)
    a3 = claim("a:3", a, q["a:3"], 2)
    b1 = claim("b:1", b, q["b:1"])
    b2 = claim("b:2", b, q["b:2"], 1)
    b3 = claim("b:3", b, q["b:3"], 2)
    findings = (
        clash("f-antonym", a1, b1, "antonym", "'indirectly' vs 'direct'"),
        clash("f-number", a3, b2, "number", "'Ten' vs 'Nine'", score=0.5),
        agree("f-agree", a1, b1),
        extra("f-extra-a", a2, ("b",)),
        extra("f-extra-b", b3, ("a",)),
    )
    return Report((a, b), (), (a1, a2, a3, b1, b2, b3), findings, tool_version="0.0.0")


# --- a stand-in pipeline for CLI tests ----------------------------------------------
#
# One claim per non-empty line; lines of two sources that share their first or
# their last word are "about the same thing": equal text agrees, different text
# conflicts (type "number" when the first words differ, else "antonym"). Fingerprints hash the
# claim texts, so they survive reordering and edits elsewhere, like the real ones.

import hashlib  # noqa: E402
import re  # noqa: E402
from collections.abc import Sequence  # noqa: E402

from crosscheck.model import Extraction, Sentence  # noqa: E402

_LINE = re.compile(r"[^\r\n]+")


def fake_extract(source: Source) -> Extraction:
    claims, sentences = [], []
    for i, m in enumerate(m for m in _LINE.finditer(source.visible) if m.group().strip()):
        text = m.group().strip()
        start = m.start() + m.group().index(text)
        sentences.append(Sentence(source.id, i, start, start + len(text), text))
        tokens = tuple(
            Token(w.group(), w.group().lower(), w.group().lower(), start + w.start(), start + w.end())
            for w in re.finditer(r"\w+", text)
        )
        claims.append(Claim(f"{source.id}:{i}", source.id, i, text, ((start, start + len(text)),), tokens, Features()))
    return Extraction(source, tuple(sentences), tuple(claims))


def _fid(*texts: str) -> str:
    return "f-" + hashlib.sha256("\x1f".join(sorted(texts)).encode()).hexdigest()[:16]


def fake_compare(extractions: Sequence[Extraction]) -> Report:
    claims = [c for e in extractions for c in e.claims]
    findings: list[Finding] = []
    matched: set[str] = set()
    for i, ea in enumerate(extractions):
        for eb in extractions[i + 1 :]:
            for a in ea.claims:
                for b in eb.claims:
                    wa, wb = a.text.split(), b.text.split()
                    if wa[0] != wb[0] and wa[-1] != wb[-1]:
                        continue
                    matched.update((a.id, b.id))
                    if a.text == b.text:
                        findings.append(agree(_fid(a.text, b.text), a, b))
                    else:
                        kind = "number" if wa[0] != wb[0] else "antonym"
                        findings.append(clash(_fid(a.text, b.text), a, b, kind, f"{a.text!r} vs {b.text!r}"))
    for e in extractions:
        others = tuple(x.source.id for x in extractions if x is not e)
        findings.extend(extra(_fid(c.text), c, others) for c in e.claims if c.id not in matched)
    return Report(
        tuple(e.source for e in extractions), tuple(s for e in extractions for s in e.sentences),
        tuple(claims), tuple(findings), tool_version="0.0.0",
    )


def use_fake_pipeline(monkeypatch: object) -> None:
    from crosscheck import pipeline

    monkeypatch.setattr(pipeline, "extract", fake_extract)  # type: ignore[attr-defined]
    monkeypatch.setattr(pipeline, "compare_extractions", fake_compare)  # type: ignore[attr-defined]
