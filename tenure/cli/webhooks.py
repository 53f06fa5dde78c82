"""`tenure webhooks create|list|pause|resume|delete|deliveries|redeliver`: manage webhook subscriptions."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from tenure.cli.database import with_sessions
from tenure.models.webhooks import Subscription
from tenure.settings import Settings
from tenure.webhooks import subscriptions as service
from tenure.webhooks.subscriptions import EVENT_TYPES, NewSubscription


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "webhooks",
        help="manage webhook subscriptions",
        description="Subscriptions to new events, delivered by `tenure worker` (or `tenure serve`), "
        "signed per Standard Webhooks with the secret printed once at creation.",
    )
    actions = parser.add_subparsers(dest="webhooks_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="subscribe a URL; prints the signing secret (shown once)")
    create.add_argument("url", help="the receiver, e.g. https://hooks.example.com/tenure")
    create.add_argument(
        "--type",
        dest="types",
        action="append",
        choices=EVENT_TYPES,
        help="an event type to deliver (repeatable; default: departure)",
    )
    create.add_argument("--company", dest="companies", action="append", type=int, default=[], metavar="ID")
    create.add_argument("--person", dest="people", action="append", type=int, default=[], metavar="ID")
    create.add_argument(
        "--updates", action="store_true", help="also deliver when an event gains a source or a better date"
    )
    create.add_argument(
        "--retractions",
        action="store_true",
        help="also deliver when an event is withdrawn (rejected by an analyst, retired by reextract)",
    )
    create.add_argument("--description", help="a note for the listing")
    create.set_defaults(func=run_create)
    actions.add_parser("list", help="list subscriptions").set_defaults(func=run_list)
    for name, func, text in (
        ("pause", run_pause, "stop sending; deliveries queue up"),
        ("resume", run_resume, "send again, also after tenure disabled it"),
        ("delete", run_delete, "delete a subscription and its delivery log"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("id", type=int, help="the id `tenure webhooks list` shows")
        action.set_defaults(func=func)
    log = actions.add_parser("deliveries", help="a subscription's recent deliveries and their attempts")
    log.add_argument("id", type=int, help="the subscription id")
    log.add_argument("--limit", type=int, default=20)
    log.set_defaults(func=run_deliveries)
    again = actions.add_parser("redeliver", help="send a delivery again now (same webhook-id)")
    again.add_argument("delivery", type=int, help="the delivery id `tenure webhooks deliveries` shows")
    again.set_defaults(func=run_redeliver)


def run_create(args: argparse.Namespace, settings: Settings) -> int:
    data = NewSubscription(
        url=args.url,
        event_types=args.types or ["departure"],
        organization_ids=args.companies,
        person_ids=args.people,
        notify_updates=args.updates,
        notify_retractions=args.retractions,
        description=args.description,
    )
    row = asyncio.run(with_sessions(settings, lambda s: service.create_subscription(s, settings, data)))
    print(row.secret)
    print(
        f"tenure: subscription {row.id} created for {row.url}; the line above is its signing secret, "
        "store it now, it cannot be shown again",
        file=sys.stderr,
    )
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    rows = asyncio.run(with_sessions(settings, service.list_subscriptions))
    if not rows:
        print("no webhook subscriptions yet: create one with `tenure webhooks create URL`")
        return 0
    for row in rows:
        print(_row(row))
    return 0


def run_pause(args: argparse.Namespace, settings: Settings) -> int:
    row = asyncio.run(with_sessions(settings, lambda s: service.pause_subscription(s, args.id)))
    print(_row(row))
    return 0


def run_resume(args: argparse.Namespace, settings: Settings) -> int:
    row = asyncio.run(with_sessions(settings, lambda s: service.resume_subscription(s, args.id)))
    print(_row(row))
    return 0


def run_delete(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(with_sessions(settings, lambda s: service.delete_subscription(s, args.id)))
    print(f"deleted subscription {args.id}")
    return 0


def run_deliveries(args: argparse.Namespace, settings: Settings) -> int:
    logs = asyncio.run(
        with_sessions(settings, lambda s: service.list_deliveries(s, args.id, limit=args.limit))
    )
    if not logs:
        print(f"no deliveries for subscription {args.id} yet")
    for log in logs:
        d = log.delivery
        tries = ", ".join(_attempt_word(a) for a in log.attempts) or "not tried yet"
        print(f"{d.id:>6}  {d.webhook_id}  event {d.event_id}  {d.status:<9}  attempts: {tries}")
        if d.last_error:
            print(f"        last error: {d.last_error}")
    return 0


def run_redeliver(args: argparse.Namespace, settings: Settings) -> int:
    delivery = asyncio.run(with_sessions(settings, lambda s: service.redeliver(s, args.delivery)))
    print(f"delivery {delivery.id} ({delivery.webhook_id}) queued to be sent again")
    return 0


def _row(row: Subscription) -> str:
    filters = []
    if row.organization_ids:
        filters.append("companies " + ",".join(map(str, row.organization_ids)))
    if row.person_ids:
        filters.append("people " + ",".join(map(str, row.person_ids)))
    if row.notify_updates:
        filters.append("with updates")
    if row.notify_retractions:
        filters.append("with retractions")
    status = row.status + (f" ({row.disabled_reason})" if row.disabled_reason else "")
    return (
        f"{row.id:>4}  {status:<10} {','.join(row.event_types):<24} {row.url}  {'; '.join(filters)}".rstrip()
    )


def _attempt_word(attempt: Any) -> str:
    """An attempt's answer, labelled so "HTTP 204" never reads as a count of attempts."""
    if attempt.outcome == "unknown":
        return "unknown (worker stopped)"
    return f"HTTP {attempt.status_code}" if attempt.status_code else "no answer"
