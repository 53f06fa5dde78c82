"""Webhooks: subscriptions, the transactional outbox, signing and the delivery worker."""
