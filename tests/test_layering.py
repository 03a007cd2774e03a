"""The apps build on each other one way, so no import has to hide inside a function to break a circle.

Each layer may import itself and the layers below it, never above: ``neighborhoods`` knows none of the
apps whose sections its page shows (they register them, neighborhoods/sections.py), and the portal's
foundations know no app. Imports are read from the source, including those inside functions.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Lowest first; apps in one layer do not import each other. ``search.indexing`` and ``search.text`` are
# what page models mix in to be indexed; the rest of ``search`` (the search page) sits on top with the
# front page and the reports, and the demo content, built from all of them, above those.
LAYERS = [
    ["portal"],
    ["search.indexing", "search.text"],
    ["neighborhoods"],
    ["forms", "news"],
    ["directory"],
    ["programmes"],
    ["council"],
    ["reports", "search", "home"],
    ["demo"],
]
# The URLconf gathers every app's URLs: it is the project's top, whatever package holds it.
TOP_MODULES = {"portal.urls"}
# Django's place for code that must wait until every app is loaded.
READY_MODULES = {"apps"}


def unit_of(module):
    """The layer entry a dotted module name belongs to (the longest matching prefix)."""
    entries = [entry for layer in LAYERS for entry in layer]
    matches = [entry for entry in entries if module == entry or module.startswith(entry + ".")]
    return max(matches, key=len) if matches else None


def layer_of(unit):
    return next(number for number, layer in enumerate(LAYERS) if unit in layer)


def source_modules():
    for app in {entry.split(".")[0] for layer in LAYERS for entry in layer}:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            yield module, path


def imports(module, path):
    """(imported module, line, inside a function) for every import in the file."""
    tree = ast.parse(path.read_text())
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    nested = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested.update(id(sub) for sub in ast.walk(node) if sub is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names = [f"{base}.{alias.name}" for alias in node.names] if node.module is None else [base]
        else:
            continue
        for name in names:
            yield name, node.lineno, id(node) in nested


def test_no_app_imports_an_app_above_it():
    wrong = []
    for module, path in source_modules():
        if module in TOP_MODULES:
            continue
        unit = unit_of(module)
        for imported, line, _nested in imports(module, path):
            target = unit_of(imported)
            if target is None or target.split(".")[0] == unit.split(".")[0] and layer_of(target) == layer_of(unit):
                continue
            if layer_of(target) >= layer_of(unit) and target != unit:
                wrong.append(f"{path.relative_to(ROOT)}:{line} {module} imports {imported}")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_no_import_of_another_app_hides_inside_a_function():
    hidden = []
    for module, path in source_modules():
        if module.rpartition(".")[2] in READY_MODULES:
            continue
        unit = unit_of(module)
        for imported, line, nested in imports(module, path):
            target = unit_of(imported)
            if nested and target is not None and target.split(".")[0] != unit.split(".")[0]:
                hidden.append(f"{path.relative_to(ROOT)}:{line} {imported}")
    assert not hidden, "imports of another app inside functions:\n" + "\n".join(hidden)


@pytest.mark.parametrize("app", ["neighborhoods"])
def test_the_neighbourhood_app_names_none_of_its_sections(app):
    """Not even as strings: the page types under a neighbourhood say so in their parent_page_types."""
    others = ("news.", "programmes.", "directory.", "participation.", "forms.", "reports.")
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        text = path.read_text()
        assert not any(f'"{name}' in text for name in others), path
