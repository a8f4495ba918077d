"""Shopify write-back: a decision's outcome, segments, perks and limits as order and
customer tags, queued in the order's transaction and pushed through the Admin API."""
