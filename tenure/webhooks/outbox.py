"""The transactional outbox: deliveries written in the same transaction as the event change.

Placeholder with the final interface; the webhooks work replaces the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

ChangeKind = Literal["created", "source_added", "date_refined"]


@dataclass(frozen=True, slots=True)
class EventChange:
    """What an ingest did to one stored event; the outbox turns it into deliveries."""

    event_id: int
    kind: ChangeKind


async def enqueue_event_changes(session: AsyncSession, changes: Sequence[EventChange]) -> int:
    """Write a delivery row per matching subscription, in the caller's transaction.

    Called by the ingest service after it flushed the events, before it commits. Returns the
    number of deliveries written. Must not commit.
    """
    return 0
