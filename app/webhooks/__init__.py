"""Webhooks: subscriptions, and the delivery of feed events to them, signed and retried."""
