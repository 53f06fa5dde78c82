"""`tenure people|companies rename|split|history`: correct a person or a company from a shell.

Corrections are recorded as made by "cli:<user>", as `tenure events` records them.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from tenure.cli.database import with_sessions
from tenure.cli.events import cli_actor, print_history
from tenure.curation.entities import rename_entity, split_entity
from tenure.curation.history import history
from tenure.settings import Settings
from tenure.shape import CorrectionOut
from tenure.timelines.directory import get_entity

__all__ = ["register"]

# Command name -> (entity kind, what one is called).
_KINDS = {"people": ("person", "person"), "companies": ("organization", "company")}


def register(subparsers: Any) -> None:
    for command, (kind, label) in _KINDS.items():
        parser = subparsers.add_parser(
            command, help=f"rename or split a {label}, or read its history", description=__doc__
        )
        actions = parser.add_subparsers(dest=f"{command}_action", metavar="ACTION", required=True)
        rename = actions.add_parser("rename", help="give a new name; the old one stays as an alias")
        rename.add_argument("id", type=int)
        rename.add_argument("name")
        rename.add_argument("--reason")
        rename.set_defaults(func=run_rename, kind=kind, label=label)
        split = actions.add_parser(
            "split", help=f"a new {label} takes these aliases and events (a wrong merge undone)"
        )
        split.add_argument("id", type=int)
        split.add_argument("--name", required=True, help=f"the new {label}'s name")
        split.add_argument("--alias", dest="aliases", action="append", default=[], help="repeatable")
        split.add_argument("--event", dest="events", action="append", type=int, default=[], help="repeatable")
        split.add_argument("--reason")
        split.set_defaults(func=run_split, kind=kind, label=label)
        log = actions.add_parser("history", help="renames and splits, oldest first")
        log.add_argument("id", type=int)
        log.set_defaults(func=run_history, kind=kind, label=label)


def run_rename(args: argparse.Namespace, settings: Settings) -> int:
    who = cli_actor(args.reason)
    entity = asyncio.run(
        with_sessions(settings, lambda s: rename_entity(s, args.kind, args.id, args.name, who))
    )
    print(f"{args.label} {entity.id} is now {entity.name!r}")
    return 0


def run_split(args: argparse.Namespace, settings: Settings) -> int:
    who = cli_actor(args.reason)
    created = asyncio.run(
        with_sessions(
            settings, lambda s: split_entity(s, args.kind, args.id, args.name, args.aliases, args.events, who)
        )
    )
    moved = f"{len(args.aliases)} alias(es) and {len(set(args.events))} event(s)"
    print(f"new {args.label} {created.id} {created.name!r} took {moved} from {args.label} {args.id}")
    return 0


def run_history(args: argparse.Namespace, settings: Settings) -> int:
    async def work(sessions: Any) -> tuple[str, list[CorrectionOut]]:
        async with sessions() as session:
            entity = await get_entity(session, args.kind, args.id)
            return entity.name, await history(session, args.kind, entity.id)

    name, entries = asyncio.run(with_sessions(settings, work))
    print(f"{args.label} {args.id}: {name}")
    print_history(entries)
    return 0
