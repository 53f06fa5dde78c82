"""delivery attempts say their outcome: succeeded, failed, or unknown

Revision ID: 0005_attempt_outcome
Revises: 0004_no_merge_loops
Written by hand. A worker killed between a send and its record left no trace of the attempt; the
next claim of the delivery now records it as `unknown` (it may have arrived; it is sent again with
the same webhook-id). Existing rows get their outcome from their status code.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_attempt_outcome"
down_revision = "0004_no_merge_loops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_delivery_attempts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.String(length=16), nullable=True))
    op.execute(
        "UPDATE webhook_delivery_attempts SET outcome = CASE "
        "WHEN status_code >= 200 AND status_code < 300 THEN 'succeeded' ELSE 'failed' END"
    )


def downgrade() -> None:
    with op.batch_alter_table("webhook_delivery_attempts", schema=None) as batch_op:
        batch_op.drop_column("outcome")
