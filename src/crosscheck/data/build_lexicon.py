#!/usr/bin/env python3
"""Build ``synonyms.tsv``, ``derivations.tsv`` and ``places.tsv`` from the WordNet 3.0 database.

Regenerate (needs the WordNet 3.0 database files, e.g. Debian's ``wordnet-base``)::

    apt-get install -y wordnet-base
    python src/crosscheck/data/build_lexicon.py --wordnet /usr/share/wordnet \
        --output-dir src/crosscheck/data

This script is a maintenance tool like ``build_antonyms.py``: it is run by hand, uses the
standard library only, and is not needed at run time (``crosscheck.lexicon`` reads the generated
files). The output is deterministic: the same WordNet files give byte-identical files.

The three tables serve claim alignment, which matches claims by content keys. Each favours
precision over recall: a false match pairs two unrelated claims, a miss only leaves a claim
unmatched by this one key.

Sense tag counts
----------------
WordNet orders the senses of a word in ``index.*`` by their frequency in its semantically tagged
corpora; ``cntlist.rev`` gives the count per sense (``sense_key sense_number tag_cnt``). These
counts are the only frequency evidence WordNet has, and the rules below use them.

synonyms.tsv: synonym classes
-----------------------------
One line per synset: ``id<TAB>pos<TAB>member,member,...``. Two words are synonyms when they
are members of one line. A word ``w`` (lemma ``l`` with POS ``p``) is a member of synset ``S``
when all of these hold:

* **Frequent sense.** ``S`` is sense 1 of ``l`` in ``p``, or sense 2 with at least a tenth of
  the tag count of sense 1 (``10 * tag(2) >= tag(1)``; two untagged senses both pass, since
  the lexicographers' order is then the only evidence). Senses 3 and later never count. So
  "buy" is in {buy, purchase} (sense 1, 102 tags) but not in {bribe, corrupt, buy} (sense 2,
  2 tags), and "release" is in {free, liberate, release} (sense 2, 6 tags against 12).
* **Single word.** ``l`` is lowercase letters, optionally hyphenated, at least 3 letters long:
  multi-word expressions are not lemmas of the aligner, and two-letter words are noise.
* **Common noun sense, not a name.** ``S`` is not an instance (``@i``: "Paris", "Mao"), the
  word is spelt in lowercase in ``S`` ("nation", not "Carry Nation"), and ``S`` is not in the
  biological taxonomies (lexicographer files ``noun.animal`` and ``noun.plant``: genus and
  species names, never news paraphrases).

A synset is written when it has at least two members and at least one of them is *attested*,
a rough frequency proxy: tagged in the corpus in any sense or POS, or listed with two or more
senses in WordNet, or used at least twice in WordNet's own glosses and examples (about 1.5
million words of plain definitional English). {armistice, cease-fire, truce} and {emissary,
envoy} are kept, {carburise, carburize} and {oarlock, rowlock, thole, tholepin} are dropped.

Members whose POS is *minor* for them carry a trailing ``*``: less than a tenth of the word's
tag count is in this POS (``10 * tag(l, p) < tag(l)``; "buy" as a noun, "meet" as an
adjective). Lookups without a POS ignore these members, so "buy" and "steal" (nouns: "a
bargain") are not synonyms unless the caller says it means the nouns.

The id is the synset's name in NLTK's style: first lemma, POS letter (``s`` for an adjective
satellite), sense number of that lemma (``buy.v.01``). The pos column uses ``n v a r``.

derivations.tsv: derivational families
--------------------------------------
One line per family: ``root<TAB>member,member,...`` (members sorted, the root among them).
Edges are WordNet's lexical pointers ``+`` (derivationally related form: negotiate/negotiation,
arrest verb/noun) and ``\\`` (pertainym: diplomatic -> diplomacy, directly -> direct) between
single lowercase words (same word rules as above), kept only when the two words look alike: a
common prefix of at least 4 letters, or of 3 when the shorter word has at most 5 letters
(deny/denial, make/making, buy/buyer). This drops WordNet's semantic links such as
"jugular"/"neck", "solar"/"sun", "matrimonial"/"marriage", and never joins "buy"/"purchase".

Families are the connected components over (word, POS) nodes, so the two homographs "tender"
(noun: one who tends, from "tend") and "tender" (adjective, "tenderize") do not glue two
families together. A component's root is its shortest word, then the most tagged, then the
alphabetically first ("negotiate" rather than "negotiant"). Each word takes the root of the
component of its dominant POS (most tags; ties in the order n, v, a, r), and roots are followed
to a fixed point so that a root is its own root ("cleanliness" -> "cleanly" -> "clean"). Lines
group the words by root; single words and families none of whose words is attested (see
above) are dropped.

places.tsv: places inside places
--------------------------------
One line per place name: ``name<TAB>canonical<TAB>kind<TAB>containers<TAB>capital_of``.
Places are the instance synsets (``@i``) of the lexicographer file ``noun.location``. Names are
the synset's words, lowercased, ``_`` as a space, at least 3 characters (the two-letter postal
codes "in", "or", "me" are words), plus ``PLACE_ALIASES``. A name of several places stands
for one of them: a country if it names one ("georgia" is the country, not the U.S. state), else
a capital ("paris" is the French capital, not the town in Texas; "cairo" is Egypt's, not the
town in Illinois), else the first place sense in WordNet's order.

* ``canonical``: the synset's first word: ``united states`` for "America", "United States of
  America", "the States"; ``iran`` for "Persia"; ``united kingdom`` for "Britain". For
  countries it is the common name; for some cities it is a transliteration ("teheran").
* ``kind``: ``country`` (instance of a hyponym of country.n.02, which includes kingdoms
  and principalities), ``capital`` (of capital.n.03: national, state and provincial capitals;
  also cities whose gloss starts with "capital of" / "the capital of"), ``city`` (city.n.01,
  town.n.01, port.n.01, municipality.n.01), ``division`` (another administrative district:
  states, provinces, counties) or ``region`` (anything else: "middle east", "gaza strip").
* ``containers``: the canonical names reached by climbing part holonyms (``#p``) through
  *administrative* places only (countries, divisions, cities): Muscat -> Oman,
  London -> England -> United Kingdom. Regions, continents, islands and peninsulas are not
  containers ("Arabian Peninsula", "Asia", "Gulf States"), so "oman" has none. Sorted.
* ``capital_of``: for capitals, the canonical name of the place they govern: taken from a
  "capital of X" synonym in the synset when X is a place name ("capital of the United
  Kingdom" for London, where the holonym is England), otherwise the first container.

Only names with a container, a capital or the kind ``country`` are written.

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. See WORDNET-LICENSE
next to this file for the full licence, which must be kept with the data.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
POS_ORDER = ("n", "v", "a", "r")  # tie-break order for a word's dominant POS
SS_POS = {"n": "n", "v": "v", "a": "a", "s": "a", "r": "r"}  # ss_type / pointer pos -> file
SENSE_KEY_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}  # sense key ss_type digit
WORD_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
MIN_WORD_LEN = 3
MIN_SHARED_PREFIX = 4  # derivation edges: "negotiat-", "escalat-", "diploma-"
SHORT_SHARED_PREFIX = 3  # ... or 3 when the shorter word is short: "deny"/"denial", "buy"/"buyer"
SHORT_WORD_LEN = 5
SECOND_SENSE_SHARE = 10  # sense 2 counts when 10 * tag(2) >= tag(1)
MINOR_POS_SHARE = 10  # a POS is minor for a word when 10 * tag(word, pos) < tag(word)
TAXONOMY_LEXNAMES = frozenset({5, 20})  # noun.animal, noun.plant
LOCATION_LEXNAME = 15  # noun.location
MIN_GLOSS_MENTIONS = 2  # a word used twice in WordNet's glosses and examples is attested
GLOSS_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")
OUTPUT_FILES = ("synonyms.tsv", "derivations.tsv", "places.tsv")

# Anchor synsets of the place kinds: (lemma, pos, sense number, start of the gloss) in WordNet
# 3.0. The gloss is checked, so another WordNet version fails loudly instead of misfiling.
Anchor = tuple[str, str, int, str]
COUNTRY: Anchor = ("country", "n", 2, "the territory occupied by a nation")
CAPITAL: Anchor = ("capital", "n", 3, "a seat of government")
CITIES: tuple[Anchor, ...] = (
    ("city", "n", 1, "a large and densely populated urban area"),
    ("town", "n", 1, "an urban area with a fixed boundary"),
    ("port", "n", 1, "a place (seaport or airport)"),
    ("municipality", "n", 1, "an urban district having corporate status"),
)
ADMINISTRATIVE: Anchor = ("administrative_district", "n", 1, "a district defined for admin")

# Names that are not WordNet names of the place but stand for it in news. Kept small on
# purpose: WordNet already lists "America", "United States of America", "Britain", "Persia".
PLACE_ALIASES: dict[str, str] = {
    "us": "united states",
    "usa": "united states",
    "u.s.": "united states",
    "u.s.a.": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "great britain": "united kingdom",  # WordNet's Great Britain is the island
}

HEADER_LICENCE = (
    "from WordNet 3.0 (Copyright 2006 by Princeton University, WordNet 3.0 licence, "
    "see WORDNET-LICENSE). Generated by build_lexicon.py; do not edit by hand."
)
HEADERS = {
    "synonyms.tsv": (
        f"# crosscheck synonym classes: frequent senses of single words {HEADER_LICENCE}\n"
        "# id\tpos\tmembers (a trailing * marks a member for which this POS is minor)\n"
    ),
    "derivations.tsv": (
        f"# crosscheck derivational families: derivation and pertainym links {HEADER_LICENCE}\n"
        "# root\tmembers\n"
    ),
    "places.tsv": (
        f"# crosscheck places: named locations and their part holonyms {HEADER_LICENCE}\n"
        "# name\tcanonical\tkind\tcontainers\tcapital_of\n"
    ),
}


@dataclass(frozen=True)
class Synset:
    pos: str  # n v a r (satellites are a)
    offset: str
    ss_type: str  # n v a s r
    lexname: int
    words: tuple[str, ...]  # as spelt in WordNet, adjective markers stripped
    pointers: tuple[tuple[str, str, str, int, int], ...]  # symbol, pos, offset, source, target
    gloss: str


@dataclass
class WordNet:
    synsets: dict[tuple[str, str], Synset]
    index: dict[tuple[str, str], tuple[str, ...]]  # (lemma, pos) -> offsets in sense order
    tags: dict[tuple[str, str, int], int]  # (lemma, pos, sense number) -> tag count
    word_tags: Counter[str] = field(init=False)  # lemma -> tag count over all senses and POS
    attested: frozenset[str] = field(init=False)  # see "attested" in the module docstring

    def __post_init__(self) -> None:
        self.word_tags = Counter()
        senses: Counter[str] = Counter()
        for (lemma, pos), offsets in self.index.items():
            senses[lemma] += len(offsets)
            self.word_tags[lemma] += self.pos_tags(lemma, pos)
        glosses = " ".join(s.gloss.lower() for s in self.synsets.values())
        mentions = Counter(GLOSS_WORD_RE.findall(glosses))
        self.attested = frozenset(
            w
            for w in senses
            if self.word_tags[w] > 0 or senses[w] >= 2 or mentions[w] >= MIN_GLOSS_MENTIONS
        )

    def tag(self, lemma: str, pos: str, sense: int) -> int:
        return self.tags.get((lemma, pos, sense), 0)

    def pos_tags(self, lemma: str, pos: str) -> int:
        return sum(self.tag(lemma, pos, k) for k in range(1, len(self.index[(lemma, pos)]) + 1))

    def synset(self, lemma: str, pos: str, sense: int) -> Synset:
        return self.synsets[(pos, self.index[(lemma, pos)][sense - 1])]

    def name(self, synset: Synset) -> str:
        """NLTK-style synset name: first lemma, POS letter, sense number of that lemma."""
        lemma = synset.words[0].lower()
        sense = self.index[(lemma, synset.pos)].index(synset.offset) + 1
        return f"{lemma}.{synset.ss_type}.{sense:02d}"


def _strip_marker(token: str) -> str:
    # Adjective syntactic markers: "galore(ip)", "ready_to_hand(p)", "elect(ip)".
    paren = token.find("(")
    return token if paren == -1 else token[:paren]


def read_wordnet(wordnet_dir: Path) -> WordNet:
    """Parse ``data.*``, ``index.*`` and ``cntlist.rev`` (formats: wndb(5), cntlist(5))."""
    synsets: dict[tuple[str, str], Synset] = {}
    index: dict[tuple[str, str], tuple[str, ...]] = {}
    for pos, name in POS_FILES.items():
        with (wordnet_dir / f"data.{name}").open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):  # licence header lines
                    continue
                head, _, gloss = line.partition(" | ")
                fields = head.split()
                offset, lexname, ss_type, w_cnt = fields[0], fields[1], fields[2], fields[3]
                n_words = int(w_cnt, 16)
                words = tuple(_strip_marker(fields[4 + 2 * i]) for i in range(n_words))
                i = 4 + 2 * n_words
                pointers = []
                for k in range(int(fields[i])):
                    symbol, target, tpos, src_tgt = fields[i + 1 + 4 * k : i + 5 + 4 * k]
                    pointers.append(
                        (symbol, SS_POS[tpos], target, int(src_tgt[:2], 16), int(src_tgt[2:], 16))
                    )
                synsets[(pos, offset)] = Synset(
                    pos, offset, ss_type, int(lexname), words, tuple(pointers), gloss.strip()
                )
        with (wordnet_dir / f"index.{name}").open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                fields = line.split()
                synset_cnt, p_cnt = int(fields[2]), int(fields[3])
                offsets = tuple(fields[4 + p_cnt + 2 :])
                if len(offsets) != synset_cnt:
                    raise ValueError(f"index.{name}: bad line {line[:60]!r}")
                index[(fields[0], pos)] = offsets
    tags: dict[tuple[str, str, int], int] = {}
    with (wordnet_dir / "cntlist.rev").open(encoding="latin-1") as fh:
        for line in fh:
            key, sense, count = line.split()
            lemma, _, lex_sense = key.partition("%")
            tags[(lemma, SENSE_KEY_POS[lex_sense[0]], int(sense))] = int(count)
    return WordNet(synsets, index, tags)


def _is_word(lemma: str) -> bool:
    return len(lemma) >= MIN_WORD_LEN and WORD_RE.match(lemma) is not None


def _is_instance(synset: Synset) -> bool:
    return any(p[0] == "@i" for p in synset.pointers)


# ---------------------------------------------------------------------------------------------
# Synonym classes
# ---------------------------------------------------------------------------------------------


def frequent_senses(wn: WordNet, lemma: str, pos: str) -> list[Synset]:
    """Sense 1, and sense 2 when it has at least a tenth of sense 1's tag count."""
    offsets = wn.index[(lemma, pos)]
    senses = [wn.synsets[(pos, offsets[0])]]
    if len(offsets) > 1 and SECOND_SENSE_SHARE * wn.tag(lemma, pos, 2) >= wn.tag(lemma, pos, 1):
        senses.append(wn.synsets[(pos, offsets[1])])
    return senses


