"""`tenure events show|reject|restore|confirm|edit`: read one event and correct it from a shell.

Corrections made here are recorded as made by "cli:<user>" (the operating-system user). They
run against the event's current revision unless --revision names the one you read, which makes
a concurrent change an error instead of something overwritten.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
from typing import Any

import msgspec

from tenure.cli.database import with_sessions
from tenure.curation.corrections import Who, confirm_event, edit_event, reject_event, restore_event
from tenure.errors import InvalidInput
from tenure.extractors.contract import DEPARTURE_STATUSES
from tenure.settings import Settings
from tenure.shape import CorrectionOut, EventDetail
from tenure.timelines.detail import event_detail

__all__ = ["cli_actor", "print_history", "register"]

# Action -> (service, what the event then is).
_ACTIONS = {
    "reject": (reject_event, "rejected"),
    "restore": (restore_event, "restored"),
    "confirm": (confirm_event, "confirmed"),
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "events",
        help="show an event and correct it (reject, restore, confirm, edit)",
        description="Read one event with its sources and history, and correct it. Every correction "
        'is recorded with "cli:<user>" as its author and the reason given.',
    )
    actions = parser.add_subparsers(dest="events_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="an event with its sources, state and correction history")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="print what GET /events/{id} returns")
    show.set_defaults(func=run_show)
    for name, text in (
        ("reject", "take a false event out of timelines, /events and exports"),
        ("restore", "bring a rejected or retired event back"),
        ("confirm", "mark an event as checked by a person"),
    ):
        action = actions.add_parser(name, help=text)
        _common(action)
        action.set_defaults(func=run_action, action_name=name)
    edit = actions.add_parser(
        "edit", help="change fields (each one changed is locked against extraction); '' clears one"
    )
    _common(edit)
    edit.add_argument("--person", help="id or name")
    edit.add_argument("--organization", "--company", dest="organization", help="id or name")
    edit.add_argument("--role")
    edit.add_argument("--date", help="YYYY, YYYY-MM or YYYY-MM-DD")
    edit.add_argument(
        "--precision", choices=("day", "week", "month", "year"), help="default: the date's form"
    )
    edit.add_argument("--status", choices=(*DEPARTURE_STATUSES, ""))
    edit.add_argument(
        "--detail", action="append", default=[], metavar="KEY=VALUE", help="set a detail ('KEY=' removes it)"
    )
    edit.set_defaults(func=run_edit)


def _common(action: argparse.ArgumentParser) -> None:
    action.add_argument("id", type=int)
    action.add_argument("--reason", help="why, kept in the event's history")
    action.add_argument("--revision", type=int, help="refuse if the event is no longer at this revision")


def cli_actor(reason: str | None) -> Who:
    return Who(actor=f"cli:{getpass.getuser()}", reason=reason)


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    detail = asyncio.run(_read(settings, args.id))
    if args.json:
        print(msgspec.json.encode(detail).decode())
    else:
        _print_detail(detail)
    return 0


def run_action(args: argparse.Namespace, settings: Settings) -> int:
    action, done = _ACTIONS[args.action_name]
    who = cli_actor(args.reason)
    event = asyncio.run(with_sessions(settings, lambda s: action(s, args.id, who, args.revision)))
    print(f"event {event.id} {done}: now {event.state}, revision {event.revision}")
    return 0


def run_edit(args: argparse.Namespace, settings: Settings) -> int:
    values = _edit_values(args)
    who = cli_actor(args.reason)
    event = asyncio.run(with_sessions(settings, lambda s: edit_event(s, args.id, values, who, args.revision)))
    print(
        f"event {event.id} edited: revision {event.revision}, locked {', '.join(event.locked_fields) or 'nothing'}"
    )
    return 0


def _edit_values(args: argparse.Namespace) -> dict[str, Any]:
    """The options given, as the fields the service takes ('' clears a field)."""
    values: dict[str, Any] = {}
    for name in ("person", "organization"):
        given = getattr(args, name)
        if given is not None:
            values[name] = int(given) if given.strip().isdigit() else (given or None)
    for name in ("role", "date", "status"):
        given = getattr(args, name)
        if given is not None:
            values[name] = given or None
    if args.precision:
        values["date_precision"] = args.precision
    if args.detail:
        values["details"] = dict(_detail(item) for item in args.detail)
    if not values:
        raise InvalidInput(
            "nothing to change: give --date, --role, --status, --person, --organization or --detail"
        )
    return values


def _detail(item: str) -> tuple[str, str | None]:
    key, equals, value = item.partition("=")
    if not equals or not key.strip():
        raise InvalidInput(f"--detail {item!r} is not KEY=VALUE")
    return key.strip(), value or None


async def _read(settings: Settings, event_id: int) -> EventDetail:
    async def work(sessions: Any) -> EventDetail:
        async with sessions() as session:
            return await event_detail(session, event_id)

    return await with_sessions(settings, work)


def _print_detail(event: EventDetail) -> None:
    who = " at ".join(ref.name for ref in (event.person, event.organization) if ref is not None)
    print(f"event {event.id}: {event.type} {who}".rstrip())
    for label, value in (
        ("role", event.role),
        ("date", f"{event.date} ({event.date_precision})" if event.date else None),
        ("announced on", event.announced_on),
        ("status", event.status),
        ("details", ", ".join(f"{k}={v}" for k, v in sorted(event.details.items()) if v is not None) or None),
        ("state", f"{event.state}, revision {event.revision}, confidence {event.confidence}"),
        ("locked", ", ".join(event.locked_fields) or None),
        (
            "confirmed",
            f"{event.confirmed_by} at {event.confirmed_at:%Y-%m-%d %H:%M}" if event.confirmed_at else None,
        ),
        ("extractor", event.extractor_version),
    ):
        if value:
            print(f"  {label + ':':<14}{value}")
    print(f"  sources ({len(event.sources)}):")
    for source in event.sources:
        name = source.source or source.url or f"article {source.article_id}"
        print(f"    article {source.article_id}, {name}, rule {source.rule_id or '-'}: {source.evidence}")
    print_history(event.history)


def print_history(history: list[CorrectionOut]) -> None:
    print(f"  history ({len(history)}):" if history else "  history: no corrections")
    for entry in history:
        changed = ", ".join(f"{k}: {entry.before.get(k)!r} -> {entry.after.get(k)!r}" for k in _keys(entry))
        why = f" ({entry.reason})" if entry.reason else ""
        print(f"    {entry.created_at:%Y-%m-%d %H:%M} {entry.action} by {entry.actor}{why}: {changed}")


def _keys(entry: CorrectionOut) -> list[str]:
    return list(dict.fromkeys([*entry.before, *entry.after]))
