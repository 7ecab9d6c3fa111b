"""The library API and the JSON report contract (schema version 1)."""

from __future__ import annotations

import json

import pytest

from crosscheck import compare, compare_sources
from crosscheck.model import Source
from crosscheck.read import read_sources

from conftest import SEEDS, run_cli


def _seed_report():  # type: ignore[no-untyped-def]
    return compare_sources(read_sources([str(p) for p in SEEDS]))


def test_report_contract_fields() -> None:
    d = _seed_report().to_dict()
    assert d["schema_version"] == 1
    assert d["tool"]["name"] == "crosscheck"
    assert [s["id"] for s in d["sources"]] == ["a", "b"]
    assert {"id", "name", "path", "sha256"} <= set(d["sources"][0])
    claim = d["claims"][0]
    assert set(claim) >= {"id", "source", "text", "spans", "sentence", "features"}
    assert set(claim["features"]) >= {"negated", "tense", "modality", "hedge", "numbers", "dates", "entities"}
    for f in d["findings"]:
        assert f["status"] in ("agree", "conflict", "extra")
        assert set(f) >= {"id", "status", "type", "claims", "score", "reason", "evidence"}
        if f["status"] == "conflict":
            assert f["type"] and len(f["claims"]) == 2 and len(f["evidence"]) == 2
            assert 0 <= f["score"] <= 1
        if f["status"] == "extra":
            assert f["missing_in"] and f["type"] is None
        if f["status"] == "agree":
            assert isinstance(f["hedged"], bool)
    summary = d["summary"]
    assert summary["claims"] == len(d["claims"])
    assert sum(summary[s] for s in ("agree", "conflict", "extra")) == len(d["findings"])


def test_every_claim_is_in_a_finding_and_spans_slice_the_original() -> None:
    report = _seed_report()
    texts = {s.id: s.text for s in report.sources}
    in_findings = {c for f in report.findings for c in f.claims}
    assert in_findings == {c.id for c in report.claims}
    for claim in report.claims:
        for start, end in claim.spans:
            assert texts[claim.source][start:end].strip()
    for f in report.findings:
        for ev in f.evidence:
            src = report.claim(ev.claim).source
            assert all(texts[src][s:e].strip() for s, e in ev.spans)


def test_the_seed_conflict_names_the_clashing_words() -> None:
    report = _seed_report()
    antonyms = [f for f in report.by_status("conflict") if f.type == "antonym"]
    assert antonyms, "direct/indirect conflict not found"
    f = antonyms[0]
    texts = {s.id: s.text for s in report.sources}
    words = [texts[report.claim(ev.claim).source][s:e] for ev in f.evidence for s, e in ev.spans]
    assert sorted(w.lower() for w in words) == ["direct", "indirectly"]


def test_library_and_cli_json_are_identical() -> None:
    code, out, err = run_cli(["report", "--format", "json", *map(str, SEEDS)])
    assert code == 1, err  # the seeds conflict
    assert json.loads(out) == _seed_report().to_dict()


def test_output_is_deterministic_and_ids_are_fingerprints() -> None:
    a, b = (p.read_text(encoding="utf-8") for p in SEEDS)
    first = compare({"a": a, "b": b}).to_dict()
    assert json.dumps(first) == json.dumps(compare({"a": a, "b": b}).to_dict())
    swapped = compare({"x": b, "y": a})
    ids = {f["id"] for f in first["findings"] if f["status"] == "conflict"}
    assert ids and ids == {f.id for f in swapped.by_status("conflict")}
    # Ids survive an unrelated sentence added elsewhere.
    grown = compare({"a": "Floods hit the coast of Peru last week.\n" + a, "b": b})
    assert ids <= {f.id for f in grown.by_status("conflict")}


def test_compare_accepts_sources_and_three_or_more() -> None:
    texts = ["Rebels seized the airport on Monday.", "Rebels did not seize the airport on Monday.", "Rebels seized the airport."]
    report = compare([Source(sid, f"{sid}.txt", t) for sid, t in zip("abc", texts)])
    assert len(report.sources) == 3
    assert report.by_status("conflict")
    extra = [f for f in report.findings if f.status == "extra"]
    assert all(set(f.missing_in) <= {"a", "b", "c"} for f in extra)


def test_a_claim_may_agree_with_several_claims_of_another_source() -> None:
    report = compare(
        {
            "a": "Rebels seized the airport in Goma on Monday.",
            "b": "Rebels seized the Goma airport on Monday. On Monday rebels seized the airport in Goma.",
        }
    )
    agree = [f for f in report.by_status("agree") if "a:0" in f.claims]
    assert len(agree) == 2


def test_a_participle_adjunct_takes_the_hedge_of_the_clause_it_is_split_from() -> None:
    from crosscheck.pipeline import extract

    reported = extract(Source("a", "a", "Acme said it would split into two companies, separating its printer business from its services."))
    assert [c.text for c in reported.claims] == [
        "Acme said it would split into two companies",
        "Acme, separating its printer business from its services",
    ]
    assert [c.features.hedge for c in reported.claims] == ["said", "said"]
    flat = extract(Source("a", "a", "Acme became two companies, separating its printer business from its services."))
    assert [c.features.hedge for c in flat.claims] == [None, None]