def build_synonyms(wn: WordNet) -> tuple[list[str], dict[str, int]]:
    """The lines of synonyms.tsv and some counts."""
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lemma, pos in sorted(wn.index):
        if not _is_word(lemma):
            continue
        for synset in frequent_senses(wn, lemma, pos):
            if synset.lexname in TAXONOMY_LEXNAMES or _is_instance(synset):
                continue
            if lemma not in synset.words:  # only capitalized here: a name ("Nation")
                continue
            members[(synset.pos, synset.offset)].add(lemma)
    lines = []
    stats = Counter[str]()
    for key in sorted(members):
        words = members[key]
        if len(words) < 2:
            stats["single_member"] += 1
            continue
        if wn.attested.isdisjoint(words):
            stats["unattested"] += 1
            continue
        synset = wn.synsets[key]
        marked = []
        for w in sorted(words):
            minor = MINOR_POS_SHARE * wn.pos_tags(w, synset.pos) < wn.word_tags[w]
            marked.append(w + "*" if minor else w)
        lines.append(f"{wn.name(synset)}\t{synset.pos}\t{','.join(marked)}\n")
        stats["members"] += len(words)
    lines.sort()
    stats["lines"] = len(lines)
    return lines, dict(stats)


# ---------------------------------------------------------------------------------------------
# Derivational families
# ---------------------------------------------------------------------------------------------


