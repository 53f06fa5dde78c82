"""Loading rows by id for the registries (webhook subscriptions, feed sources).

One place says what a missing id means to a caller: a NotFound naming the thing the user asked
for, which the API turns into a 404 and the CLI into one line.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.errors import NotFound
from tenure.models.base import Base

Row = TypeVar("Row", bound=Base)


async def list_all(sessions: async_sessionmaker[AsyncSession], model: type[Row]) -> list[Row]:
    """Every row of the table, oldest id first."""
    async with sessions() as session:
        return list((await session.execute(select(model).order_by(model.id))).scalars())  # type: ignore[attr-defined]


async def get_or_404(session: AsyncSession, model: type[Row], row_id: int, label: str) -> Row:
    """The row with this id, or NotFound("no <label> with id N")."""
    row = await session.get(model, row_id)
    if row is None:
        raise NotFound(f"no {label} with id {row_id}")
    return row


async def load(sessions: async_sessionmaker[AsyncSession], model: type[Row], row_id: int, label: str) -> Row:
    """get_or_404 in a session of its own, for reads that need nothing else."""
    async with sessions() as session:
        return await get_or_404(session, model, row_id, label)
