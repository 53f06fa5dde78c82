"""`tenure keys create|list|revoke`: manage the API keys that writes (and optionally reads) need."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from tenure.cli.database import with_sessions
from tenure.models.keys import ApiKey
from tenure.security.keys import create_key, list_keys, revoke_key
from tenure.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "keys",
        help="create, list and revoke API keys",
        description="API keys for the HTTP API. Only a hash of each key is stored: a key is shown "
        "once, when it is created.",
    )
    actions = parser.add_subparsers(dest="keys_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a key and print it (the only time it is shown)")
    create.add_argument("name", help="what the key is for, e.g. 'dashboard' or 'ingest-cron'")
    create.set_defaults(func=run_create)
    listing = actions.add_parser("list", help="list keys (prefix, name, created, last used, revoked)")
    listing.set_defaults(func=run_list)
    revoke = actions.add_parser("revoke", help="revoke a key by id or prefix; it stops working at once")
    revoke.add_argument("key", metavar="ID|PREFIX", help="the id or prefix `tenure keys list` shows")
    revoke.set_defaults(func=run_revoke)


def run_create(args: argparse.Namespace, settings: Settings) -> int:
    created = asyncio.run(with_sessions(settings, lambda s: create_key(s, args.name)))
    print(created.plaintext)
    print(
        f"tenure: created key {created.key.id} ({created.key.prefix}…) named {created.key.name!r}; "
        "store it now, it cannot be shown again",
        file=sys.stderr,
    )
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    keys = asyncio.run(with_sessions(settings, list_keys))
    if not keys:
        print("no API keys yet: create one with `tenure keys create NAME`")
        return 0
    print(f"{'ID':>4}  {'PREFIX':<14}{'NAME':<24}{'CREATED':<18}{'LAST USED':<18}STATUS")
    for key in keys:
        print(_row(key))
    return 0


def run_revoke(args: argparse.Namespace, settings: Settings) -> int:
    key = asyncio.run(with_sessions(settings, lambda s: revoke_key(s, args.key)))
    print(f"revoked key {key.id} ({key.prefix}…) named {key.name!r}")
    return 0


def _row(key: ApiKey) -> str:
    status = f"revoked {_when(key.revoked_at)}" if key.revoked_at else "active"
    return (
        f"{key.id:>4}  {key.prefix + '…':<14}{key.name[:22]:<24}{_when(key.created_at):<18}"
        f"{_when(key.last_used_at) or 'never':<18}{status}"
    )


def _when(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""
