"""Property tests of the library (issue 7, item 2) and the size limit (item 3).

Properties of ``crosscheck.compare``:

- any Unicode text never raises (arbitrary ``st.text()`` and sentence-like news text);
- every claim span slices the original text to the claim's words, and every conflict's
  evidence lies inside its claims' spans;
- the same input gives byte-identical JSON (again in the process with caches cleared, and in
  processes with different hash seeds);
- swapping the order of two sources gives the same set of conflicts (by finding id);
- finding ids of a clash do not change when unrelated sentences are added to either article.

Normalization idempotence is tested in tests/test_normalize.py (``test_idempotent``, arbitrary
text); here the same check runs on sentence-like text through its inner test, not a copy.

Inputs the fuzzer (benchmarks/fuzz_compare.py) found are regression tests at the end, each
with its reproducer.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import crosscheck
from crosscheck.normalize import normalize
from crosscheck.read import DEFAULT_MAX_BYTES
from crosscheck.render import json as render_json

import test_normalize as _normalize_tests
from conftest import REPO, SEEDS, run_cli

# compare() on a few sentences takes milliseconds to tens of milliseconds: keep the file
# well under 20 s in CI.
EXAMPLES = int(os.environ.get("CROSSCHECK_PROPERTY_EXAMPLES", "40"))  # raise it for a deeper local run
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUICK = settings(max_examples=max(1, EXAMPLES * 5 // 8), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- strategies

NAMES = ["Iran", "Oman", "the United States", "Muscat", "Araghchi", "Witkoff", "Reuters", "U.S.",
         "Mr. Smith", "Tehran", "the ministry", "officials", "Dr. Lee", "Ukraine", "NATO"]
VERBS = ["met", "will meet", "meets", "said", "denied", "announced", "rejected", "killed", "won",
         "lost", "signed", "did not sign", "increased", "decreased", "has held", "may attend"]
MODIFIERS = ["directly", "indirectly", "not", "never", "reportedly", "according to", "may", "no",
             "allegedly", "sharply", "again", "both", "and", "or", "but", "the", "a", "in", "on",
             "of", "with", "talks", "people", "soldiers", "the bill", "prices", "a deal"]
NUMBERS = ["12", "15", "1,500", "3.5 million", "two", "forty", "40%", "$5 billion", "0", "-3",
           "2024", "No. 7", "1st"]
DATES = ["on February 6", "on Feb. 6", "on Monday", "in 2024", "last week", "on 6 March 2025",
         "on March 3", "yesterday", "in the 1990s", "next month", "on 2025-02-06"]
PUNCT = [",", ";", ":", "\"", "'s", "(", ")", "-", "\u2014", "\u2019", "\u201c", "\u201d", "..."]
ENDS = [".", ".", ".", "?", "!", ".\"", "", "..."]
JOINERS = [" ", " ", "\n", "\n\n", "  ", "\r\n", "\t"]

word = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(MODIFIERS),
    st.sampled_from(NUMBERS), st.sampled_from(DATES), st.sampled_from(PUNCT),
)


@st.composite
def sentence(draw: st.DrawFn, words: st.SearchStrategy[str] = word) -> str:
    parts = draw(st.lists(words, min_size=1, max_size=14))
    text = " ".join(parts)
    if draw(st.booleans()):
        text = text[:1].upper() + text[1:]
    return text + draw(st.sampled_from(ENDS))


@st.composite
def article(draw: st.DrawFn, sentences: st.SearchStrategy[str] = sentence()) -> str:  # noqa: B008  # a strategy is an immutable value
    items = draw(st.lists(sentences, max_size=6))
    out = ""
    for s in items:
        out += (draw(st.sampled_from(JOINERS)) if out else "") + s
    return out


# Grammatical news sentences, so that pairs of articles align and clash.
SUBJECTS = ["Iran and the United States", "The ministry", "Officials in Kabul", "Mr. Smith", "NATO",
            "The U.S. envoy", "Araghchi", "Two soldiers", "Prices", "Ukraine's president"]
PREDICATES = ["met", "met directly", "met indirectly", "will meet", "did not meet", "signed the bill",
              "did not sign the bill", "killed 12 people", "killed 15 people", "increased sharply",
              "decreased sharply", "won the vote", "lost the vote", "may attend talks", "has held talks"]
PLACES = ["", " in Muscat", " in Geneva", " in Kabul", " near Tehran"]
WHENS = ["", " on February 6", " on Feb. 6", " on March 3", " on March 5", " last week", " in 2024",
         " on Monday"]
LEADS = ["", "", "According to Reuters, ", "Officials said ", "Reportedly, "]
# edits that turn a sentence into a clashing one (antonym, negation, number, date, tense)
EDITS = [("indirectly", "directly"), ("met", "will meet"), ("signed", "did not sign"), ("12", "15"),
         ("March 3", "March 5"), ("increased", "decreased"), ("won", "lost"), ("Monday", "Tuesday")]


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    lead = draw(st.sampled_from(LEADS))
    subject = draw(st.sampled_from(SUBJECTS))
    if lead and subject.startswith("The "):
        subject = "the " + subject[4:]
    body = subject + " " + draw(st.sampled_from(PREDICATES)) + draw(st.sampled_from(PLACES))
    return lead + body + draw(st.sampled_from(WHENS)) + "."


@st.composite
def related_pair(draw: st.DrawFn) -> tuple[str, str]:
    """Two articles telling one story: b is a with sentences reordered, some clashing edits,
    some sentences dropped and others added."""
    a = draw(st.lists(news_sentence(), min_size=1, max_size=6))
    b = []
    for s in a:
        if draw(st.integers(0, 4)) == 0:
            continue
        for old, new in draw(st.lists(st.sampled_from(EDITS), max_size=2)):
            s = s.replace(old, new, 1) if draw(st.booleans()) else s.replace(new, old, 1)
        b.append(s)
    b += draw(st.lists(news_sentence(), max_size=2))
    b = draw(st.permutations(b))
    sep_a, sep_b = draw(st.sampled_from(JOINERS)), draw(st.sampled_from(JOINERS))
    return sep_a.join(a), sep_b.join(b)


# news-like text, arbitrary Unicode, and the two mixed
texts = st.one_of(
    article(), st.text(max_size=300), article(st.one_of(sentence(), st.text(max_size=40))),
    st.lists(news_sentence(), max_size=5).map(" ".join),
)
pairs = st.one_of(st.tuples(texts, texts), related_pair())

CLASH = ("Iran and the United States met indirectly in Muscat on February 6.",
         "Iran and the United States met directly in Muscat on February 6.")

# --------------------------------------------------------------------------- helpers


def compare(*articles: str) -> crosscheck.Report:
    return crosscheck.compare({f"s{i}.txt": t for i, t in enumerate(articles)})


def conflict_ids(report: crosscheck.Report) -> set[str]:
    return {f.id for f in report.by_status("conflict")}


def clear_caches() -> None:
    """Drop the library's per-text caches (extraction, alignment keys), whatever exists."""
    from crosscheck import align, pipeline

    for module in (pipeline, align):
        for value in vars(module).values():
            clear: Callable[[], None] | None = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def check_spans(report: crosscheck.Report, originals: dict[str, str]) -> None:
    """Spans slice the original text to the claim's words; conflict evidence lies inside them."""
    sentences = {(s.source, s.index): s for s in report.sentences}
    for claim in report.claims:
        text = originals[claim.source]
        assert claim.spans, claim
        sentence = sentences[(claim.source, claim.sentence)]
        for s, e in claim.spans:
            assert 0 <= s < e <= len(text), (claim.id, (s, e), len(text))
            assert sentence.start <= s and e <= sentence.end, (claim.id, (s, e), sentence)
        spans = list(claim.spans)
        assert spans == sorted(spans) and all(x[1] < y[0] for x, y in zip(spans, spans[1:])), claim
        sliced = normalize(" ".join(text[s:e] for s, e in claim.spans)).text
        for w in claim.text.replace(", ", " , ").split():  # (a carried subject takes its adjunct's comma)
            assert w in sliced, f"{claim.id}: {w!r} of {claim.text!r} not in its spans' text {sliced!r}"
    claims = {c.id: c for c in report.claims}
    for f in report.findings:
        assert all(c in claims for c in f.claims), f
        if f.status != "conflict":
            continue
        for ev in f.evidence:
            assert ev.claim in f.claims, f
            outer = claims[ev.claim].spans
            for s, e in ev.spans:
                assert s < e, f
                assert any(a <= s and e <= b for a, b in outer), (f.id, ev, outer)


