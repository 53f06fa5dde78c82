"""`tenure db upgrade|current|downgrade`: apply and inspect the schema migrations."""

from __future__ import annotations

import argparse
from typing import Any

from tenure.models.availability import sync_database_errors
from tenure.models.migrate import current_revision, downgrade, head_revision, run_blocking, upgrade
from tenure.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "db",
        help="apply or inspect database migrations",
        description="Manage the schema of the database named by TENURE_DATABASE_URL.",
    )
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    up = actions.add_parser("upgrade", help="apply migrations (to the newest by default)")
    up.add_argument("revision", nargs="?", default="head", help="target revision (default: head)")
    up.set_defaults(func=run_upgrade)
    current = actions.add_parser("current", help="print the database's revision")
    current.set_defaults(func=run_current)
    down = actions.add_parser("downgrade", help="revert migrations down to REVISION (base: all)")
    down.add_argument("revision", help="target revision, e.g. 0001_initial, or base")
    down.set_defaults(func=run_downgrade)


def run_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    url = settings.database_url
    with sync_database_errors(url, connecting=True):
        upgrade(url, args.revision)
    print(f"database at revision {_revision(url)}")
    return 0


def run_downgrade(args: argparse.Namespace, settings: Settings) -> int:
    url = settings.database_url
    with sync_database_errors(url, connecting=True):
        downgrade(url, args.revision)
    print(f"database at revision {_revision(url)}")
    return 0


def run_current(args: argparse.Namespace, settings: Settings) -> int:
    print(_revision(settings.database_url))
    return 0


def _revision(url: str) -> str:
    with sync_database_errors(url, connecting=True):
        current = run_blocking(current_revision(url))
    head = head_revision()
    if current is None:
        return f"none (empty database; `tenure db upgrade` applies {head})"
    return f"{current} (head)" if current == head else f"{current} (behind head {head})"
