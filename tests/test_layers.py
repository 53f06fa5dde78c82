"""Package boundaries: ingest/ and timelines/ do not import each other (both use tenure.names)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TENURE = Path(__file__).resolve().parents[1] / "tenure"


def imported(package: str) -> set[tuple[str, str]]:
    """(module file, imported module) for every tenure import in the package, at any depth."""
    found = set()
    for path in (TENURE / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add((path.name, node.module))
            elif isinstance(node, ast.Import):
                found.update((path.name, alias.name) for alias in node.names)
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"), [("ingest", "tenure.timelines"), ("timelines", "tenure.ingest")]
)
def test_ingest_and_timelines_do_not_import_each_other(package: str, forbidden: str) -> None:
    crossing = sorted((name, module) for name, module in imported(package) if module.startswith(forbidden))
    assert crossing == []


def test_names_import_neither() -> None:
    assert not [m for _, m in imported("names") if m.startswith(("tenure.ingest", "tenure.timelines"))]


def test_cli_commands_reach_the_database_through_one_helper() -> None:
    """tenure.cli.database.with_sessions checks the schema and maps outages for every command."""
    engines = sorted(
        name for name, module in imported("cli") if module == "tenure.models.db" and name != "database.py"
    )
    assert engines == []