def looks_alike(a: str, b: str) -> bool:
    """A common prefix of 4+ letters, or of 3 when the shorter word has at most 5 letters."""
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    if min(len(a), len(b)) <= SHORT_WORD_LEN:
        return shared >= SHORT_SHARED_PREFIX
    return shared >= MIN_SHARED_PREFIX


def derivation_edges(wn: WordNet) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """``+`` and ``\\`` links between look-alike single words, as ((word, pos), (word, pos))."""
    edges = set()
    for synset in wn.synsets.values():
        for symbol, tpos, target, source_no, target_no in synset.pointers:
            if symbol not in ("+", "\\") or source_no == 0 or target_no == 0:
                continue
            a = synset.words[source_no - 1]
            b = wn.synsets[(tpos, target)].words[target_no - 1]
            if a == b and synset.pos == tpos:
                continue
            if not (_is_word(a) and _is_word(b) and looks_alike(a, b)):
                continue
            node_a, node_b = (a, synset.pos), (b, tpos)
            edges.add((min(node_a, node_b), max(node_a, node_b)))
    return edges


def build_derivations(wn: WordNet) -> tuple[list[str], dict[str, int]]:
    """The lines of derivations.tsv and some counts."""
    edges = derivation_edges(wn)
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for a, b in sorted(edges):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    nodes_of_word: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for edge in edges:
        for node in edge:
            nodes_of_word[node[0]].add(node)
    tags = {w: sum(wn.pos_tags(*node) for node in nodes) for w, nodes in nodes_of_word.items()}
    words_of_component: dict[tuple[str, str], set[str]] = defaultdict(set)
    for word, nodes in nodes_of_word.items():
        for node in nodes:
            words_of_component[find(node)].add(word)
    # Root of a component: shortest word, then most tagged, then alphabetical.
    component_root = {
        c: min(words, key=lambda w: (len(w), -tags[w], w)) for c, words in words_of_component.items()
    }
    stats = Counter[str]()
    root: dict[str, str] = {}
    for word, nodes in nodes_of_word.items():
        if len({find(n) for n in nodes}) > 1:
            stats["split_homographs"] += 1
        dominant = min(nodes, key=lambda n: (-wn.pos_tags(*n), POS_ORDER.index(n[1])))
        root[word] = component_root[find(dominant)]
    # A root that is a homograph may itself belong to another family ("cleanliness" -> "cleanly"
    # -> "clean"): follow to the fixed point so that derivation_root is idempotent.
    for word in sorted(root):
        seen = {word}
        target = root[word]
        while root[target] != target and root[target] not in seen:
            seen.add(target)
            target = root[target]
        if target != root[word]:
            stats["rerooted"] += 1
        root[word] = target
    families: dict[str, list[str]] = defaultdict(list)
    for word in sorted(root):
        families[root[word]].append(word)
    lines = []
    for r, ws in sorted(families.items()):
        if len(ws) < 2:  # every other word of its component took another root
            stats["singletons"] += 1
        elif wn.attested.isdisjoint(ws):
            stats["unattested"] += 1
        else:
            lines.append(f"{r}\t{','.join(ws)}\n")
    stats["edges"] = len(edges)
    stats["words"] = sum(line.count(",") + 1 for line in lines)
    stats["lines"] = len(lines)
    return lines, dict(stats)


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


