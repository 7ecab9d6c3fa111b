"""Loaders for the evaluation sets in ../shared/eval (see its README.md).

Every loader yields ``Pair`` values in file order: ``(text_a, text_b, gold)``
plus a stable ``key`` used for deterministic sampling. Nothing here knows
about crosscheck; the data is read as the eval README describes it and no
row is altered, filtered or special-cased.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# bodies.csv holds article bodies longer than csv's default field limit on some platforms.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class Pair:
    key: str  # stable identifier: set name + row id
    text_a: str
    text_b: str
    gold: str | float  # a class label, or a float score for STS-B


def default_eval_dir() -> Path:
    """``$CROSSCHECK_EVAL``, else ``$CROSSCHECK_SHARED/eval``, else ``<repo>/../shared/eval``."""
    env = os.environ.get("CROSSCHECK_EVAL")
    if env:
        return Path(env)
    shared = os.environ.get("CROSSCHECK_SHARED")
    if shared:
        return Path(shared) / "eval"
    return (REPO / ".." / "shared" / "eval").resolve()


# --------------------------------------------------------------------------- loaders


def load_fnc1(root: Path) -> Iterator[Pair]:
    """Headline (a) vs article body (b); gold agree/disagree/discuss/unrelated."""
    with open(root / "fnc1" / "bodies.csv", encoding="utf-8", newline="") as fh:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(fh)}
    with open(root / "fnc1" / "stances.csv", encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            yield Pair(f"fnc1:{i}", row["Headline"], bodies[row["Body ID"]], row["Stance"])


def load_emergent(root: Path) -> Iterator[Pair]:
    """Rumour claim (a) vs news headline (b); gold for/against/observing."""
    with open(root / "emergent" / "emergent_train.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield Pair(
                f"emergent:{row['id']}",
                row["claimHeadline"],
                row["articleHeadline"],
                row["articleHeadlineStance"],
            )


def _tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_sick(root: Path) -> Iterator[Pair]:
    """SICK train + trial; gold ENTAILMENT/CONTRADICTION/NEUTRAL."""
    for name in ("SICK_train.txt", "SICK_trial.txt"):
        path = root / "sick" / name
        if not path.exists():
            continue
        for row in _tsv(path):
            if not row or not row[0].strip().isdigit():  # tolerate a header line
                continue
            yield Pair(f"sick:{name}:{row[0]}", row[1], row[2], row[4].strip())


def load_msrp(root: Path) -> Iterator[Pair]:
    """MSRP train (BOM, tab-separated, quoting off); gold "1" paraphrase / "0" not."""
    for i, row in enumerate(_tsv(root / "msrp" / "msr_paraphrase_train.txt")):
        if not row or row[0].strip() not in ("0", "1"):  # tolerate a header line
            continue
        yield Pair(f"msrp:{i}:{row[1]}:{row[2]}", row[3], row[4], row[0].strip())


def load_stsb(root: Path) -> Iterator[Pair]:
    """STS-B train + dev; the first 7 columns; gold is the 0-5 similarity."""
    for name in ("sts-train.csv", "sts-dev.csv"):
        path = root / "stsb" / name
        if not path.exists():
            continue
        for i, row in enumerate(_tsv(path)):
            if len(row) < 7:
                continue
            _genre, _file, _year, _id, score, s1, s2 = row[:7]
            yield Pair(f"stsb:{name}:{i}", s1, s2, float(score))


LOADERS: dict[str, Callable[[Path], Iterator[Pair]]] = {
    "fnc1": load_fnc1,
    "emergent": load_emergent,
    "sick": load_sick,
    "msrp": load_msrp,
    "stsb": load_stsb,
}


# --------------------------------------------------------------------------- seeds gold

SEED_A = "000_998571cf22615945.txt"
SEED_B = "004_cc2e1438f1cbf80f.txt"


def seed_paths() -> tuple[Path, Path]:
    """The two seed articles from the repo's seeds/ (the eval README's a and b)."""
    return REPO / "seeds" / SEED_A, REPO / "seeds" / SEED_B


def read_seed(path: Path) -> str:
    # Seeds are UTF-8; the library's spans index the text as decoded (BOM stripped).
    return path.read_bytes().decode("utf-8-sig")


def load_seeds_gold(root: Path) -> list[dict[str, object]]:
    with open(root / "seeds_gold.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# --------------------------------------------------------------------------- NeuS


def load_neus(root: Path, split: str = "val") -> list[list[tuple[str, str]]]:
    """NeuS events: each a list of (title, article) for its three outlets."""
    events: list[list[tuple[str, str]]] = []
    with open(root / "neus" / f"{split}.source", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            articles = []
            for part in line.split(" [SEP] "):
                part = part.strip()
                title, sep, body = part.partition("ARTICLE=>")
                title = title.replace("TITLE=>", "", 1).strip()
                articles.append((title, body.strip() if sep else ""))
            events.append(articles)
    return events


def neus_text(title: str, body: str) -> str:
    """One outlet's article as a source: the title as its first line, then the body."""
    return f"{title}\n\n{body}" if title else body


# --------------------------------------------------------------------------- sampling


def _rank(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def stratum(gold: str | float) -> str:
    """Sampling stratum: the label, or the integer bin of a 0-5 score."""
    if isinstance(gold, float):
        return str(min(int(gold), 4))  # 0-1, 1-2, 2-3, 3-4, 4-5
    return gold


def sample(pairs: Sequence[Pair], limit: int | None) -> list[Pair]:
    """A deterministic sample of ``limit`` pairs stratified by label.

    Each stratum gets a share proportional to its size (largest remainder),
    at least one pair while ``limit`` allows; within a stratum pairs are
    taken in order of a hash of their key, so the sample does not depend on
    file order and a larger ``limit`` extends a smaller one in every stratum
    whose quota grows. The result keeps
    file order. ``None`` or a limit >= the set size returns everything.
    """
    if limit is None or limit >= len(pairs):
        return list(pairs)
    groups: dict[str, list[Pair]] = {}
    for p in pairs:
        groups.setdefault(stratum(p.gold), []).append(p)
    names = sorted(groups, key=lambda g: (-len(groups[g]), g))
    quota = {g: 0 for g in names}
    # one each first (rarest classes matter most for macro scores)
    for g in sorted(names, key=lambda g: (len(groups[g]), g)):
        if sum(quota.values()) < limit:
            quota[g] = 1
    remaining = limit - sum(quota.values())
    if remaining > 0:
        total = len(pairs)
        exact = {g: limit * len(groups[g]) / total for g in names}
        extra = {g: max(0, int(exact[g]) - quota[g]) for g in names}
        for g in names:
            extra[g] = min(extra[g], len(groups[g]) - quota[g])
        while sum(extra.values()) > remaining:  # can only happen through the minimum of one
            g = max(names, key=lambda g: (extra[g], g))
            extra[g] -= 1
        for g in names:
            quota[g] += extra[g]
        left = limit - sum(quota.values())
        order = sorted(names, key=lambda g: (-(exact[g] - int(exact[g])), g))
        while left > 0:
            progressed = False
            for g in order:
                if left and quota[g] < len(groups[g]):
                    quota[g] += 1
                    left -= 1
                    progressed = True
            if not progressed:
                break
    chosen: set[str] = set()
    for g in names:
        for p in sorted(groups[g], key=lambda p: _rank(p.key))[: quota[g]]:
            chosen.add(p.key)
    return [p for p in pairs if p.key in chosen]


def load(name: str, root: Path, limit: int | None = None) -> list[Pair]:
    return sample(list(LOADERS[name](root)), limit)
