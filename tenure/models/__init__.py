"""SQLAlchemy tables and the engine/session factory. No business rules here.

Relationships are deliberately absent: services load what a call needs with explicit queries,
so nothing lazy-loads under asyncio.
"""

from tenure.models.articles import Article
from tenure.models.base import Base
from tenure.models.entities import Organization, OrganizationAlias, Person, PersonAlias
from tenure.models.events import UNDATED_SORT, Correction, Event, EventSource, FormerFact
from tenure.models.keys import ApiKey
from tenure.models.sources import Source, SourceItem
from tenure.models.webhooks import Delivery, DeliveryAttempt, Subscription

__all__ = [
    "UNDATED_SORT",
    "ApiKey",
    "Article",
    "Base",
    "Correction",
    "Delivery",
    "DeliveryAttempt",
    "Event",
    "EventSource",
    "FormerFact",
    "Organization",
    "OrganizationAlias",
    "Person",
    "PersonAlias",
    "Source",
    "SourceItem",
    "Subscription",
]
