"""Fuzz target over ``crosscheck.compare()``: any input bytes -> two or three texts -> a report.

    pip install atheris                                      # PyPI wheel; no clang needed on x86-64 Linux
    python benchmarks/fuzz_compare.py -max_total_time=300    # libFuzzer flags pass through
    python benchmarks/fuzz_compare.py --hypothesis --seconds 300   # same target without atheris

Without flags it runs for 300 seconds. The corpus (benchmarks/out/fuzz/corpus) is seeded on first
use from seeds/*.txt, a few NeuS events from ../shared/eval (when present) and short clashes;
crashes, slow inputs and out-of-memory inputs go to benchmarks/out/fuzz/ (``crash-*``,
``timeout-*``, ``oom-*``). Reproduce one with ``python benchmarks/fuzz_compare.py --repro FILE``,
which prints the texts and the traceback; every finding becomes a regression test in
tests/test_properties.py.

Input layout (hand-rolled rather than atheris.FuzzedDataProvider so that the seed corpus maps to
real articles, and the same bytes mean the same texts under the hypothesis fallback):

    byte 0      flags: bit 0 set = three texts (else two); bit 1 set = code-point body (else UTF-8)
    bytes 1-8   two big-endian uint32 cut points, as fractions of the body's length (2**-32 steps)
    rest        the body: UTF-8 decoded with errors="replace", or 3 bytes per code point
                (any plane; surrogates are shifted out of the surrogate block)

The body is cut into the texts at the cut points (sorted). Beyond "compare() never raises", each
run checks the contract: spans inside the text, every claim in a finding, evidence inside the
claim's spans, findings' claims exist, the JSON rendering parses back to ``to_dict()``, and
comparing again gives the same JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out" / "fuzz"
CORPUS = OUT / "corpus"
DEFAULT_SECONDS = 300
MAX_LEN = 16384  # bytes per fuzz input: a few articles' worth
HEADER = 9
SHORT_SEEDS = (
    ("Iran and the United States met indirectly in Muscat on February 6.",
     "Iran and the United States met directly in Muscat on February 6."),
    ("The minister said 12 people were killed on Monday.",
     "The minister did not say that 15 people were killed on Tuesday.", "Officials will meet again."),
    ("", "\u00af\u0301 \ufb01ne caf\u0065\u0301 \u2028 \u200b"),
)


# --------------------------------------------------------------------------- input layout


def split_input(data: bytes) -> list[str]:
    """The texts one fuzz input stands for (see the module docstring)."""
    flags = data[0] if data else 0
    count = 3 if flags & 1 else 2
    head = data[1:HEADER].ljust(8, b"\0")
    fractions = sorted(int.from_bytes(head[i : i + 4], "big") for i in (0, 4))[: count - 1]
    body = data[HEADER:]
    if flags & 2:
        chars = []
        for i in range(0, len(body) - 2, 3):
            cp = int.from_bytes(body[i : i + 3], "big") % 0x110000
            chars.append(chr(cp + 0x800 if 0xD800 <= cp < 0xE000 else cp))
        text = "".join(chars)
    else:
        text = body.decode("utf-8", "replace")
    cuts = [0, *((len(text) * f) >> 32 for f in fractions), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


def join_texts(texts: Sequence[str]) -> bytes:
    """The fuzz input (UTF-8 layout) that ``split_input`` turns back into ``texts``."""
    if not 2 <= len(texts) <= 3:
        raise ValueError("two or three texts")
    text = "".join(texts)
    bounds = []
    pos = 0
    for t in texts[:-1]:
        pos += len(t)
        # smallest fraction f with (len * f) >> 32 == pos
        bounds.append(0 if not text else min(2**32 - 1, -(-(pos << 32) // len(text))))
    if len(texts) == 2:
        bounds.append(2**32 - 1)
    head = bytes([1 if len(texts) == 3 else 0]) + b"".join(b.to_bytes(4, "big") for b in bounds)
    data = head + text.encode("utf-8")
    if split_input(data) != list(texts):  # e.g. a text with lone surrogates
        raise ValueError("texts do not round-trip through the UTF-8 layout")
    return data


# --------------------------------------------------------------------------- the target


def check(texts: Sequence[str]) -> None:
    """Compare ``texts`` and check the report against the contract; raises on any violation."""
    import crosscheck
    from crosscheck.render import json as render_json

    names = [f"s{i}.txt" for i in range(len(texts))]
    report = crosscheck.compare(dict(zip(names, texts)))
    data = report.to_dict()
    rendered = render_json.render(report)
    assert json.loads(rendered) == data, "JSON does not parse back to to_dict()"
    by_source = {s["id"]: t for s, t in zip(data["sources"], texts)}
    claims = {c["id"]: c for c in data["claims"]}
    assert len(claims) == len(data["claims"]), "duplicate claim ids"
    for c in data["claims"]:
        n = len(by_source[c["source"]])
        assert c["spans"], f"claim {c['id']} has no span"
        for s, e in c["spans"]:
            assert 0 <= s < e <= n, f"claim {c['id']} span {[s, e]} outside a text of {n} characters"
    covered: set[str] = set()
    for f in data["findings"]:
        for cid in f["claims"]:
            assert cid in claims, f"finding {f['id']} names unknown claim {cid}"
        covered.update(f["claims"])
        for ev in f["evidence"]:
            outer = claims[ev["claim"]]["spans"]
            for s, e in ev["spans"]:
                assert any(a <= s and e <= b for a, b in outer), (
                    f"finding {f['id']} evidence {[s, e]} outside claim {ev['claim']} spans {outer}"
                )
    assert covered == set(claims), f"claims in no finding: {sorted(set(claims) - covered)}"
    again = render_json.render(crosscheck.compare(dict(zip(names, texts))))
    assert again == rendered, "same input, different JSON"


def one_input(data: bytes) -> None:
    check(split_input(data))


# --------------------------------------------------------------------------- corpus


def seed_inputs() -> Iterator[bytes]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    for i in range(len(seeds)):
        for j in range(len(seeds)):
            if i != j:
                yield join_texts([seeds[i], seeds[j]])
    for texts in SHORT_SEEDS:
        yield join_texts(list(texts))
    yield from _neus_inputs(8)


def _neus_inputs(limit: int) -> Iterator[bytes]:
    sys.path.insert(0, str(HERE))
    try:
        import datasets

        root = datasets.default_eval_dir()
        if not (root / "neus" / "val.source").is_file():
            return
        for event in datasets.load_neus(root, "val")[:limit]:
            texts = [datasets.neus_text(t, b) for t, b in event][:3]
            if len(texts) >= 2:
                data = join_texts(texts)
                if len(data) <= MAX_LEN:
                    yield data
    finally:
        sys.path.remove(str(HERE))


def ensure_corpus(corpus: Path = CORPUS) -> Path:
    import hashlib

    corpus.mkdir(parents=True, exist_ok=True)
    for data in seed_inputs():
        path = corpus / ("seed-" + hashlib.sha1(data).hexdigest()[:16])
        if not path.exists():
            path.write_bytes(data)
    return corpus


# --------------------------------------------------------------------------- runners


def run_atheris(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["crosscheck"]):
        import crosscheck
        import crosscheck.render.json  # noqa: F401

    if not any(not a.startswith("-") for a in argv[1:]):
        argv.append(str(ensure_corpus()))
    flags = {a.split("=", 1)[0] for a in argv[1:] if a.startswith("-")}
    OUT.mkdir(parents=True, exist_ok=True)
    defaults = {
        "-max_total_time": str(DEFAULT_SECONDS),
        "-max_len": str(MAX_LEN),
        "-timeout": "20",  # seconds for one input: a slow input is a finding too
        "-rss_limit_mb": "4096",
        "-artifact_prefix": str(OUT) + "/",
        "-print_final_stats": "1",
    }
    argv[1:1] = [f"{k}={v}" for k, v in defaults.items() if k not in flags]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


def run_hypothesis(seconds: float, corpus: Path | None = None) -> int:
    """The same target driven by hypothesis: random bytes, structured texts and the seed
    corpus (mutated), in batches until ``seconds`` have passed. Returns the number of inputs."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    seeds = [p.read_bytes() for p in sorted(ensure_corpus(corpus or CORPUS).iterdir())]

    def mutate(data: bytes, edits: list[tuple[int, bytes]]) -> bytes:
        buf = bytearray(data)
        for pos, chunk in edits:
            if buf:
                p = pos % len(buf)
                buf[p : p + len(chunk)] = chunk
        return bytes(buf[:MAX_LEN])

    inputs = st.one_of(
        st.binary(max_size=2048),
        st.lists(st.text(max_size=400), min_size=2, max_size=3).map(
            lambda ts: bytes([len(ts) - 2]) + b"\x55\x55\x55\x55\xaa\xaa\xaa\xaa" + "".join(ts).encode("utf-8")
        ),
        st.builds(mutate, st.sampled_from(seeds), st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=16)), max_size=8)),
    )
    count = 0

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=[Phase.generate, Phase.shrink])
    @given(inputs)
    def target(data: bytes) -> None:
        nonlocal count
        count += 1
        one_input(data)

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        target()
    return count


