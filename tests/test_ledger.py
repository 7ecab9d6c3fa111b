"""The claims/ ledger: round trip, staleness, editor edits, detection by marker."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

from crosscheck.errors import InputError
from crosscheck.ledger import CLAIMS_MARKER, load_inputs, write_claims

from gate_fixtures import use_fake_pipeline

ARTICLE = "Officials met in Muscat.\nTen people attended.\n\nKushner was present.\n"
OTHER = "Officials met in Oman.\nNine people attended.\n"
T = TypeVar("T")


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom checkout: news/a.md, news/b.txt and claims/ for a.md; cwd is its root."""
    monkeypatch.chdir(tmp_path)
    use_fake_pipeline(monkeypatch)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(OTHER, encoding="utf-8")
    (extraction,) = load_inputs(["news/a.md"])
    write_claims([extraction], "claims")
    return tmp_path


def ledger(desk: Path) -> dict[str, Any]:
    return json.loads((desk / "claims" / "a.md.claims.json").read_text(encoding="utf-8"))


def save(desk: Path, document: dict[str, Any]) -> None:
    (desk / "claims" / "a.md.claims.json").write_text(json.dumps(document), encoding="utf-8")


def test_file_is_documented_shape_with_relative_source_path(desk: Path) -> None:
    document = ledger(desk)
    assert document[CLAIMS_MARKER] == 1
    assert document["source"]["path"] == "../news/a.md"
    assert document["source"]["name"] == "a.md"
    assert len(document["source"]["sha256"]) == 64
    assert [c["id"] for c in document["claims"]] == ["0", "1", "2"]
    assert document["claims"][1] | {"tokens": None} == {
        "id": "1", "sentence": 1, "text": "Ten people attended.", "spans": [[25, 45]],
        "features": {"negated": False, "tense": None, "modality": None, "hedge": None,
                     "numbers": [], "dates": [], "entities": []},
        "tokens": None,
    }


def test_each_claims_tokens_are_stored_and_read_back(desk: Path) -> None:
    document = ledger(desk)
    assert document["claims"][1]["tokens"] == [
        ["Ten", "ten", "ten", 25, 28, ""], ["people", "people", "people", 29, 35, ""],
        ["attended", "attended", "attended", 36, 44, ""],
    ]
    (direct,) = load_inputs(["news/a.md"])
    (loaded,) = load_inputs(["claims/a.md.claims.json"])
    assert [c.tokens for c in loaded.claims] == [c.tokens for c in direct.claims]


