"""The change feed: events written with each change, read by cursor, sent to webhooks."""
