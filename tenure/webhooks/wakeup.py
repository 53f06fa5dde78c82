"""Waking idle workers as soon as deliveries commit, instead of at their next poll.

Two signals, both sent only when the outbox's transaction commits (never for a rollback):
- on PostgreSQL, `pg_notify` on CHANNEL inside that transaction: PostgreSQL delivers it at
  commit to every worker LISTENing, on any machine;
- in this process (a worker inside `tenure serve`, any back end), an after-commit hook sets the
  local workers' wake events.
Polling (Settings.worker_poll_interval) stays as the fallback: a lost signal delays a delivery
by one poll, never loses it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

__all__ = ["CHANNEL", "Waker", "announce_deliveries"]

CHANNEL = "tenure_webhooks"
_log = logging.getLogger("tenure.webhooks")
# Wake events of the workers running in this process, with their loops (set from any thread).
_local: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()


def _wake_local(_session: Any) -> None:
    for loop, wake in list(_local):
        try:
            loop.call_soon_threadsafe(wake.set)
        except RuntimeError:  # that loop has closed
            _local.discard((loop, wake))


async def announce_deliveries(session: AsyncSession) -> None:
    """Called by the outbox after writing deliveries, inside the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})
    if _local:
        event.listen(session.sync_session, "after_commit", _wake_local, once=True)


class Waker:
    """What a worker waits on between rounds: stop, a wake signal, or the poll interval."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.wake = asyncio.Event()
        self._key = (asyncio.get_running_loop(), self.wake)
        self._listener: Any = None

    async def start(self) -> None:
        _local.add(self._key)
        if not self.database_url.startswith("postgresql"):
            return
        try:
            import asyncpg

            dsn = (
                make_url(self.database_url).set(drivername="postgresql").render_as_string(hide_password=False)
            )
            self._listener = await asyncpg.connect(dsn, timeout=5)
            await self._listener.add_listener(CHANNEL, self._notified)
        except Exception as exc:  # polling still delivers everything, a little later
            _log.warning("webhook worker cannot LISTEN for new deliveries (%s); polling only", exc)
            self._listener = None

    def _notified(self, *_args: Any) -> None:
        self.wake.set()

    async def wait(self, stop: asyncio.Event, seconds: float) -> None:
        stopping = asyncio.ensure_future(stop.wait())
        waking = asyncio.ensure_future(self.wake.wait())
        try:
            await asyncio.wait({stopping, waking}, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
            waking.cancel()
        self.wake.clear()

    async def close(self) -> None:
        _local.discard(self._key)
        if self._listener is not None:
            try:
                await self._listener.close(timeout=5)
            except Exception:  # already gone with the server; nothing to release
                self._listener.terminate()
            self._listener = None
