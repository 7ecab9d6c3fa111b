"""Tests for the antonym lexicon (crosscheck.lexicon and data/antonyms.tsv)."""

from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path
from types import ModuleType

import pytest

from crosscheck import lexicon
from crosscheck.lexicon import adjective_base, antonyms, are_antonyms

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "crosscheck" / "data"
DATA_FILE = DATA_DIR / "antonyms.tsv"
CURATED_FILE = DATA_DIR / "antonyms_curated.tsv"
WORDNET_DIR = Path("/usr/share/wordnet")
WORD_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_antonyms", DATA_DIR / "build_antonyms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _build_module()


def _data_lines() -> list[str]:
    text = DATA_FILE.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if not line.startswith("#")]


MUST = [
    # the seed conflict, in every adjective/adverb combination
    ("direct", "indirect"),
    ("directly", "indirectly"),
    ("indirectly", "direct"),
    ("directly", "indirect"),
    ("publicly", "secretly"),
    ("publicly", "privately"),
    ("publicly", "secret"),
    ("officially", "unofficial"),
    ("formally", "informally"),
    ("confirm", "deny"),
    ("admit", "deny"),
    ("accept", "reject"),
    ("approve", "veto"),
    ("support", "oppose"),
    ("increase", "decrease"),
    ("rise", "fall"),
    ("raise", "lower"),
    ("win", "lose"),
    ("gain", "lose"),
    ("succeed", "fail"),
    ("survive", "die"),
    ("acquit", "convict"),
    ("arrest", "release"),
    ("open", "close"),
    ("begin", "end"),
    ("start", "end"),
    ("allow", "ban"),
    ("attack", "defend"),
    ("agree", "disagree"),
    ("expand", "shrink"),
    ("strengthen", "weaken"),
    ("legal", "illegal"),
    ("lawful", "unlawful"),
    ("guilty", "innocent"),
    ("alive", "dead"),
    ("official", "unofficial"),
    ("peaceful", "violent"),
    ("temporary", "permanent"),
    ("partial", "complete"),
    ("fully", "partial"),
    ("unilateral", "multilateral"),
    ("victory", "defeat"),
    ("success", "failure"),
    ("acceptance", "rejection"),
    ("majority", "minority"),
    ("increase", "decrease"),
    ("happily", "unhappy"),
    ("Direct", "INDIRECT"),  # input is lowercased
]

MUST_NOT = [
    # a word and itself, and two forms of one word
    ("direct", "direct"),
    ("deny", "deny"),
    ("direct", "directly"),
    ("indirectly", "indirect"),
    # unrelated words, synonyms and near-synonyms
    ("meet", "hold"),
    ("talk", "meeting"),
    ("big", "large"),
    ("small", "little"),
    ("confirm", "announce"),
    ("iran", "oman"),
    ("direct", "secret"),
    ("", ""),
    ("", "direct"),
    # stoplisted: loose or converse in news text
    ("give", "take"),
    ("come", "go"),
    ("in", "out"),
    ("up", "down"),
    ("on", "off"),
    ("old", "new"),
    ("old", "young"),
    ("good", "bad"),
    ("have", "lack"),
    ("buy", "sell"),
    ("borrow", "lend"),
    ("employer", "employee"),
    ("export", "import"),
    ("precede", "follow"),
    ("left", "right"),
    ("first", "last"),
    ("all", "some"),
    ("more", "less"),
    ("many", "few"),
    ("past", "future"),
    ("early", "late"),
    ("north", "south"),
    ("man", "woman"),
    ("father", "mother"),
    ("peace", "war"),
    ("arrive", "leave"),
    ("gross", "net"),
    ("nominal", "real"),
    ("foreign", "domestic"),  # seeds: "foreign minister" vs "domestic pressures"
    # -ly words that are not manner adverbs of the stripped adjective
    ("deadly", "alive"),
    ("highly", "low"),
    ("largely", "small"),
    ("really", "fake"),
    ("early", "late"),
    ("only", "off"),
]


