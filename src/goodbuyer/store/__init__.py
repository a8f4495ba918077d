"""Shops, customers, orders and lines; ingestion from REST, webhooks and CSV."""