# --------------------------------------------------------------------------- never raises


@FAST
@given(st.one_of(st.lists(texts, min_size=2, max_size=3), pairs.map(list)))
@example(["", ""])
@example(["\u00af", "\u0301"])
@example(["\x00\ud7ff\U0010ffff", "\u2028\u2029\x85"])
@example(["." * 50, "U.S. U.S. U.S."])
def test_any_unicode_never_raises(articles: list[str]) -> None:
    report = compare(*articles)
    data = report.to_dict()
    assert json.loads(render_json.render(report)) == data
    # every claim of every source appears in at least one finding
    covered = {c for f in report.findings for c in f.claims}
    assert covered == {c.id for c in report.claims}


# --------------------------------------------------------------------------- spans


@FAST
@given(pairs)
@example(("Iran\u2019s \ufb01nance minister met Oman\u2019s on Feb.\u00a06.", "cafe\u0301 \u00bd of 12 were killed."))
@example(CLASH)
def test_spans_slice_the_original_to_the_claim(pair: tuple[str, str]) -> None:
    a, b = pair
    report = compare(a, b)
    check_spans(report, {"a": a, "b": b})


def test_spans_on_the_seeds() -> None:
    originals = {chr(ord("a") + i): p.read_text(encoding="utf-8") for i, p in enumerate(SEEDS)}
    report = crosscheck.compare({p.name: originals[k] for k, p in zip(originals, SEEDS)})
    assert report.by_status("conflict")
    check_spans(report, originals)


