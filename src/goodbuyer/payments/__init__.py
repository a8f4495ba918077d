"""Refunds and chargebacks (payment disputes)."""