def _place_name(word: str) -> str:
    return " ".join(word.replace("_", " ").lower().split())


def _class_closure(wn: WordNet, synset: Synset) -> set[str]:
    """Offsets of the classes an instance synset belongs to: its instance hypernyms (``@i``)
    and their hypernyms (``@``). Hypernym pointers of the instance itself are ignored (WordNet
    has a few slips such as Logrono ``@`` Spain, for a part holonym), and so are instances of
    instances ("Union" ``@i`` United States)."""
    stack = [
        wn.synsets[("n", target)]
        for symbol, tpos, target, _s, _t in synset.pointers
        if symbol == "@i" and tpos == "n"
    ]
    stack = [s for s in stack if not _is_instance(s)]
    seen = {s.offset for s in stack}
    while stack:
        current = stack.pop()
        for symbol, tpos, target, _s, _t in current.pointers:
            if symbol == "@" and tpos == "n" and target not in seen:
                seen.add(target)
                stack.append(wn.synsets[("n", target)])
    return seen


def _anchor(wn: WordNet, ref: Anchor) -> str:
    lemma, pos, sense, gloss = ref
    synset = wn.synset(lemma, pos, sense)
    if not synset.gloss.startswith(gloss):
        raise ValueError(f"{lemma}.{pos}.{sense:02d} is not {gloss!r}: not WordNet 3.0?")
    return synset.offset


