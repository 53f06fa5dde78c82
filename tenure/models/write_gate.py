"""One writer at a time on an SQLite database, inside the process.

SQLite lets one connection write at a time. Left to itself, every other writer polls the file
lock from its driver thread (busy_timeout) and fails with "database is locked" when it loses
the race for too long. Instead, a session's write transaction first takes this gate, an asyncio
lock shared by every engine on the same database file and event loop (the API, the webhook
worker and the source poller in one `tenure serve`), so writers queue in order without holding
a connection or a file lock, and readers (WAL) never wait.

A transaction takes the gate at its first write (a flush with something to write, or an
INSERT/UPDATE/DELETE statement), before its connection runs it, and holds it until the
transaction ends. Reads, and transactions that end up writing nothing, never take it. A
writer that waits longer than the bound (Settings.sqlite_write_wait) gets DatabaseBusy: a 503
with Retry-After. Re-entry by the task that holds the gate (a nested session) passes, as it did
before the gate existed. Other processes (a CLI ingest beside the server) are still kept apart
by SQLite's own lock and busy_timeout.
"""

from __future__ import annotations

import asyncio
import functools
import math
import weakref
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction
from sqlalchemy.util import await_only

from tenure.errors import DatabaseBusy

__all__ = ["DEFAULT_WRITE_WAIT", "WriteGate", "gated_session_class", "write_gate"]

DEFAULT_WRITE_WAIT = 20.0
_HOLDER = "tenure_write_gate"  # Session.info key: set while this session's transaction holds the gate


class WriteGate:
    """A re-entrant, per event loop lock with a bounded wait."""

    def __init__(self, wait: float) -> None:
        self.wait = wait
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopLock] = (
            weakref.WeakKeyDictionary()
        )

    def _lock(self) -> _LoopLock:
        loop = asyncio.get_running_loop()
        lock = self._locks.get(loop)
        if lock is None:
            lock = self._locks[loop] = _LoopLock()
        return lock

    async def acquire(self) -> None:
        lock = self._lock()
        task = asyncio.current_task()
        if lock.owner is task and task is not None:
            lock.depth += 1
            return
        try:
            async with asyncio.timeout(self.wait):
                await lock.lock.acquire()
        except TimeoutError:
            raise DatabaseBusy(
                f"the database is busy: a write waited {self.wait:g} seconds for the writers before it; "
                "try again shortly",
                retry_after=max(1, math.ceil(self.wait / 4)),
            ) from None
        lock.owner, lock.depth = task, 1

    def release(self) -> None:
        lock = self._lock()
        lock.depth -= 1
        if lock.depth == 0:
            lock.owner = None
            lock.lock.release()


class _LoopLock:
    __slots__ = ("depth", "lock", "owner")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.owner: asyncio.Task[Any] | None = None
        self.depth = 0


# One gate per SQLite database in the process, whatever engine or session factory reaches it.
_gates: dict[str, WriteGate] = {}


def write_gate(database: str, wait: float | None = None) -> WriteGate:
    """The gate of this database (its URL). `wait` sets its bound (the app passes
    Settings.sqlite_write_wait); None keeps the bound it has, DEFAULT_WRITE_WAIT for a new gate."""
    gate = _gates.get(database)
    if gate is None:
        gate = _gates[database] = WriteGate(DEFAULT_WRITE_WAIT)
    if wait is not None:
        gate.wait = wait
    return gate


@functools.cache  # one class (and one set of listeners) per gate, however many engines reach it
def gated_session_class(gate: WriteGate) -> type[Session]:
    """A Session class whose write transactions go through the gate (for async_sessionmaker's
    sync_session_class); the listeners run inside SQLAlchemy's greenlet, so they may await."""

    class GatedSession(Session):
        pass

    def take(session: Session) -> None:
        if not session.info.get(_HOLDER):
            await_only(gate.acquire())
            session.info[_HOLDER] = True

    @event.listens_for(GatedSession, "before_flush")
    def on_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
        take(session)  # only called when there is something to write

    @event.listens_for(GatedSession, "do_orm_execute")
    def on_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            take(state.session)

    @event.listens_for(GatedSession, "after_transaction_end")
    def on_end(session: Session, transaction: SessionTransaction) -> None:
        if transaction.parent is None and session.info.pop(_HOLDER, False):
            gate.release()

    return GatedSession
