"""No silent loss: every sentence yields claims or is listed as skipped, and
the report says how much of each source its claims cover."""

import pytest

from crosscheck import compare
from crosscheck.coverage import skip_reason
from crosscheck.model import Sentence, Source

from conftest import SEEDS


def _accounted(report) -> None:  # type: ignore[no-untyped-def]
    with_claims = {(c.source, c.sentence) for c in report.claims}
    skipped = {(s.source, s.sentence) for s in report.skipped}
    every = {(s.source, s.index) for s in report.sentences}
    assert with_claims | skipped == every
    assert not with_claims & skipped


def test_every_seed_sentence_is_accounted_for() -> None:
    report = compare({p.name: p.read_text(encoding="utf-8") for p in SEEDS})
    _accounted(report)
    for cov in report.coverage:
        assert 0 < cov.covered <= cov.chars
        assert cov.covered / cov.chars > 0.9, cov


def test_skipped_sentences_and_coverage_are_in_the_json() -> None:
    text = "Rebels seized the airport on Monday.\n\nOk.\n"
    data = compare({"a": text, "b": "Rebels seized the airport."}).to_dict()
    assert data["skipped"] == [
        {"source": "a", "sentence": 1, "spans": [[38, 41]], "reason": "no statement (no verb or fewer than two content words)"}
    ]
    assert text[38:41] == "Ok."
    assert data["summary"]["skipped_sentences"] == 1
    cov = {c["source"]: c for c in data["coverage"]}
    assert cov["a"]["chars"] == len("".join(text.split()))
    assert cov["a"]["covered_chars"] == len("Rebelsseizedtheairport") + len("onMonday")
    assert cov["b"]["covered_share"] == pytest.approx(len("Rebelsseizedtheairport") / len("Rebelsseizedtheairport."), abs=1e-4)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Photo: Reuters", "caption or credit"),
        ("Image by Jane Doe", "caption or credit"),
        ("By Jane Smith", "byline"),
        ("Background", "heading"),
        ("Ok.", "no statement (no verb or fewer than two content words)"),
    ],
)
def test_skip_reasons(text: str, reason: str) -> None:
    source = Source("a", "a", "\n" + text + "\n")
    sentence = Sentence("a", 0, 1, 1 + len(text), text)
    assert skip_reason(source, sentence) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Photographs of the site were published.",  # "photo" inside a word, a sentence
        "By Monday the talks had ended.",  # "By" starting a sentence
        "Background checks were ordered.",  # a sentence ending in a full stop is not a heading
    ],
)
def test_not_a_caption_byline_or_heading(text: str) -> None:
    source = Source("a", "a", "\n" + text + "\n")
    sentence = Sentence("a", 0, 1, 1 + len(text), text)
    assert skip_reason(source, sentence).startswith("no statement")


def test_text_report_names_skipped_sentences() -> None:
    from crosscheck.render.text import summary_line

    report = compare({"a": "Rebels seized the airport.\n\nOk.\n", "b": "Rebels seized the airport."})
    assert summary_line(report).endswith("; 1 sentence without claims (no statement; listed in --format json)")


def test_captions_and_bylines_give_no_claims_and_are_listed() -> None:
    text = "By Jane Smith\n\nRebels seized the airport on Monday.\n\nPhoto: Rebels at the airport gate (Reuters)\n"
    report = compare({"a": text, "b": "Rebels seized the airport."})
    assert [c.text for c in report.claims if c.source == "a"] == ["Rebels seized the airport on Monday"]
    assert [(s.sentence, s.reason) for s in report.skipped] == [(0, "byline"), (2, "caption or credit")]
    _accounted(report)


@pytest.mark.parametrize(
    ("text", "claims", "hedge"),
    [
        # A label that may head a statement, and a finite verb after it: a statement.
        ("Source: Apple set to acquire Path", ["Source: Apple set to acquire Path"], "source"),
        ("Sources: Hackers sent a new message to Sony", ["Sources: Hackers sent a new message to Sony"], "source"),
        ("PICTURES: Shocking School Lunches Go Viral", ["PICTURES: Shocking School Lunches Go Viral"], None),
        # Credits and captions stay furniture: no verb after the label, or a label
        # that only captions ("Photo:"), or a capitalised label of three letters.
        ("Source: Reuters", [], None),
        ("Source: Bloomberg, company filings", [], None),
        ("Photo: Rebels seized the airport gate", [], None),
        ("Image: Police said the site was closed", [], None),
    ],
)
def test_a_label_may_head_a_statement(text: str, claims: list[str], hedge: str | None) -> None:
    from crosscheck.pipeline import extract

    found = extract(Source(id="a", name="a", text=text)).claims
    assert [c.text for c in found] == claims
    assert all(c.features.hedge == hedge for c in found)


def test_accounting_is_kept_per_claims_tuple_but_never_lent_to_another_source() -> None:
    from crosscheck.coverage import accounting, coverage, skipped
    from crosscheck.model import Extraction
    from crosscheck.pipeline import extract

    text = "Photo: Reuters\nThe committee met on Monday. It did not vote."
    e = extract(Source(id="a", name="a", text=text))
    assert accounting(e) == (skipped(e), coverage(e))
    assert accounting(extract(Source(id="a", name="a", text=text)))[1] is accounting(e)[1]  # made once
    # The same claims tuple with another source or other sentences is accounted afresh.
    other = Extraction(Source(id="b", name="b", text=text), e.sentences, e.claims)
    assert accounting(other) == (skipped(other), coverage(other))
    assert accounting(other)[1].source == "b"
    fewer = Extraction(e.source, e.sentences[1:], e.claims)
    assert accounting(fewer) == (skipped(fewer), coverage(fewer))
    assert accounting(e) == (skipped(e), coverage(e))
