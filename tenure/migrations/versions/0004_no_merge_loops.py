"""no merge loops: repair any, then let a merge point only at a survivor

Revision ID: 0004_no_merge_loops
Revises: 0003_webhooks
Written by hand. Opposite merges sent at one moment could both commit (A -> B and B -> A), leaving
people or companies whose pointers form a loop: their reads answered 404 and every article naming
them was refused. The merge service now locks both rows; this migration repairs loops already
stored (the lowest id of each loop becomes the survivor again; chains are flattened so every
merged row points at a survivor) and adds a trigger on both back ends that refuses a pointer to
oneself or to a row that is itself merged. With every pointer on a survivor, no loop can form.

A trigger rather than a table CHECK: SQLite can only add a CHECK by rebuilding the table, and a
rebuild with foreign keys on would cascade to aliases and events.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_no_merge_loops"
down_revision = "0003_webhooks"
branch_labels = None
depends_on = None

TABLES = ("people", "organizations")
MESSAGE = "a merge must point at a survivor other than itself"


def upgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        _repair(bind, table)
        if bind.dialect.name == "postgresql":
            op.execute(_pg_function(table))
            op.execute(
                f"CREATE TRIGGER {table}_merge_target BEFORE INSERT OR UPDATE OF merged_into_id ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_merge_target()"
            )
        else:
            for action in ("INSERT", "UPDATE OF merged_into_id"):
                name = f"{table}_merge_target_{action.split()[0].lower()}"
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} FOR EACH ROW "
                    "WHEN NEW.merged_into_id IS NOT NULL AND (NEW.merged_into_id = NEW.id OR "
                    f"(SELECT merged_into_id FROM {table} WHERE id = NEW.merged_into_id) IS NOT NULL) "
                    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
                )


def downgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        if bind.dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_merge_target ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_merge_target()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_merge_target_insert")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_merge_target_update")


def _pg_function(table: str) -> str:
    return f"""
CREATE FUNCTION {table}_merge_target() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.merged_into_id IS NOT NULL AND (
        NEW.merged_into_id = NEW.id
        OR (SELECT merged_into_id FROM {table} WHERE id = NEW.merged_into_id) IS NOT NULL
    ) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$"""


def _repair(bind: sa.Connection, table: str) -> None:
    """Break stored loops at their lowest id and point every merged row at its survivor."""
    stored: dict[int, int | None] = {
        row[0]: row[1] for row in bind.execute(sa.text(f"SELECT id, merged_into_id FROM {table}"))
    }
    pointers = dict(stored)
    survivor: dict[int, int] = {}
    for start in stored:
        path: list[int] = []
        current: int | None = start
        while current is not None and current not in survivor and current not in path:
            path.append(current)
            current = pointers.get(current)
        if current is None:
            root = path[-1]
        elif current in survivor:
            root = survivor[current]
        else:  # a loop: its lowest id survives
            root = min(path[path.index(current) :])
            pointers[root] = None
        for node in path:
            survivor[node] = root
    update = sa.text(f"UPDATE {table} SET merged_into_id = :into WHERE id = :id")
    for node, root in survivor.items():
        wanted = None if node == root else root
        if stored[node] != wanted:
            bind.execute(update, {"into": wanted, "id": node})