def test_progress_callback_sees_every_input_and_no_bar_without_one(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[tuple[int, str]] = []

    def progress(items: Sequence[T], label: str) -> Iterable[T]:
        seen.append((len(items), label))
        return items

    extractions = load_inputs(["claims/a.md.claims.json", "news/b.txt"], progress=progress)
    assert [e.source.id for e in extractions] == ["a", "b"]
    assert seen == [(2, "extracting claims")]
    load_inputs(["news/a.md", "news/b.txt"])
    assert capsys.readouterr().err == ""


def test_round_trip_gives_the_same_extraction(desk: Path) -> None:
    (direct,) = load_inputs(["news/a.md"])
    (loaded,) = load_inputs(["claims/a.md.claims.json"])
    assert loaded.source.path == "news/a.md"
    assert loaded.source.text == ARTICLE
    assert loaded.sentences == direct.sentences
    assert [(c.id, c.text, c.spans, c.features) for c in loaded.claims] == [
        (c.id, c.text, c.spans, c.features) for c in direct.claims
    ]


def test_claims_file_takes_its_position_for_ids_and_names(desk: Path) -> None:
    b, a = load_inputs(["news/b.txt", "claims/a.md.claims.json"])
    assert (b.source.id, a.source.id) == ("a", "b")
    assert a.source.name == "a.md"
    assert [c.id for c in a.claims] == ["b:0", "b:1", "b:2"]


def test_ledger_works_from_another_working_directory(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(desk / "news")
    (loaded,) = load_inputs(["../claims/a.md.claims.json"])
    assert loaded.source.text == ARTICLE


def test_edited_article_makes_the_ledger_stale_and_it_is_re_extracted(desk: Path) -> None:
    (desk / "news" / "a.md").write_text(ARTICLE.replace("Ten", "Eleven"), encoding="utf-8")
    warnings: list[str] = []
    (loaded,) = load_inputs(["claims/a.md.claims.json"], warn=warnings.append)
    assert warnings == ["claims/a.md.claims.json: stale: news/a.md changed since its claims were extracted; re-extracting"]
    assert loaded.claims[1].text == "Eleven people attended."


def test_stale_ledger_is_an_error_when_strict(desk: Path) -> None:
    (desk / "news" / "a.md").write_text(ARTICLE + "More.\n", encoding="utf-8")
    with pytest.raises(InputError, match="stale"):
        load_inputs(["claims/a.md.claims.json"], strict=True)


def test_unchanged_ledger_is_not_stale(desk: Path) -> None:
    warnings: list[str] = []
    load_inputs(["claims/a.md.claims.json"], strict=True, warn=warnings.append)
    assert warnings == []


def test_editor_deletes_merges_and_splits_claims(desk: Path) -> None:
    document = ledger(desk)
    first, second, third = document["claims"]
    merged = {**first, "id": "0+1", "text": "Officials met in Muscat; ten people attended.",
              "spans": first["spans"] + second["spans"]}
    start, end = third["spans"][0]
    split = [
        {**third, "id": "2a", "text": "Kushner", "spans": [[start, start + 7]]},
        {**third, "id": "2b", "text": "was present", "spans": [[start + 8, end - 1]]},
    ]
    document["claims"] = [merged, *split]
    for claim in document["claims"]:
        claim.pop("tokens", None)  # editors need not maintain tokens
    save(desk, document)
    (loaded,) = load_inputs(["claims/a.md.claims.json"])
    assert [c.id for c in loaded.claims] == ["a:0+1", "a:2a", "a:2b"]
    assert loaded.claims[0].spans == ((0, 24), (25, 45))
    assert [t.text for t in loaded.claims[2].tokens] == ["was", "present"]
    assert all(s <= t.start and t.end <= e for c in loaded.claims for t in c.tokens for s, e in [
        (min(x for x, _ in c.spans), max(y for _, y in c.spans))])


def test_deleted_claim_is_not_compared(desk: Path) -> None:
    document = ledger(desk)
    document["claims"] = document["claims"][:1]
    save(desk, document)
    (loaded,) = load_inputs(["claims/a.md.claims.json"])
    assert [c.text for c in loaded.claims] == ["Officials met in Muscat."]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["claims"][0].update(spans=[[0, 10_000]]), r"claims\[0\]\.spans\[0\]: span \[0, 10000\] is outside"),
        (lambda d: d["claims"][0].update(spans=[[5]]), r"claims\[0\]\.spans\[0\]: expected \[start, end\]"),
        (lambda d: d["claims"][1].update(id="0"), r"claims\[1\]\.id: '0' is used twice"),
        (lambda d: d["claims"][0]["features"].update(negation=True), r"unknown key 'negation'"),
        (lambda d: d["claims"][0].pop("text"), r"claims\[0\]\.text: expected str"),
        (lambda d: d.update({CLAIMS_MARKER: 2}), r"crosscheck_claims version 2 is not supported"),
    ],
)
def test_broken_edits_are_one_line_errors_naming_the_place(desk: Path, edit: Any, message: str) -> None:
    document = ledger(desk)
    edit(document)
    save(desk, document)
    with pytest.raises(InputError, match=message):
        load_inputs(["claims/a.md.claims.json"])


def test_detected_by_marker_not_extension(desk: Path) -> None:
    renamed = desk / "claims" / "a-claims.txt"
    renamed.write_text((desk / "claims" / "a.md.claims.json").read_text(encoding="utf-8"), encoding="utf-8")
    (loaded,) = load_inputs([str(renamed.relative_to(desk))])
    assert loaded.source.path == "news/a.md"


def test_json_article_without_marker_is_an_article(desk: Path) -> None:
    (desk / "news" / "data.json").write_text('{"headline": "Officials met"}\n', encoding="utf-8")
    (loaded,) = load_inputs(["news/data.json"])
    assert loaded.source.path == "news/data.json"
    assert loaded.claims[0].text == '{"headline": "Officials met"}'


def test_missing_article_behind_a_ledger_is_an_input_error(desk: Path) -> None:
    (desk / "news" / "a.md").unlink()
    with pytest.raises(InputError, match=r"a\.md"):
        load_inputs(["claims/a.md.claims.json"])


def test_writing_is_deterministic(desk: Path) -> None:
    before = (desk / "claims" / "a.md.claims.json").read_bytes()
    (extraction,) = load_inputs(["news/a.md"])
    write_claims([extraction], "claims")
    assert (desk / "claims" / "a.md.claims.json").read_bytes() == before


def test_stored_tokens_are_filtered_to_edited_spans(desk: Path) -> None:
    document = ledger(desk)
    document["claims"][0]["spans"] = [[0, 9]]  # "Officials" only; tokens still list all words
    save(desk, document)
    (loaded,) = load_inputs(["claims/a.md.claims.json"])
    assert [t.text for t in loaded.claims[0].tokens] == ["Officials"]




def test_merged_claim_gets_the_other_claims_tokens(desk: Path) -> None:
    document = ledger(desk)
    first, second, third = document["claims"]
    first["spans"] = first["spans"] + second["spans"]  # tokens left as they were
    document["claims"] = [first, third]
    save(desk, document)
    (loaded,) = load_inputs(["claims/a.md.claims.json"])
    assert [t.text for t in loaded.claims[0].tokens] == ["Officials", "met", "in", "Muscat", "Ten", "people", "attended"]
