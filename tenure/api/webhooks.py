"""Webhook subscriptions and their delivery log: /webhooks/subscriptions, /webhooks/deliveries.

Every endpoint needs an API key, reads included: subscriptions are the operator's data.
"""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, post
from litestar.params import JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED, HTTP_204_NO_CONTENT

from tenure.api.auth import ALWAYS_KEYED
from tenure.api.deps import IdPath, SessionFactory, SettingsDep
from tenure.api.webhook_schemas import (
    DeliveryListOut,
    DeliveryOut,
    SubscriptionIn,
    SubscriptionListOut,
    SubscriptionOut,
    delivery_out,
    subscription_out,
)
from tenure.webhooks import subscriptions as service
from tenure.webhooks.subscriptions import DeliveryLog, NewSubscription

__all__ = ["DeliveryController", "SubscriptionController"]


class SubscriptionController(Controller):
    path = "/webhooks/subscriptions"
    tags = ["webhooks"]
    opt = ALWAYS_KEYED

    @post(
        "/",
        status_code=HTTP_201_CREATED,
        summary="Subscribe a URL to new events",
        description="The response carries the signing secret (whsec_...), the only time it is shown. "
        "A URL on a private, loopback, link-local or metadata address is refused with 422.",
    )
    async def create(
        self, data: JSONBody[SubscriptionIn], sessions: SessionFactory, settings: SettingsDep
    ) -> SubscriptionOut:
        row = await service.create_subscription(
            sessions,
            settings,
            NewSubscription(
                url=data.url,
                event_types=data.event_types,
                organization_ids=data.companies,
                person_ids=data.people,
                notify_updates=data.notify_updates,
                notify_retractions=data.notify_retractions,
                description=data.description,
            ),
        )
        return subscription_out(row, with_secret=True)

    @get("/", summary="List webhook subscriptions")
    async def list_all(self, sessions: SessionFactory) -> SubscriptionListOut:
        return SubscriptionListOut(
            [subscription_out(row) for row in await service.list_subscriptions(sessions)]
        )

    @get("/{subscription_id:int}", summary="A webhook subscription")
    async def read(self, subscription_id: IdPath, sessions: SessionFactory) -> SubscriptionOut:
        return subscription_out(await service.get_subscription(sessions, subscription_id))

    @post(
        "/{subscription_id:int}/pause", status_code=HTTP_200_OK, summary="Stop sending (deliveries queue up)"
    )
    async def pause(self, subscription_id: IdPath, sessions: SessionFactory) -> SubscriptionOut:
        return subscription_out(await service.pause_subscription(sessions, subscription_id))

    @post(
        "/{subscription_id:int}/resume",
        status_code=HTTP_200_OK,
        summary="Send again (also after tenure disabled it); queued deliveries go out",
    )
    async def resume(self, subscription_id: IdPath, sessions: SessionFactory) -> SubscriptionOut:
        return subscription_out(await service.resume_subscription(sessions, subscription_id))

    @delete("/{subscription_id:int}", status_code=HTTP_204_NO_CONTENT, summary="Delete with its delivery log")
    async def remove(self, subscription_id: IdPath, sessions: SessionFactory) -> None:
        await service.delete_subscription(sessions, subscription_id)

    @get(
        "/{subscription_id:int}/deliveries",
        summary="The delivery log: newest first, each delivery with every attempt",
    )
    async def deliveries(
        self,
        subscription_id: IdPath,
        sessions: SessionFactory,
        settings: SettingsDep,
        status: Annotated[
            str | None,
            QueryParameter(
                description="pending, succeeded or failed", pattern="^(pending|succeeded|failed)$"
            ),
        ] = None,
        before: Annotated[
            int | None, QueryParameter(description="next_before of the previous page", ge=1)
        ] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=service.DELIVERY_PAGE_MAX)] = 50,
    ) -> DeliveryListOut:
        logs = await service.list_deliveries(
            sessions, subscription_id, status=status, limit=limit, before_id=before
        )
        next_before = logs[-1].delivery.id if len(logs) == limit else None
        return DeliveryListOut([delivery_out(log, settings.base_url) for log in logs], next_before)


class DeliveryController(Controller):
    path = "/webhooks/deliveries"
    tags = ["webhooks"]
    opt = ALWAYS_KEYED

    @post(
        "/{delivery_id:int}/redeliver",
        status_code=HTTP_200_OK,
        summary="Send a delivery again now (same webhook-id, fresh retry schedule)",
    )
    async def redeliver(
        self, delivery_id: IdPath, sessions: SessionFactory, settings: SettingsDep
    ) -> DeliveryOut:
        return delivery_out(DeliveryLog(await service.redeliver(sessions, delivery_id)), settings.base_url)
