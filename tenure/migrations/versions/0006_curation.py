"""curation: event states, analysts' locked fields, announcement dates and the corrections log

Revision ID: 0006_curation
Revises: 0005_attempt_outcome
Written by hand. Events gain a state (active, rejected, retired), the fields an analyst locked by
editing them, who confirmed them, when they were announced and the engine version behind them.
Articles record the engine version that last read them, so re-extraction knows what is stale.
Subscriptions may opt in to retractions. The corrections table is the audit trail of every
change made by a person or by re-extraction. Existing events stay active with nothing locked.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0006_curation"
down_revision = "0005_attempt_outcome"
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(JSONB(), "postgresql")
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(length=12), server_default="active", nullable=False))
        batch_op.add_column(sa.Column("locked_fields", JSON_DOC, server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("confirmed_by", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("announced_on", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("extractor_version", sa.String(length=40), nullable=True))
        batch_op.create_index("ix_events_state", ["state"], unique=False)
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("extractor_version", sa.String(length=40), nullable=True))
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("notify_retractions", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        "corrections",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("subject_type", sa.String(length=16), nullable=False),
        sa.Column("subject_id", BIG_ID, nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("before", JSON_DOC, nullable=False),
        sa.Column("after", JSON_DOC, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    op.create_index(
        "ix_corrections_subject", "corrections", ["subject_type", "subject_id", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_corrections_subject", table_name="corrections")
    op.drop_table("corrections")
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.drop_column("notify_retractions")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("extractor_version")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_state")
        batch_op.drop_column("extractor_version")
        batch_op.drop_column("announced_on")
        batch_op.drop_column("confirmed_by")
        batch_op.drop_column("confirmed_at")
        batch_op.drop_column("locked_fields")
        batch_op.drop_column("state")
