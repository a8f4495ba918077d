"""Outgoing messages (the outbox); the confirmation flow comes later."""