# --------------------------------------------------------------------------- determinism


@QUICK
@given(st.one_of(st.lists(texts, min_size=2, max_size=3), pairs.map(list)))
def test_same_input_same_json(articles: list[str]) -> None:
    first = render_json.render(compare(*articles))
    assert render_json.render(compare(*articles)) == first
    clear_caches()
    assert render_json.render(compare(*articles)) == first


def test_same_json_across_processes_and_hash_seeds() -> None:
    # Set and dict-of-str iteration order changes with the hash seed: output must not.
    code = (
        "import sys, crosscheck\n"
        "from crosscheck.render import json\n"
        "paths = sys.argv[1:]\n"
        "sys.stdout.write(json.render(crosscheck.compare({p: open(p, encoding='utf-8').read() for p in paths})))\n"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", code, *map(str, SEEDS)], capture_output=True,
                              env=env, cwd=REPO, timeout=300)
        assert proc.returncode == 0, proc.stderr.decode()[-2000:]
        outputs.add(proc.stdout)
    assert len(outputs) == 1


# --------------------------------------------------------------------------- order of sources


@FAST
@given(pairs)
@example(CLASH)
def test_swapping_two_sources_keeps_the_conflicts(pair: tuple[str, str]) -> None:
    a, b = pair
    assert conflict_ids(compare(a, b)) == conflict_ids(compare(b, a))


def test_swapping_the_seeds_keeps_the_conflicts() -> None:
    a, b = (p.read_text(encoding="utf-8") for p in SEEDS[:2])
    forward = conflict_ids(compare(a, b))
    assert forward and forward == conflict_ids(compare(b, a))


# --------------------------------------------------------------------------- stable ids

CLASHES = [
    CLASH,
    ("The ministry said 12 soldiers were killed in Kabul.", "The ministry said 15 soldiers were killed in Kabul."),
    ("The summit in Geneva took place on March 3.", "The summit in Geneva took place on March 5."),
    ("The president signed the bill in Washington.", "The president did not sign the bill in Washington."),
    ("Iran and Oman met in Muscat on Friday.", "Iran and Oman will meet in Muscat on Friday."),
    # event references: the second sentence borrows the first one's names and date
    ("Iran and the United States met in Muscat on February 6. The meeting was held indirectly.",
     "Iran and the United States met in Muscat on February 6. The meeting was held directly."),
    ("The talks in Muscat were indirect.", "The talks in Muscat were direct."),
]

# A vocabulary sharing no content word, name, number or date with the clashes (but with names and
# dates of its own, which could become an event reference's antecedent).
UNRELATED = st.builds(
    lambda s, v, o, m: f"{s} {v} {o} {m}.",
    st.sampled_from(["Farmers", "The orchestra", "Local bakers", "A museum", "Gardeners", "Cyclists",
                     "Farmers in Normandy", "The Lyon choir"]),
    st.sampled_from(["harvested", "played", "baked", "painted", "sold", "repaired"]),
    st.sampled_from(["apples", "bread", "symphonies", "tulips", "pottery", "bicycles", "murals"]),
    st.sampled_from(["near Lyon", "in Quebec", "quietly", "every spring", "at dawn", "with care",
                     "in Quebec on Sunday", "near Lyon in 1987"]),
)