def repro(path: Path) -> int:
    data = path.read_bytes()
    texts = split_input(data)
    for i, t in enumerate(texts):
        print(f"text {i}: {t!r}")
    try:
        check(texts)
    except Exception:  # noqa: BLE001
        traceback.print_exc()
        return 1
    print("no failure")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                 add_help=True)
    ap.add_argument("--hypothesis", action="store_true", help="run under hypothesis instead of atheris")
    ap.add_argument("--seconds", type=float, default=DEFAULT_SECONDS, help="time bound of --hypothesis")
    ap.add_argument("--repro", type=Path, help="run one saved input and show the texts and the traceback")
    ap.add_argument("--seed-corpus", action="store_true", help="only write the seed corpus and exit")
    ours, libfuzzer = ap.parse_known_args(argv[1:])
    if ours.repro:
        return repro(ours.repro)
    if ours.seed_corpus:
        print(ensure_corpus())
        return 0
    if not ours.hypothesis:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("fuzz_compare: atheris is not installed (pip install atheris); using --hypothesis",
                  file=sys.stderr)
            ours.hypothesis = True
    if ours.hypothesis:
        t0 = time.monotonic()
        n = run_hypothesis(ours.seconds)
        print(f"fuzz_compare: {n} inputs in {time.monotonic() - t0:.0f} s under hypothesis, no failure",
              file=sys.stderr)
        return 0
    run_atheris([argv[0], *libfuzzer])
    return 0


if __name__ == "__main__":
    sys.exit(main())
