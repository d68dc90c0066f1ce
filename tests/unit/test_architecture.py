"""The shape of the package: no import cycle between modules, and no long module (core or GUI)
without a reason. The layers themselves are an import-linter contract (pyproject.toml,
`lint-imports`)."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parents[2] / "ethics_tool"
LONG = 400
# A longer module says why in its docstring, with these words.
REASON = "Over 400 lines because"
# Known and owned elsewhere: remove an entry when its module is split (the test then keeps it so).
PENDING: dict[str, str] = {}
# Known run-time cycles, each to be removed by its owner (then delete the entry).
KNOWN_CYCLES: list[list[str]] = []


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of modules (Tarjan), each a cycle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if not other.startswith("ethics_tool"):
                continue
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(m for m in graph.modules if m.startswith("ethics_tool")):
        if module not in index:
            visit(module)
    return groups


def test_no_module_imports_itself_through_others() -> None:
    """Every import made at run time counts, also one inside a function. An import under
    ``if TYPE_CHECKING:`` (annotations only) does not: the layers contract counts those too."""
    graph = grimp.build_graph("ethics_tool", exclude_type_checking_imports=True)
    cycles = [group for group in import_cycles(graph) if group not in KNOWN_CYCLES]
    described = []
    for group in cycles:
        chain = graph.find_shortest_chain(importer=group[0], imported=group[1]) or ()
        back = graph.find_shortest_chain(importer=group[1], imported=group[0]) or ()
        described.append(f"{' -> '.join(chain)} and back: {' -> '.join(back)}")
    assert not cycles, "import cycles:\n" + "\n".join(described)


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("ethics_tool.a", "ethics_tool.b", "ethics_tool.c"):
        graph.add_module(name)
    graph.add_import(importer="ethics_tool.a", imported="ethics_tool.b")
    graph.add_import(importer="ethics_tool.b", imported="ethics_tool.a")
    graph.add_import(importer="ethics_tool.c", imported="ethics_tool.a")
    assert import_cycles(graph) == [["ethics_tool.a", "ethics_tool.b"]]


def test_long_modules_say_why() -> None:
    """The Qt-free core and the GUI alike (migrations are generated and never edited)."""
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("storage/migrations/versions/"):
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if lines > LONG and REASON not in docstring and relative not in PENDING:
            unexplained.append(f"ethics_tool/{relative}: {lines} lines")
    assert not unexplained, (
        f"split these, or say why in the module docstring ({REASON!r} …):\n"
        + "\n".join(unexplained)
    )


def test_pending_modules_are_still_long() -> None:
    """An entry in PENDING goes once its module is split (or gives its reason)."""
    stale = []
    for relative in PENDING:
        path = PACKAGE / relative
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if text.count("\n") <= LONG or REASON in docstring:
            stale.append(relative)
    assert not stale, f"remove these from PENDING: {stale}"
