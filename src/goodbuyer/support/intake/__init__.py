"""Support messages in: e-mail (provider webhooks and IMAP), Gorgias, social mentions, and
matching the sender to a customer and order. Each door ends in `support.service.ingest_message`.

Modules import their own dependencies; nothing is imported here so that `support.service`
can use `matching` without loading the doors that call it.
"""
