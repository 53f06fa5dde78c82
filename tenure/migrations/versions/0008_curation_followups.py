"""curation follow-ups: what edited events said before the analyst corrected them

Revision ID: 0008_curation_followups
Revises: 0007_sources
Written by hand. event_former_facts keeps, for each analyst edit that changed an event's fact
(person, organization, role, date, details), the event as it was before the edit, so a later
article repeating the corrected-away values joins the corrected event instead of bringing the
mistake back. The rows for edits made before this migration are rebuilt from the corrections
log: starting from each edited event as it is now, every edit is undone newest first.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0008_curation_followups"
down_revision = "0007_sources"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(JSONB(), "postgresql")
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# An edit of one of these changed what the event states (status and confirmation do not).
FACT_FIELDS = ("person", "organization", "role", "date", "date_precision", "details")


def upgrade() -> None:
    former = op.create_table(
        "event_former_facts",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("event_id", BIG_ID, nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("person_id", BIG_ID, nullable=True),
        sa.Column("organization_id", BIG_ID, nullable=True),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("details", JSON_DOC, nullable=False),
        sa.Column("announced_on", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_former_facts_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_former_facts")),
    )
    op.create_index("ix_event_former_facts_event_id", "event_former_facts", ["event_id"], unique=False)
    op.create_index(
        "ix_event_former_facts_key",
        "event_former_facts",
        ["type", "person_id", "organization_id"],
        unique=False,
    )
    rows = _former_facts(op.get_bind())
    if rows:
        op.bulk_insert(former, rows)


def downgrade() -> None:
    op.drop_index("ix_event_former_facts_key", table_name="event_former_facts")
    op.drop_index("ix_event_former_facts_event_id", table_name="event_former_facts")
    op.drop_table("event_former_facts")


def _former_facts(bind: sa.engine.Connection) -> list[dict[str, Any]]:
    corrections = sa.table(
        "corrections",
        sa.column("id", BIG_ID),
        sa.column("subject_type", sa.String),
        sa.column("subject_id", BIG_ID),
        sa.column("action", sa.String),
        sa.column("before", JSON_DOC),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    events = sa.table(
        "events",
        *(sa.column(name) for name in ("id", "type", "person_id", "organization_id", "role", "date")),
        *(sa.column(name) for name in ("date_precision", "announced_on")),
        sa.column("details", JSON_DOC),
    )
    edits = bind.execute(
        sa.select(corrections.c.subject_id, corrections.c.before, corrections.c.created_at)
        .where(corrections.c.subject_type == "event", corrections.c.action == "edit")
        .order_by(corrections.c.subject_id, corrections.c.id.desc())
    ).all()
    by_event: dict[int, list[Any]] = {}
    for edit in edits:
        by_event.setdefault(edit.subject_id, []).append(edit)
    rows: list[dict[str, Any]] = []
    for event in (
        bind.execute(sa.select(events).where(events.c.id.in_(list(by_event)))).all() if by_event else []
    ):
        state = dict(event._mapping)
        for edit in by_event[event.id]:  # newest first: undo each edit in turn
            before = dict(edit.before or {})
            if not set(before) & set(FACT_FIELDS):
                continue
            for name in FACT_FIELDS:
                if name in before:
                    _undo(state, name, before[name])
            rows.append(
                {
                    "event_id": event.id,
                    **{k: state[k] for k in ("type", "person_id", "organization_id", "role", "date")},
                    "date_precision": state["date_precision"],
                    "details": dict(state["details"] or {}),
                    "announced_on": state["announced_on"],
                    "created_at": edit.created_at,
                }
            )
    return rows


def _undo(state: dict[str, Any], name: str, value: Any) -> None:
    """Put back one field's value from before an edit (entities are recorded as {id, name})."""
    if name in ("person", "organization"):
        state[f"{name}_id"] = value.get("id") if isinstance(value, dict) else None
    else:
        state[name] = value
