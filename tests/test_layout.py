"""The package layout shows the pipeline: no import cycles, no arrow running back up the stages.

Every module under generator/ is parsed (not imported), and every `import` counts, the lazy ones
inside functions and under `if TYPE_CHECKING:` included: a lazy import still ties a module to the
one it names, it only hides the tie from whoever reads the top of the file."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"

# Each package may import its own modules and those of any earlier layer, never a later one or a
# peer in its own layer. `generator` itself (its __init__: the version) is below everything.
LAYERS: list[set[str]] = [
    {"generator", "generator.problems", "generator.typography"},
    {"generator.utils"},
    {"generator.config"},
    {"generator.text"},
    {"generator.ingest", "generator.content"},
    {"generator.linking"},
    {"generator.render"},
    {"generator.pages"},
    {"generator.publish"},
    {"generator.engine"},
    {"generator.serve"},
    {"generator.cli"},
    {"generator.__main__"},
]

# Imports let through while they are being removed (none now). The test fails on any import not
# listed here, and on a listed one that is gone (so the list only shrinks).
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()

MAX_TOP_LEVEL_MODULES = 8

# Tests that replace a private function (monkeypatch.setattr(x, "_name", ...)) to count calls; each
# waits for a public seam in the module it tests. The list only shrinks.
KNOWN_PRIVATE_PATCHES: set[tuple[str, str]] = {
    ("test_build.py", "_existing"),  # ingest/stage.py: which briefings' front-matter is read
    ("test_check.py", "_page_problems"),  # publish/check.py: which pages are checked
    ("test_search.py", "_digest"),  # publish/search.py: which pages are read for their digest
}


@functools.cache
def module_names() -> dict[str, Path]:
    """Every module under generator/, by dotted name (a package by its own name, for its __init__)."""
    modules = {}
    for path in GENERATOR.rglob("*.py"):
        parts = list(path.relative_to(GENERATOR.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported(tree: ast.AST, modules: dict[str, Path]) -> Iterator[str]:
    """The generator modules a parsed module imports, wherever in it the import statement is."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"relative import of {node.module!r}: the layout test reads absolute ones"
            if node.module not in modules:
                continue
            for alias in node.names:  # `from generator.pages import tags` names a module, not an attribute
                submodule = f"{node.module}.{alias.name}"
                yield submodule if submodule in modules else node.module


@functools.cache
def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: set(imported(ast.parse(path.read_text(encoding="utf-8")), modules)) - {name}
            for name, path in modules.items()}


def layer(module: str) -> int:
    """The layer of a module: that of its package, or its own for a top-level module."""
    parts = module.split(".")
    for candidate in (".".join(parts[:2]), module):
        for rank, names in enumerate(LAYERS):
            if candidate in names:
                return rank
    raise AssertionError(f"{module} is in no layer: add its package to LAYERS in tests/test_layout.py")


def package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def back_arrows(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Imports of a later layer, or of another package in the same layer."""
    return {(importer, target) for importer, targets in graph.items() for target in targets
            if package(importer) != package(target) and layer(importer) <= layer(target)}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def without_known(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    return {importer: {target for target in targets if (importer, target) not in KNOWN_VIOLATIONS}
            for importer, targets in graph.items()}


def test_no_import_cycle():
    found = cycles(without_known(import_graph()))
    assert not found, "import cycles (each group imports itself round a loop):\n" + "\n".join(
        " <-> ".join(group) for group in found)


def test_no_import_runs_back_up_the_layers():
    new = sorted(back_arrows(import_graph()) - KNOWN_VIOLATIONS)
    assert not new, "imports of a later layer or a peer package (see LAYERS in tests/test_layout.py):\n" + "\n".join(
        f"{importer} imports {target}" for importer, target in new)


def test_known_violations_still_exist():
    """A violation that was removed leaves the list, so that it cannot come back unnoticed."""
    graph = import_graph()
    gone = sorted((importer, target) for importer, target in KNOWN_VIOLATIONS if target not in graph.get(importer, ()))
    assert not gone, "fixed, now remove from KNOWN_VIOLATIONS in tests/test_layout.py:\n" + "\n".join(
        f"{importer} -> {target}" for importer, target in gone)


def test_few_top_level_modules():
    top = sorted(path.name for path in GENERATOR.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, f"{len(top)} modules beside generator/'s packages: {top}"


def private_patches(tree: ast.AST) -> Iterator[str]:
    """The private names a test module replaces with setattr (monkeypatch's or the builtin)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and len(node.args) >= 2
                and (getattr(node.func, "attr", None) or getattr(node.func, "id", None)) == "setattr"
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
                and node.args[1].value.startswith("_") and not node.args[1].value.startswith("__")):
            yield node.args[1].value


def test_no_test_patches_a_private_function():
    found = {(path.name, name) for path in sorted(GENERATOR.parent.joinpath("tests").glob("test_*.py"))
             for name in private_patches(ast.parse(path.read_text(encoding="utf-8")))}
    assert not found - KNOWN_PRIVATE_PATCHES, f"tests that replace a private function: {sorted(found - KNOWN_PRIVATE_PATCHES)}"
    assert not KNOWN_PRIVATE_PATCHES - found, f"no longer patched, remove from KNOWN_PRIVATE_PATCHES: {sorted(KNOWN_PRIVATE_PATCHES - found)}"


def test_the_checks_see_a_back_arrow_and_a_cycle():
    """The rules themselves, on a small graph: a lazy import up a layer, and a loop of two."""
    graph = {"generator.text.entities": {"generator.linking.archive"},
             "generator.linking.archive": {"generator.text.entities"},
             "generator.pages.tags": {"generator.linking.archive"}}
    assert back_arrows(graph) == {("generator.text.entities", "generator.linking.archive")}
    assert cycles(graph) == [["generator.linking.archive", "generator.text.entities"]]
    tree = ast.parse("def later():\n    from generator.pages import tags, listing\n")
    assert set(imported(tree, module_names())) == {"generator.pages.tags", "generator.pages.listing"}
    patched = ast.parse('monkeypatch.setattr(stage, "_existing", f)\nmonkeypatch.setattr(stage, "make", f)\n'
                        'setattr(Path, "__fspath__", f)\n')
    assert list(private_patches(patched)) == ["_existing"]