NAME_PREFERENCE = {"country": 0, "capital": 1, "city": 2, "division": 2, "region": 2}
CAPITAL_GLOSS_RE = re.compile(r"^(?:the )?capital of ")
CAPITAL_OF_RE = re.compile(r"^capital of (?:the )?(.+)$")


def build_places(wn: WordNet) -> tuple[list[str], dict[str, int]]:
    """The lines of places.tsv and some counts."""
    country = _anchor(wn, COUNTRY)
    capital = _anchor(wn, CAPITAL)
    cities = {_anchor(wn, ref) for ref in CITIES}
    administrative = _anchor(wn, ADMINISTRATIVE)

    places = {
        s.offset: s
        for s in wn.synsets.values()
        if s.pos == "n" and s.lexname == LOCATION_LEXNAME and _is_instance(s)
    }
    kinds: dict[str, str] = {}
    admin: set[str] = set()
    for offset, synset in places.items():
        closure = _class_closure(wn, synset)
        if administrative in closure:
            admin.add(offset)
        if country in closure:
            kinds[offset] = "country"
        elif capital in closure or CAPITAL_GLOSS_RE.match(synset.gloss):
            kinds[offset] = "capital"
        elif closure & cities:
            kinds[offset] = "city"
        elif administrative in closure:
            kinds[offset] = "division"
        else:
            kinds[offset] = "region"

    def canonical(offset: str) -> str:
        return _place_name(places[offset].words[0])

    def containers(offset: str) -> list[str]:
        """Administrative part holonyms, transitively, nearest first (breadth first)."""
        seen = [offset]
        queue = [offset]
        while queue:
            current = queue.pop(0)
            for symbol, _tpos, target, _s, _t in places[current].pointers:
                if symbol == "#p" and target in admin and target not in seen:
                    seen.append(target)
                    queue.append(target)
        return seen[1:]

    # Which place a name stands for: a country if it names one, else a capital, else the first
    # place sense in WordNet's order.
    senses_of_name: dict[str, list[str]] = defaultdict(list)
    for (lemma, pos), offsets in wn.index.items():
        if pos != "n":
            continue
        for offset in offsets:
            if offset in places and any(w.lower() == lemma for w in places[offset].words):
                senses_of_name[_place_name(lemma)].append(offset)
    primary: dict[str, str] = {}
    for name, senses in senses_of_name.items():
        if len(name) < MIN_WORD_LEN:
            continue
        primary[name] = min(senses, key=lambda o: (NAME_PREFERENCE[kinds[o]], senses.index(o)))

    def capital_of(offset: str, up: list[str]) -> str:
        for word in places[offset].words:
            match = CAPITAL_OF_RE.match(_place_name(word))
            if match and match.group(1) in primary:
                return canonical(primary[match.group(1)])
        return canonical(up[0]) if up else ""

    rows: dict[str, tuple[str, str, str, str]] = {}
    stats = Counter[str]()
    for name, offset in primary.items():
        up = containers(offset)
        kind = kinds[offset]
        cap = capital_of(offset, up) if kind == "capital" else ""
        names_up = []
        for o in up:
            if canonical(o) not in names_up and canonical(o) != canonical(offset):
                names_up.append(canonical(o))
        if not (names_up or cap or kind == "country"):
            stats["no_relation"] += 1
            continue
        rows[name] = (canonical(offset), kind, ",".join(sorted(names_up)), cap)
    for alias, target in PLACE_ALIASES.items():
        if target not in rows:
            raise ValueError(f"PLACE_ALIASES: {alias!r} -> unknown place {target!r}")
        rows[alias] = rows[target]
    lines = [f"{name}\t{c}\t{k}\t{up}\t{cap}\n" for name, (c, k, up, cap) in sorted(rows.items())]
    stats["places"] = len(places)
    stats["lines"] = len(lines)
    for kind in ("country", "capital", "city", "division", "region"):
        stats[f"kind_{kind}"] = sum(1 for row in rows.values() if row[1] == kind)
    return lines, dict(stats)


