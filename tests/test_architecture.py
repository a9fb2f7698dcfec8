"""The house by stage, read from the code: arrows run one way, no cycle, small modules and functions.

The import graph is read with ast from every module of src/briefgen, imports inside functions
included, so a lazy import running against the flow counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support.paths import ROOT

SOURCE = ROOT / "src" / "briefgen"
# The stages in pipeline order: a module may import its own stage and the ones above it, never a later one.
STAGES = (
    ("shared", ("briefgen", "briefgen.errors", "briefgen.atomic", "briefgen.cachedir", "briefgen.filenames",
                "briefgen.marks")),
    ("outline", ("briefgen.outline",)),
    ("importer", ("briefgen.importer",)),
    ("words", ("briefgen.words",)),
    ("project", ("briefgen.project",)),
    ("document", ("briefgen.document",)),
    ("layout", ("briefgen.layout",)),
    ("fonts", ("briefgen.fonts",)),
    ("job", ("briefgen.job",)),
    ("writers", ("briefgen.writers",)),
    ("render", ("briefgen.render",)),
    ("briefs", ("briefgen.briefs",)),
    ("build", ("briefgen.build",)),
    ("cli", ("briefgen.cli", "briefgen.__main__")),
)
# What must stay out of reach (imports followed transitively), whatever the order allows.
UNREACHABLE = (
    ("briefgen.outline", ("briefgen.words", "briefgen.layout", "briefgen.document", "briefgen.writers")),
    ("briefgen.writers", ("briefgen.outline", "briefgen.build", "briefgen.cli.fonts_report")),
)
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
CHECKED_FOLDERS = ("src", "tests", "bench", "tools")


def module_name(path: Path, source: Path) -> str:
    parts = path.relative_to(source.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def read_graph(source: Path = SOURCE) -> dict[str, set[str]]:
    """Return module -> the briefgen modules it imports, anywhere in its code."""
    modules = {module_name(p, source): p for p in source.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets.add(base)
                targets.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def stage_of(module: str) -> int:
    """Return the index of the stage a module belongs to (its longest matching prefix)."""
    best, length = -1, -1
    for index, (_name, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = index, len(prefix)
    assert best >= 0, f"{module} belongs to no stage: add it to STAGES"
    return best


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return a cycle of imports as a list of modules, or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def reach(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Return every broken rule of the import graph, in words."""
    found = []
    cycle = find_cycle(graph)
    if cycle:
        found.append("import cycle: " + " -> ".join(cycle))
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            if stage_of(target) > stage_of(module):
                found.append(f"arrow running back: {module} ({STAGES[stage_of(module)][0]}) imports {target} "
                             f"({STAGES[stage_of(target)][0]})")
    for prefix, banned in UNREACHABLE:
        for module in sorted(m for m in graph if m == prefix or m.startswith(prefix + ".")):
            for target in sorted(reach(graph, module)):
                if any(target == b or target.startswith(b + ".") for b in banned):
                    found.append(f"{module} reaches {target}")
    return found


def test_the_import_graph_runs_one_way_without_cycles():
    assert violations(read_graph()) == []


@pytest.mark.parametrize("added, says", [
    (("briefgen.outline.parse", "briefgen.words.titles"), "briefgen.outline.parse reaches briefgen.words.titles"),
    (("briefgen.writers.pdf.writer", "briefgen.outline.seeds"), "writer reaches briefgen.outline.seeds"),
    (("briefgen.layout.lines", "briefgen.briefs.maker"), "arrow running back: briefgen.layout.lines (layout)"),
    (("briefgen.writers.docx.writer", "briefgen.cli.fonts_report"), "reaches briefgen.cli.fonts_report"),
    (("briefgen.build.plans", "briefgen.build.builder"), "import cycle"),
    (("briefgen.cli.quickcheck", "briefgen.cli.commands"), "import cycle"),
])
def test_the_checker_fails_when_an_arrow_is_added(added, says):
    graph = read_graph()
    source, target = added
    graph[source] = graph[source] | {target}
    assert any(says in v for v in violations(graph)), violations(graph)


def test_the_graph_reader_sees_imports_inside_functions(tmp_path):
    package = tmp_path / "briefgen"
    (package / "outline").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "outline" / "__init__.py").write_text("")
    (package / "outline" / "parse.py").write_text("def f():\n    from briefgen.layout import lines\n")
    (package / "layout").mkdir()
    (package / "layout" / "__init__.py").write_text("")
    (package / "layout" / "lines.py").write_text("from ..outline import parse\n")
    graph = read_graph(package)
    assert graph["briefgen.outline.parse"] == {"briefgen.layout", "briefgen.layout.lines"}
    assert graph["briefgen.layout.lines"] == {"briefgen.outline", "briefgen.outline.parse"}


def long_parts(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(ROOT)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length} lines")
    return found


@pytest.mark.parametrize("folder", CHECKED_FOLDERS)
def test_modules_and_functions_stay_small(folder):
    assert long_parts(ROOT / folder) == []
