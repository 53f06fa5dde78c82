"""Metrics shared by several server processes (`tenure serve --workers N`).

prometheus_client keeps each process's counters in memory, so with N uvicorn workers a scrape
would see only the worker that answered it. With PROMETHEUS_MULTIPROC_DIR set, every process
writes its series to files in that folder and /metrics sums them (MultiProcessCollector).
The variable must be set before prometheus_client is imported in a worker: the parent calls
`prepare_multiprocess_dir()` before spawning workers, and the workers inherit it.

This module imports prometheus_client only when it must, so calling it first is always safe.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["ENV_VAR", "multiprocess_dir", "prepare_multiprocess_dir"]

ENV_VAR = "PROMETHEUS_MULTIPROC_DIR"


def multiprocess_dir() -> str | None:
    """The shared folder when multiprocess mode is on, else None."""
    return os.environ.get(ENV_VAR) or None


def prepare_multiprocess_dir(path: str | os.PathLike[str] | None = None) -> str | None:
    """Make metrics add up across the worker processes about to be spawned.

    The folder is PROMETHEUS_MULTIPROC_DIR when set, else `path` (then exported for the workers);
    with neither, nothing changes (single-process mode) and None is returned. Files left by a
    previous run are deleted, or their counts would be added to this run's.
    """
    chosen = multiprocess_dir() or (os.fspath(path) if path is not None else None)
    if chosen is None:
        return None
    folder = Path(chosen)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink(missing_ok=True)
    os.environ[ENV_VAR] = str(folder)
    _switch_loaded_client()
    return str(folder)


def _switch_loaded_client() -> None:
    # prometheus_client picks its value store when imported; if this process imported it already,
    # series created from now on must still go to the shared files.
    values = sys.modules.get("prometheus_client.values")
    if values is not None:
        values.ValueClass = values.get_value_class()  # type: ignore[attr-defined]