def _around(before: list[str], clash: str, after: list[str], sep: str) -> str:
    return sep.join([*before, clash, *after])


@FAST
@given(
    st.sampled_from(CLASHES),
    st.lists(UNRELATED, max_size=4), st.lists(UNRELATED, max_size=4),
    st.lists(UNRELATED, max_size=4), st.lists(UNRELATED, max_size=4),
    st.sampled_from([" ", "\n", "\n\n"]),
)
def test_ids_do_not_change_when_unrelated_sentences_are_added(
    clash: tuple[str, str], before_a: list[str], after_a: list[str], before_b: list[str], after_b: list[str],
    sep: str,
) -> None:
    a, b = clash
    base = compare(a, b)
    ids = conflict_ids(base)
    assert ids, "the clash itself must be a conflict"
    grown_a, grown_b = _around(before_a, a, after_a, sep), _around(before_b, b, after_b, sep)
    grown = compare(grown_a, grown_b)
    assert ids <= conflict_ids(grown)
    # and they are the same findings: same type, same words as evidence (the reason may name
    # claim ids, which are positions and do move)
    kept = _clash_words(grown, {"a": grown_a, "b": grown_b})
    assert _clash_words(base, {"a": a, "b": b}).items() <= kept.items()


def _clash_words(report: crosscheck.Report, originals: dict[str, str]) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    out = {}
    for f in report.by_status("conflict"):
        words = tuple(originals[report.claim(ev.claim).source][s:e] for ev in f.evidence for s, e in ev.spans)
        out[f.id] = (f.type, words)
    return out


# --------------------------------------------------------------------------- normalization


@FAST
@given(texts)
def test_normalization_idempotent_on_news_like_text(text: str) -> None:
    # the property and its check live in tests/test_normalize.py; only the inputs differ here
    _normalize_tests.test_idempotent.hypothesis.inner_test(text)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- size limit (item 3)


def test_cli_refuses_a_source_over_max_bytes(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Iran and Oman met in Muscat. " * 10, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Iran and Oman met.", encoding="utf-8")
    code, out, err = run_cli(["report", "--format", "json", "--max-bytes", "100", str(big), str(small)])
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"crosscheck: error: {big}: file is 290 bytes, larger than --max-bytes 100"]


def test_cli_default_limit_refuses_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # sparse: no disk or memory used
        fh.truncate(DEFAULT_MAX_BYTES + 1)
    small = tmp_path / "small.txt"
    small.write_text("Iran and Oman met.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "crosscheck", "report", "--format", "json", str(big), str(small)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"crosscheck: error: {big}: file is {DEFAULT_MAX_BYTES + 1} bytes, larger than --max-bytes {DEFAULT_MAX_BYTES}"
    ]


def test_cli_refuses_standard_input_over_max_bytes(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text("Iran and Oman met.", encoding="utf-8")
    code, out, err = run_cli(["report", "--max-bytes", "50", "-", str(small)], stdin=b"word " * 100)
    assert code == 2 and out == ""
    assert err.strip().splitlines() == ["crosscheck: error: <stdin>: more than 50 bytes, larger than --max-bytes 50"]


# --------------------------------------------------------------------------- the fuzz target
# benchmarks/fuzz_compare.py runs by hand (atheris), not in CI; these keep it working and run its
# contract checks on the seeds and on random bytes through the same input layout.


@pytest.fixture(scope="module")
def fuzz_target() -> Any:
    spec = importlib.util.spec_from_file_location("crosscheck_fuzz_compare", REPO / "benchmarks" / "fuzz_compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fuzz_target_on_its_seed_inputs(fuzz_target: Any) -> None:
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    for texts in ([seeds[0], seeds[-1]], *fuzz_target.SHORT_SEEDS):
        data = fuzz_target.join_texts(list(texts))
        assert fuzz_target.split_input(data) == list(texts)
        fuzz_target.one_input(data)


@FAST
@given(st.binary(max_size=600))
@example(b"")
@example(b"\x03" + b"\xff" * 8 + bytes(range(256)))
def test_fuzz_target_on_random_bytes(fuzz_target: Any, data: bytes) -> None:
    fuzz_target.one_input(data)


# --------------------------------------------------------------------------- fuzzer findings
# Each finding of benchmarks/fuzz_compare.py becomes a test here, named after its reproducer.
# None so far: 8,368 inputs of up to 5 KB (atheris, 300 s, seeded from seeds/ and NeuS) and 48,435
# of up to 512 bytes (300 s), plus the hypothesis fallback, raised nothing and broke no check.
