"""The package's layers: no module imports a higher layer, and no imports form a cycle.

Every import counts, at module level and inside functions; only imports under ``if TYPE_CHECKING:``
are left out (they never run). The layers, bottom first, are listed in ``LAYERS`` and explained in
``docs/architecture.rst``.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "partnerdata"

# Bottom first. A module may import its own layer and the layers below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("partnerdata._version", "partnerdata._model"),
    ("partnerdata._io",),
    ("partnerdata._query",),
    ("partnerdata._diff",),
    ("partnerdata._ingest",),
    ("partnerdata.strategies",),
    ("partnerdata._display",),
    ("partnerdata._cli", "partnerdata.__main__"),
    ("partnerdata", "partnerdata._hypothesis"),
)


def layer(module: str) -> int:
    """The layer of a module of the package: the one whose prefix names it most closely."""
    best, rank = -1, -1
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), i
    assert rank >= 0, module
    return rank


def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield other
                yield from _walk(other)
            continue
        yield child
        yield from _walk(child)


def imports(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules that ``module`` imports (a ``from X import y`` counts ``X.y`` when it is a module)."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in _walk(ast.parse(path.read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".") if is_package else module.split(".")[:-1]
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            names = [base]
            names += [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known]
        out.update(name for name in names if name in known)
    out.discard(module)
    return out


GRAPH = {name: imports(name, path, modules()) for name, path in modules().items()}


def test_the_graph_sees_the_imports_it_should() -> None:
    # The checks below mean something only if the parser finds imports at all, in functions too.
    assert "partnerdata._model.records" in GRAPH["partnerdata._query.dataset"]
    assert "partnerdata._display.html" in GRAPH["partnerdata._display.register"]  # inside a function
    assert "partnerdata._query.dataset" not in GRAPH["partnerdata._query.questions"]  # TYPE_CHECKING only
    assert len(GRAPH) > 30


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_a_higher_layer(module: str) -> None:
    upward = sorted(target for target in GRAPH[module] if layer(target) > layer(module))
    assert not upward, f"{module} (layer {layer(module)}) imports a higher layer: {upward}"


def test_no_import_cycles() -> None:
    # Tarjan's strongly connected components: any component of more than one module is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_every_module_has_a_layer() -> None:
    for module in GRAPH:
        assert 0 <= layer(module) < len(LAYERS)