@pytest.mark.parametrize(("a", "b"), MUST)
def test_must_be_antonyms(a: str, b: str) -> None:
    assert are_antonyms(a, b)
    assert are_antonyms(b, a)


@pytest.mark.parametrize(("a", "b"), MUST_NOT)
def test_must_not_be_antonyms(a: str, b: str) -> None:
    assert not are_antonyms(a, b)
    assert not are_antonyms(b, a)


@pytest.mark.parametrize(
    ("adverb", "adjective"),
    [
        ("directly", "direct"),
        ("indirectly", "indirect"),
        ("publicly", "public"),
        ("happily", "happy"),
        ("possibly", "possible"),
        ("fully", "full"),
        ("illegally", "illegal"),
        ("basically", None),  # hedge, excluded
        ("deadly", None),  # an adjective, not "dead" + ly
        ("only", None),
        ("family", None),
        ("direct", None),
    ],
)
def test_adjective_base(adverb: str, adjective: str | None) -> None:
    assert adjective_base(adverb) == adjective


def test_mapping_is_symmetric_and_irreflexive() -> None:
    table = antonyms()
    assert len(table) > 1000
    for word, others in table.items():
        assert isinstance(others, frozenset)
        assert word not in others
        for other in others:
            assert word in table[other], (word, other)


def test_mapping_is_read_only_and_cached() -> None:
    table = antonyms()
    assert antonyms() is table
    with pytest.raises(TypeError):
        table["direct"] = frozenset()  # type: ignore[index]


def test_load_is_fast() -> None:
    lexicon._load.cache_clear()
    start = time.perf_counter()
    antonyms()
    elapsed = time.perf_counter() - start
    # Measured at about 6 ms; the bound only catches pathological regressions on slow CI.
    assert elapsed < 0.25, f"lexicon load took {elapsed * 1000:.1f} ms"


def test_every_data_line_parses() -> None:
    lines = _data_lines()
    assert 1000 < len(lines) < 10000
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == 4, line
        a, b, pos, origin = fields
        assert a < b, line
        assert WORD_RE.match(a) and WORD_RE.match(b), line
        assert pos in {"a", "r", "v", "n"}, line
        assert origin in {"wordnet", "curated"}, line


def test_data_is_sorted_and_deduplicated() -> None:
    lines = _data_lines()
    assert lines == sorted(lines)
    assert len(lines) == len(set(lines))
    keys = [tuple(line.split("\t")[:3]) for line in lines]
    assert len(keys) == len(set(keys))


def test_header_names_wordnet_and_licence() -> None:
    header = DATA_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#")
    assert "WordNet 3.0" in header and "WORDNET-LICENSE" in header
    licence = (DATA_DIR / "WORDNET-LICENSE").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved." in licence


def test_wordnet_pairs_respect_the_stoplist() -> None:
    for line in _data_lines():
        a, b, _pos, origin = line.split("\t")
        if origin == "wordnet":
            assert not build.is_stopped(a, b), line


@pytest.mark.parametrize("pair", sorted(build.STOP_PAIRS))
def test_stop_pairs_are_not_antonyms(pair: tuple[str, str]) -> None:
    assert not are_antonyms(*pair)


def test_curated_pairs_are_all_shipped() -> None:
    table = antonyms()
    curated = list(build.read_curated(CURATED_FILE))
    assert 60 <= len(curated) <= 200
    for a, b, _pos in curated:
        assert b in table.get(a, ()), (a, b)


def test_data_file_is_package_data() -> None:
    from importlib import resources

    shipped = resources.files("crosscheck").joinpath("data", "antonyms.tsv").read_text("utf-8")
    assert shipped == DATA_FILE.read_text(encoding="utf-8")


@pytest.mark.skipif(
    not (WORDNET_DIR / "data.adj").is_file(), reason="WordNet 3.0 files not installed"
)
def test_data_file_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "antonyms.tsv"
    assert build.main(["--wordnet", str(WORDNET_DIR), "-o", str(out)]) == 0
    assert out.read_bytes() == DATA_FILE.read_bytes()