def test_a_relative_clause_inside_a_hedged_clause_takes_its_hedge() -> None:
    from crosscheck.pipeline import extract

    shown = extract(Source("a", "a", "The photo, which was shared online, appears to show a crab that is 50ft wide."))
    hedges = {c.text: c.features.hedge for c in shown.claims}
    assert hedges == {
        "The photo appears to show a crab": "appears to",
        "The photo was shared online": None,  # said of the photo before the hedge: not what it appears to show
        "a crab is 50ft wide": "appears to",
    }
    flat = extract(Source("a", "a", "The photo shows a crab that is 50ft wide."))
    assert [c.features.hedge for c in flat.claims] == [None, None]


def test_a_claim_wholly_inside_quotation_marks_is_reported() -> None:
    from crosscheck.pipeline import extract

    quoted = extract(Source("a", "a", "\u201cWe have bodies. It is clear they are missing organs.\u201d The envoy spoke on Monday."))
    assert [(c.text, c.features.hedge) for c in quoted.claims] == [
        ('"We have bodies', "quoted"),
        ('It is clear they are missing organs."', "quoted"),  # the quote runs on from the sentence before
        ("The envoy spoke on Monday", None),
    ]
    # a quoted word or name inside the source's own sentence is not a quotation of the claim
    scare = extract(Source("a", "a", "The 'giant crab' photo spread online."))
    assert [c.features.hedge for c in scare.claims] == [None]


# The library masks {name: text} as the CLI masks files of those names.
HTML_PAGE = (
    "<!doctype html><html><head><title>Goma</title><script>var s = 'Rebels lost the airport on Friday.';</script>"
    "</head><body><p>Rebels <b>seized</b> the airport in Goma on Monday.</p>"
    "<p>Fighting &amp; looting spread to the port.</p></body></html>\n"
)
MARKDOWN_PAGE = (
    "# Goma\n\n**Rebels** seized the [airport](https://example.org/goma \"map\") in Goma on *Tuesday*.\n\n"
    "- Fighting spread to the port.\n\n```\nRebels lost the airport on Friday.\n```\n"
)
PLAIN_WIRE = "Rebels seized the airport in Goma on Monday. Fighting spread to the port.\n"


def _cli_and_library(tmp_path, names: tuple[str, str], texts: tuple[str, str]):  # type: ignore[no-untyped-def]
    paths = []
    for name, text in zip(names, texts):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    code, out, err = run_cli(["report", "--format", "json", *paths])
    assert code in (0, 1), err
    return json.loads(out), compare(dict(zip(names, texts))).to_dict()


def test_compare_masks_html_by_name_exactly_as_the_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli, library = _cli_and_library(tmp_path, ("a.html", "b.txt"), (HTML_PAGE, PLAIN_WIRE))
    assert library["claims"] == cli["claims"]
    assert library["findings"] == cli["findings"]
    claims = " ".join(c["text"] for c in library["claims"])
    assert "<b>" not in claims and "Friday" not in claims  # tags and the script are masked
    assert "Fighting & looting" in claims  # a character reference decodes in place


def test_compare_masks_markdown_by_name_exactly_as_the_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli, library = _cli_and_library(tmp_path, ("a.md", "b.txt"), (MARKDOWN_PAGE, PLAIN_WIRE))
    assert library["claims"] == cli["claims"]
    assert library["findings"] == cli["findings"]
    claims = " ".join(c["text"] for c in library["claims"])
    assert "**" not in claims and "example.org" not in claims and "Friday" not in claims
    assert "Tuesday" in claims and "port" in claims  # emphasis, link text and list items stay


def test_compare_keeps_plain_names_plain() -> None:
    # "a", "b", "x.txt": the text is compared as it is, markup-looking or not.
    for name in ("a", "x.txt"):
        report = compare({name: "Rebels <b>seized</b> the *airport* on Monday.", "b": PLAIN_WIRE})
        assert report.sources[0].content is None
        assert "<b>seized</b>" in report.claims[0].text


def test_compare_kind_masks_every_text_and_only_text_from_memory() -> None:
    report = compare({"wire": "Rebels <b>seized</b> the airport.", "site": "Rebels <i>took</i> it."}, kind="html")
    assert all(s.content is not None for s in report.sources)
    assert "<b>" not in report.claims[0].text
    with pytest.raises(ValueError, match="kind"):
        compare([Source("a", "a.html", "Rebels seized the airport.")], kind="html")
    with pytest.raises(ValueError, match="kind must be one of"):
        compare({"a": "Rebels seized the airport."}, kind="pdf")  # type: ignore[arg-type]


def test_compare_accepts_empty_markup_from_memory() -> None:
    # A file of only markup is an input error; text from memory is a source without claims.
    report = compare({"a.html": "<p> </p><script>x()</script>", "b": PLAIN_WIRE})
    assert not [c for c in report.claims if c.source == "a"]


def test_paragraphs_after_a_fenced_block_in_a_list_item_are_compared(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # They were masked away whole, with nothing in "skipped" to say so.
    doc = "1.  Rebels seized the airport.\n\n    ```\n    log()\n    ```\n\n    The army denied the seizure.\n"
    cli, library = _cli_and_library(tmp_path, ("a.md", "b.txt"), (doc, PLAIN_WIRE))
    assert library["claims"] == cli["claims"]
    texts = [c["text"] for c in library["claims"] if c["source"] == "a"]
    assert any("army denied" in t for t in texts)
    assert not any("log()" in t for t in texts)