# ---------------------------------------------------------------------------------------------


def build(wn: WordNet) -> dict[str, tuple[list[str], dict[str, int]]]:
    """All three tables: file name -> (data lines, counts)."""
    return {
        "synonyms.tsv": build_synonyms(wn),
        "derivations.tsv": build_derivations(wn),
        "places.tsv": build_places(wn),
    }


def write(out_dir: Path, tables: dict[str, tuple[list[str], dict[str, int]]]) -> None:
    for name, (lines, _stats) in tables.items():
        text = HEADERS[name] + "".join(lines)
        (out_dir / name).write_text(text, encoding="utf-8", newline="\n")


def main(argv: Iterable[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument(
        "--wordnet",
        type=Path,
        default=Path("/usr/share/wordnet"),
        help="directory with WordNet 3.0 data.*, index.* and cntlist.rev (default: %(default)s)",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=here,
        help="where to write " + ", ".join(OUTPUT_FILES) + " (default: next to this script)",
    )
    args = parser.parse_args(None if argv is None else list(argv))
    needed = [f"data.{n}" for n in POS_FILES.values()] + [f"index.{n}" for n in POS_FILES.values()]
    missing = [n for n in [*needed, "cntlist.rev"] if not (args.wordnet / n).is_file()]
    if missing:
        parser.error(f"{args.wordnet}: missing {', '.join(missing)} (apt-get install wordnet-base)")
    tables = build(read_wordnet(args.wordnet))
    write(args.output_dir, tables)
    for name, (_lines, stats) in tables.items():
        print(name, " ".join(f"{k}={v}" for k, v in sorted(stats.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
